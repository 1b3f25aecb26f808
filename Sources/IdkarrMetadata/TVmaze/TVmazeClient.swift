import Foundation
import IdkarrDomain
import IdkarrNet
import Logging

/// TVmaze (https://www.tvmaze.com/api): series only, no key. Search by title, lookups by TVmaze,
/// TVDB and IMDb id (`/lookup/shows` answers with a redirect to the show), episodes with
/// specials. TVmaze has no movies and no TMDB ids: those calls throw `.unsupported`.
public struct TVmazeClient<Transport: HTTPTransport>: MetadataProvider {
    public var name: String { "TVmaze" }
    public let settings: TVmazeSettings
    let fetcher: ProviderFetcher<Transport>

    public init(settings: TVmazeSettings = TVmazeSettings(), transport: Transport, retry: RetryPolicy = RetryPolicy(),
                logger: Logger = Logger(label: "idkarr.metadata.tvmaze")) {
        self.settings = settings
        self.fetcher = ProviderFetcher(
            provider: "TVmaze", transport: transport, retry: retry, hostInterval: settings.requestInterval,
            usesAPIKey: false, describeError: TVmazeClient.describeError, logger: logger)
    }

    // MARK: MetadataProvider

    public func search(_ query: MetadataQuery) async throws(MetadataError) -> [MetadataSearchResult] {
        guard query.kind == .series else { throw noMovies() }
        switch query {
        case .title(let title, let year, _):
            let hits = try await get([TVmazeSearchHit].self, "/search/shows", [("q", title)], what: "a series search for \"\(title)\"")
            let results = hits.map { TVmazeMapping.result($0.show) }
            guard let year else { return results }
            return results.filter { $0.year == year }
        case .id(let id, _):
            do {
                return [TVmazeMapping.result(try await show(id))]
            } catch let error where error.code == .notFound {
                return []
            }
        }
    }

    public func series(_ id: LookupID) async throws(MetadataError) -> MetadataSeries {
        let show = try await show(id)
        let episodes = try await get([TVmazeEpisode].self, "/shows/\(show.id)/episodes", [("specials", "1")],
                                     what: "the episodes of series tvmaze:\(show.id)", maxBytes: Self.episodeListLimit)
        var series = TVmazeMapping.series(show, episodes: episodes)
        series.externalIds = series.externalIds.merging(ExternalIds(id))
        return series
    }

    public func movie(_ id: LookupID) async throws(MetadataError) -> MetadataMovie {
        throw noMovies()
    }

    /// TVmaze's single best match for a title (`/singlesearch/shows`); nil when it has none.
    public func bestMatch(_ title: String) async throws(MetadataError) -> MetadataSearchResult? {
        do {
            let show = try await get(TVmazeShow.self, "/singlesearch/shows", [("q", title)], what: "a series named \"\(title)\"")
            return TVmazeMapping.result(show)
        } catch let error where error.code == .notFound {
            return nil
        }
    }

    // MARK: wire

    /// The show for any id: `/shows/{id}`, or `/lookup/shows?thetvdb=|imdb=` (a redirect to it).
    private func show(_ id: LookupID) async throws(MetadataError) -> TVmazeShow {
        switch id {
        case .tvmaze(let tvmazeId):
            return try await get(TVmazeShow.self, "/shows/\(tvmazeId)", [], what: "series \(id)")
        case .tvdb(let tvdbId):
            return try await get(TVmazeShow.self, "/lookup/shows", [("thetvdb", String(tvdbId))], what: "series \(id)")
        case .imdb(let imdbId):
            return try await get(TVmazeShow.self, "/lookup/shows", [("imdb", imdbId)], what: "series \(id)")
        case .tmdb:
            throw MetadataError(.unsupported, provider: name,
                                message: "TVmaze cannot look up a series by \(id) (use a tvmaze, tvdb or imdb id).")
        }
    }

    /// A daily show's whole episode list is one body (thousands of episodes, about 1 KB each).
    static var episodeListLimit: Int { 64 * 1024 * 1024 }

    private func get<T: Decodable>(_ type: T.Type, _ path: String, _ query: [(String, String)], what: String, maxBytes: Int? = nil)
        async throws(MetadataError) -> T
    {
        try await fetcher.fetch(type, URLBuilder.url(settings.baseURL, path, query), what: what, maxBytes: maxBytes)
    }

    private func noMovies() -> MetadataError {
        MetadataError(.unsupported, provider: name, message: "TVmaze has series only, no movies: use TMDB for movies.")
    }

    /// TVmaze error bodies: `{"name": "Not Found", "message": "…", "status": 404}`.
    @Sendable static func describeError(_ response: NetResponse) -> String? {
        guard let body = try? JSONDecoder().decode(TVmazeErrorBody.self, from: Data(response.body)) else { return nil }
        return [body.name, body.message].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ").nilIfEmpty
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
