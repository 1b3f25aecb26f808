import Foundation
import IdkarrDomain

/// A source of titles, ids, seasons and episodes (TMDB, TVmaze). Calls a provider cannot answer
/// throw `MetadataError` with code `.unsupported` (TVmaze has no movies).
public protocol MetadataProvider: Sendable {
    /// "TMDB", "TVmaze": used in messages.
    var name: String { get }
    /// Titles matching a title (and year) or an id. An id the provider does not know gives [].
    func search(_ query: MetadataQuery) async throws(MetadataError) -> [MetadataSearchResult]
    /// A series with all its seasons and episodes (specials in season 0).
    func series(_ id: LookupID) async throws(MetadataError) -> MetadataSeries
    func movie(_ id: LookupID) async throws(MetadataError) -> MetadataMovie
}

public enum MediaKind: String, Sendable, Hashable, Codable, CaseIterable {
    case series, movie
}

/// What a user typed in the add-title box: a title (with an optional year) or an id.
public enum MetadataQuery: Sendable, Hashable {
    case title(String, year: Int?, kind: MediaKind)
    case id(LookupID, kind: MediaKind)

    public var kind: MediaKind {
        switch self {
        case .title(_, _, let kind), .id(_, let kind): kind
        }
    }

    /// `tmdb:603`, `imdb:tt0133093` → an id; `The Matrix (1999)` → title and year; anything else → a title.
    /// - Throws: `.invalidQuery` for an empty term or a malformed id (`tmdb:abc`).
    public static func parse(_ term: String, kind: MediaKind) throws(MetadataError) -> MetadataQuery {
        let trimmed = term.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw MetadataError(.invalidQuery, provider: "lookup", message: "The search term is empty.")
        }
        if LookupID.looksLikeID(trimmed) { return .id(try LookupID.parse(trimmed), kind: kind) }
        if let match = trimmed.wholeMatch(of: #/(.+?)\s*\((\d{4})\)/#), let year = Int(match.output.2) {
            return .title(String(match.output.1), year: year, kind: kind)
        }
        return .title(trimmed, year: nil, kind: kind)
    }
}

/// An id a title is known by at one source.
public enum LookupID: Sendable, Hashable, CustomStringConvertible {
    case tmdb(Int)
    case tvdb(Int)
    case imdb(String)
    case tvmaze(Int)

    /// `tmdb:603` (as `parse` reads it).
    public var description: String {
        switch self {
        case .tmdb(let id): "tmdb:\(id)"
        case .tvdb(let id): "tvdb:\(id)"
        case .imdb(let id): "imdb:\(id)"
        case .tvmaze(let id): "tvmaze:\(id)"
        }
    }

    static let prefixes = ["tmdb", "tvdb", "imdb", "tvmaze"]

    /// True when `text` is meant as an id (a known prefix and a colon, or a bare `tt…` IMDb id).
    static func looksLikeID(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.wholeMatch(of: #/tt\d+/#) != nil { return true }
        guard let colon = lower.firstIndex(of: ":") else { return false }
        return prefixes.contains(lower[..<colon].trimmingCharacters(in: .whitespaces))
    }

    /// Reads `tmdb:603`, `tvdb:121361`, `imdb:tt0133093` (or a bare `tt0133093`), `tvmaze:82`;
    /// prefixes in any case, spaces around the colon allowed.
    /// - Throws: `.invalidQuery` with a message that says what is wrong and shows an example.
    public static func parse(_ text: String) throws(MetadataError) -> LookupID {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.lowercased().wholeMatch(of: #/tt\d{7,}/#) != nil { return .imdb(trimmed.lowercased()) }
        guard let colon = trimmed.firstIndex(of: ":") else {
            throw invalid(trimmed, "expected a source and an id, such as tmdb:603, tvdb:121361, imdb:tt0133093 or tvmaze:82")
        }
        let source = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        switch source {
        case "imdb":
            guard value.lowercased().wholeMatch(of: #/tt\d{7,}/#) != nil else {
                throw invalid(trimmed, "an IMDb id is \"tt\" and at least 7 digits, such as imdb:tt0133093")
            }
            return .imdb(value.lowercased())
        case "tmdb", "tvdb", "tvmaze":
            guard value.wholeMatch(of: #/\d{1,10}/#) != nil, let number = Int(value), number > 0 else {
                throw invalid(trimmed, "a \(source) id is a positive whole number, such as \(source):\(example[source] ?? 1)")
            }
            return source == "tmdb" ? .tmdb(number) : source == "tvdb" ? .tvdb(number) : .tvmaze(number)
        default:
            throw invalid(trimmed, "unknown source \"\(source)\"; use tmdb, tvdb, imdb or tvmaze")
        }
    }

    private static let example = ["tmdb": 603, "tvdb": 121361, "tvmaze": 82]

    private static func invalid(_ text: String, _ reason: String) -> MetadataError {
        let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
        return MetadataError(.invalidQuery, provider: "lookup", message: "\"\(shown)\" is not a valid id: \(reason).")
    }
}
