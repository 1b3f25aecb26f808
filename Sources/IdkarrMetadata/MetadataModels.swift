import Foundation
import IdkarrDomain

// What providers return. Images are absolute URLs; status is idkarr's `MediaStatus`; every id
// the provider knows is in `externalIds`. `MediaMapping.swift` copies these onto `Media`.

public struct MetadataSearchResult: Sendable, Equatable, Codable {
    public var kind: MediaKind
    public var title: String
    public var originalTitle: String?
    public var year: Int?
    public var overview: String?
    public var status: MediaStatus?
    public var network: String?
    public var externalIds: ExternalIds
    public var images: [MediaImage]
    /// The provider that found it ("TMDB", "TVmaze").
    public var provider: String

    public init(kind: MediaKind, title: String, externalIds: ExternalIds, provider: String) {
        self.kind = kind
        self.title = title
        self.externalIds = externalIds
        self.images = []
        self.provider = provider
    }
}

public struct MetadataSeason: Sendable, Equatable, Codable {
    public var seasonNumber: Int
    public var title: String?

    public init(seasonNumber: Int, title: String? = nil) {
        self.seasonNumber = seasonNumber
        self.title = title
    }
}

public struct MetadataEpisode: Sendable, Equatable, Codable {
    /// 0 for specials.
    public var seasonNumber: Int
    public var episodeNumber: Int
    public var absoluteEpisodeNumber: Int?
    public var title: String?
    /// `yyyy-MM-dd` in the network's time zone, as the provider gives it.
    public var airDate: String?
    public var airDateUtc: Date?
    /// Plain text (HTML from the provider is stripped).
    public var overview: String?
    public var runtime: Int?
    /// The episode's id at the provider (TMDB or TVmaze episode id).
    public var providerId: Int?

    public init(seasonNumber: Int, episodeNumber: Int) {
        self.seasonNumber = seasonNumber
        self.episodeNumber = episodeNumber
    }
}

public struct MetadataSeries: Sendable, Equatable, Codable {
    public var title: String
    public var originalTitle: String?
    public var alternateTitles: [String]
    public var year: Int?
    public var firstAired: String?
    public var status: MediaStatus
    public var overview: String?
    public var externalIds: ExternalIds
    public var images: [MediaImage]
    public var genres: [String]
    public var network: String?
    /// Typical episode length in minutes.
    public var runtime: Int?
    public var seriesType: SeriesType
    public var seasons: [MetadataSeason]
    /// Every episode of every season, specials (season 0) included, sorted by season and number.
    public var episodes: [MetadataEpisode]
    public var provider: String

    public init(title: String, externalIds: ExternalIds, provider: String) {
        self.title = title
        self.alternateTitles = []
        self.status = .unknown
        self.externalIds = externalIds
        self.images = []
        self.genres = []
        self.seriesType = .standard
        self.seasons = []
        self.episodes = []
        self.provider = provider
    }
}

public struct MetadataMovie: Sendable, Equatable, Codable {
    public var title: String
    public var originalTitle: String?
    public var alternateTitles: [String]
    public var year: Int?
    public var status: MediaStatus
    public var overview: String?
    public var externalIds: ExternalIds
    public var images: [MediaImage]
    public var genres: [String]
    public var runtime: Int?
    public var studio: String?
    public var releaseDates: MovieReleaseDates
    public var provider: String

    public init(title: String, externalIds: ExternalIds, provider: String) {
        self.title = title
        self.alternateTitles = []
        self.status = .unknown
        self.externalIds = externalIds
        self.images = []
        self.genres = []
        self.releaseDates = MovieReleaseDates()
        self.provider = provider
    }
}

extension ExternalIds {
    /// These ids, with the gaps filled from `other` (ids already known win).
    public func merging(_ other: ExternalIds) -> ExternalIds {
        ExternalIds(
            tmdbId: tmdbId ?? other.tmdbId, tvdbId: tvdbId ?? other.tvdbId,
            imdbId: imdbId ?? other.imdbId, tvmazeId: tvmazeId ?? other.tvmazeId)
    }

    /// The ids a lookup id names (`tvdb:121361` → tvdbId 121361).
    public init(_ id: LookupID) {
        switch id {
        case .tmdb(let n): self.init(tmdbId: n)
        case .tvdb(let n): self.init(tvdbId: n)
        case .imdb(let s): self.init(imdbId: s)
        case .tvmaze(let n): self.init(tvmazeId: n)
        }
    }
}

/// The year of a `yyyy-MM-dd` date ("" and junk give nil).
func yearOf(_ date: String?) -> Int? {
    guard let date, date.count >= 4, let year = Int(date.prefix(4)), year > 1800 else { return nil }
    return year
}
