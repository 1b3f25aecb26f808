import Foundation
import IdkarrDomain
import IdkarrParsing

/// What was searched for: some episodes of a series, a whole season, or the movie.
public enum SearchTarget: Sendable, Equatable {
    case episodes([Int])
    case season(Int)
    case movie
    /// Whatever episodes of the title the release holds (RSS sync: the release came unasked).
    case anyEpisodes
}

/// Everything a decision needs besides the release: the title, the search, the settings.
public struct DecisionContext: Sendable {
    public var media: Media
    public var target: SearchTarget
    public var profile: QualityProfile?
    /// Size limits by quality id (megabytes per minute of runtime).
    public var definitions: [Int: QualityDefinition]
    /// Blocklisted release guids and titles.
    public var blocklist: Set<String>
    /// Torrents: fewer seeders are refused (a temporary rejection); `indexerMinimumSeeders`
    /// overrides it for the releases of an indexer.
    public var minimumSeeders: Int
    /// Indexer id → its "minimum seeders" setting.
    public var indexerMinimumSeeders: [Int: Int] = [:]
    /// Usenet: posts younger than this are held back (a temporary rejection).
    public var minimumAgeMinutes: Int
    /// Usenet: posts older than the provider keeps are refused (nil: no limit).
    public var retentionDays: Int?
    /// Larger releases are refused (nil: no limit).
    public var maximumSizeBytes: Int64?
    /// Automatic searches and RSS take only monitored titles and episodes; a user's interactive
    /// search may take anything.
    public var requireMonitored: Bool = false
    public var now: Date

    public init(media: Media, target: SearchTarget, profile: QualityProfile?, definitions: [Int: QualityDefinition] = [:],
                blocklist: Set<String> = [], minimumSeeders: Int = 1, minimumAgeMinutes: Int = 0, retentionDays: Int? = nil,
                now: Date = Date()) {
        self.media = media
        self.target = target
        self.profile = profile
        self.definitions = definitions
        self.blocklist = blocklist
        self.minimumSeeders = minimumSeeders
        self.minimumAgeMinutes = minimumAgeMinutes
        self.retentionDays = retentionDays
        self.now = now
    }
}

/// Why a release is not taken, in words a user can act on, and whether waiting may help.
public struct Rejection: Sendable, Equatable, CustomStringConvertible {
    /// The specification that said no ("quality", "size", ...).
    public var specification: String
    public var reason: String
    /// True when the same release may be accepted later (too new, not yet seeded).
    public var temporary: Bool

    public init(_ specification: String, _ reason: String, temporary: Bool = false) {
        self.specification = specification
        self.reason = reason
        self.temporary = temporary
    }

    public var description: String { reason }
}

/// One release with its verdict.
public struct Decision: Sendable {
    public var release: Release
    /// The title's episodes the release holds (empty for a movie).
    public var episodeIds: [Int]
    public var rejections: [Rejection]
    public var accepted: Bool { rejections.isEmpty }
}
