import Foundation
import IdkarrDomain
import IdkarrLibrary
import IdkarrParsing
import IdkarrStore

struct MediaFileResource: Codable {
    var path: String
    var size: Int64
    var quality: QualityResource?
    var revision: Int?
    var languages: [String]?
    var releaseGroup: String?
    var dateAdded: Date

    init(_ f: MediaFile) {
        path = f.path
        size = f.size
        quality = f.qualityId.flatMap(Quality.withID).map(QualityResource.init)
        revision = f.revision
        languages = f.languages
        releaseGroup = f.releaseGroup
        dateAdded = f.dateAdded
    }
}

struct EpisodeResource: Codable {
    var id: Int
    var seasonNumber: Int
    var episodeNumber: Int
    var absoluteEpisodeNumber: Int?
    var title: String?
    var airDate: String?
    var airDateUtc: Date?
    var overview: String?
    var monitored: Bool
    var hasFile: Bool
    var episodeFile: MediaFileResource?
    var removedFromProvider: Bool?

    init(_ e: Episode) {
        id = e.id
        seasonNumber = e.seasonNumber
        episodeNumber = e.episodeNumber
        absoluteEpisodeNumber = e.absoluteEpisodeNumber
        title = e.title
        airDate = e.airDate
        airDateUtc = e.airDateUtc
        overview = e.overview
        monitored = e.monitored
        hasFile = e.episodeFile != nil
        episodeFile = e.episodeFile.map(MediaFileResource.init)
        removedFromProvider = e.removedFromProvider
    }
}

struct SeasonResource: Codable {
    struct Statistics: Codable {
        var episodeCount: Int
        var episodeFileCount: Int
        var sizeOnDisk: Int64
    }
    var seasonNumber: Int
    var monitored: Bool
    var statistics: Statistics?
}

/// A title as the API shows it. Lists leave `episodes` out (`withEpisodes: false`).
struct MediaResource: Encodable {
    var id: Int
    var version: Int
    var instanceId: Int
    var mediaType: MediaType
    var title: String
    var sortTitle: String
    var alternateTitles: [String]
    var year: Int?
    var status: MediaStatus
    var overview: String?
    var monitored: Bool
    var qualityProfileId: Int?
    var rootFolderId: Int?
    var path: String?
    var tags: [Int]
    var tmdbId: Int?
    var tvdbId: Int?
    var imdbId: String?
    var tvmazeId: Int?
    var images: [MediaImage]
    var genres: [String]
    var network: String?
    var runtime: Int?
    var seriesType: SeriesType?
    var seasonFolder: Bool?
    var monitorNewSeasons: Bool?
    var minimumAvailability: MinimumAvailability?
    var releaseDates: MovieReleaseDates?
    var added: Date
    var updated: Date
    var lastRefreshed: Date?
    var lastScanned: Date?
    var seasons: [SeasonResource]
    var episodes: [EpisodeResource]?
    var movieFile: MediaFileResource?
    var unmatchedFiles: [UnmatchedFile]?
    var statistics: MediaStatistics
    /// The same title in other instances (one title's answer only).
    var otherVersions: [MediaVersionResource]?

    init(_ s: Stored<Media>, withEpisodes: Bool) {
        let m = s.body
        id = s.id
        version = s.version
        instanceId = m.instanceId
        mediaType = m.mediaType
        title = m.title
        sortTitle = m.sortTitle
        alternateTitles = m.alternateTitles
        year = m.year
        status = m.status
        overview = m.overview
        monitored = m.monitored
        qualityProfileId = m.qualityProfileId
        rootFolderId = m.rootFolderId
        path = m.path
        tags = m.tags
        tmdbId = m.externalIds.tmdbId
        tvdbId = m.externalIds.tvdbId
        imdbId = m.externalIds.imdbId
        tvmazeId = m.externalIds.tvmazeId
        images = m.images
        genres = m.genres
        network = m.network
        runtime = m.runtime
        seriesType = m.seriesType
        seasonFolder = m.seasonFolder
        monitorNewSeasons = m.monitorNewSeasons
        minimumAvailability = m.minimumAvailability
        releaseDates = m.releaseDates
        added = m.added
        updated = s.updatedAt
        lastRefreshed = m.lastRefreshed
        lastScanned = m.lastScanned
        seasons = Self.seasons(of: m)
        episodes = withEpisodes ? m.episodes.map(EpisodeResource.init) : nil
        movieFile = m.movieFile.map(MediaFileResource.init)
        unmatchedFiles = withEpisodes ? m.unmatchedFiles : nil
        statistics = m.statistics
    }

    private static func seasons(of m: Media) -> [SeasonResource] {
        var stats: [Int: SeasonResource.Statistics] = [:]
        for e in m.episodes {
            var s = stats[e.seasonNumber] ?? .init(episodeCount: 0, episodeFileCount: 0, sizeOnDisk: 0)
            s.episodeCount += 1
            if let f = e.episodeFile { s.episodeFileCount += 1; s.sizeOnDisk += f.size }
            stats[e.seasonNumber] = s
        }
        return m.seasons.map {
            SeasonResource(seasonNumber: $0.seasonNumber, monitored: $0.monitored,
                           statistics: stats[$0.seasonNumber] ?? .init(episodeCount: 0, episodeFileCount: 0, sizeOnDisk: 0))
        }
    }
}

/// Another instance's copy of the same title.
struct MediaVersionResource: Encodable {
    var mediaId: Int
    var instanceId: Int
    var instanceName: String
    var monitored: Bool
    var hasFile: Bool
    var quality: QualityResource?
}

struct EpisodeInputResource: Decodable {
    var id: Int?
    var seasonNumber: Int
    var episodeNumber: Int
    var absoluteEpisodeNumber: Int?
    var title: String?
    var airDate: String?
    var airDateUtc: Date?
    var overview: String?
    var monitored: Bool?

    var changes: EpisodeChanges {
        var c = EpisodeChanges(id: id, seasonNumber: seasonNumber, episodeNumber: episodeNumber)
        c.absoluteEpisodeNumber = absoluteEpisodeNumber
        c.title = title
        c.airDate = airDate
        c.airDateUtc = airDateUtc
        c.overview = overview
        c.monitored = monitored
        return c
    }
}

struct SeasonInputResource: Decodable {
    var seasonNumber: Int
    var monitored: Bool
}

/// Create and update input. A key that is absent leaves the field as it is; `null` clears a
/// nullable field. Read-only fields of a `MediaResource` sent back (`statistics`, `added`, files…)
/// are ignored.
struct MediaInputResource: Decodable {
    var changes = MediaChanges()
    var version: Int?

    enum Key: String, CodingKey {
        case instanceId, mediaType, title, sortTitle, alternateTitles, year, status, overview, monitored, qualityProfileId,
             rootFolderId, path, tags, tmdbId, tvdbId, imdbId, tvmazeId, images, genres, network, runtime, seriesType,
             seasonFolder, monitorNewSeasons, minimumAvailability, releaseDates, seasons, episodes, version
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        var m = MediaChanges()
        m.instanceId = try c.decodeIfPresent(Int.self, forKey: .instanceId)
        m.mediaType = try c.decodeIfPresent(MediaType.self, forKey: .mediaType)
        m.title = try c.decodeIfPresent(String.self, forKey: .title)
        m.sortTitle = try c.decodeIfPresent(String.self, forKey: .sortTitle)
        m.alternateTitles = try c.decodeIfPresent([String].self, forKey: .alternateTitles)
        m.year = try c.nullable(Int.self, .year)
        m.status = try c.decodeIfPresent(MediaStatus.self, forKey: .status)
        m.overview = try c.nullable(String.self, .overview)
        m.monitored = try c.decodeIfPresent(Bool.self, forKey: .monitored)
        m.qualityProfileId = try c.nullable(Int.self, .qualityProfileId)
        m.rootFolderId = try c.nullable(Int.self, .rootFolderId)
        m.path = try c.nullable(String.self, .path)
        m.tags = try c.decodeIfPresent([Int].self, forKey: .tags)
        let ids: [Key] = [.tmdbId, .tvdbId, .imdbId, .tvmazeId]
        if ids.contains(where: c.contains) {
            m.externalIds = ExternalIds(tmdbId: try c.decodeIfPresent(Int.self, forKey: .tmdbId),
                                        tvdbId: try c.decodeIfPresent(Int.self, forKey: .tvdbId),
                                        imdbId: try c.decodeIfPresent(String.self, forKey: .imdbId),
                                        tvmazeId: try c.decodeIfPresent(Int.self, forKey: .tvmazeId))
        }
        m.images = try c.decodeIfPresent([MediaImage].self, forKey: .images)
        m.genres = try c.decodeIfPresent([String].self, forKey: .genres)
        m.network = try c.nullable(String.self, .network)
        m.runtime = try c.nullable(Int.self, .runtime)
        m.seriesType = try c.decodeIfPresent(SeriesType.self, forKey: .seriesType)
        m.seasonFolder = try c.decodeIfPresent(Bool.self, forKey: .seasonFolder)
        m.monitorNewSeasons = try c.decodeIfPresent(Bool.self, forKey: .monitorNewSeasons)
        m.minimumAvailability = try c.decodeIfPresent(MinimumAvailability.self, forKey: .minimumAvailability)
        m.releaseDates = try c.nullable(MovieReleaseDates.self, .releaseDates)
        m.seasons = try c.decodeIfPresent([SeasonInputResource].self, forKey: .seasons)?
            .map { Season(seasonNumber: $0.seasonNumber, monitored: $0.monitored) }
        m.episodes = try c.decodeIfPresent([EpisodeInputResource].self, forKey: .episodes)?.map(\.changes)
        changes = m
        version = try c.decodeIfPresent(Int.self, forKey: .version)
    }
}

struct MonitorInputResource: Decodable {
    var monitored: Bool
    var seasonNumber: Int?
    var episodeIds: [Int]?
}

extension KeyedDecodingContainer {
    /// Absent → nil (leave as is); `null` → .some(nil) (clear); a value → .some(value).
    func nullable<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T?? {
        guard contains(key) else { return nil }
        if try decodeNil(forKey: key) { return .some(nil) }
        return .some(try decode(T.self, forKey: key))
    }
}
