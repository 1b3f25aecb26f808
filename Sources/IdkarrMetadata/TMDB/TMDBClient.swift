import Foundation
import IdkarrDomain
import IdkarrNet
import Logging

/// TMDB v3 (https://developer.themoviedb.org/reference): movies and series, search by title and
/// year, lookups by TMDB, IMDb and TVDB id (`/find`), series with every season's episodes.
///
/// The API key goes in the `api_key` query parameter; IdkarrNet never logs URLs unredacted and
/// `MetadataError` messages pass through `Redaction`, so the key never shows. Image base URLs
/// come from `/configuration`, fetched once and kept for the client's life.
public struct TMDBClient<Transport: HTTPTransport>: MetadataProvider {
    public var name: String { "TMDB" }
    public let settings: TMDBSettings
    let fetcher: ProviderFetcher<Transport>
    private let imageCache = TMDBImageCache()
    private let now: @Sendable () -> Date

    public init(settings: TMDBSettings, transport: Transport, retry: RetryPolicy = RetryPolicy(),
                logger: Logger = Logger(label: "idkarr.metadata.tmdb")) {
        self.settings = settings
        self.now = retry.now
        self.fetcher = ProviderFetcher(
            provider: "TMDB", transport: transport, retry: retry, hostInterval: settings.requestInterval,
            usesAPIKey: true, describeError: TMDBClient.describeError, logger: logger)
    }

    // MARK: MetadataProvider

    public func search(_ query: MetadataQuery) async throws(MetadataError) -> [MetadataSearchResult] {
        let images = try await imageBase()
        switch query {
        case .title(let title, let year, .movie):
            var parameters = [("query", title)]
            if let year { parameters.append(("year", String(year))) }
            let page = try await get(TMDBPage<TMDBMovieSummary>.self, "/search/movie", parameters, what: "a movie search for \"\(title)\"")
            return page.results.map { TMDBMapping.result($0, images: images) }
        case .title(let title, let year, .series):
            var parameters = [("query", title)]
            if let year { parameters.append(("first_air_date_year", String(year))) }
            let page = try await get(TMDBPage<TMDBTVSummary>.self, "/search/tv", parameters, what: "a series search for \"\(title)\"")
            return page.results.map { TMDBMapping.result($0, images: images) }
        case .id(let id, let kind):
            do {
                return [try await lookup(id, kind: kind, images: images)]
            } catch let error where error.code == .notFound {
                return []
            }
        }
    }

    public func series(_ id: LookupID) async throws(MetadataError) -> MetadataSeries {
        let tmdbId = try await resolve(id, kind: .series)
        let images = try await imageBase()
        let tv = try await get(TMDBTV.self, "/tv/\(tmdbId)", [("append_to_response", "external_ids,alternative_titles")],
                               what: "series tmdb:\(tmdbId)")
        var episodes: [MetadataEpisode] = []
        for season in tv.seasons ?? [] {
            let body = try await get(TMDBSeason.self, "/tv/\(tmdbId)/season/\(season.season_number)", [],
                                     what: "season \(season.season_number) of series tmdb:\(tmdbId)")
            episodes += body.episodes.map { TMDBMapping.episode($0, season: season.season_number) }
        }
        return TMDBMapping.series(tv, episodes: episodes, lookedUp: ExternalIds(id), images: images)
    }

    public func movie(_ id: LookupID) async throws(MetadataError) -> MetadataMovie {
        let tmdbId = try await resolve(id, kind: .movie)
        let images = try await imageBase()
        let movie = try await get(TMDBMovie.self, "/movie/\(tmdbId)",
                                  [("append_to_response", "external_ids,alternative_titles,release_dates")],
                                  what: "movie tmdb:\(tmdbId)")
        return TMDBMapping.movie(movie, lookedUp: ExternalIds(id), images: images, today: now())
    }

    // MARK: lookups

    /// One search result for an id: details for a TMDB id, `/find` for IMDb and TVDB ids.
    private func lookup(_ id: LookupID, kind: MediaKind, images: TMDBImageBase) async throws(MetadataError) -> MetadataSearchResult {
        if case .tmdb(let tmdbId) = id {
            switch kind {
            case .movie:
                let movie = try await get(TMDBMovie.self, "/movie/\(tmdbId)", [("append_to_response", "external_ids")],
                                          what: "movie tmdb:\(tmdbId)")
                return TMDBMapping.result(movie, images: images)
            case .series:
                let tv = try await get(TMDBTV.self, "/tv/\(tmdbId)", [("append_to_response", "external_ids")],
                                       what: "series tmdb:\(tmdbId)")
                return TMDBMapping.result(tv, images: images)
            }
        }
        let found = try await find(id, kind: kind)
        var result: MetadataSearchResult
        switch found {
        case .movie(let movie): result = TMDBMapping.result(movie, images: images)
        case .series(let tv): result = TMDBMapping.result(tv, images: images)
        }
        result.externalIds = result.externalIds.merging(ExternalIds(id))
        return result
    }

    /// The TMDB id of `id` (itself for `.tmdb`, through `/find` for IMDb and TVDB ids).
    private func resolve(_ id: LookupID, kind: MediaKind) async throws(MetadataError) -> Int {
        if case .tmdb(let tmdbId) = id { return tmdbId }
        switch try await find(id, kind: kind) {
        case .movie(let movie): return movie.id
        case .series(let tv): return tv.id
        }
    }

    private enum Found {
        case movie(TMDBMovieSummary)
        case series(TMDBTVSummary)
    }

    /// `/find/{id}?external_source=imdb_id|tvdb_id`, keeping only results of `kind`. Episode and
    /// person results are ignored (TVDB 72023 names a series and an episode).
    private func find(_ id: LookupID, kind: MediaKind) async throws(MetadataError) -> Found {
        let (externalId, source): (String, String)
        switch id {
        case .imdb(let imdb): (externalId, source) = (imdb, "imdb_id")
        case .tvdb(let tvdb): (externalId, source) = (String(tvdb), "tvdb_id")
        case .tmdb, .tvmaze:
            throw MetadataError(.unsupported, provider: name, message: "TMDB cannot look up a title by \(id) (use a tmdb, imdb or tvdb id).")
        }
        let body = try await get(TMDBFindResult.self, "/find/\(URLBuilder.encode(externalId))",
                                 [("external_source", source)], what: "\(kind.rawValue) \(id)")
        switch kind {
        case .movie:
            if let movie = body.movie_results?.first { return .movie(movie) }
        case .series:
            if let tv = body.tv_results?.first { return .series(tv) }
        }
        throw MetadataError(.notFound, provider: name, message: "TMDB has no \(kind.rawValue) with \(id).")
    }

    // MARK: wire

    private func get<T: Decodable>(_ type: T.Type, _ path: String, _ parameters: [(String, String)], what: String)
        async throws(MetadataError) -> T
    {
        var query = [("api_key", settings.apiKey)]
        if !settings.language.isEmpty { query.append(("language", settings.language)) }
        return try await fetcher.fetch(type, URLBuilder.url(settings.baseURL, path, query + parameters), what: what)
    }

    /// The image base URL and sizes from `/configuration`, fetched once per client.
    private func imageBase() async throws(MetadataError) -> TMDBImageBase {
        if let cached = await imageCache.value { return cached }
        let url = URLBuilder.url(settings.baseURL, "/configuration", [("api_key", settings.apiKey)])
        let configuration = try await fetcher.fetch(TMDBConfiguration.self, url, what: "the image configuration")
        let base = TMDBImageBase(configuration)
        await imageCache.store(base)
        return base
    }

    /// TMDB error bodies: `{"status_code": 7, "status_message": "Invalid API key…"}` or `{"errors": […]}`.
    @Sendable static func describeError(_ response: NetResponse) -> String? {
        guard let body = try? JSONDecoder().decode(TMDBErrorBody.self, from: Data(response.body)) else { return nil }
        if let message = body.status_message {
            return body.status_code.map { "status_code \($0): \(message)" } ?? message
        }
        return body.errors?.joined(separator: "; ")
    }
}

/// The image configuration, kept for the client's life (TMDB changes it about never).
actor TMDBImageCache {
    private(set) var value: TMDBImageBase?

    func store(_ base: TMDBImageBase) {
        if value == nil { value = base }
    }
}

/// Absolute image URLs from TMDB paths ("/hEpWvX6Bp79eLxY1kX5ZZJcme5U.jpg").
struct TMDBImageBase: Sendable, Equatable {
    let baseURL: String
    let posterSize: String
    let fanartSize: String

    init(_ configuration: TMDBConfiguration) {
        let base = configuration.images.secure_base_url
        baseURL = base.hasSuffix("/") ? base : base + "/"
        posterSize = Self.pick("w500", from: configuration.images.poster_sizes)
        fanartSize = Self.pick("w1280", from: configuration.images.backdrop_sizes)
    }

    private static func pick(_ wanted: String, from sizes: [String]?) -> String {
        guard let sizes, !sizes.isEmpty else { return "original" }
        return sizes.contains(wanted) ? wanted : "original"
    }

    func images(poster: String?, backdrop: String?) -> [MediaImage] {
        var images: [MediaImage] = []
        if let poster, !poster.isEmpty { images.append(MediaImage(coverType: .poster, url: url(poster, posterSize))) }
        if let backdrop, !backdrop.isEmpty { images.append(MediaImage(coverType: .fanart, url: url(backdrop, fanartSize))) }
        return images
    }

    private func url(_ path: String, _ size: String) -> String {
        baseURL + size + (path.hasPrefix("/") ? path : "/" + path)
    }
}
