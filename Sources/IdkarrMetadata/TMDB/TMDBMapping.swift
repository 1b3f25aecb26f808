import Foundation
import IdkarrDomain

/// TMDB wire types → provider results. Pure.
enum TMDBMapping {
    static func result(_ movie: TMDBMovieSummary, images: TMDBImageBase) -> MetadataSearchResult {
        var result = MetadataSearchResult(kind: .movie, title: movie.title, externalIds: ExternalIds(tmdbId: movie.id), provider: "TMDB")
        result.originalTitle = movie.original_title
        result.year = yearOf(movie.release_date)
        result.overview = nonEmpty(movie.overview)
        result.images = images.images(poster: movie.poster_path, backdrop: movie.backdrop_path)
        return result
    }

    static func result(_ tv: TMDBTVSummary, images: TMDBImageBase) -> MetadataSearchResult {
        var result = MetadataSearchResult(kind: .series, title: tv.name, externalIds: ExternalIds(tmdbId: tv.id), provider: "TMDB")
        result.originalTitle = tv.original_name
        result.year = yearOf(tv.first_air_date)
        result.overview = nonEmpty(tv.overview)
        result.images = images.images(poster: tv.poster_path, backdrop: tv.backdrop_path)
        return result
    }

    static func result(_ movie: TMDBMovie, images: TMDBImageBase) -> MetadataSearchResult {
        var result = MetadataSearchResult(kind: .movie, title: movie.title, externalIds: ids(movie), provider: "TMDB")
        result.originalTitle = movie.original_title
        result.year = yearOf(movie.release_date)
        result.overview = nonEmpty(movie.overview)
        result.images = images.images(poster: movie.poster_path, backdrop: movie.backdrop_path)
        return result
    }

    static func result(_ tv: TMDBTV, images: TMDBImageBase) -> MetadataSearchResult {
        var result = MetadataSearchResult(kind: .series, title: tv.name, externalIds: ids(tv), provider: "TMDB")
        result.originalTitle = tv.original_name
        result.year = yearOf(tv.first_air_date)
        result.overview = nonEmpty(tv.overview)
        result.status = status(ofSeries: tv.status)
        result.network = tv.networks?.first?.name
        result.images = images.images(poster: tv.poster_path, backdrop: tv.backdrop_path)
        return result
    }

    static func series(_ tv: TMDBTV, episodes: [MetadataEpisode], lookedUp: ExternalIds, images: TMDBImageBase) -> MetadataSeries {
        var series = MetadataSeries(title: tv.name, externalIds: ids(tv).merging(lookedUp), provider: "TMDB")
        series.originalTitle = tv.original_name
        series.alternateTitles = alternateTitles(tv.alternative_titles, except: tv.name)
        series.year = yearOf(tv.first_air_date)
        series.firstAired = nonEmpty(tv.first_air_date)
        series.status = status(ofSeries: tv.status)
        series.overview = nonEmpty(tv.overview)
        series.images = images.images(poster: tv.poster_path, backdrop: tv.backdrop_path)
        series.genres = tv.genres?.map(\.name) ?? []
        series.network = tv.networks?.first?.name
        series.runtime = tv.episode_run_time?.first ?? tv.last_episode_to_air?.runtime
        series.seriesType = seriesType(tv)
        series.seasons = (tv.seasons ?? []).map { MetadataSeason(seasonNumber: $0.season_number, title: $0.name) }
            .sorted { $0.seasonNumber < $1.seasonNumber }
        series.episodes = episodes.sorted { ($0.seasonNumber, $0.episodeNumber) < ($1.seasonNumber, $1.episodeNumber) }
        return series
    }

    static func episode(_ source: TMDBSeason.Episode, season: Int) -> MetadataEpisode {
        var episode = MetadataEpisode(seasonNumber: source.season_number ?? season, episodeNumber: source.episode_number)
        episode.title = nonEmpty(source.name)
        episode.airDate = nonEmpty(source.air_date)
        episode.overview = nonEmpty(source.overview)
        episode.runtime = source.runtime
        episode.providerId = source.id
        return episode
    }

    static func movie(_ source: TMDBMovie, lookedUp: ExternalIds, images: TMDBImageBase, today: Date) -> MetadataMovie {
        var movie = MetadataMovie(title: source.title, externalIds: ids(source).merging(lookedUp), provider: "TMDB")
        movie.originalTitle = source.original_title
        movie.alternateTitles = alternateTitles(source.alternative_titles, except: source.title)
        movie.year = yearOf(source.release_date)
        movie.overview = nonEmpty(source.overview)
        movie.images = images.images(poster: source.poster_path, backdrop: source.backdrop_path)
        movie.genres = source.genres?.map(\.name) ?? []
        movie.runtime = source.runtime.flatMap { $0 > 0 ? $0 : nil }
        movie.studio = source.production_companies?.first?.name
        movie.releaseDates = releaseDates(source)
        movie.status = status(ofMovie: source.status, dates: movie.releaseDates, today: today)
        return movie
    }

    // MARK: pieces

    static func ids(_ movie: TMDBMovie) -> ExternalIds {
        ExternalIds(tmdbId: movie.id, imdbId: nonEmpty(movie.imdb_id ?? movie.external_ids?.imdb_id))
    }

    static func ids(_ tv: TMDBTV) -> ExternalIds {
        ExternalIds(tmdbId: tv.id, tvdbId: tv.external_ids?.tvdb_id, imdbId: nonEmpty(tv.external_ids?.imdb_id))
    }

    /// Distinct alternative titles, the main title left out, in TMDB's order.
    static func alternateTitles(_ titles: TMDBAlternativeTitles?, except main: String) -> [String] {
        var seen: Set<String> = [main.lowercased()]
        var out: [String] = []
        for title in (titles?.titles ?? titles?.results ?? []).map(\.title) where seen.insert(title.lowercased()).inserted {
            out.append(title)
        }
        return out
    }

    /// The earliest date of each kind across countries; the primary release date stands in for
    /// the cinema date when no theatrical release is listed.
    static func releaseDates(_ movie: TMDBMovie) -> MovieReleaseDates {
        var dates = MovieReleaseDates()
        func earliest(_ current: String?, _ candidate: String) -> String {
            guard let current else { return candidate }
            return candidate < current ? candidate : current
        }
        for country in movie.release_dates?.results ?? [] {
            for release in country.release_dates {
                let day = String(release.release_date.prefix(10))
                guard day.count == 10 else { continue }
                switch release.type {
                case 3: dates.inCinemas = earliest(dates.inCinemas, day)
                case 4: dates.digital = earliest(dates.digital, day)
                case 5: dates.physical = earliest(dates.physical, day)
                default: break
                }
            }
        }
        if dates.inCinemas == nil { dates.inCinemas = nonEmpty(movie.release_date) }
        return dates
    }

    /// Rumored/Planned/In Production/Post Production → announced; Released → released once a
    /// digital or physical release is out, in cinemas before that; Canceled → unknown.
    static func status(ofMovie status: String?, dates: MovieReleaseDates, today: Date) -> MediaStatus {
        let day = isoDay(today)
        switch status {
        case "Rumored", "Planned", "In Production", "Post Production":
            if let cinema = dates.inCinemas, cinema <= day { return .inCinemas }
            return .announced
        case "Released":
            let home = [dates.digital, dates.physical].compactMap { $0 }
            if home.isEmpty || home.contains(where: { $0 <= day }) { return .released }
            return .inCinemas
        default:
            return .unknown
        }
    }

    /// Returning Series → continuing; Ended, Canceled → ended; In Production, Planned, Pilot → upcoming.
    static func status(ofSeries status: String?) -> MediaStatus {
        switch status {
        case "Returning Series": .continuing
        case "Ended", "Canceled", "Cancelled": .ended
        case "In Production", "Planned", "Pilot": .upcoming
        default: .unknown
        }
    }

    /// TMDB types "Talk Show" and "News" air by date (Sonarr calls those daily series).
    static func seriesType(_ tv: TMDBTV) -> SeriesType {
        switch tv.type {
        case "Talk Show", "News": return .daily
        default: return .standard
        }
    }

    static func isoDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}

func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
    return text
}
