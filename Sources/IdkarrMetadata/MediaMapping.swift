import Foundation
import IdkarrDomain

// Provider results → `Media` fields. Pure: no I/O, no clock. What the user owns (monitoring,
// profile, path, tags, files, episode ids) is kept; what the provider owns is replaced.

extension MetadataSeries {
    /// Copies titles, ids, images, status and the episode list onto `media`.
    ///
    /// Episodes are matched by season and number: a matched one keeps its id, monitoring and
    /// file; a new one gets the next free id and is monitored like the series (specials are
    /// not monitored; on a refresh, episodes of a season new to idkarr are monitored only when
    /// `monitorNewSeasons` is on); one the provider dropped is removed unless it has a file, in
    /// which case it is kept and flagged `removedFromProvider`.
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
        let firstFill = media.episodes.isEmpty && media.seasons.isEmpty
        let known = Set(media.seasons.map(\.seasonNumber))
        let monitorNew = media.monitored && (firstFill || media.monitorNewSeasons ?? true)
        mergeEpisodes(into: &media, knownSeasons: known, monitorNewSeasons: monitorNew)
        for season in seasons where !known.contains(season.seasonNumber) {
            media.seasons.append(Season(seasonNumber: season.seasonNumber, monitored: monitorNew && season.seasonNumber > 0))
        }
        media.normalizeSeasons()
    }

    private func mergeEpisodes(into media: inout Media, knownSeasons: Set<Int>, monitorNewSeasons: Bool) {
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
                // A new episode of a season idkarr knows follows that season; of a new season, the setting.
                let seasonMonitored = media.seasons.first { $0.seasonNumber == key.season }?.monitored
                let monitored = knownSeasons.contains(key.season) ? (seasonMonitored ?? media.monitored) : monitorNewSeasons
                episode = Episode(id: nextId, seasonNumber: key.season, episodeNumber: key.number,
                                  monitored: monitored && key.season > 0)
                nextId += 1
            }
            episode.removedFromProvider = nil
            episode.absoluteEpisodeNumber = source.absoluteEpisodeNumber
            episode.title = source.title
            episode.airDate = source.airDate
            episode.airDateUtc = source.airDateUtc
            episode.overview = source.overview
            merged.append(episode)
        }
        for var kept in existing.values where kept.episodeFile != nil {
            kept.removedFromProvider = true
            merged.append(kept)
        }
        media.episodes = merged
    }
}

extension MetadataMovie {
    /// Copies titles, ids, images, status, genres, runtime and release dates onto `media`.
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
        media.releaseDates = releaseDates
    }
}
