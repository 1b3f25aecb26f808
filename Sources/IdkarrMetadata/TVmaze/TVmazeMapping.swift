import Foundation
import IdkarrDomain

/// TVmaze wire types → provider results. Pure.
enum TVmazeMapping {
    static func result(_ show: TVmazeShow) -> MetadataSearchResult {
        var result = MetadataSearchResult(kind: .series, title: show.name, externalIds: ids(show), provider: "TVmaze")
        result.year = yearOf(show.premiered)
        result.overview = HTMLText.plain(show.summary)
        result.status = status(show.status)
        result.network = (show.network ?? show.webChannel)?.name
        result.images = images(show)
        return result
    }

    static func series(_ show: TVmazeShow, episodes source: [TVmazeEpisode]) -> MetadataSeries {
        var series = MetadataSeries(title: show.name, externalIds: ids(show), provider: "TVmaze")
        series.year = yearOf(show.premiered)
        series.firstAired = nonEmpty(show.premiered)
        series.status = status(show.status)
        series.overview = HTMLText.plain(show.summary)
        series.images = images(show)
        series.genres = show.genres ?? []
        series.network = (show.network ?? show.webChannel)?.name
        series.runtime = show.runtime ?? show.averageRuntime
        series.seriesType = seriesType(show)
        let timeZone = (show.network ?? show.webChannel)?.country?.timezone
        series.episodes = episodes(source, timeZone: timeZone)
        series.seasons = Set(series.episodes.map(\.seasonNumber)).sorted().map { MetadataSeason(seasonNumber: $0) }
        return series
    }

    /// Regular episodes keep their season and number. Specials (`number: null`, typed
    /// significant_special / insignificant_special since 2020) go to season 0, numbered 1, 2, …
    /// in TVmaze's order (air order).
    static func episodes(_ source: [TVmazeEpisode], timeZone: String?) -> [MetadataEpisode] {
        var out: [MetadataEpisode] = []
        out.reserveCapacity(source.count)
        var specials = 0
        for item in source {
            var episode: MetadataEpisode
            if let number = item.number {
                episode = MetadataEpisode(seasonNumber: item.season, episodeNumber: number)
            } else {
                specials += 1
                episode = MetadataEpisode(seasonNumber: 0, episodeNumber: specials)
            }
            episode.title = nonEmpty(item.name)
            episode.airDate = nonEmpty(item.airdate)
            episode.airDateUtc = AirDates.instant(item.airstamp)
                ?? AirDates.instant(date: item.airdate, time: item.airtime, timeZone: timeZone)
            episode.overview = HTMLText.plain(item.summary)
            episode.runtime = item.runtime
            episode.providerId = item.id
            out.append(episode)
        }
        // A season listed twice with the same number would collide in the library: keep the first.
        var seen = Set<[Int]>()
        return out.filter { seen.insert([$0.seasonNumber, $0.episodeNumber]).inserted }
            .sorted { ($0.seasonNumber, $0.episodeNumber) < ($1.seasonNumber, $1.episodeNumber) }
    }

    static func ids(_ show: TVmazeShow) -> ExternalIds {
        ExternalIds(tvdbId: show.externals?.thetvdb, imdbId: nonEmpty(show.externals?.imdb), tvmazeId: show.id)
    }

    static func images(_ show: TVmazeShow) -> [MediaImage] {
        guard let url = show.image?.original ?? show.image?.medium, !url.isEmpty else { return [] }
        return [MediaImage(coverType: .poster, url: url)]
    }

    /// Running, To Be Determined → continuing; Ended → ended; In Development → upcoming.
    static func status(_ status: String?) -> MediaStatus {
        switch status {
        case "Running", "To Be Determined": .continuing
        case "Ended": .ended
        case "In Development": .upcoming
        default: .unknown
        }
    }

    /// Talk shows and news air by date (daily); the Anime genre or type Animation from Japan → anime.
    static func seriesType(_ show: TVmazeShow) -> SeriesType {
        if show.type == "Talk Show" || show.type == "News" { return .daily }
        if show.genres?.contains("Anime") == true || (show.type == "Animation" && show.language == "Japanese") { return .anime }
        return .standard
    }
}
