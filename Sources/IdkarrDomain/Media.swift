#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A series, an anime or a movie in one instance. A series document holds its seasons and
/// episodes and their files; a movie document holds its file.
public struct Media: Codable, Sendable, Equatable {
    public var instanceId: Int
    public var mediaType: MediaType
    public var title: String
    public var sortTitle: String
    public var alternateTitles: [String]
    public var year: Int?
    public var status: MediaStatus
    public var overview: String?
    public var monitored: Bool
    public var qualityProfileId: Int?
    public var rootFolderId: Int?
    public var path: String?
    public var tags: [Int]
    public var externalIds: ExternalIds
    public var images: [MediaImage]
    public var genres: [String]
    public var network: String?
    public var runtime: Int?
    public var seriesType: SeriesType?
    public var seasonFolder: Bool?
    /// Series: monitor seasons that a refresh discovers later (Sonarr's "monitor new seasons").
    public var monitorNewSeasons: Bool?
    /// Movies: when a monitored movie counts as wanted (announced, in cinemas, released).
    public var minimumAvailability: MinimumAvailability?
    /// Movies: release dates by kind, for the calendar and availability.
    public var releaseDates: MovieReleaseDates?
    public var added: Date
    /// When metadata was last fetched from a provider (nil: never, e.g. created by hand).
    public var lastRefreshed: Date?
    /// When the title's folder was last scanned for files.
    public var lastScanned: Date?
    public var seasons: [Season]
    public var episodes: [Episode]
    public var movieFile: MediaFile?
    /// Video files in the title's folder that the last scan could not match to an episode or the movie.
    public var unmatchedFiles: [UnmatchedFile]?

    public init(instanceId: Int, mediaType: MediaType, title: String, added: Date) {
        self.instanceId = instanceId
        self.mediaType = mediaType
        self.title = title
        self.sortTitle = Media.sortTitle(for: title)
        self.alternateTitles = []
        self.status = .unknown
        self.monitored = true
        self.tags = []
        self.externalIds = ExternalIds()
        self.images = []
        self.genres = []
        self.added = added
        self.seasons = []
        self.episodes = []
        if mediaType.isEpisodic { seriesType = mediaType == .anime ? .anime : .standard; seasonFolder = true }
    }

    /// Lowercased title without a leading article, for sorting ("The Wire" sorts as "wire").
    public static func sortTitle(for title: String) -> String {
        var t = title.lowercased()
        for article in ["the ", "a ", "an "] where t.hasPrefix(article) && t.count > article.count {
            t.removeFirst(article.count)
            break
        }
        return t
    }

    /// Totals derived from the episodes (or the movie file).
    public var statistics: MediaStatistics {
        if mediaType == .movie {
            return MediaStatistics(seasonCount: 0, episodeCount: 0, episodeFileCount: movieFile == nil ? 0 : 1,
                                   sizeOnDisk: movieFile?.size ?? 0)
        }
        var files = 0
        var size: Int64 = 0
        for episode in episodes {
            if let file = episode.episodeFile { files += 1; size += file.size }
        }
        let seasonCount = seasons.filter { $0.seasonNumber > 0 }.count
        return MediaStatistics(seasonCount: seasonCount, episodeCount: episodes.count, episodeFileCount: files, sizeOnDisk: size)
    }

    /// Seasons that episodes mention but `seasons` lacks are added (monitored like the title); the list is kept sorted.
    public mutating func normalizeSeasons() {
        let known = Set(seasons.map(\.seasonNumber))
        for number in Set(episodes.map(\.seasonNumber)).subtracting(known) {
            seasons.append(Season(seasonNumber: number, monitored: monitored))
        }
        seasons.sort { $0.seasonNumber < $1.seasonNumber }
        episodes.sort { ($0.seasonNumber, $0.episodeNumber) < ($1.seasonNumber, $1.episodeNumber) }
    }

    /// The next unused episode id inside this document.
    public var nextEpisodeId: Int { (episodes.map(\.id).max() ?? 0) + 1 }
}

public enum MediaStatus: String, Codable, Sendable, CaseIterable {
    case continuing, ended, upcoming, announced, inCinemas, released, unknown
}

public enum SeriesType: String, Codable, Sendable, CaseIterable {
    case standard, daily, anime
}

/// When a monitored movie becomes wanted (Radarr's minimum availability).
public enum MinimumAvailability: String, Codable, Sendable, CaseIterable {
    case announced, inCinemas, released
}

/// A movie's release dates by kind (TMDB release types 3, 4, 5), `yyyy-MM-dd`, the earliest
/// across countries.
public struct MovieReleaseDates: Sendable, Equatable, Codable {
    public var inCinemas: String?
    public var digital: String?
    public var physical: String?

    public init(inCinemas: String? = nil, digital: String? = nil, physical: String? = nil) {
        self.inCinemas = inCinemas
        self.digital = digital
        self.physical = physical
    }
}

/// Every id the providers know a title by; a title can be added or matched by any of them.
public struct ExternalIds: Codable, Sendable, Equatable {
    public var tmdbId: Int?
    public var tvdbId: Int?
    public var imdbId: String?
    public var tvmazeId: Int?

    public init(tmdbId: Int? = nil, tvdbId: Int? = nil, imdbId: String? = nil, tvmazeId: Int? = nil) {
        self.tmdbId = tmdbId
        self.tvdbId = tvdbId
        self.imdbId = imdbId
        self.tvmazeId = tvmazeId
    }
}

public struct MediaImage: Codable, Sendable, Equatable {
    public enum CoverType: String, Codable, Sendable, CaseIterable { case poster, fanart, banner }
    public var coverType: CoverType
    public var url: String

    public init(coverType: CoverType, url: String) {
        self.coverType = coverType
        self.url = url
    }
}

public struct Season: Codable, Sendable, Equatable {
    public var seasonNumber: Int
    public var monitored: Bool

    public init(seasonNumber: Int, monitored: Bool) {
        self.seasonNumber = seasonNumber
        self.monitored = monitored
    }
}

public struct Episode: Codable, Sendable, Equatable {
    /// Unique inside its series document.
    public var id: Int
    public var seasonNumber: Int
    public var episodeNumber: Int
    public var absoluteEpisodeNumber: Int?
    public var title: String?
    /// `yyyy-MM-dd` in the network's time zone, as providers give it.
    public var airDate: String?
    public var airDateUtc: Date?
    public var overview: String?
    public var monitored: Bool
    public var episodeFile: MediaFile?
    /// The provider no longer lists this episode; it is kept because it has a file.
    public var removedFromProvider: Bool?

    public init(id: Int, seasonNumber: Int, episodeNumber: Int, monitored: Bool = true) {
        self.id = id
        self.seasonNumber = seasonNumber
        self.episodeNumber = episodeNumber
        self.monitored = monitored
    }
}

/// A video file on disk that belongs to an episode or a movie.
public struct MediaFile: Codable, Sendable, Equatable {
    public var path: String
    public var size: Int64
    public var qualityId: Int?
    /// PROPER/REPACK version read from the name (1 when none).
    public var revision: Int?
    /// Audio languages read from the name (English names, as `IdkarrParsing.Language`).
    public var languages: [String]?
    public var releaseGroup: String?
    public var dateAdded: Date

    public init(path: String, size: Int64, qualityId: Int? = nil, releaseGroup: String? = nil, dateAdded: Date) {
        self.path = path
        self.size = size
        self.qualityId = qualityId
        self.releaseGroup = releaseGroup
        self.dateAdded = dateAdded
    }
}

/// A video file in a title's folder that matches no episode (or is not the movie), with why.
public struct UnmatchedFile: Codable, Sendable, Equatable {
    /// Relative to the title's folder.
    public var relativePath: String
    public var size: Int64
    public var reason: String

    public init(relativePath: String, size: Int64, reason: String) {
        self.relativePath = relativePath
        self.size = size
        self.reason = reason
    }
}

public struct MediaStatistics: Codable, Sendable, Equatable {
    public var seasonCount: Int
    public var episodeCount: Int
    public var episodeFileCount: Int
    public var sizeOnDisk: Int64

    public init(seasonCount: Int, episodeCount: Int, episodeFileCount: Int, sizeOnDisk: Int64) {
        self.seasonCount = seasonCount
        self.episodeCount = episodeCount
        self.episodeFileCount = episodeFileCount
        self.sizeOnDisk = sizeOnDisk
    }
}
