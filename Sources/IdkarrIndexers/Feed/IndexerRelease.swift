#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Usenet (an NZB) or BitTorrent (a .torrent or a magnet link).
public enum DownloadProtocol: String, Sendable, Hashable, Codable {
    case usenet, torrent
}

/// Which reading rules apply to a feed: they differ in which link is the download.
public enum FeedDialect: String, Sendable, Hashable, Codable {
    /// Usenet: the `application/x-nzb` enclosure is the download; items without one are skipped
    /// (a mixed feed such as AnimeTosho offers torrents too).
    case newznab
    /// BitTorrent: the torrent (or magnet) enclosure, else the link, else the `magneturl` attribute.
    case torznab
    /// A plain RSS feed of NZBs: `<link>` is the download, the enclosure only a fallback.
    case rss

    public var downloadProtocol: DownloadProtocol { self == .torznab ? .torrent : .usenet }
}

/// Facts an indexer states about a release beyond its name (Sonarr/Radarr's indexer flags).
public enum IndexerFlag: String, Sendable, Hashable, Codable, CaseIterable {
    /// `prematch=1` or `haspretime=1`: the release was seen on the scene's pre databases.
    case scene
    /// `nuked=1`.
    case nuked
    /// `subs` names at least one subtitle language.
    case subtitles
    /// `downloadvolumefactor=0`.
    case freeleech
    /// `0 < downloadvolumefactor < 1`.
    case halfleech
    /// `uploadvolumefactor=2`.
    case doubleUpload
    /// `tag` holds `internal`.
    case `internal`
}

/// One release read from a Newznab or Torznab feed. Fields the feed did not state are nil.
public struct IndexerRelease: Sendable, Hashable {
    public var title: String
    /// The item's `<guid>` (unique per indexer); the download URL when the item has none.
    public var guid: String
    public var downloadProtocol: DownloadProtocol
    /// The NZB or torrent to fetch, absolute; a `magnet:` link for magnet-only torrent items.
    public var downloadURL: String
    /// The release's page at the indexer (`<comments>` without `#comments`, else a permalink guid).
    public var infoURL: String?
    /// `<comments>` as written (resolved).
    public var commentsURL: String?
    public var publishDate: Date
    public var size: Int64
    /// Newznab category ids (`attr category`), in order, without duplicates.
    public var categories: [Int]
    public var flags: Set<IndexerFlag>
    /// `attr language`, split at commas (`"English, Japanese"` → two).
    public var languages: [String]

    // Torznab
    public var seeders: Int?
    /// Seeders plus leechers (`peers`, else `seeders + leechers`).
    public var peers: Int?
    public var leechers: Int?
    /// Lower-case hex or base32, as the indexer wrote it (or taken from the magnet link).
    public var infoHash: String?
    public var magnetURL: String?
    public var grabs: Int?
    public var files: Int?
    public var minimumRatio: Double?
    /// Seconds.
    public var minimumSeedTime: Int?
    public var downloadVolumeFactor: Double?
    public var uploadVolumeFactor: Double?

    // Ids and numbering the indexer matched the release to
    public var tvdbId: Int?
    public var tvmazeId: Int?
    public var tvRageId: Int?
    /// `tt` followed by the digits (`imdb=3032476` → `tt3032476`).
    public var imdbId: String?
    public var tmdbId: Int?
    public var season: String?
    public var episode: String?

    // Usenet
    public var usenetDate: Date?
    public var poster: String?
    public var group: String?

    public init(title: String, guid: String, downloadProtocol: DownloadProtocol, downloadURL: String, publishDate: Date, size: Int64) {
        self.title = title
        self.guid = guid
        self.downloadProtocol = downloadProtocol
        self.downloadURL = downloadURL
        self.publishDate = publishDate
        self.size = size
        self.categories = []
        self.flags = []
        self.languages = []
    }
}

/// A feed item that was not turned into a release, and why.
public struct SkippedItem: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        case missingTitle
        case missingDownloadLink
        /// A Newznab reading of an item that offers only torrents (or the reverse).
        case wrongProtocol
        case missingPublishDate
        case unreadablePublishDate(String)
        case missingSize
    }

    /// The item's position in the feed (0-based).
    public let index: Int
    /// The title when the item had one.
    public let title: String?
    public let reason: Reason

    /// The reason in words, for logs and the UI.
    public var explanation: String {
        switch reason {
        case .missingTitle: "the item has no title"
        case .missingDownloadLink: "the item has no download link (no enclosure, link or magnet)"
        case .wrongProtocol: "the item offers no download of the indexer's protocol"
        case .missingPublishDate: "the item has no publish date"
        case .unreadablePublishDate(let text): "the publish date \"\(text)\" cannot be read"
        case .missingSize: "the item states no size"
        }
    }
}

/// What a feed says about itself (`<channel>` and `newznab:response`).
public struct ChannelInfo: Sendable, Hashable {
    public var title: String?
    public var description: String?
    public var link: String?
    public var language: String?
    /// `newznab:response offset` / `total` (paging); nil when the feed does not say.
    public var offset: Int?
    public var total: Int?

    public init() {}
}

/// A feed read by `FeedReader`: its releases in feed order, and the items skipped with reasons.
public struct Feed: Sendable, Hashable {
    public var channel: ChannelInfo
    public var releases: [IndexerRelease]
    public var skipped: [SkippedItem]

    public init(channel: ChannelInfo = ChannelInfo(), releases: [IndexerRelease] = [], skipped: [SkippedItem] = []) {
        self.channel = channel
        self.releases = releases
        self.skipped = skipped
    }
}
