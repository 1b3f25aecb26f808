/// What a Newznab API call to idkarr's own feed (`/{indexerId}/api?t=…`) asks for: the caps, or
/// a search to run against that indexer. Pure; the inverse of `QueryBuilder` for the calls Sonarr,
/// Radarr and Prowlarr make.
///
/// - `t=caps` → `.caps`;
/// - `t=search`: `q` → `.text`;
/// - `t=tvsearch`: `season` and `ep` → `.episode`, `season=2024&ep=03/15` → `.daily`, ids or `q`
///   without `season` → `.series`; ids are `tvdbid`, `tvmazeid`, `imdbid`, `tmdbid`, `rid`;
/// - `t=movie`: `q`, `imdbid` (with or without `tt`), `tmdbid`, `year` → `.movie`;
/// - any of the three with no `q` and no id → `.recent` (an RSS call);
/// - `cat` (a comma list), `limit` and `offset` become the request's categories and paging.
///
/// Names are case-insensitive; the first non-blank value of a name counts; parameters a function
/// does not take are ignored (`apikey` is the route's business). Anything unusable throws a
/// `FeedRequestError`, which is a Newznab error document.
public enum FeedRequest: Sendable, Hashable {
    /// `t=caps`.
    case caps
    /// `t=search`, `tvsearch` or `movie`: the mode it names and the search to run.
    case search(IndexerCaps.Mode, SearchRequest)

    /// The largest `limit` when no caps are given.
    public static let defaultMaxLimit = 100
    /// The longest `q`, in UTF-8 bytes.
    public static let maxQueryBytes = 1024

    /// - Parameters:
    ///   - parameters: the query's parameters, percent-decoded, in order.
    ///   - caps: the caps idkarr serves for the indexer: a mode they do not offer is 203, and
    ///     `limit` may not exceed their `maxPageSize` (else `defaultMaxLimit`).
    public static func parse(_ parameters: [(name: String, value: String)], caps: IndexerCaps? = nil)
        throws(FeedRequestError) -> FeedRequest
    {
        let values = Values(parameters)
        guard let function = values["t"]?.lowercased() else { throw .missing("t") }
        let mode: IndexerCaps.Mode
        switch function {
        case "caps": return .caps
        case "search": mode = .search
        case "tvsearch": mode = .tvSearch
        case "movie": mode = .movieSearch
        case _ where knownFunctions.contains(function): throw .functionNotAvailable(function)
        default: throw .noSuchFunction(function)
        }
        if let caps, caps.modes[mode] == nil { throw .functionNotAvailable(function) }
        var request = SearchRequest(try criteria(mode, values))
        request.categories = try values.categories()
        request.limit = try values.int("limit", in: 1...(caps?.maxPageSize ?? defaultMaxLimit))
        request.offset = try values.int("offset", in: 0...Int(Int32.max)) ?? 0
        return .search(mode, request)
    }

    /// The same, from a dictionary (names in sorted order, so a duplicate name is settled the
    /// same way every time).
    public static func parse(_ parameters: [String: String], caps: IndexerCaps? = nil) throws(FeedRequestError) -> FeedRequest {
        try parse(parameters.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }, caps: caps)
    }

    /// Newznab functions idkarr does not offer (203 rather than 202).
    static let knownFunctions: Set<String> = [
        "music", "book", "get", "getnfo", "details", "info", "register", "user", "cartadd", "cartdel", "comments", "commentadd",
    ]

    private static func criteria(_ mode: IndexerCaps.Mode, _ values: Values) throws(FeedRequestError) -> SearchCriteria {
        let query = try values.query()
        switch mode {
        case .tvSearch:
            let ids = SearchIds(
                tvdb: try values.id("tvdbid"), tvmaze: try values.id("tvmazeid"), imdb: try values.imdb(), tmdb: try values.id("tmdbid"),
                tvRage: try values.id("rid"))
            let numbering = try Numbering(values)
            let titles = query.map { [$0] } ?? []
            guard query != nil || ids != SearchIds() else { return .recent }
            switch numbering {
            case .none: return .series(titles: titles, ids: ids)
            case .season(let season, let episode): return .episode(titles: titles, ids: ids, season: season, episode: episode)
            case .date(let year, let month, let day): return .daily(titles: titles, ids: ids, year: year, month: month, day: day)
            }
        case .movieSearch:
            let ids = SearchIds(imdb: try values.imdb(), tmdb: try values.id("tmdbid"))
            let year = try values.int("year", in: 1800...2200)
            guard query != nil || ids != SearchIds() else { return .recent }
            return .movie(titles: query.map { [$0] } ?? [], ids: ids, year: year)
        default:
            return query.map { .text($0) } ?? .recent
        }
    }

    /// `season` and `ep`: a season, an episode, or an air date (`season=2024&ep=03/15`).
    private enum Numbering {
        case none
        case season(Int, episode: Int?)
        case date(year: Int, month: Int, day: Int)

        init(_ values: Values) throws(FeedRequestError) {
            let episode = values["ep"]
            guard let season = try values.int("season", in: 0...9999) else {
                if episode != nil { throw .missing("season") }
                self = .none
                return
            }
            guard let episode else {
                self = .season(season, episode: nil)
                return
            }
            let parts = episode.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count == 2 {
                guard (1900...2200).contains(season), let month = Int(parts[0]), let day = Int(parts[1]), (1...12).contains(month),
                    (1...Self.days(inMonth: month, of: season)).contains(day)
                else { throw .incorrect("ep", "\"\(episode.prefix(32))\" with season \(season) is not a date (season=YYYY&ep=MM/DD)") }
                self = .date(year: season, month: month, day: day)
            } else {
                self = .season(season, episode: try values.int("ep", in: 0...99_999))
            }
        }

        static func days(inMonth month: Int, of year: Int) -> Int {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        }
    }

    /// The parameters by lower-cased name: the first non-blank value, trimmed.
    private struct Values {
        private var values: [String: String] = [:]

        init(_ parameters: [(name: String, value: String)]) {
            for (name, value) in parameters {
                let value = value.trimmedXMLSpace
                let name = name.trimmedXMLSpace.lowercased()
                if !value.isEmpty, values[name] == nil { values[name] = value }
            }
        }

        subscript(_ name: String) -> String? { values[name] }

        func int(_ name: String, in range: ClosedRange<Int>) throws(FeedRequestError) -> Int? {
            guard let text = values[name] else { return nil }
            guard let number = Int(text) else { throw .incorrect(name, "\"\(text.prefix(32))\" is not a whole number") }
            guard range.contains(number) else {
                throw .incorrect(name, "\(number) is out of range (\(range.lowerBound) to \(range.upperBound))")
            }
            return number
        }

        /// A TVDB, TVmaze, TMDB or TVRage id: a positive number.
        func id(_ name: String) throws(FeedRequestError) -> Int? {
            try int(name, in: 1...Int(Int32.max))
        }

        func imdb() throws(FeedRequestError) -> String? {
            guard let text = values["imdbid"] else { return nil }
            guard let imdb = ReleaseAttributes.imdb(text) else {
                throw .incorrect("imdbid", "\"\(text.prefix(32))\" is not an IMDb id (tt0944947 or 0944947)")
            }
            return imdb
        }

        func query() throws(FeedRequestError) -> String? {
            guard let text = values["q"] else { return nil }
            guard text.utf8.count <= FeedRequest.maxQueryBytes else {
                throw .incorrect("q", "longer than \(FeedRequest.maxQueryBytes) bytes")
            }
            return text
        }

        /// `cat=5030,5040`: Newznab category ids, in order, without duplicates; blank entries skipped.
        func categories() throws(FeedRequestError) -> [Int] {
            guard let text = values["cat"] else { return [] }
            var seen = Set<Int>()
            var categories: [Int] = []
            for entry in text.split(separator: ",") {
                let entry = String(entry).trimmedXMLSpace
                guard !entry.isEmpty else { continue }
                guard let id = Int(entry), (0...999_999).contains(id) else {
                    throw .incorrect("cat", "\"\(entry.prefix(32))\" is not a category id")
                }
                if seen.insert(id).inserted { categories.append(id) }
            }
            return categories
        }
    }
}
