import Foundation
import IdkarrStore

/// What RSS sync remembers of one indexer: the guids of the releases it has seen, newest first.
public struct RssSeenRecord: Codable, Sendable, Equatable, StoredDocument {
    public static let collection = "rss-seen"
    public static let schemaVersion = 1
    /// More than any indexer's RSS feed holds at once, so a release is never taken for new twice.
    public static let capacity = 2_000

    public var indexerId: Int
    public var guids: [String]
    public var lastSyncAt: Date

    /// `fresh` first, then the guids seen before, cut to `capacity`.
    mutating func remember(_ fresh: [String], at time: Date) {
        let known = Set(fresh)
        guids = Array((fresh + guids.filter { !known.contains($0) }).prefix(Self.capacity))
        lastSyncAt = time
    }
}

/// One RSS sync: what each indexer returned, what was new, and what idkarr would take.
public struct RssSyncReport: Codable, Sendable, Equatable, StoredDocument {
    public static let collection = "rss-sync"
    public static let schemaVersion = 1
    /// Releases listed per verdict (the counts cover all).
    public static let listLimit = 100

    public enum Trigger: String, Codable, Sendable { case scheduled, manual }

    public struct IndexerPart: Codable, Sendable, Equatable {
        public var indexerId: Int
        public var name: String
        /// `ok`, `failed` or `skipped` (resting after failures).
        public var state: IndexerOutcome.State
        public var fetched: Int
        public var new: Int
        public var pages: Int
        public var message: String?
        public var code: String?
        /// Until when it rests after failures.
        public var disabledUntil: Date?
    }

    /// A new release that belongs to a library title, with the verdict.
    public struct Match: Codable, Sendable, Equatable {
        public var mediaId: Int
        public var mediaTitle: String
        public var releaseTitle: String
        public var guid: String
        public var indexerId: Int
        public var indexer: String
        public var quality: String
        public var qualityId: Int
        public var size: Int64
        public var publishDate: Date
        /// The release's page at the indexer (http or https only).
        public var infoUrl: String?
        /// The title's episodes the release holds (empty for a movie).
        public var episodeIds: [Int]
        public var accepted: Bool
        public var rejections: [String]
    }

    /// 1 for the first sync of this data folder, then one more each time.
    public var run: Int
    public var trigger: Trigger
    public var startedAt: Date
    public var finishedAt: Date
    /// How long the sync took.
    public var milliseconds: Int
    public var indexers: [IndexerPart]
    /// Releases not seen in an earlier sync.
    public var newReleases: Int
    /// New releases that belong to a library title.
    public var matched: Int
    public var acceptedCount: Int
    public var rejectedCount: Int
    /// Up to `listLimit` accepted matches, best first. Grabbing them comes with the download clients.
    public var accepted: [Match]
    /// Up to `listLimit` rejected matches, with why.
    public var rejected: [Match]
}
