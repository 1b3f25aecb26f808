import Foundation

/// How a provider client reacts to HTTP 429, 5xx and transient network failures.
///
/// 429: wait for `Retry-After` (seconds or an HTTP date) and try again, unless the wait is
/// longer than `maxRetryAfter` (then fail at once with `.rateLimited(retryAfter:)`).
/// 5xx and transient network errors: wait `backoff(attempt)` (exponential from `initialBackoff`)
/// and try again. At most `maxAttempts` requests in all, then the error is returned.
///
/// The clock is injected (`sleep`, `now`) so tests drive it without waiting.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var maxRetryAfter: Duration
    /// Used when a 429 carries no usable `Retry-After`.
    public var defaultRetryAfter: Duration
    public var initialBackoff: Duration
    public var maxBackoff: Duration
    public var sleep: @Sendable (Duration) async throws -> Void
    public var now: @Sendable () -> Date

    public init(
        maxAttempts: Int = 3,
        maxRetryAfter: Duration = .seconds(30),
        defaultRetryAfter: Duration = .seconds(2),
        initialBackoff: Duration = .seconds(1),
        maxBackoff: Duration = .seconds(16),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxRetryAfter = maxRetryAfter
        self.defaultRetryAfter = defaultRetryAfter
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.sleep = sleep
        self.now = now
    }

    /// The wait before attempt `attempt + 1` after a 5xx or network failure (attempt counts from 1).
    public func backoff(afterAttempt attempt: Int) -> Duration {
        var wait = initialBackoff
        for _ in 1..<max(1, attempt) where wait < maxBackoff { wait *= 2 }
        return min(wait, maxBackoff)
    }

    /// Parses a `Retry-After` value: delta-seconds, or an IMF-fixdate HTTP date
    /// ("Wed, 21 Oct 2015 07:28:00 GMT") relative to `now`. nil when unusable.
    public static func retryAfter(_ value: String?, now: Date) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return seconds >= 0 ? .seconds(seconds) : nil }
        guard let date = httpDate(value) else { return nil }
        let delta = date.timeIntervalSince(now)
        return .seconds(max(0, Int(delta.rounded(.up))))
    }

    /// IMF-fixdate only (RFC 9110 §5.6.7: the form every current server sends).
    static func httpDate(_ text: String) -> Date? {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]),
            let month = months.firstIndex(of: String(parts[2])), let year = Int(parts[3])
        else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(
            year: year, month: month + 1, day: day, hour: clock[0], minute: clock[1], second: clock[2])
        return calendar.date(from: components)
    }
}
