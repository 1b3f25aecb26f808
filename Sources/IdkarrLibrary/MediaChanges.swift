import Foundation
import IdkarrDomain

/// What a client may set on a title. `nil` means "leave as it is"; read-only facts (files,
/// statistics, added date) are not here, so a resource sent back as `GET` returned it changes
/// only what the user may change.
public struct MediaChanges: Sendable {
    public var instanceId: Int?
    public var mediaType: MediaType?
    public var title: String?
    public var sortTitle: String?
    public var alternateTitles: [String]?
    public var year: Int??
    public var status: MediaStatus?
    public var overview: String??
    public var monitored: Bool?
    public var qualityProfileId: Int??
    public var rootFolderId: Int??
    public var path: String??
    public var tags: [Int]?
    public var externalIds: ExternalIds?
    public var images: [MediaImage]?
    public var genres: [String]?
    public var network: String??
    public var runtime: Int??
    public var seriesType: SeriesType?
    public var seasonFolder: Bool?
    public var monitorNewSeasons: Bool?
    public var minimumAvailability: MinimumAvailability?
    public var releaseDates: MovieReleaseDates??
    public var seasons: [Season]?
    public var episodes: [EpisodeChanges]?

    public init() {}
}

public struct EpisodeChanges: Sendable {
    /// Absent for a new episode; the library assigns one.
    public var id: Int?
    public var seasonNumber: Int
    public var episodeNumber: Int
    public var absoluteEpisodeNumber: Int?
    public var title: String?
    public var airDate: String?
    public var airDateUtc: Date?
    public var overview: String?
    public var monitored: Bool?

    public init(id: Int? = nil, seasonNumber: Int, episodeNumber: Int) {
        self.id = id
        self.seasonNumber = seasonNumber
        self.episodeNumber = episodeNumber
    }
}

extension MediaChanges {
    /// Applies the changes. Episodes are matched by id so their files survive; an episode the
    /// client left out is removed.
    func apply(to media: inout Media) {
        if let v = title { media.title = v; if sortTitle == nil { media.sortTitle = Media.sortTitle(for: v) } }
        if let v = sortTitle { media.sortTitle = v.isEmpty ? Media.sortTitle(for: media.title) : v.lowercased() }
        if let v = alternateTitles { media.alternateTitles = v }
        if let v = year { media.year = v }
        if let v = status { media.status = v }
        if let v = overview { media.overview = v }
        if let v = monitored { media.monitored = v }
        if let v = qualityProfileId { media.qualityProfileId = v }
        if let v = rootFolderId { media.rootFolderId = v }
        if let v = path { media.path = v }
        if let v = tags { media.tags = Array(Set(v)).sorted() }
        if let v = externalIds { media.externalIds = v }
        if let v = images { media.images = v }
        if let v = genres { media.genres = v }
        if let v = network { media.network = v }
        if let v = runtime { media.runtime = v }
        if let v = seriesType { media.seriesType = v }
        if let v = seasonFolder { media.seasonFolder = v }
        if let v = monitorNewSeasons { media.monitorNewSeasons = v }
        if let v = minimumAvailability { media.minimumAvailability = v }
        if let v = releaseDates { media.releaseDates = v }
        if let v = seasons { media.seasons = v }
        if let changes = episodes { media.episodes = merge(changes, into: media) }
        media.normalizeSeasons()
    }

    private func merge(_ changes: [EpisodeChanges], into media: Media) -> [Episode] {
        let existing = Dictionary(media.episodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var nextId = media.nextEpisodeId
        return changes.map { change in
            var episode: Episode
            if let id = change.id, let old = existing[id] {
                episode = old
            } else {
                episode = Episode(id: nextId, seasonNumber: change.seasonNumber, episodeNumber: change.episodeNumber,
                                  monitored: media.monitored)
                nextId += 1
            }
            episode.seasonNumber = change.seasonNumber
            episode.episodeNumber = change.episodeNumber
            episode.absoluteEpisodeNumber = change.absoluteEpisodeNumber
            episode.title = change.title
            episode.airDate = change.airDate
            episode.airDateUtc = change.airDateUtc
            episode.overview = change.overview
            if let m = change.monitored { episode.monitored = m }
            return episode
        }
    }
}
