import Foundation
import IdkarrDomain

/// Prowlarr's escalating backoff: after the n-th failure in a row an indexer rests 1 minute, 5, 15,
/// 30, 1 hour, 3, 6, 12, then 24 hours for every later failure. A `Retry-After` the indexer sent
/// wins when it asks for longer. A success resets it.
public enum IndexerBackoff {
    public static let steps: [Duration] = [
        .seconds(60), .seconds(300), .seconds(900), .seconds(1800), .seconds(3600),
        .seconds(3 * 3600), .seconds(6 * 3600), .seconds(12 * 3600), .seconds(24 * 3600),
    ]

    /// The rest after `failures` failures in a row (1 = the first).
    public static func delay(afterFailures failures: Int, retryAfter: Duration? = nil) -> Duration {
        let step = steps[min(max(failures, 1), steps.count) - 1]
        guard let retryAfter else { return step }
        return max(step, min(retryAfter, .seconds(24 * 3600)))
    }

    /// The status after a failure at `now`.
    public static func failed(_ status: IndexerStatus, at now: Date, reason: String, retryAfter: Duration? = nil) -> IndexerStatus {
        var s = status
        s.consecutiveFailures += 1
        s.failures += 1
        s.queries += 1
        s.lastFailure = now
        s.lastFailureReason = reason
        let wait = delay(afterFailures: s.consecutiveFailures, retryAfter: retryAfter)
        s.disabledUntil = now.addingTimeInterval(Double(wait.components.seconds))
        return s
    }

    /// The status after an answer that took `milliseconds`.
    public static func succeeded(_ status: IndexerStatus, milliseconds: Int) -> IndexerStatus {
        var s = status
        s.consecutiveFailures = 0
        s.disabledUntil = nil
        s.queries += 1
        s.totalResponseMilliseconds += milliseconds
        return s
    }

    public static func isAvailable(_ status: IndexerStatus, at now: Date) -> Bool {
        (status.disabledUntil ?? .distantPast) <= now
    }
}
