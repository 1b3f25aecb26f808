import Foundation
import Hummingbird
import IdkarrAutomation
import IdkarrDomain
import IdkarrIndexers

/// `GET /api/v1/search`: a search across the indexers (Prowlarr's Search page), and
/// `GET /api/v1/releases`: a title's interactive search with the decision on every release
/// (Sonarr's and Radarr's interactive search). Admin only: every search spends the indexers'
/// request quotas.
struct SearchController {
    let indexers: IndexerService
    let releaseSearch: ReleaseSearch
    static let maxQueryLength = 200

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("search", use: search)
        api.get("releases", use: releases)
    }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        let params = QueryReader(request.formQuery)
        let (criteria, defaultCategories) = try Self.criteria(params)
        let chosen = try params.ids("categories", what: "Newznab category ids")
        let only = try params.ids("indexerIds", what: "indexer ids")
        let limit = try params.int("limit", 1...1000)
        let result = await indexers.search(
            criteria, scope: .interactive, categories: chosen.isEmpty ? defaultCategories : .ids(chosen),
            only: only.isEmpty ? nil : Set(only), maxPages: 2, limit: limit)
        let now = Date()
        return try JSONBody.response(SearchResultsResource(releases: result.releases.map { ReleaseResource($0, now: now) },
                                                           indexers: result.outcomes))
    }

    /// `query` (free text, or `tvdb:121361`, `imdb:tt0133093`, `tmdb:603`, `tvmaze:82`), `type`
    /// (`search`, `tvsearch`, `movie`), `season`, `episode`, `year`.
    static func criteria(_ params: QueryReader) throws -> (SearchCriteria, SearchCategories) {
        let query = params.text("query")?.trimmingCharacters(in: .whitespaces) ?? ""
        guard query.count <= maxQueryLength else { throw APIError.invalid("query", "query is at most \(maxQueryLength) characters.") }
        let ids = try idQuery(query)
        let titles = ids == nil && !query.isEmpty ? [query] : []
        switch params.text("type") ?? "search" {
        case "search":
            return (query.isEmpty ? .recent : .text(query), .all)
        case "tvsearch":
            let season = try params.int("season", 0...9999)
            let episode = try params.int("episode", 0...99999)
            if episode != nil && season == nil { throw APIError.invalid("season", "An episode needs its season.") }
            guard let season else {
                if query.isEmpty { return (.recent, .tv) }
                return (.series(titles: titles, ids: ids ?? SearchIds()), .tv)
            }
            try requireSomething(query)
            return (.episode(titles: titles, ids: ids ?? SearchIds(), season: season, episode: episode), .tv)
        case "movie":
            try requireSomething(query)
            return (.movie(titles: titles, ids: ids ?? SearchIds(), year: try params.int("year", 1870...2200)), .movies)
        default:
            throw APIError.invalid("type", "type is search, tvsearch or movie.")
        }
    }

    private static func requireSomething(_ query: String) throws {
        if query.isEmpty { throw APIError.invalid("query", "query is required: a title, or an id such as imdb:tt0133093.") }
    }

    /// `tvdb:121361` and the like → the id; nil for plain text.
    static func idQuery(_ query: String) throws -> SearchIds? {
        let parts = query.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, ["tvdb", "tvmaze", "tmdb", "imdb"].contains(parts[0].lowercased()) else { return nil }
        let (kind, value) = (parts[0].lowercased(), parts[1])
        if kind == "imdb" {
            let digits = value.lowercased().hasPrefix("tt") ? String(value.dropFirst(2)) : value
            guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy(\.isASCII), Int(digits) != nil else {
                throw APIError.invalid("query", "An IMDb id is tt followed by digits, such as imdb:tt0133093.")
            }
            return SearchIds(imdb: "tt" + digits)
        }
        guard let number = Int(value), number > 0 else { throw APIError.invalid("query", "\(kind): needs a positive number, such as \(kind):82.") }
        switch kind {
        case "tvdb": return SearchIds(tvdb: number)
        case "tvmaze": return SearchIds(tvmaze: number)
        default: return SearchIds(tmdb: number)
        }
    }

    /// `mediaId` with `seasonNumber` or `episodeId` for a series; `mediaId` alone for a movie.
    @Sendable func releases(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        let params = QueryReader(request.formQuery)
        guard let mediaId = try params.int("mediaId", 1...Int.max) else {
            throw APIError.invalid("mediaId", "mediaId is required: the title to search for.")
        }
        let season = try params.int("seasonNumber", 0...9999)
        let episode = try params.int("episodeId", 1...Int.max)
        if season != nil && episode != nil { throw APIError.invalid("episodeId", "Name a season or an episode, not both.") }
        let target: ReleaseSearchTarget = if let episode { .episode(episode) } else if let season { .season(season) } else { .movie }
        let result = try await releaseSearch.search(mediaId: mediaId, target: target)
        return try JSONBody.response(DecisionsResource(mediaId: mediaId, result, now: Date()))
    }
}
