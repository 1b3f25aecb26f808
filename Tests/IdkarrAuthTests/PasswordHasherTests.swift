import Testing

@testable import IdkarrAuth

/// Cheap parameters so the suite stays fast; the default parameters are covered by one test.
private let fast = PasswordHasher.Parameters(memoryKiB: 1024, iterations: 1, parallelism: 1)

@Suite struct PasswordHasherTests {
    let hasher = PasswordHasher(parameters: fast)

    @Test func roundTripWithDefaults() async throws {
        let hasher = PasswordHasher()
        let encoded = try await hasher.hash("correct horse battery staple")
        #expect(try await hasher.verify("correct horse battery staple", against: encoded))
        #expect(try await !hasher.verify("Correct horse battery staple", against: encoded))
        #expect(encoded.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(!hasher.needsRehash(encoded))
    }

    @Test func wrongPasswordFails() throws {
        let encoded = try hasher.hashBlocking("hunter2")
        #expect(hasher.verifyBlocking("hunter2", against: encoded))
        #expect(!hasher.verifyBlocking("hunter3", against: encoded))
        #expect(!hasher.verifyBlocking("", against: encoded))
    }

    @Test func unicodeAndEmptyPasswords() throws {
        for password in ["", "pässwörd 🔑", String(repeating: "x", count: PasswordHasher.maxPasswordBytes)] {
            let encoded = try hasher.hashBlocking(password)
            #expect(hasher.verifyBlocking(password, against: encoded))
        }
    }

    @Test func tooLongPasswordIsRefused() {
        let long = String(repeating: "x", count: PasswordHasher.maxPasswordBytes + 1)
        #expect(throws: PasswordHasherError.self) { try hasher.hashBlocking(long) }
    }

    @Test func parametersAndSaltAreInTheString() throws {
        let a = try hasher.hashBlocking("same")
        let b = try hasher.hashBlocking("same")
        #expect(a != b, "a fresh salt every time")
        let parts = a.split(separator: "$")
        #expect(parts.count == 5)
        #expect(parts[0] == "argon2id")
        #expect(parts[1] == "v=19")
        #expect(parts[2] == "m=1024,t=1,p=1")
        #expect(parts[3].count == 22, "16-byte salt, unpadded base64")
        #expect(parts[4].count == 43, "32-byte hash, unpadded base64")
        #expect(PasswordHasher.parameters(of: a) == fast)
    }

    @Test func verifyUsesTheParametersOfTheStoredHash() throws {
        let old = try hasher.hashBlocking("pw")
        let stronger = PasswordHasher(parameters: .init(memoryKiB: 2048, iterations: 2, parallelism: 1))
        #expect(stronger.verifyBlocking("pw", against: old))
        #expect(stronger.needsRehash(old))
        #expect(!hasher.needsRehash(old))
        let renewed = try stronger.hashBlocking("pw")
        #expect(!stronger.needsRehash(renewed))
        #expect(hasher.needsRehash(renewed))
    }

    @Test(arguments: [
        "",
        "hunter2",
        "$argon2id$",
        "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=16$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=4294967295,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=1024,t=999999,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$",
        "$argon2id$v=19$m=1024,t=1,p=1$$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=1024,t=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$t=1,m=1024,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHN!bHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=-1,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g$extra",
        String(repeating: "$", count: 600),
    ])
    func malformedHashNeverVerifies(_ encoded: String) {
        #expect(!hasher.verifyBlocking("hunter2", against: encoded))
        #expect(hasher.needsRehash(encoded))
    }

    @Test func tamperedHashFails() throws {
        var encoded = try hasher.hashBlocking("pw")
        let last = encoded.removeLast()
        encoded.append(last == "A" ? "B" : "A")
        #expect(!hasher.verifyBlocking("pw", against: encoded))
    }

    @Test func absentAccountCheckRuns() async throws {
        try await hasher.verifyAbsentAccount("anything")
    }

    @Test func concurrentHashesAreCappedAndQueued() async throws {
        let hasher = PasswordHasher(parameters: fast, maxConcurrentHashes: 2, maxWaiting: 100)
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<12 {
                group.addTask {
                    let encoded = try await hasher.hash("pw\(i)")
                    return try await hasher.verify("pw\(i)", against: encoded)
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 12)
        #expect(results.allSatisfy { $0 })
    }

    @Test func gateRefusesWhenTheQueueIsFull() async throws {
        let gate = ConcurrencyGate(limit: 1, maxWaiting: 1)
        try await gate.acquire()
        let waiter = Task { try await gate.acquire() }
        while await gate.load.waiting < 1 { await Task.yield() }
        await #expect(throws: PasswordHasherError.self) { try await gate.acquire() }
        await gate.release()
        try await waiter.value
        #expect(await gate.load == (1, 0))
        await gate.release()
        #expect(await gate.load == (0, 0))
    }

    @Test func gateWaiterCanBeCancelled() async throws {
        let gate = ConcurrencyGate(limit: 1, maxWaiting: 4)
        try await gate.acquire()
        let waiter = Task { try await gate.acquire() }
        while await gate.load.waiting < 1 { await Task.yield() }
        waiter.cancel()
        let outcome = await waiter.result
        #expect(throws: PasswordHasherError.self) { try outcome.get() }
        #expect(await gate.load == (1, 0))
    }
}
