import Foundation
import Testing

@testable import IdkarrIndexers

/// The Newznab calls Sonarr, Radarr and Prowlarr make to idkarr's feed, and broken ones: each is
/// a search, the caps, or the right Newznab error; random queries never trap.
@Suite("feed requests")
struct FeedRequestTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let query: String
        /// The request, or nil when the call is an error with `code`.
        let expected: FeedRequest?
        let code: FeedRequestError.Code?
        var testDescription: String { String(query.prefix(80)) }

        init(_ query: String, _ expected: FeedRequest) {
            self.query = query
            self.expected = expected
            self.code = nil
        }

        init(_ query: String, error code: FeedRequestError.Code) {
            self.query = query
            self.expected = nil
            self.code = code
        }

        /// `t=…&q=…` → ordered pairs (values taken as written: the route percent-decodes).
        var parameters: [(name: String, value: String)] {
            QueryParameter.parse(query).map { (name: $0.name, value: $0.value) }
        }
    }

    static func search(_ mode: IndexerCaps.Mode, _ criteria: SearchCriteria, cat: [Int] = [], offset: Int = 0, limit: Int? = nil)
        -> FeedRequest
    {
        .search(mode, SearchRequest(criteria, categories: cat, offset: offset, limit: limit))
    }

    static let got = SearchIds(tvdb: 121361, tvmaze: 82, imdb: "tt0944947")

    static let rows: [Row] = [
        Row("t=caps", .caps),
        Row("T=CAPS&apikey=x", .caps),
        // RSS: no q, no id.
        Row("t=tvsearch&cat=5030,5040&extended=1&apikey=k&offset=0&limit=100", search(.tvSearch, .recent, cat: [5030, 5040], limit: 100)),
        Row("t=movie&cat=2000&extended=1&limit=100&offset=0", search(.movieSearch, .recent, cat: [2000], limit: 100)),
        Row("t=search", search(.search, .recent)),
        Row("t=search&q=&cat=", search(.search, .recent)),
        Row("t=tvsearch&season=1&ep=2", search(.tvSearch, .recent)),
        // Searches.
        Row("t=search&q=ubuntu 24.04&cat=8000,,8010,8000", search(.search, .text("ubuntu 24.04"), cat: [8000, 8010])),
        Row("t=search&q=[SubsPlease] One Piece - 1071 (1080p)&cat=5070",
            search(.search, .text("[SubsPlease] One Piece - 1071 (1080p)"), cat: [5070])),
        Row("t=search&q=One Piece 1071&imdbid=garbage", search(.search, .text("One Piece 1071"))),
        Row("t=tvsearch&tvdbid=121361&tvmazeid=82&imdbid=tt0944947&season=1&ep=2",
            search(.tvSearch, .episode(titles: [], ids: got, season: 1, episode: 2))),
        Row("t=tvsearch&q=Game of Thrones&season=1", search(.tvSearch, .episode(titles: ["Game of Thrones"], ids: SearchIds(), season: 1, episode: nil))),
        Row("t=tvsearch&q=Specials&season=0&ep=0", search(.tvSearch, .episode(titles: ["Specials"], ids: SearchIds(), season: 0, episode: 0))),
        Row("t=tvsearch&q=One Piece&season=1&ep=1071", search(.tvSearch, .episode(titles: ["One Piece"], ids: SearchIds(), season: 1, episode: 1071))),
        Row("t=tvsearch&tvdbid=71256&season=2024&ep=03/15",
            search(.tvSearch, .daily(titles: [], ids: SearchIds(tvdb: 71256), year: 2024, month: 3, day: 15))),
        Row("t=tvsearch&q=The Daily Show&season=2024&ep=2/29",
            search(.tvSearch, .daily(titles: ["The Daily Show"], ids: SearchIds(), year: 2024, month: 2, day: 29))),
        Row("t=tvsearch&tvdbid=121361", search(.tvSearch, .series(titles: [], ids: SearchIds(tvdb: 121361)))),
        Row("t=tvsearch&rid=24493&q=Fargo", search(.tvSearch, .series(titles: ["Fargo"], ids: SearchIds(tvRage: 24493)))),
        Row("t=tvsearch&imdbid=0944947&tmdbid=1399", search(.tvSearch, .series(titles: [], ids: SearchIds(imdb: "tt0944947", tmdb: 1399)))),
        Row("t=movie&imdbid=tt0133093", search(.movieSearch, .movie(titles: [], ids: SearchIds(imdb: "tt0133093"), year: nil))),
        Row("t=movie&imdbid=133093&tmdbid=603", search(.movieSearch, .movie(titles: [], ids: SearchIds(imdb: "tt0133093", tmdb: 603), year: nil))),
        Row("t=movie&q=The Matrix&year=1999", search(.movieSearch, .movie(titles: ["The Matrix"], ids: SearchIds(), year: 1999))),
        Row("t=movie&year=1999", search(.movieSearch, .recent)),
        // Names are case-insensitive; the first non-blank value counts; values are trimmed.
        Row("T=TvSearch&Q= Fargo &q=Other&SEASON=3&Ep=", search(.tvSearch, .episode(titles: ["Fargo"], ids: SearchIds(), season: 3, episode: nil))),
        Row("t=search&q=x&limit=1&offset=2147483647", search(.search, .text("x"), offset: 2_147_483_647, limit: 1)),
        // Errors.
        Row("", error: .missingParameter),
        Row("q=x", error: .missingParameter),
        Row("t=", error: .missingParameter),
        Row("t=tvsearch&q=x&ep=2", error: .missingParameter),
        Row("t=frobnicate", error: .noSuchFunction),
        Row("t=tv-search", error: .noSuchFunction),
        Row("t=music&q=x", error: .functionNotAvailable),
        Row("t=book", error: .functionNotAvailable),
        Row("t=get&id=1", error: .functionNotAvailable),
        Row("t=tvsearch&q=x&season=one", error: .incorrectParameter),
        Row("t=tvsearch&q=x&season=S01", error: .incorrectParameter),
        Row("t=tvsearch&q=x&season=-1", error: .incorrectParameter),
        Row("t=tvsearch&q=x&season=1&ep=E02", error: .incorrectParameter),
        Row("t=tvsearch&q=x&season=1&ep=2.5", error: .incorrectParameter),
        Row("t=tvsearch&q=x&season=2024&ep=02/30", error: .incorrectParameter),
        Row("t=tvsearch&q=x&season=2023&ep=2/29", error: .incorrectParameter),
        Row("t=tvsearch&q=x&season=2024&ep=13/01", error: .incorrectParameter),
        Row("t=tvsearch&q=x&season=5&ep=03/15", error: .incorrectParameter),
        Row("t=tvsearch&q=x&season=2024&ep=03/15/01", error: .incorrectParameter),
        Row("t=tvsearch&tvdbid=abc", error: .incorrectParameter),
        Row("t=tvsearch&tvdbid=0", error: .incorrectParameter),
        Row("t=tvsearch&tvmazeid=-5", error: .incorrectParameter),
        Row("t=tvsearch&rid=99999999999999999999", error: .incorrectParameter),
        Row("t=movie&imdbid=tt", error: .incorrectParameter),
        Row("t=movie&imdbid=nm0000206", error: .incorrectParameter),
        Row("t=movie&tmdbid=6o3", error: .incorrectParameter),
        Row("t=movie&q=x&year=99", error: .incorrectParameter),
        Row("t=search&limit=0", error: .incorrectParameter),
        Row("t=search&limit=101", error: .incorrectParameter),
        Row("t=search&limit=ten", error: .incorrectParameter),
        Row("t=search&offset=-1", error: .incorrectParameter),
        Row("t=search&offset=1e3", error: .incorrectParameter),
        Row("t=search&cat=5030,TV", error: .incorrectParameter),
        Row("t=search&cat=-1", error: .incorrectParameter),
        Row("t=search&q=" + String(repeating: "x", count: 1025), error: .incorrectParameter),
    ]

    @Test("calls", arguments: rows)
    func call(_ row: Row) {
        do {
            let request = try FeedRequest.parse(row.parameters)
            #expect(request == row.expected)
        } catch {
            #expect(error.code == row.code, "\(error.message)")
            #expect(error.document.code == error.code.rawValue)
            #expect(!error.message.isEmpty)
        }
    }

    @Test func errorsNameTheParameter() throws {
        let error = try #require(throws: FeedRequestError.self) { try FeedRequest.parse(["t": "tvsearch", "q": "x", "season": "one"]) }
        #expect(error.parameter == "season")
        #expect(error.document == NewznabErrorDocument(code: 201, description: "Incorrect parameter (season): \"one\" is not a whole number"))
        let missing = try #require(throws: FeedRequestError.self) { try FeedRequest.parse([:]) }
        #expect(missing.document == .missingParameter("t"))
        let unknown = try #require(throws: FeedRequestError.self) { try FeedRequest.parse(["t": "frobnicate"]) }
        #expect(unknown.document.description == "No such function: t=frobnicate")
    }

    @Test func theCapsDecideModesAndLimits() throws {
        let caps = try CapsReader.read(Fixtures.bytes("indexers/newznab/newznab_caps.xml"))  // max 60, no book-search
        #expect(try FeedRequest.parse(["t": "search", "limit": "60"], caps: caps) == Self.search(.search, .recent, limit: 60))
        #expect(throws: FeedRequestError(.incorrectParameter("limit", "61 is out of range (1 to 60)"), parameter: "limit")) {
            try FeedRequest.parse(["t": "search", "limit": "61"], caps: caps)
        }
        let searchOnly = IndexerCaps()
        #expect(throws: FeedRequestError(.functionNotAvailable("movie"), parameter: "t")) {
            try FeedRequest.parse(["t": "movie", "q": "x"], caps: searchOnly)
        }
        #expect(try FeedRequest.parse(["t": "caps"], caps: searchOnly) == .caps)
    }

    @Test func aDictionaryIsReadInNameOrder() throws {
        // "Q" sorts before "q": the same answer every time.
        #expect(try FeedRequest.parse(["t": "search", "q": "lower", "Q": "upper"]) == Self.search(.search, .text("upper")))
    }

    // MARK: fuzzing

    @Test func randomCallsNeverTrap() {
        var random = FuzzTests.SplitMix(state: 11)
        let names = ["t", "T", "q", "cat", "limit", "offset", "season", "ep", "tvdbid", "tvmazeid", "imdbid", "tmdbid", "rid", "year",
                     "apikey", "extended", "x", ""]
        let values = ["caps", "search", "tvsearch", "movie", "music", "", " ", "0", "1", "-1", "2024", "03/15", "2/30", "/", "//", "tt",
                      "tt0944947", "99999999999999999999", "1e3", "5030,5040", ",", ",,,", "\u{0}", "é", "🎬", "+7", "0x10",
                      String(repeating: "9", count: 40), "12/", "/12", " 3 / 4 "]
        for _ in 0..<5000 {
            let count = Int.random(in: 0..<8, using: &random)
            let pairs = (0..<count).map { _ in
                (name: names.randomElement(using: &random)!, value: values.randomElement(using: &random)!
                    + (Bool.random(using: &random) ? values.randomElement(using: &random)! : ""))
            }
            do {
                if case .search(_, let request) = try FeedRequest.parse(pairs) {
                    #expect(request.offset >= 0)
                    #expect((request.limit ?? 1) >= 1 && (request.limit ?? 1) <= FeedRequest.defaultMaxLimit)
                }
            } catch {
                #expect([200, 201, 202, 203].contains(error.document.code))
                #expect(WellFormed.problem(error.document.xml) == nil)
            }
        }
    }
}
