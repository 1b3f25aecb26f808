/// What a release name or file path is about.
public enum ReleaseKind: String, Sendable, Codable {
    case episode, movie, unknown
}

/// Everything idkarr reads from one release title or file path. Absent facts stay nil/empty;
/// nothing is guessed.
public struct ParsedRelease: Hashable, Sendable {
    public var kind: ReleaseKind = .unknown
    /// The title the rest was read from (extension and website prefixes removed).
    public var releaseTitle: String = ""

    // Series
    public var seriesTitle: String?
    public var seriesTitleInfo: SeriesTitleInfo?
    public var seasonNumber: Int?
    public var episodeNumbers: [Int] = []
    public var absoluteEpisodeNumbers: [Int] = []
    public var specialAbsoluteEpisodeNumbers: [Double] = []
    /// Daily episodes, `yyyy-MM-dd`.
    public var airDate: String?
    public var dailyPart: Int?
    public var fullSeason = false
    public var isPartialSeason = false
    public var seasonPart = 0
    public var isMultiSeason = false
    public var isSeasonExtra = false
    public var isSplitEpisode = false
    public var special = false

    // Movie
    /// Primary title first, then the parts of "AKA" titles.
    public var movieTitles: [String] = []
    public var year: Int?
    public var edition: String?
    public var imdbId: String?
    public var tmdbId: Int?
    public var hardcodedSubs: String?

    // Both
    public var quality = QualityModel()
    public var languages: [Language] = []
    public var releaseGroup: String?
    public var releaseHash: String?

    /// The episode came from a part number followed by a year (`Movie.Part.2.2011`): a movie's
    /// name more often than a mini-series'. Read by `ReleaseParser.parse` only.
    var partBeforeYear = false

    public init() {}

    public var movieTitle: String? { movieTitles.first }

    /// The title normalized for matching against the library.
    public var cleanTitle: String? {
        if let s = seriesTitle { return TitleCleaner.cleanSeriesTitle(s) }
        if let m = movieTitle { return TitleCleaner.cleanMovieTitle(m) }
        return nil
    }

    /// Sonarr's notion: a title that names no episode but could be a special.
    public var isPossibleSpecialEpisode: Bool {
        let noTitle = (seriesTitle ?? "").isEmpty
        return (airDate == nil && noTitle && (episodeNumbers.isEmpty || seasonNumber == 0)) || (!noTitle && special)
            || episodeNumbers == [0]
    }

    public var isDaily: Bool { airDate != nil }
    public var isAbsoluteNumbering: Bool { !absoluteEpisodeNumbers.isEmpty }
}

/// A series title split into its parts: `"Series (2009)"` → title, title without year, year.
public struct SeriesTitleInfo: Hashable, Sendable {
    public var title: String
    public var titleWithoutYear: String
    public var year: Int
    public var allTitles: [String]

    public init(title: String, titleWithoutYear: String, year: Int, allTitles: [String]) {
        self.title = title
        self.titleWithoutYear = titleWithoutYear
        self.year = year
        self.allTitles = allTitles
    }
}
