import Foundation
import IdkarrDomain
import IdkarrLibrary
import IdkarrMetadata
import IdkarrStore

/// One answer of the add-title search, with where the title already is in the library.
public struct LookupResult: Sendable {
    public var result: MetadataSearchResult
    /// `tvmaze:82`, `tmdb:603`: what to send back to add it.
    public var lookupId: String
    /// (instance id, media id) of each copy already in the library.
    public var inLibrary: [(instanceId: Int, mediaId: Int)]
}

extension TitleCatalog {
    /// Titles for what the user typed: a title, "Title (1999)", or an id (`tmdb:603`, `tvdb:…`,
    /// `imdb:tt…`, `tvmaze:82`). Series: TVmaze, then TMDB's answers for titles TVmaze did not
    /// give; movies: TMDB.
    public func lookup(_ term: String, kind: MediaKind) async throws -> [LookupResult] {
        let query = try MetadataQuery.parse(term, kind: kind)
        var results: [MetadataSearchResult]
        switch (kind, query) {
        case (.movie, _):
            results = try await tmdb(for: "movies").search(query)
        case (.series, .id(.tmdb, _)):
            results = try await tmdb(for: "series known only by a TMDB id").search(query)
        case (.series, .id):
            results = try await providers.tvmaze.search(query)
        case (.series, .title):
            results = try await providers.tvmaze.search(query)
            if let tmdb = providers.tmdb, let more = try? await tmdb.search(query) {
                let seen = Set(results.map { Self.sameTitleKey($0) })
                results += more.filter { !seen.contains(Self.sameTitleKey($0)) }
            }
        }
        return results.compactMap { result in
            guard let id = Self.lookupId(result.externalIds, kind: kind) else { return nil }
            let copies = library.instances.all().compactMap { instance -> (Int, Int)? in
                guard instance.body.mediaType.isEpisodic == (kind == .series),
                      let found = library.existingMedia(in: instance.id, matching: result.externalIds) else { return nil }
                return (instance.id, found.id)
            }
            return LookupResult(result: result, lookupId: id.description, inLibrary: copies)
        }
    }

    /// The id to add a title by: the one its provider answers best.
    static func lookupId(_ ids: ExternalIds, kind: MediaKind) -> LookupID? {
        switch kind {
        case .series: ids.tvmazeId.map { .tvmaze($0) } ?? ids.tvdbId.map { .tvdb($0) } ?? ids.tmdbId.map { .tmdb($0) }
            ?? ids.imdbId.map { .imdb($0) }
        case .movie: ids.tmdbId.map { .tmdb($0) } ?? ids.imdbId.map { .imdb($0) }
        }
    }

    private static func sameTitleKey(_ r: MetadataSearchResult) -> String {
        "\(r.title.lowercased().filter { $0.isLetter || $0.isNumber })|\(r.year ?? 0)"
    }
}
