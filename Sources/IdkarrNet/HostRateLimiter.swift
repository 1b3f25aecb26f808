/// Spaces out requests to one host: each request reserves the next free start time, at least
/// `interval` after the previous reservation for that host, and waits until then. Waiting,
/// not failing, because a caller (an RSS sync, a search) wants its answer, only later.
///
/// The clock is injected as two functions (time since the limiter was made, and sleep) so tests
/// can drive it; `init(clock:)` builds them from any `Clock`.
actor HostRateLimiter {
    private let elapsed: @Sendable () -> Duration
    private let sleeper: @Sendable (Duration) async throws -> Void
    /// Next free start time per host, as time since the limiter was made.
    private var nextStart: [String: Duration] = [:]

    init<C: Clock>(clock: C) where C.Duration == Duration {
        let origin = clock.now
        self.elapsed = { origin.duration(to: clock.now) }
        self.sleeper = { try await clock.sleep(for: $0) }
    }

    /// Returns when a request to `host` may start. Throws `CancellationError` if the task is
    /// cancelled while waiting (its reserved slot is then simply left unused).
    func waitForTurn(host: String, interval: Duration) async throws {
        guard interval > .zero else { return }
        let delay = reserve(host: host, interval: interval)
        if delay > .zero {
            try await sleeper(delay)
        } else {
            try Task.checkCancellation()
        }
    }

    /// Books the next slot for `host` and returns how long to wait for it.
    func reserve(host: String, interval: Duration) -> Duration {
        let now = elapsed()
        let start = max(now, nextStart[host] ?? now)
        nextStart[host] = start + interval
        if nextStart.count > 1024 {
            nextStart = nextStart.filter { $0.value > now }
        }
        return start - now
    }
}
