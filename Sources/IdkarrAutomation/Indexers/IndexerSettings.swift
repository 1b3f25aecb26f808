import Foundation
import IdkarrDomain
import IdkarrStore

/// The settings every indexer shares (Sonarr's Settings → Indexers): how often RSS sync runs and
/// the limits every release must pass whichever indexer offered it.
public struct IndexerSettings: Codable, Sendable, Equatable, StoredDocument {
    public static let collection = "indexer-settings"
    public static let schemaVersion = 1

    /// Minutes between RSS syncs: 0 turns RSS sync off, otherwise 10 to 1,440 (a day).
    public var rssSyncIntervalMinutes: Int
    /// Usenet: a release younger than this is held back (posts still propagating). 0: no wait.
    public var minimumAgeMinutes: Int
    /// Usenet: releases older than the provider keeps are refused. 0: unlimited.
    public var retentionDays: Int
    /// Releases larger than this are refused. 0: no limit.
    public var maximumSizeMB: Int

    public init(rssSyncIntervalMinutes: Int = 15, minimumAgeMinutes: Int = 0, retentionDays: Int = 0, maximumSizeMB: Int = 0) {
        self.rssSyncIntervalMinutes = rssSyncIntervalMinutes
        self.minimumAgeMinutes = minimumAgeMinutes
        self.retentionDays = retentionDays
        self.maximumSizeMB = maximumSizeMB
    }

    /// Every problem at once, by field.
    public func validate() throws {
        var v = Validator()
        v.check(rssSyncIntervalMinutes == 0 || (10...1440).contains(rssSyncIntervalMinutes), "rssSyncIntervalMinutes",
                "RSS sync runs every 10 to 1,440 minutes (0 turns it off).")
        v.check((0...1440).contains(minimumAgeMinutes), "minimumAgeMinutes", "Minimum age is 0 to 1,440 minutes.")
        v.check((0...36_500).contains(retentionDays), "retentionDays", "Retention is 0 (unlimited) to 36,500 days.")
        v.check((0...10_000_000).contains(maximumSizeMB), "maximumSizeMB", "Maximum size is 0 (no limit) to 10,000,000 MB.")
        try v.throwIfInvalid()
    }

    /// The RSS sync interval, nil when RSS sync is off.
    public var rssSyncInterval: Duration? {
        rssSyncIntervalMinutes > 0 ? .seconds(rssSyncIntervalMinutes * 60) : nil
    }
}
