/// The parser's front door: release titles and file paths in, `ParsedRelease` out.
///
/// Every function is pure and total: any input (bytes, Unicode, 100 KB of garbage) returns in time
/// linear in its length.
public enum ReleaseParser {
    /// Longest input read; the rest is ignored (release names are far shorter). For paths the
    /// end is kept, since the file name and its folders are what matter.
    public static let maxInputLength = 1024

    /// Parses a release title or file path and decides whether it names an episode or a movie.
    /// Never fails: `kind == .unknown` when neither is found (quality, languages and group are
    /// still filled in when present).
    public static func parse(_ title: String) -> ParsedRelease {
        let input = bounded(title)
        if PathText.looksLikePath(input) {
            let e = parsePath(input)
            if let e, isConfidentEpisode(e) { return e }
            if let m = parseMoviePath(input) { return m }
            if let e { return e }
        } else {
            let prepared = PreparedName(input)
            if let e = EpisodeParser.parse(prepared) {
                if isConfidentEpisode(e), !e.partBeforeYear { return e }
                if let m = MovieParser.parse(prepared, shared: (e.quality, e.releaseGroup)), m.year != nil { return m }
                return e
            }
            if let m = MovieParser.parse(prepared, shared: nil) { return m }
        }
        var r = ParsedRelease()
        let name = TitlePrep.prepare(PathText.lastComponent(input))
        let t = TokenizedName(name)
        r.releaseTitle = name
        r.quality = QualityParser.parse(t)
        r.languages = LanguageParser.parseLanguages(t, from: 0)
        r.releaseGroup = ReleaseGroupParser.parse(name)
        r.releaseHash = ReleaseHash.find(t)
        return r
    }

    static func isConfidentEpisode(_ e: ParsedRelease) -> Bool {
        e.seasonNumber != nil && (!e.episodeNumbers.isEmpty || e.fullSeason) || e.airDate != nil || !e.absoluteEpisodeNumbers.isEmpty
            || !e.specialAbsoluteEpisodeNumbers.isEmpty
    }

    static func bounded(_ s: String) -> String { Text.bounded(s) }

    /// Sonarr's ParseTitle: series, season and episodes of a release title; nil when the title
    /// names no episode.
    public static func parseEpisode(_ title: String) -> ParsedRelease? {
        EpisodeParser.parse(bounded(title))
    }

    /// Sonarr's ParsePath: like `parseEpisode`, but reads the folders too
    /// (`Series/Season 2/01 - Title.mkv`).
    public static func parsePath(_ path: String) -> ParsedRelease? {
        PathRules.parseEpisodePath(bounded(path))
    }

    /// Radarr's ParseMovieTitle: title(s), year, edition of a movie release; nil when none is found.
    public static func parseMovie(_ title: String, isDir: Bool = false) -> ParsedRelease? {
        MovieParser.parse(bounded(title), isDir: isDir)
    }

    /// Radarr's ParseMoviePath: the file name, else its folder (`Movie (2019)/movie.mkv`).
    public static func parseMoviePath(_ path: String) -> ParsedRelease? {
        PathRules.parseMoviePath(bounded(path))
    }

    /// The series title of a release, or the cleaned-up name itself when no episode is found.
    public static func parseSeriesName(_ title: String) -> String {
        if let r = parseEpisode(title), let s = r.seriesTitle, !s.isEmpty { return s }
        let name = TitlePrep.prepare(title)
        let t = TokenizedName(name)
        var end = t.count
        for i in 0..<t.count where QualityFeatures.resolutions[t, i] != nil || QualityFeatures.singleSources[t, i] != nil {
            end = i
            break
        }
        return SeriesTitles.normalize(end > 0 ? t.original(0, end) : name, keepTrailing: nil)
    }
}

/// Folder-aware parsing of file paths.
enum PathRules {
    static func seasonFolder(_ name: String) -> Int? {
        let t = TokenizedName(name)
        if t.count >= 2, NumberWords.seasonWords.contains(t, 0), let n = t[1].number { return n }
        if t.count == 1, let s = NumberWords.season(t, 0) { return s }
        if t.count == 1, t.isWord(0, "specials") { return 0 }
        return nil
    }

    static func parseEpisodePath(_ path: String) -> ParsedRelease? {
        let parts = PathText.components(path)
        guard let file = parts.last else { return nil }
        let dir = parts.count >= 2 ? parts[parts.count - 2] : nil
        let fileName = TitlePrep.removeExtension(file)
        // The file and its folder are each parsed once, the folder when first needed.
        let fileResult = EpisodeParser.parse(file)
        var dirParsed: ParsedRelease?? = .none
        func dirResult() -> ParsedRelease? {
            if case .some(let d) = dirParsed { return d }
            let d = dir.flatMap { EpisodeParser.parse($0) }
            dirParsed = .some(d)
            return d
        }
        // Series/Season 2/01 - Title.mkv
        if let dir, let season = seasonFolder(dir), let r = inSeasonFolder(parts, season: season, fileName: fileName, fileResult: fileResult) { return r }
        if dir != nil, let fileResult, fileResult.episodeNumbers.isEmpty && fileResult.airDate == nil, var d = dirResult(), !d.episodeNumbers.isEmpty || d.airDate != nil {
            // "Show.S02E12…-GROUP/Backup_72023S02-12.mkv": the folder names the episode.
            if d.quality.quality == .unknown { d.quality = fileResult.quality }
            return d
        }
        if var r = fileResult {
            if dir != nil, (r.seriesTitle ?? "").isEmpty, let d = dirResult(), let s = d.seriesTitle, !s.isEmpty {
                r.seriesTitle = s
                r.seriesTitleInfo = d.seriesTitleInfo
            }
            return r
        }
        guard let dir else { return nil }
        // "Title 921-928 […]/921.mkv": the file is just the episode number.
        if let n = Bytes.number(fileName), var d = dirResult(), !d.absoluteEpisodeNumbers.isEmpty {
            d.absoluteEpisodeNumbers = [n]
            if d.quality.quality == .unknown { d.quality = QualityParser.parse(file) }
            return d
        }
        if var d = dirResult() {
            if d.quality.quality == .unknown { d.quality = QualityParser.parse(file) }
            return d
        }
        return EpisodeParser.parse(dir + " " + file)
    }

    /// The episode of a file in a season folder (`parts`: the path's folders and file), or nil
    /// when the file name holds none.
    static func inSeasonFolder(_ parts: [String], season: Int, fileName: String, fileResult: ParsedRelease?) -> ParsedRelease? {
        let file = parts[parts.count - 1]
        if let r = fileResult, r.seasonNumber != nil || r.airDate != nil, !r.episodeNumbers.isEmpty || r.airDate != nil {
            if let s = r.seasonNumber, s == season || r.seriesTitle?.isEmpty == false { return r }
        }
        let ft = TokenizedName(fileName)
        var leading: [Int]?
        if ft.count > 0, let n = ft[0].number, ft[0].digitCount <= 3 { leading = [n] }
        if ft.count > 0, let e = NumberWords.episode(ft, 0) {
            leading = [e]
            if ft.count > 1, ft.gap(before: 1) == [UInt8(ascii: "-")], let e2 = ft[1].number ?? NumberWords.episode(ft, 1), e2 > e { leading = NumberWords.expand(e, e2) }
        }
        guard let eps = leading else { return nil }
        var r = ParsedRelease()
        r.kind = .episode
        r.releaseTitle = fileName
        r.seasonNumber = season
        r.episodeNumbers = eps
        r.seriesTitle = parts.count >= 3 ? parts[parts.count - 3] : ""
        r.quality = QualityParser.parse(file)
        r.releaseGroup = ReleaseGroupParser.parse(file)
        r.languages = LanguageParser.parseLanguages(file)
        return r
    }

    static func parseMoviePath(_ path: String) -> ParsedRelease? {
        let parts = PathText.components(path)
        guard let file = parts.last else { return nil }
        if let r = MovieParser.parse(file), r.year != nil { return r }
        if parts.count >= 2, var d = MovieParser.parse(parts[parts.count - 2], isDir: true) {
            if d.quality.quality == .unknown { d.quality = QualityParser.parse(file) }
            return d
        }
        return MovieParser.parse(file)
    }
}
