/// Turns a `SearchRequest` into the queries one indexer should get, using the best parameters its
/// caps allow: ids the mode supports first (one query), else one query per title with `q`, in the
/// dedicated mode when it takes the numbering (`season`, `ep`), else `t=search` with the numbering
/// in the text (`Title S01E02`). Pure.
///
/// Every query carries `cat` (when given), `extended=1` (all attributes), `limit` (the request's,
/// else the caps' default, never above the caps' maximum), `offset` (when not 0) and the extra
/// parameters. Ids follow the Newznab API: `imdbid` without its `tt`.
public enum QueryBuilder {
    /// - Throws: `IndexerError` `.unsupportedSearch` when the caps allow no query for the request
    ///   (no mode at all, or no id and no title it could use).
    public static func queries(for request: SearchRequest, caps: IndexerCaps) throws(IndexerError) -> [IndexerQuery] {
        let queries: [(String, [QueryParameter])]
        switch request.criteria {
        case .recent:
            let mode = [.search, .tvSearch, .movieSearch].first { caps.modes[$0] != nil } ?? IndexerCaps.Mode.search
            queries = [(mode.function, [])]
        case .text(let text):
            queries = try textQueries([text], caps: caps)
        case .series(let titles, let ids):
            queries = try tvQueries(titles, ids, [], textSuffix: "", caps: caps)
        case .episode(let titles, let ids, let season, let episode):
            let numbering = [QueryParameter("season", String(season))] + (episode.map { [QueryParameter("ep", String($0))] } ?? [])
            let suffix = episode.map { " S\(pad(season))E\(pad($0))" } ?? " S\(pad(season))"
            queries = try tvQueries(titles, ids, numbering, textSuffix: suffix, caps: caps)
        case .daily(let titles, let ids, let year, let month, let day):
            let numbering = [QueryParameter("season", String(year)), QueryParameter("ep", "\(pad(month))/\(pad(day))")]
            queries = try tvQueries(titles, ids, numbering, textSuffix: " \(year) \(pad(month)) \(pad(day))", caps: caps)
        case .anime(let titles, _, let absolute):
            queries = try textQueries(titles.map { title in absolute.map { "\(title) \(pad($0))" } ?? title }, caps: caps,
                                      fallback: .tvSearch)
        case .movie(let titles, let ids, let year):
            queries = try movieQueries(titles, ids, year, caps: caps)
        }
        let common = commonParameters(request, caps)
        return queries.map { function, specific in
            let taken = Set(specific.map(\.name) + common.map(\.name) + ["t", "apikey"])
            return IndexerQuery(function: function, specific + common + request.extraParameters.filter { !taken.contains($0.name) })
        }
    }

    // MARK: per kind

    private static func tvQueries(
        _ titles: [String], _ ids: SearchIds, _ numbering: [QueryParameter], textSuffix: String, caps: IndexerCaps
    ) throws(IndexerError) -> [(String, [QueryParameter])] {
        if let tv = caps.modes[.tvSearch], numbering.allSatisfy({ tv.supports($0.name) }) {
            let idParameters = supportedIds(ids, tv)
            if !idParameters.isEmpty { return [(IndexerCaps.Mode.tvSearch.function, idParameters + numbering)] }
            let usable = cleanTitles(titles)
            if tv.supports("q"), !usable.isEmpty {
                return usable.map { (IndexerCaps.Mode.tvSearch.function, [QueryParameter("q", $0)] + numbering) }
            }
        }
        return try textQueries(cleanTitles(titles).map { $0 + textSuffix }, caps: caps)
    }

    private static func movieQueries(_ titles: [String], _ ids: SearchIds, _ year: Int?, caps: IndexerCaps)
        throws(IndexerError) -> [(String, [QueryParameter])]
    {
        let function = IndexerCaps.Mode.movieSearch.function
        if let movie = caps.modes[.movieSearch] {
            let idParameters = supportedIds(ids, movie)
            if !idParameters.isEmpty { return [(function, idParameters)] }
            let usable = cleanTitles(titles)
            if movie.supports("q"), !usable.isEmpty {
                if let year, movie.supports("year") {
                    return usable.map { (function, [QueryParameter("q", $0), QueryParameter("year", String(year))]) }
                }
                return usable.map { title in (function, [QueryParameter("q", year.map { "\(title) \($0)" } ?? title)]) }
            }
        }
        return try textQueries(cleanTitles(titles).map { title in year.map { "\(title) \($0)" } ?? title }, caps: caps)
    }

    /// `t=search&q=…` per text, or the `fallback` mode's `q` when the indexer has no usable search.
    private static func textQueries(_ texts: [String], caps: IndexerCaps, fallback: IndexerCaps.Mode? = nil)
        throws(IndexerError) -> [(String, [QueryParameter])]
    {
        let texts = cleanTitles(texts)
        guard !texts.isEmpty else {
            throw IndexerError(.unsupportedSearch, message: "The search has no title or text, and no id the indexer supports.")
        }
        let mode = [IndexerCaps.Mode.search, fallback].compactMap { $0 }.first { caps.modes[$0]?.supports("q") == true }
        guard let mode else {
            throw IndexerError(.unsupportedSearch, message: "The indexer's caps offer no text search (t=search with q) for this search.")
        }
        return texts.map { (mode.function, [QueryParameter("q", $0)]) }
    }

    // MARK: parts

    /// The ids the mode supports, in preference order: tvdbid, tvmazeid, imdbid, tmdbid, rid.
    private static func supportedIds(_ ids: SearchIds, _ mode: IndexerCaps.ModeCaps) -> [QueryParameter] {
        var parameters: [QueryParameter] = []
        if let tvdb = ids.tvdb, tvdb > 0, mode.supports("tvdbid") { parameters.append(QueryParameter("tvdbid", String(tvdb))) }
        if let tvmaze = ids.tvmaze, tvmaze > 0, mode.supports("tvmazeid") {
            parameters.append(QueryParameter("tvmazeid", String(tvmaze)))
        }
        if let imdb = ReleaseAttributes.imdb(ids.imdb), mode.supports("imdbid") {
            parameters.append(QueryParameter("imdbid", String(imdb.dropFirst(2))))
        }
        if let tmdb = ids.tmdb, tmdb > 0, mode.supports("tmdbid") { parameters.append(QueryParameter("tmdbid", String(tmdb))) }
        if let rage = ids.tvRage, rage > 0, mode.supports("rid") { parameters.append(QueryParameter("rid", String(rage))) }
        return parameters
    }

    private static func commonParameters(_ request: SearchRequest, _ caps: IndexerCaps) -> [QueryParameter] {
        var parameters: [QueryParameter] = []
        var seen = Set<Int>()
        let categories = request.categories.filter { $0 >= 0 && seen.insert($0).inserted }
        if !categories.isEmpty { parameters.append(QueryParameter("cat", categories.map(String.init).joined(separator: ","))) }
        parameters.append(QueryParameter("extended", "1"))
        let limit = min(max(1, request.limit ?? caps.defaultPageSize), caps.maxPageSize)
        parameters.append(QueryParameter("limit", String(limit)))
        if request.offset > 0 { parameters.append(QueryParameter("offset", String(request.offset))) }
        return parameters
    }

    /// Trimmed, non-empty, without duplicates (case-insensitive), in order.
    private static func cleanTitles(_ titles: [String]) -> [String] {
        var seen = Set<String>()
        return titles.map(\.trimmedXMLSpace).filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    private static func pad(_ number: Int) -> String {
        number >= 0 && number < 10 ? "0\(number)" : String(number)
    }
}
