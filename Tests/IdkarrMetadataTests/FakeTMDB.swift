import Foundation
import IdkarrTestSupport

/// A fake TMDB v3 at `/3/…` replaying the recorded bodies in Fixtures/metadata/tmdb. Every
/// request must carry `api_key=test-key`, or it gets TMDB's recorded 401 body.
enum FakeTMDB {
    static let apiKey = "test-key"

    static func base(_ server: FakeServer) -> String { server.base + "/3" }

    static let route: FakeRoute = { path, query, _ in
        guard query["api_key"] == apiKey else { return Canned(status: 401, body: Fixture.bytes("tmdb/error-401_invalid-api-key.json")) }
        let parts = path.split(separator: "/").map(String.init)
        guard parts.first == "3" else { return notFound }
        let rest = Array(parts.dropFirst())
        switch rest.first {
        case "configuration": return Fixture.ok("tmdb/configuration.json")
        case "search": return search(rest, query)
        case "movie" where rest.count == 2: return movie(rest[1], query)
        case "tv" where rest.count == 2: return tv(rest[1], query)
        case "tv" where rest.count == 4 && rest[2] == "season": return season(rest[1], rest[3])
        case "find" where rest.count == 2: return find(rest[1], query["external_source"])
        default: return notFound
        }
    }

    /// A generated talk show: 40 seasons of 130 episodes and 100 specials (5,300 episodes).
    static let longSeriesId = 777_777
    static let longSeasons = 40

    static func episodes(in season: Int) -> Int { season == 0 ? 100 : 130 }

    static let notFound = Canned(status: 404, body: Fixture.bytes("tmdb/error-404_not-found.json"))
    static let emptyPage = Fixture.json(["page": 1, "results": [Any](), "total_pages": 0, "total_results": 0])

    private static func search(_ rest: [String], _ query: [String: String]) -> Canned {
        guard let text = query["query"]?.lowercased() else {
            return Canned(status: 422, body: Fixture.bytes("tmdb/error-422_query-missing.json"))
        }
        switch (rest.last, text, query["year"]) {
        case ("movie", "the matrix", nil): return Fixture.ok("tmdb/search-movie_the-matrix.json")
        case ("movie", "star wars", "1977"): return Fixture.ok("tmdb/search-movie_star-wars_year-1977.json")
        case ("tv", "game of thrones", _): return Fixture.ok("tmdb/search-tv_game-of-thrones.json")
        case ("tv", "lupin", _): return Fixture.ok("tmdb/search-tv_lupin.json")
        default: return emptyPage
        }
    }

    private static func movie(_ id: String, _ query: [String: String]) -> Canned {
        let append = Set((query["append_to_response"] ?? "").split(separator: ",").map(String.init))
        switch id {
        case "603": return Fixture.ok("tmdb/movie-603_append-alternative_titles.json")
        case "607": return Fixture.ok("tmdb/movie-607_append-external_ids-videos-release_dates-credits-reviews-watch_providers.json")
        case "550":
            var parts: [String: String] = [:]
            if append.contains("release_dates") { parts["release_dates"] = "tmdb/movie-550_release_dates.json" }
            if append.contains("external_ids") { parts["external_ids"] = "tmdb/movie-550_external_ids.json" }
            return Fixture.merged("tmdb/movie-550.json", adding: parts)
        default: return notFound
        }
    }

    private static func tv(_ id: String, _ query: [String: String]) -> Canned {
        let append = (query["append_to_response"] ?? "").split(separator: ",")
        switch id {
        case "1399":
            let parts = append.contains("external_ids") ? ["external_ids": "tmdb/tv-1399_external_ids.json"] : [:]
            return Fixture.merged("tmdb/tv-1399.json", adding: parts)
        case String(longSeriesId):
            let seasons = (0...longSeasons).map { ["season_number": $0, "name": $0 == 0 ? "Specials" : "Season \($0)", "episode_count": episodes(in: $0)] }
            return Fixture.json([
                "id": longSeriesId, "name": "The Late Long Show", "type": "Talk Show", "status": "Returning Series",
                "first_air_date": "1990-01-01", "seasons": seasons, "external_ids": ["tvdb_id": 700_001, "imdb_id": "tt7000001"],
            ])
        case "96677":
            return Fixture.ok("tmdb/tv-96677_append-external_ids-videos-credits-aggregate_credits-reviews-content_ratings-watch_providers.json")
        default: return notFound
        }
    }

    /// Season 1 of Game of Thrones is recorded; other seasons of the recorded series answer
    /// with no episodes (no recording exists for them), so tests count only season 1.
    private static func season(_ id: String, _ number: String) -> Canned {
        guard let season = Int(number) else { return notFound }
        if id == String(longSeriesId) && season <= longSeasons {
            var list: [[String: Any]] = []
            for n in 1...episodes(in: season) {
                let year: Int = 1989 + max(season, 1)
                let date = String(format: "%04d-%02d-%02d", year, 1 + n / 28 % 12, 1 + n % 28)
                list.append(["id": season * 1000 + n, "episode_number": n, "season_number": season, "name": "Night \(n)", "air_date": date])
            }
            return Fixture.json(["season_number": season, "episodes": list])
        }
        guard ["1399", "96677"].contains(id) else { return notFound }
        if id == "1399" && season == 1 { return Fixture.ok("tmdb/tv-1399_season-1.json") }
        return Fixture.json(["_id": "x", "season_number": season, "name": "Season \(season)", "episodes": [Any]()])
    }

    private static func find(_ id: String, _ source: String?) -> Canned {
        switch (id, source) {
        case ("72023", "tvdb_id"): return Fixture.ok("tmdb/find_tvdb-72023.json")
        case ("81189", "tvdb_id"): return Fixture.ok("tmdb/find_tvdb-81189.json")
        case ("tt31193180", "imdb_id"): return Fixture.ok("tmdb/find_imdb-tt31193180.json")
        default:
            let empty = [Any]()
            return Fixture.json([
                "movie_results": empty, "person_results": empty, "tv_results": empty,
                "tv_episode_results": empty, "tv_season_results": empty,
            ])
        }
    }
}
