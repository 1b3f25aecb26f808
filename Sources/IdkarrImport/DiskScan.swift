import Foundation
import IdkarrDomain
import IdkarrParsing

/// The pure half of a disk scan: a folder listing and a title in, the title with its files
/// recorded (and a report) out. No I/O, so every rule is testable with plain values.
///
/// - Series and anime: each file is parsed with its folders (`Season 02/…`, `Specials/…`) and
///   matched by season/episode (multi-episode files cover every episode they list), absolute
///   number (anime, or a name with nothing else) or air date (daily shows).
/// - Movies: the largest file that does not clearly name another movie is the movie's file.
/// - Two files for one episode: the one recorded before wins, else the better quality, then the
///   larger; the other is listed as unmatched. Files that match nothing are listed with why.
/// - A file recorded before keeps its `dateAdded`; recorded paths no longer found are cleared.
public enum DiskScan {
    public struct Result: Sendable, Equatable {
        public var media: Media
        public var report: ScanReport
    }

    /// A listing with every name parsed: the expensive half of a match, which depends only on the
    /// folder and the kind of title, so it can run before the document is read.
    public struct ParsedListing: Sendable {
        /// The folder the listing was made of (no trailing `/`).
        public let folder: String
        public let listing: FolderListing
        let episodic: Bool
        let candidates: [Candidate]
    }

    public static func parse(_ listing: FolderListing, folder: String, mediaType: MediaType) -> ParsedListing {
        let base = FolderWalker.trimmed(folder)
        let folderName = base.split(separator: "/").last.map(String.init) ?? ""
        let episodic = mediaType.isEpisodic
        let candidates = listing.files.map { file in
            Candidate(file: file, parsed: parse(folderName + "/" + file.relativePath, episodic: episodic))
        }
        return ParsedListing(folder: base, listing: listing, episodic: episodic, candidates: candidates)
    }

    /// Parses and matches `listing`, a listing of `media.path`.
    public static func match(_ listing: FolderListing, into media: Media, now: Date) -> Result {
        match(parse(listing, folder: media.path ?? "", mediaType: media.mediaType), into: media, now: now)
    }

    /// Matches a parsed listing of `parsed.folder` to `media`'s episodes (or as its movie file).
    public static func match(_ parsed: ParsedListing, into media: Media, now: Date) -> Result {
        let base = parsed.folder
        let old = recordedFiles(of: media)
        var candidates = parsed.candidates
        var updated = media
        var unmatched: [UnmatchedFile] = []
        var recorded: [String: MediaFile] = [:]
        if parsed.episodic {
            let index = EpisodeIndex(media.episodes)
            let type = media.seriesType ?? (media.mediaType == .anime ? .anime : .standard)
            for i in candidates.indices { candidates[i].target = index.target(for: candidates[i].parsed, seriesType: type) }
            candidates.sort { isPreferred($0, over: $1, old: old, base: base) }
            assignEpisodes(candidates, to: &updated, base: base, old: old, now: now, unmatched: &unmatched, recorded: &recorded)
        } else {
            assignMovie(candidates, to: &updated, base: base, old: old, now: now, unmatched: &unmatched, recorded: &recorded)
        }
        unmatched.sort { $0.relativePath < $1.relativePath }
        updated.unmatchedFiles = unmatched
        updated.lastScanned = now
        let cleared = Set(old.keys).subtracting(recorded.keys).sorted()
        let report = ScanReport(
            path: base, videoFiles: parsed.listing.files.count, skipped: parsed.listing.skipped, matched: recorded.count,
            added: recorded.keys.filter { old[$0] == nil }.count,
            episodesWithFiles: updated.mediaType.isEpisodic ? updated.episodes.filter { $0.episodeFile != nil }.count
                : (updated.movieFile == nil ? 0 : 1),
            unmatched: unmatched, cleared: cleared, scannedAt: now)
        return Result(media: updated, report: report)
    }

    struct Candidate: Sendable {
        var file: ScannedFile
        var parsed: ParsedRelease
        var target: FileTarget = .unmatched(EpisodeIndex.unreadable)
    }

    /// Episodic names go through the folder-aware episode parser; the full parse (total: it
    /// always gives at least the quality) fills in a name that names no episode.
    static func parse(_ path: String, episodic: Bool) -> ParsedRelease {
        if episodic, let p = ReleaseParser.parsePath(path) { return p }
        if !episodic, let p = ReleaseParser.parseMoviePath(path) { return p }
        var p = ReleaseParser.parse(path)
        if episodic { p.kind = .unknown }
        return p
    }

    /// Every file the title records now, by path.
    static func recordedFiles(of media: Media) -> [String: MediaFile] {
        var files: [String: MediaFile] = [:]
        for e in media.episodes { if let f = e.episodeFile { files[f.path] = f } }
        if let f = media.movieFile { files[f.path] = f }
        return files
    }

    static func isPreferred(_ a: Candidate, over b: Candidate, old: [String: MediaFile], base: String) -> Bool {
        let ka = old[base + "/" + a.file.relativePath] != nil, kb = old[base + "/" + b.file.relativePath] != nil
        if ka != kb { return ka }
        let q = QualityComparison.compare(a.parsed.quality, b.parsed.quality)
        if q != 0 { return q > 0 }
        if a.file.size != b.file.size { return a.file.size > b.file.size }
        return a.file.relativePath < b.file.relativePath
    }

    static func record(_ c: Candidate, base: String, old: [String: MediaFile], now: Date) -> MediaFile {
        let path = base + "/" + c.file.relativePath
        let p = c.parsed
        var f = MediaFile(path: path, size: c.file.size, qualityId: p.quality.quality.id, releaseGroup: p.releaseGroup,
                          dateAdded: old[path]?.dateAdded ?? now)
        f.revision = p.quality.revision.version
        let languages = p.languages.filter { $0 != .unknown }.map(\.name)
        f.languages = languages.isEmpty ? nil : languages
        return f
    }

    private static func assignEpisodes(
        _ ordered: [Candidate], to media: inout Media, base: String, old: [String: MediaFile], now: Date,
        unmatched: inout [UnmatchedFile], recorded: inout [String: MediaFile]
    ) {
        var owner: [Int: String] = [:]
        var files = [MediaFile?](repeating: nil, count: media.episodes.count)
        for c in ordered {
            switch c.target {
            case .unmatched(let reason):
                unmatched.append(UnmatchedFile(relativePath: c.file.relativePath, size: c.file.size, reason: reason))
            case .episodes(let indices):
                if let taken = indices.first(where: { owner[$0] != nil }) {
                    let e = media.episodes[taken]
                    let reason = "\(EpisodeIndex.season(e.seasonNumber))E\(EpisodeIndex.two(e.episodeNumber)) already has a file: \(owner[taken]!)"
                    unmatched.append(UnmatchedFile(relativePath: c.file.relativePath, size: c.file.size, reason: reason))
                    continue
                }
                let file = record(c, base: base, old: old, now: now)
                recorded[file.path] = file
                for i in indices { owner[i] = c.file.relativePath; files[i] = file }
            case .movie:
                unmatched.append(UnmatchedFile(relativePath: c.file.relativePath, size: c.file.size, reason: EpisodeIndex.unreadable))
            }
        }
        for i in media.episodes.indices { media.episodes[i].episodeFile = files[i] }
    }

    private static func assignMovie(
        _ candidates: [Candidate], to media: inout Media, base: String, old: [String: MediaFile], now: Date,
        unmatched: inout [UnmatchedFile], recorded: inout [String: MediaFile]
    ) {
        var main: Candidate?
        var others: [Candidate] = []
        for c in candidates {
            if let reason = namesAnotherMovie(c.parsed, media) {
                unmatched.append(UnmatchedFile(relativePath: c.file.relativePath, size: c.file.size, reason: reason))
            } else if let m = main, (m.file.size, c.file.relativePath) >= (c.file.size, m.file.relativePath) {
                others.append(c)
            } else {
                if let m = main { others.append(m) }
                main = c
            }
        }
        for c in others {
            let reason = "not the movie's main file (the larger \(main!.file.relativePath) is)"
            unmatched.append(UnmatchedFile(relativePath: c.file.relativePath, size: c.file.size, reason: reason))
        }
        media.movieFile = main.map { record($0, base: base, old: old, now: now) }
        if let f = media.movieFile { recorded[f.path] = f }
    }

    /// Why a file clearly names a different movie (another title and a year more than one off),
    /// or nil. A name with no title or no year is given the benefit of the doubt.
    static func namesAnotherMovie(_ p: ParsedRelease, _ media: Media) -> String? {
        guard let title = p.movieTitle, let year = p.year, let mediaYear = media.year, abs(year - mediaYear) > 1 else { return nil }
        let clean = TitleCleaner.cleanMovieTitle(title)
        let known = ([media.title] + media.alternateTitles).map(TitleCleaner.cleanMovieTitle)
        if known.contains(clean) { return nil }
        return "names another movie: \(title) (\(year))"
    }
}
