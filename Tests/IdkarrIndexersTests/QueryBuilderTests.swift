import Testing

@testable import IdkarrIndexers

/// Query building table: the recorded caps (Newznab defaults: no ids for TV, imdbid for movies),
/// a Jackett-style caps listing its parameters, and caps with no free-text search.
@Suite("query building")
struct QueryBuilderTests {
    enum CapsKind: String, Sendable { case recorded, jackett, noTextSearch, textOnly }

    static func caps(_ kind: CapsKind) throws -> IndexerCaps {
        switch kind {
        case .recorded:
            return try CapsReader.read(Fixtures.bytes("indexers/newznab/newznab_caps.xml"))
        case .jackett:
            return try CapsReader.read(Array("""
                <caps><limits max="100" default="50"/><searching><search available="yes" supportedParams="q"/>
                <tv-search available="yes" supportedParams="q,season,ep,tvdbid,imdbid,tvmazeid"/>
                <movie-search available="yes" supportedParams="q,imdbid,tmdbid,year"/></searching><categories/></caps>
                """.utf8))
        case .noTextSearch:
            return try CapsReader.read(Array("""
                <caps><searching><search available="no"/><tv-search available="yes" supportedParams="q,season,ep"/>
                <movie-search available="yes" supportedParams="imdbid"/></searching></caps>
                """.utf8))
        case .textOnly:
            return try CapsReader.read(Array("<caps><limits max=\"40\"/><searching><search available=\"yes\"/></searching></caps>".utf8))
        }
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        let caps: CapsKind
        let request: SearchRequest
        /// Each query's parameters after `t`, without the common tail (`extended`, `limit`, …)
        /// unless `full`; nil: `.unsupportedSearch`.
        let expected: [String]?
        var full = false
        var testDescription: String { "\(name) (\(caps.rawValue) caps)" }
    }

    static let got = SearchIds(tvdb: 121361, tvmaze: 82, imdb: "tt0944947")
    static let matrix = SearchIds(imdb: "tt0133093", tmdb: 603)

    static let rows: [Row] = [
        Row(name: "episode by ids", caps: .jackett, request: SearchRequest(.episode(titles: ["Game of Thrones"], ids: got, season: 1, episode: 2)),
            expected: ["t=tvsearch&tvdbid=121361&tvmazeid=82&imdbid=0944947&season=1&ep=2"]),
        Row(name: "episode without ids in caps", caps: .recorded,
            request: SearchRequest(.episode(titles: ["Game of Thrones", "GoT"], ids: got, season: 1, episode: 2)),
            expected: ["t=tvsearch&q=Game of Thrones&season=1&ep=2", "t=tvsearch&q=GoT&season=1&ep=2"]),
        Row(name: "season pack", caps: .recorded, request: SearchRequest(.episode(titles: ["Fargo"], ids: SearchIds(), season: 3, episode: nil)),
            expected: ["t=tvsearch&q=Fargo&season=3"]),
        Row(name: "episode, text search only", caps: .textOnly,
            request: SearchRequest(.episode(titles: ["Fargo", " fargo ", ""], ids: got, season: 3, episode: 10)),
            expected: ["t=search&q=Fargo S03E10"]),
        Row(name: "episode, no ids and no titles", caps: .jackett, request: SearchRequest(.episode(titles: [], ids: SearchIds(), season: 1, episode: 1)),
            expected: nil),
        Row(name: "daily by air date", caps: .jackett,
            request: SearchRequest(.daily(titles: ["The Daily Show"], ids: SearchIds(tvdb: 71256), year: 2024, month: 3, day: 5)),
            expected: ["t=tvsearch&tvdbid=71256&season=2024&ep=03/05"]),
        Row(name: "daily, text search only", caps: .textOnly,
            request: SearchRequest(.daily(titles: ["The Daily Show"], ids: SearchIds(), year: 2024, month: 12, day: 25)),
            expected: ["t=search&q=The Daily Show 2024 12 25"]),
        Row(name: "series by ids", caps: .jackett, request: SearchRequest(.series(titles: ["Game of Thrones"], ids: got)),
            expected: ["t=tvsearch&tvdbid=121361&tvmazeid=82&imdbid=0944947"]),
        Row(name: "series by title", caps: .recorded, request: SearchRequest(.series(titles: ["Fargo"], ids: SearchIds(tvdb: 1))),
            expected: ["t=tvsearch&q=Fargo"]),
        Row(name: "series, text search only", caps: .textOnly, request: SearchRequest(.series(titles: ["Fargo"], ids: got)),
            expected: ["t=search&q=Fargo"]),
        Row(name: "series by TVRage id", caps: .recorded,
            request: SearchRequest(.series(titles: [], ids: SearchIds(tvRage: 24493))), expected: ["t=tvsearch&rid=24493"]),
        Row(name: "anime by absolute number", caps: .jackett, request: SearchRequest(.anime(titles: ["One Piece"], ids: SearchIds(), absoluteEpisode: 7)),
            expected: ["t=search&q=One Piece 07"]),
        Row(name: "anime by title", caps: .recorded, request: SearchRequest(.anime(titles: ["Frieren"], ids: SearchIds(), absoluteEpisode: nil)),
            expected: ["t=search&q=Frieren"]),
        Row(name: "anime without text search", caps: .noTextSearch,
            request: SearchRequest(.anime(titles: ["One Piece"], ids: SearchIds(), absoluteEpisode: 1071)),
            expected: ["t=tvsearch&q=One Piece 1071"]),
        Row(name: "movie by ids", caps: .jackett, request: SearchRequest(.movie(titles: ["The Matrix"], ids: matrix, year: 1999)),
            expected: ["t=movie&imdbid=0133093&tmdbid=603"]),
        Row(name: "movie by imdb only (recorded caps)", caps: .recorded,
            request: SearchRequest(.movie(titles: ["The Matrix"], ids: matrix, year: 1999)), expected: ["t=movie&imdbid=0133093"]),
        Row(name: "movie by title and year param", caps: .jackett,
            request: SearchRequest(.movie(titles: ["The Matrix"], ids: SearchIds(), year: 1999)), expected: ["t=movie&q=The Matrix&year=1999"]),
        Row(name: "movie by title in q", caps: .recorded, request: SearchRequest(.movie(titles: ["The Matrix"], ids: SearchIds(tmdb: 603), year: 1999)),
            expected: ["t=movie&q=The Matrix 1999"]),
        Row(name: "movie, text search only", caps: .textOnly, request: SearchRequest(.movie(titles: ["Heat"], ids: matrix, year: nil)),
            expected: ["t=search&q=Heat"]),
        Row(name: "movie, neither ids nor text", caps: .noTextSearch,
            request: SearchRequest(.movie(titles: ["Heat"], ids: SearchIds(tmdb: 949), year: 1995)), expected: nil),
        Row(name: "free text", caps: .recorded, request: SearchRequest(.text("ubuntu 24.04")), expected: ["t=search&q=ubuntu 24.04"]),
        Row(name: "free text without text search", caps: .noTextSearch, request: SearchRequest(.text("x")), expected: nil),
        Row(name: "recent, with categories and paging", caps: .recorded,
            request: SearchRequest(.recent, categories: [5030, 5040, 5030], offset: 100, limit: 500),
            expected: ["t=search&cat=5030,5040&extended=1&limit=60&offset=100"], full: true),
        Row(name: "default page size", caps: .jackett, request: SearchRequest(.text("x")), expected: ["t=search&q=x&extended=1&limit=50"],
            full: true),
        Row(name: "caps without limits", caps: .textOnly, request: SearchRequest(.text("x"), limit: 0),
            expected: ["t=search&q=x&extended=1&limit=1"], full: true),
        Row(name: "extra parameters never replace ours", caps: .recorded,
            request: SearchRequest(.text("x"), extraParameters: QueryParameter.parse("&attrs=poster&t=movie&apikey=stolen&q=y&=z&limit=5")),
            expected: ["t=search&q=x&extended=1&limit=25&attrs=poster"], full: true),
    ]

    @Test("queries", arguments: rows)
    func queries(_ row: Row) throws {
        let caps = try Self.caps(row.caps)
        do {
            let queries = try QueryBuilder.queries(for: row.request, caps: caps)
            let common: Set<String> = ["extended", "limit", "offset", "cat"]
            let shown = queries.map { query in
                query.parameters.filter { row.full || !common.contains($0.name) }.map(\.description).joined(separator: "&")
            }
            #expect(shown == row.expected)
        } catch {
            #expect(row.expected == nil, "\(error.message)")
            #expect(error.code == .unsupportedSearch)
        }
    }

    @Test func urlCarriesTheKeyLastAndEncodesValues() {
        let query = IndexerQuery(function: "search", [QueryParameter("q", "Tom & Jerry/ü"), QueryParameter("cat", "5030,5040")])
        #expect(query.url(baseURL: "https://indexer.example/", apiPath: "api/", apiKey: "k3y")
            == "https://indexer.example/api?t=search&q=Tom%20%26%20Jerry%2F%C3%BC&cat=5030,5040&apikey=k3y")
        #expect(query.url(baseURL: "http://jackett:9117/api/v2.0/indexers/x/results/torznab", apiPath: "", apiKey: nil)
            == "http://jackett:9117/api/v2.0/indexers/x/results/torznab?t=search&q=Tom%20%26%20Jerry%2F%C3%BC&cat=5030,5040")
        #expect(IndexerQuery.caps.description == "t=caps")
    }

    @Test func pagingStopsAtTheLastPage() throws {
        let caps = try Self.caps(.recorded)
        let query = try #require(try QueryBuilder.queries(for: SearchRequest(.recent, limit: 100), caps: caps).first)
        #expect(query["limit"] == "60")
        let feed = try FeedReader.read(Fixtures.bytes("indexers/newznab/newznab_nzb_su.xml"), dialect: .newznab)
        // 100 items ≥ the limit of 60, total 10,000: there is a next page.
        let next = try #require(query.nextPage(after: feed))
        #expect(next["offset"] == "100")
        #expect(next.nextPage(after: feed)?["offset"] == "200")
        var last = feed
        last.channel.total = 150
        #expect(next.nextPage(after: last) == nil)
        let short = try FeedReader.read(Fixtures.bytes("indexers/torznab/torznab_tpb.xml"), dialect: .torznab)
        #expect(query.nextPage(after: short) == nil)
    }
}
