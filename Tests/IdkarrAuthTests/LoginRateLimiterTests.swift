import Testing

@testable import IdkarrAuth

@Suite struct LoginRateLimiterTests {
    let clock = ManualClock()
    let policy = LoginRateLimiter<ManualClock>.Policy(
        maxFailuresPerAccount: 5, maxFailuresPerAddress: 20, window: .seconds(900),
        baseLockout: .seconds(300), maxLockout: .seconds(3600), maxTrackedKeys: 100)

    func limiter() -> LoginRateLimiter<ManualClock> {
        LoginRateLimiter(policy: policy, clock: clock)
    }

    @Test func blocksAfterFiveAccountFailures() async {
        let limiter = limiter()
        for _ in 0..<4 {
            #expect(await limiter.recordFailure(account: "alice", address: "10.0.0.1") == .allowed)
            clock.advance(by: .seconds(10))
        }
        let decision = await limiter.recordFailure(account: "alice", address: "10.0.0.1")
        #expect(decision == .blocked(retryAfter: .seconds(300)))
        #expect(decision.retryAfterSeconds == 300)
        // The account is blocked from any address, and case does not matter.
        #expect(await limiter.check(account: "ALICE", address: "10.9.9.9") == .blocked(retryAfter: .seconds(300)))
        // Other accounts from the same address are not.
        #expect(await limiter.check(account: "bob", address: "10.0.0.1") == .allowed)
    }

    @Test func retryAfterCountsDownAndRoundsUp() async {
        let limiter = limiter()
        for _ in 0..<5 { await limiter.recordFailure(account: "a", address: "x") }
        clock.advance(by: .milliseconds(120_500))
        let decision = await limiter.check(account: "a", address: "x")
        #expect(decision == .blocked(retryAfter: .milliseconds(179_500)))
        #expect(decision.retryAfterSeconds == 180)
        clock.advance(by: .milliseconds(179_500))
        #expect(await limiter.check(account: "a", address: "x") == .allowed)
    }

    @Test func failuresOutsideTheWindowDoNotCount() async {
        let limiter = limiter()
        for _ in 0..<4 { await limiter.recordFailure(account: "a", address: "x") }
        clock.advance(by: .seconds(900))
        for _ in 0..<4 {
            #expect(await limiter.recordFailure(account: "a", address: "x") == .allowed)
        }
        #expect(await limiter.recordFailure(account: "a", address: "x") != .allowed)
    }

    @Test func lockoutEscalatesAndIsForgottenAfterAQuietWindow() async {
        let limiter = limiter()
        var lockouts: [Int] = []
        for _ in 0..<6 {
            var decision = LoginRateLimiter<ManualClock>.Decision.allowed
            for _ in 0..<5 { decision = await limiter.recordFailure(account: "a", address: "x\(lockouts.count)") }
            lockouts.append(decision.retryAfterSeconds)
            clock.advance(by: .seconds(decision.retryAfterSeconds))
        }
        #expect(lockouts == [300, 600, 1200, 2400, 3600, 3600])
        clock.advance(by: .seconds(900))
        var decision = LoginRateLimiter<ManualClock>.Decision.allowed
        for _ in 0..<5 { decision = await limiter.recordFailure(account: "a", address: "y") }
        #expect(decision.retryAfterSeconds == 300)
    }

    @Test func failuresDuringALockDoNotExtendIt() async {
        let limiter = limiter()
        for _ in 0..<5 { await limiter.recordFailure(account: "a", address: "x") }
        clock.advance(by: .seconds(100))
        #expect(await limiter.recordFailure(account: "a", address: "x") == .blocked(retryAfter: .seconds(200)))
    }

    @Test func successClearsTheAccountButNotTheAddress() async {
        let limiter = limiter()
        for i in 0..<19 { await limiter.recordFailure(account: "user\(i % 4)", address: "10.0.0.1") }
        await limiter.recordSuccess(account: "user0")
        #expect(await limiter.check(account: "user0", address: "10.0.0.1") == .allowed)
        let decision = await limiter.recordFailure(account: "user0", address: "10.0.0.1")
        #expect(decision == .blocked(retryAfter: .seconds(300)), "20th failure from one address")
        #expect(await limiter.check(account: "someone", address: "10.0.0.2") == .allowed)
    }

    @Test func successResetsTheCount() async {
        let limiter = limiter()
        for _ in 0..<4 { await limiter.recordFailure(account: "a", address: "x") }
        await limiter.recordSuccess(account: "A")
        for _ in 0..<4 {
            #expect(await limiter.recordFailure(account: "a", address: "y") == .allowed)
        }
    }

    @Test func memoryIsBounded() async {
        let limiter = limiter()
        for i in 0..<1_000 {
            await limiter.recordFailure(account: "user\(i)", address: "10.0.\(i / 256).\(i % 256)")
            clock.advance(by: .milliseconds(10))
        }
        let tracked = await limiter.trackedKeys
        #expect(tracked.accounts <= 100)
        #expect(tracked.addresses <= 100)
        // The most recent keys are kept.
        for _ in 0..<4 { await limiter.recordFailure(account: "user999", address: "elsewhere") }
        #expect(await limiter.check(account: "user999", address: "z") != .allowed)
    }

    @Test func quietKeysAreDroppedFirst() async {
        let limiter = limiter()
        for i in 0..<100 { await limiter.recordFailure(account: "old\(i)", address: "a\(i)") }
        clock.advance(by: .seconds(1000))
        await limiter.recordFailure(account: "new", address: "b")
        #expect(await limiter.trackedKeys == (1, 1))
    }

    @Test func concurrentFailuresAreAllCounted() async {
        let limiter = limiter()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { await limiter.recordFailure(account: "a", address: "x") }
            }
        }
        #expect(await limiter.check(account: "a", address: "x") == .allowed)
        #expect(await limiter.recordFailure(account: "a", address: "x") != .allowed)
    }
}
