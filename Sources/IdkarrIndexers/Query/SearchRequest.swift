/// Ids a search may name; an indexer gets those its caps support.
public struct SearchIds: Sendable, Hashable {
    public var tvdb: Int?
    public var tvmaze: Int?
    /// `tt0944947` (the `tt` is optional; the query sends the digits, as the Newznab API says).
    public var imdb: String?
    public var tmdb: Int?
    /// TVRage (`rid`): closed since 2015, still sent by Sonarr when the caps list it.
    public var tvRage: Int?

    public init(tvdb: Int? = nil, tvmaze: Int? = nil, imdb: String? = nil, tmdb: Int? = nil, tvRage: Int? = nil) {
        self.tvdb = tvdb
        self.tvmaze = tvmaze
        self.imdb = imdb
        self.tmdb = tmdb
        self.tvRage = tvRage
    }
}

/// What to look for. Titles are the names to try when no id can be used (the series title and
/// its scene names; the first is tried first).
public enum SearchCriteria: Sendable, Hashable {
    /// The latest releases in the request's categories (RSS sync).
    case recent
    /// Free text.
    case text(String)
    /// A series as a whole, without numbering (`t=tvsearch` with ids or `q` but no `season`).
    case series(titles: [String], ids: SearchIds)
    /// A season (`episode` nil) or one episode of a series numbered by season.
    case episode(titles: [String], ids: SearchIds, season: Int, episode: Int?)
    /// An episode of a daily show, by air date (`season=2024&ep=03/15` in Newznab terms).
    case daily(titles: [String], ids: SearchIds, year: Int, month: Int, day: Int)
    /// An anime episode by absolute number (`Title 07`), or the title alone when nil.
    case anime(titles: [String], ids: SearchIds, absoluteEpisode: Int?)
    /// A movie by imdb/tmdb id, else by title and year.
    case movie(titles: [String], ids: SearchIds, year: Int?)
}

/// One search for one indexer: criteria, categories, paging and the indexer's extra parameters.
public struct SearchRequest: Sendable, Hashable {
    public var criteria: SearchCriteria
    /// Newznab category ids (`cat=`); empty asks every category.
    public var categories: [Int]
    public var offset: Int
    /// Results per page; nil takes the indexer's default. Capped at the caps' maximum.
    public var limit: Int?
    /// Added to every query (an indexer's "additional parameters" setting); they cannot replace
    /// `t`, `apikey` or a parameter the search itself sets.
    public var extraParameters: [QueryParameter]

    public init(
        _ criteria: SearchCriteria, categories: [Int] = [], offset: Int = 0, limit: Int? = nil, extraParameters: [QueryParameter] = []
    ) {
        self.criteria = criteria
        self.categories = categories
        self.offset = offset
        self.limit = limit
        self.extraParameters = extraParameters
    }
}

public struct QueryParameter: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    public var description: String { "\(name)=\(value)" }

    /// `&attrs=poster&extended=1` (or without the leading `&`) → parameters; pairs without a
    /// name are dropped. Values are taken as written (percent-decoding is the URL's job).
    public static func parse(_ text: String) -> [QueryParameter] {
        text.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).trimmedXMLSpace
            guard !name.isEmpty else { return nil }
            return QueryParameter(name, parts.count > 1 ? String(parts[1]) : "")
        }
    }
}
