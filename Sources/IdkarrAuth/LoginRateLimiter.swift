/// Slows down password guessing, per account name and per client address.
///
/// Each key (an account name, lower-cased; or a client address) keeps the times of its recent
/// failures. When `maxFailures` of them fall inside `window`, the key is locked for a lockout
/// that doubles with each successive lock (`baseLockout`, 2×, 4×, … up to `maxLockout`) and its
/// failure list starts afresh. The escalation level is forgotten once a key has been quiet (no
/// failure, no lock) for a whole `window`. A successful login clears the account's key; the
/// address key is kept, so one valid account can't be used to reset an address's count.
///
/// Memory is bounded: each table holds at most `maxTrackedKeys`; when full, expired keys are
/// dropped, then the least recently failed eighth.
///
/// Usage in a login handler:
///
///     if case .blocked(let wait) = await limiter.check(account: name, address: ip) { 429, Retry-After }
///     if ok { await limiter.recordSuccess(account: name) } else { await limiter.recordFailure(account: name, address: ip) }
public actor LoginRateLimiter<C: Clock> where C.Duration == Duration {
    public struct Policy: Sendable, Hashable {
        public var maxFailuresPerAccount: Int
        public var maxFailuresPerAddress: Int
        public var window: Duration
        public var baseLockout: Duration
        public var maxLockout: Duration
        public var maxTrackedKeys: Int

        public init(
            maxFailuresPerAccount: Int = 5, maxFailuresPerAddress: Int = 20, window: Duration = .seconds(15 * 60),
            baseLockout: Duration = .seconds(5 * 60), maxLockout: Duration = .seconds(60 * 60),
            maxTrackedKeys: Int = 10_000
        ) {
            self.maxFailuresPerAccount = max(1, maxFailuresPerAccount)
            self.maxFailuresPerAddress = max(1, maxFailuresPerAddress)
            self.window = window
            self.baseLockout = baseLockout
            self.maxLockout = max(maxLockout, baseLockout)
            self.maxTrackedKeys = max(8, maxTrackedKeys)
        }
    }

    public enum Decision: Sendable, Hashable {
        case allowed
        case blocked(retryAfter: Duration)

        public var isAllowed: Bool { self == .allowed }

        /// Whole seconds, rounded up, for a `Retry-After` header; 0 when allowed.
        public var retryAfterSeconds: Int {
            guard case .blocked(let wait) = self else { return 0 }
            let (seconds, attoseconds) = wait.components
            return Int(seconds) + (attoseconds > 0 ? 1 : 0)
        }
    }

    struct Entry {
        var failures: [C.Instant] = []
        var lockedUntil: C.Instant?
        var level = 0
        var lastActivity: C.Instant
    }

    public let policy: Policy
    private let clock: C
    private var accounts: [String: Entry] = [:]
    private var addresses: [String: Entry] = [:]

    public init(policy: Policy = Policy(), clock: C) {
        self.policy = policy
        self.clock = clock
    }

    /// Whether a login attempt may proceed now. Does not count as an attempt.
    public func check(account: String, address: String) -> Decision {
        let now = clock.now
        let waits = [
            remainingLock(accounts[Self.accountKey(account)], now: now),
            remainingLock(addresses[address], now: now),
        ].compactMap { $0 }
        return waits.max().map { .blocked(retryAfter: $0) } ?? .allowed
    }

    /// Counts a failed attempt against both keys; returns the decision for the next attempt.
    @discardableResult
    public func recordFailure(account: String, address: String) -> Decision {
        let now = clock.now
        fail(&accounts, key: Self.accountKey(account), limit: policy.maxFailuresPerAccount, now: now)
        fail(&addresses, key: address, limit: policy.maxFailuresPerAddress, now: now)
        return check(account: account, address: address)
    }

    /// A successful login: forgets the account's failures and lock level.
    public func recordSuccess(account: String) {
        accounts[Self.accountKey(account)] = nil
    }

    /// Keys currently tracked (for tests and the health page).
    public var trackedKeys: (accounts: Int, addresses: Int) { (accounts.count, addresses.count) }

    // MARK: internals

    static func accountKey(_ account: String) -> String {
        account.lowercased()
    }

    private func remainingLock(_ entry: Entry?, now: C.Instant) -> Duration? {
        guard let until = entry?.lockedUntil, now < until else { return nil }
        return now.duration(to: until)
    }

    private func fail(_ table: inout [String: Entry], key: String, limit: Int, now: C.Instant) {
        var entry = table[key] ?? Entry(lastActivity: now)
        if let until = entry.lockedUntil, now < until {
            // Attempts during a lock are refused by `check`; if a caller records one anyway,
            // it doesn't extend the lock (the caller didn't get to test a password).
            return
        }
        if isQuiet(entry, now: now) {
            entry = Entry(lastActivity: now)
        }
        entry.failures.removeAll { $0.duration(to: now) >= policy.window }
        entry.failures.append(now)
        entry.lastActivity = now
        if entry.failures.count >= limit {
            entry.level += 1
            entry.lockedUntil = now.advanced(by: lockout(level: entry.level))
            entry.failures.removeAll()
        }
        if table[key] == nil, table.count >= policy.maxTrackedKeys {
            evict(&table, now: now)
        }
        table[key] = entry
    }

    private func lockout(level: Int) -> Duration {
        var lockout = policy.baseLockout
        for _ in 1..<max(1, level) where lockout < policy.maxLockout {
            lockout *= 2
        }
        return min(lockout, policy.maxLockout)
    }

    /// No failure within the window and no lock within the window: the key can be forgotten.
    private func isQuiet(_ entry: Entry, now: C.Instant) -> Bool {
        let lastEvent = entry.lockedUntil.map { max($0, entry.lastActivity) } ?? entry.lastActivity
        return lastEvent.duration(to: now) >= policy.window
    }

    private func evict(_ table: inout [String: Entry], now: C.Instant) {
        table = table.filter { !isQuiet($0.value, now: now) }
        guard table.count >= policy.maxTrackedKeys else { return }
        let oldest = table.sorted { $0.value.lastActivity < $1.value.lastActivity }
            .prefix(max(1, table.count / 8))
        for (key, _) in oldest {
            table[key] = nil
        }
    }
}

extension LoginRateLimiter where C == ContinuousClock {
    public init(policy: Policy = Policy()) {
        self.init(policy: policy, clock: ContinuousClock())
    }
}
