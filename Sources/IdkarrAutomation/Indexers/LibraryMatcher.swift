import IdkarrDomain
import IdkarrIndexers
import IdkarrLibrary
import IdkarrParsing
import IdkarrStore

/// Which library titles a release that came unasked (RSS) is about: by the ids the indexer
/// attached (tvdb, tvmaze, imdb, tmdb), else by the parsed title, cleaned as the parser cleans
/// names, against every title's name, alternate names and "name year". Built once per sync.
struct LibraryMatcher: Sendable {
    private var seriesByTitle: [String: [Int]] = [:]
    private var moviesByTitle: [String: [Int]] = [:]
    private let library: Library

    init(library: Library) {
        self.library = library
        for stored in library.media.all() {
            let m = stored.body
            var names = Set(([m.title] + m.alternateTitles).map(TitleCleaner.cleanSeriesTitle))
            if let year = m.year { names.insert(TitleCleaner.cleanSeriesTitle("\(m.title) \(year)")) }
            for name in names where !name.isEmpty {
                if m.mediaType == .movie { moviesByTitle[name, default: []].append(stored.id) } else { seriesByTitle[name, default: []].append(stored.id) }
            }
        }
    }

    /// Changes whenever a title is added, removed or written (ids and versions).
    static func fingerprint(_ library: Library) -> Int {
        var hasher = Hasher()
        for stored in library.media.all() {
            hasher.combine(stored.id)
            hasher.combine(stored.version)
        }
        return hasher.finalize()
    }

    /// The titles `release` belongs to (several when the same title is in two instances, such as
    /// Movies and Movies 4K), each with the reading of the name that fits it: a name the parser
    /// took for an episode (`Movie.Part.Two.2024`, `Movie.2019.H.264`) is read again as a movie
    /// for the library's movies, as Radarr reads every name.
    func titles(for release: IndexerRelease, parsed: ParsedRelease) -> [(mediaId: Int, parsed: ParsedRelease)] {
        var found: [(mediaId: Int, parsed: ParsedRelease)] = []
        if parsed.kind == .episode {
            found += match(release, parsed, episodic: true).map { ($0, parsed) }
        }
        if found.isEmpty, let movie = parsed.kind == .movie ? parsed : ReleaseParser.parseMovie(release.title) {
            found += match(release, movie, episodic: false).map { ($0, movie) }
        }
        return found
    }

    private func match(_ release: IndexerRelease, _ parsed: ParsedRelease, episodic: Bool) -> [Int] {
        let byId = idKeys(release, episodic: episodic).flatMap { library.media.lookup("externalId", $0) }
        let wanted: (Int) -> Bool = { id in
            guard let type = library.media.get(id)?.body.mediaType else { return false }
            return type.isEpisodic == episodic
        }
        let matchedById = Array(Set(byId.filter(wanted))).sorted()
        if !matchedById.isEmpty { return matchedById }
        guard let clean = parsed.cleanTitle, !clean.isEmpty else { return [] }
        if episodic { return seriesByTitle[clean] ?? [] }
        let candidates = moviesByTitle[clean] ?? []
        // A movie title alone is weak: the year, when both know it, must agree (remakes).
        return candidates.filter { id in
            guard let year = parsed.year, let known = library.media.get(id)?.body.year else { return true }
            return abs(year - known) <= 1
        }
    }

    private func idKeys(_ r: IndexerRelease, episodic: Bool) -> [String] {
        var keys: [String] = []
        if episodic {
            if let id = r.tvdbId { keys.append("tvdb:\(id)") }
            if let id = r.tvmazeId { keys.append("tvmaze:\(id)") }
        } else {
            if let id = r.tmdbId { keys.append("tmdb:\(id)") }
            if let id = r.imdbId { keys.append("imdb:\(id)") }
        }
        return keys
    }
}
