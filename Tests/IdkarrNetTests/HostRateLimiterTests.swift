import Synchronization
import Testing

@testable import IdkarrNet

@Suite struct HostRateLimiterTests {
    @Test func reservationsAreSpacedPerHost() async {
        let clock = StepClock()
        let limiter = HostRateLimiter(clock: clock)
        let interval = Duration.milliseconds(200)
        #expect(await limiter.reserve(host: "a", interval: interval) == .zero)
        #expect(await limiter.reserve(host: "a", interval: interval) == .milliseconds(200))
        #expect(await limiter.reserve(host: "a", interval: interval) == .milliseconds(400))
        #expect(await limiter.reserve(host: "b", interval: interval) == .zero, "hosts are independent")
        clock.advance(by: .milliseconds(500))
        #expect(await limiter.reserve(host: "a", interval: interval) == .milliseconds(100))
        clock.advance(by: .seconds(10))
        #expect(await limiter.reserve(host: "a", interval: interval) == .zero, "no debt from idle time")
    }

    @Test func waitingUsesTheInjectedClock() async throws {
        let clock = StepClock()
        let limiter = HostRateLimiter(clock: clock)
        try await limiter.waitForTurn(host: "a", interval: .seconds(60))
        try await limiter.waitForTurn(host: "a", interval: .seconds(60))
        #expect(clock.slept == [.seconds(60)])
        try await limiter.waitForTurn(host: "a", interval: .zero)
        #expect(clock.slept == [.seconds(60)], "a zero interval never waits")
    }
}

/// A clock whose `sleep` returns at once, recording the requested durations and (unless told
/// not to) moving time to the deadline.
final class StepClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let state = Mutex((now: Instant(offset: .zero), slept: [Duration]()))
    private let advancesOnSleep: Bool

    init(advancesOnSleep: Bool = true) {
        self.advancesOnSleep = advancesOnSleep
    }

    var now: Instant { state.withLock { $0.now } }
    var minimumResolution: Duration { .nanoseconds(1) }
    var slept: [Duration] { state.withLock { $0.slept } }

    func advance(by duration: Duration) {
        state.withLock { $0.now = $0.now.advanced(by: duration) }
    }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        state.withLock {
            $0.slept.append($0.now.duration(to: deadline))
            if advancesOnSleep { $0.now = max($0.now, deadline) }
        }
    }
}
