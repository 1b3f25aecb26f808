import Foundation
import IdkarrDomain

// Provider results → `Media` fields. Pure: no I/O, no clock. What the user owns (monitoring,
// profile, path, tags, files, episode ids) is kept; what the provider owns is replaced.

extension MetadataSeries {
    /// Copies titles, ids, images, status and the episode list onto `media`.
    ///
    /// Episodes are matched by season and number: a matched one keeps its id, monitoring and
    /// file; a new one gets the next free id and is monitored like the series (specials are
    /// not monitored); one the provider dropped is removed unless it has a file.
    public func apply(to media: inout Media) {
        media.title = title
        media.sortTitle = Media.sortTitle(for: title)
        media.alternateTitles = alternateTitles
        media.year = year
        media.status = status
        media.overview = overview
        media.externalIds = externalIds.merging(media.externalIds)
        media.images = images
        media.genres = genres
        media.network = network
        media.runtime = runtime
        // The provider's guess (daily for talk shows) only on the first fill: later the user's choice stands.
        if media.episodes.isEmpty && media.mediaType != .anime { media.seriesType = seriesType }
        mergeEpisodes(into: &media)
        let known = Set(media.seasons.map(\.seasonNumber))
        for season in seasons where !known.contains(season.seasonNumber) {
            media.seasons.append(Season(seasonNumber: season.seasonNumber, monitored: media.monitored && season.seasonNumber > 0))
        }
        media.normalizeSeasons()
    }

    private func mergeEpisodes(into media: inout Media) {
        struct Key: Hashable { let season: Int, number: Int }
        var existing: [Key: Episode] = [:]
        for episode in media.episodes { existing[Key(season: episode.seasonNumber, number: episode.episodeNumber)] = episode }
        var nextId = media.nextEpisodeId
        var merged: [Episode] = []
        merged.reserveCapacity(episodes.count)
        for source in episodes {
            let key = Key(season: source.seasonNumber, number: source.episodeNumber)
            var episode: Episode
            if let old = existing.removeValue(forKey: key) {
                episode = old
            } else {
                episode = Episode(id: nextId, seasonNumber: key.season, episodeNumber: key.number,
                                  monitored: media.monitored && key.season > 0)
                nextId += 1
            }
            episode.absoluteEpisodeNumber = source.absoluteEpisodeNumber
            episode.title = source.title
            episode.airDate = source.airDate
            episode.airDateUtc = source.airDateUtc
            episode.overview = source.overview
            merged.append(episode)
        }
        merged += existing.values.filter { $0.episodeFile != nil }
        media.episodes = merged
    }
}

extension MetadataMovie {
    /// Copies titles, ids, images, status, genres and runtime onto `media`. Release dates stay on
    /// `MetadataMovie` (`releaseDates`) for the calendar.
    public func apply(to media: inout Media) {
        media.title = title
        media.sortTitle = Media.sortTitle(for: title)
        media.alternateTitles = alternateTitles
        media.year = year
        media.status = status
        media.overview = overview
        media.externalIds = externalIds.merging(media.externalIds)
        media.images = images
        media.genres = genres
        media.runtime = runtime
        media.network = studio
    }
}
