import IdkarrDomain
import IdkarrParsing

/// What a folder name in a root folder says about the title inside it, for existing-library
/// import: `The Matrix (1999) {tmdb-603}` → title "The Matrix", year 1999, TMDB id 603.
///
/// Ids are read in the spellings of Plex (`{tmdb-603}`, `{imdb-tt0133093}`, `{tvdb-121361}`),
/// Jellyfin and Emby (`[tmdbid-603]`, `[tvdbid=121361]`, `[imdbid-tt0133093]`), Sonarr/Radarr
/// naming tokens and idkarr's own (`(tvmaze-82)`), in `{}`, `[]` or `()` with `-`, `=`, `:` or a
/// space. Title and year come from the parser, after the id tags are taken out.
public struct ImportFolderName: Sendable, Equatable {
    /// The folder name as read.
    public var folderName: String
    public var title: String
    /// `TitleCleaner`'s form of `title`, for matching.
    public var cleanTitle: String
    public var year: Int?
    public var ids: ExternalIds

    public init(folderName: String, title: String, year: Int?, ids: ExternalIds) {
        self.folderName = folderName
        self.title = title
        self.cleanTitle = TitleCleaner.cleanMovieTitle(title)
        self.year = year
        self.ids = ids
    }

    /// Reads a folder name (the last component of a path; a trailing `/` is ignored). Total:
    /// any input gives a result, with an empty title when nothing readable is left.
    public static func read(_ name: String) -> ImportFolderName {
        let last = name.split(separator: "/").last.map(String.init) ?? name
        let (rest, ids) = takeIds(String(last.prefix(ReleaseParser.maxInputLength)))
        let (title, year) = titleAndYear(rest)
        return ImportFolderName(folderName: last, title: title, year: year, ids: ids)
    }

    /// Removes every bracketed id (and Plex's `{edition-…}` tag) from the name and returns the rest.
    static func takeIds(_ name: String) -> (String, ExternalIds) {
        var ids = ExternalIds()
        var out = ""
        var i = name.startIndex
        let pairs: [Character: Character] = ["{": "}", "[": "]", "(": ")"]
        while i < name.endIndex {
            if let close = pairs[name[i]], let end = name[name.index(after: i)...].firstIndex(of: close) {
                let inner = String(name[name.index(after: i)..<end])
                if readId(inner, into: &ids) || inner.lowercased().hasPrefix("edition-") {
                    i = name.index(after: end)
                    continue
                }
            }
            out.append(name[i])
            i = name.index(after: i)
        }
        return (out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "), ids)
    }

    /// Reads `tmdb-603`, `tmdbid=603`, `imdb-tt0133093`, `tvdbid 121361`, `tvmaze:82`; false when `text` is none of these.
    static func readId(_ text: String, into ids: inout ExternalIds) -> Bool {
        let lower = text.lowercased().trimmingSpaces
        guard let sep = lower.firstIndex(where: { $0 == "-" || $0 == "=" || $0 == ":" || $0 == " " }) else { return false }
        var key = String(lower[..<sep])
        if key.hasSuffix("id") { key.removeLast(2) }
        let value = String(lower[lower.index(after: sep)...]).trimmingSpaces
        switch key {
        case "tmdb": guard let n = positive(value) else { return false }; ids.tmdbId = n
        case "tvdb": guard let n = positive(value) else { return false }; ids.tvdbId = n
        case "tvmaze": guard let n = positive(value) else { return false }; ids.tvmazeId = n
        case "imdb": guard let imdb = TitleCleaner.normalizeImdbId(value) else { return false }; ids.imdbId = imdb
        default: return false
        }
        return true
    }

    static func positive(_ s: String) -> Int? {
        guard s.count <= 10, let n = Int(s), n > 0 else { return nil }
        return n
    }

    /// Title and year by the parser: a movie-style folder (`Title (Year)`), else a series
    /// release name (`Show.S01-S05.1080p…`), else the name itself with a trailing `(Year)` split off.
    static func titleAndYear(_ name: String) -> (String, Int?) {
        if let m = ReleaseParser.parseMovie(name, isDir: true), let t = m.movieTitle, !t.isEmpty, m.year != nil {
            return (t, m.year)
        }
        if let e = ReleaseParser.parseEpisode(name), let s = e.seriesTitle, !s.isEmpty {
            if let info = e.seriesTitleInfo, info.year > 0 { return (info.titleWithoutYear, info.year) }
            return (s, nil)
        }
        return (name.trimmingSpaces, nil)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
