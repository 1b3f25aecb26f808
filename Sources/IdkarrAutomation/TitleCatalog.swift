import Foundation
import IdkarrDomain
import IdkarrImport
import IdkarrLibrary
import IdkarrMetadata
import IdkarrStore
import Logging

/// Titles from the metadata providers: look up, add, refresh. The library holds what the user
/// has; this is where provider answers become library documents.
///
/// Series come from TVmaze when it knows the title (air times in UTC, specials), with TMDB as a
/// fallback and a source of ids; movies come from TMDB (it needs an API key). Every id a
/// provider tells is kept on the title, so a later lookup by any of them finds it.
public final class TitleCatalog: Sendable {
    public let library: Library
    let settingsDocs: DocumentCollection<MetadataSettings>
    let providerSet: ProviderSet
    public let images: ImageCache
    let now: @Sendable () -> Date
    let logger: Logger
    /// Adds one title at a time: the duplicate check and the write see the same library.
    let addGate = SerialGate()
    /// Scans a title's folder after it was added or refreshed (nil: no scanning).
    let scanner: DiskScanService?

    public init(library: Library, settings: DocumentCollection<MetadataSettings>, providers: ProviderSet, images: ImageCache,
                scanner: DiskScanService? = nil, now: @escaping @Sendable () -> Date = Date.init, logger: Logger) {
        self.library = library
        self.settingsDocs = settings
        self.providerSet = providers
        self.images = images
        self.now = now
        self.logger = logger
        self.scanner = scanner
    }

    /// Records the files of a title whose folder exists; a title whose folder is not there yet
    /// (just added) has nothing to scan. A scan failure is logged: the add or refresh stands.
    func afterChange(_ id: Int) async {
        guard let scanner, let path = library.media.get(id)?.body.path else { return }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else { return }
        do { _ = try await scanner.rescan(id) } catch { logger.warning("scan of media \(id) after a metadata change failed: \(error)") }
    }

    // MARK: settings

    public var settings: Stored<MetadataSettings>? { settingsDocs.all().first }
    public var currentSettings: MetadataSettings { settings?.body ?? MetadataSettings() }

    public func updateSettings(_ new: MetadataSettings, ifVersion: Int?) async throws -> Stored<MetadataSettings> {
        try new.validate()
        let saved = if let current = settings {
            try await settingsDocs.update(current.id, ifVersion: ifVersion ?? current.version, new)
        } else {
            try await settingsDocs.create(new)
        }
        allowImageHosts(of: saved.body)
        return saved
    }

    /// Lets the image cache fetch from the providers' own hosts (a proxy or a test server).
    public func allowImageHosts(of settings: MetadataSettings) {
        for url in [settings.tmdbBaseURL, settings.tvmazeBaseURL] {
            if let host = URL(string: url)?.host { images.allow(host: host) }
        }
    }

    var providers: ProviderSet.Providers { providerSet.providers(for: currentSettings) }

    /// TMDB, or a validation error telling the user to set the key.
    func tmdb(for what: String) throws -> any MetadataProvider {
        guard let tmdb = providers.tmdb else {
            throw ServiceError.invalid("tmdbApiKey", "A TMDB API key is needed for \(what): add one in Settings → Metadata.")
        }
        return tmdb
    }

    // MARK: fetching

    /// A series with every episode, by whichever ids are known. TVmaze first (it answers by
    /// TVmaze, TVDB and IMDb id); TMDB when TVmaze cannot, or to learn the TVDB id of a TMDB id.
    func fetchSeries(_ ids: ExternalIds) async throws -> MetadataSeries {
        var ids = ids
        let providers = self.providers
        if ids.tvmazeId == nil && ids.tvdbId == nil && ids.imdbId == nil, let tmdbId = ids.tmdbId {
            let fromTMDB = try await tmdb(for: "series known only by a TMDB id").series(.tmdb(tmdbId))
            ids = ids.merging(fromTMDB.externalIds)
            guard let lookup = Self.tvmazeLookup(ids), let viaTVmaze = try? await providers.tvmaze.series(lookup) else {
                return fromTMDB
            }
            return Self.withIds(viaTVmaze, ids)
        }
        guard let lookup = Self.tvmazeLookup(ids) else {
            throw ServiceError.invalid("lookupId", "A series needs a TVmaze, TVDB, IMDb or TMDB id.")
        }
        let fromTVmaze: Result<MetadataSeries, MetadataError>
        do { fromTVmaze = .success(try await providers.tvmaze.series(lookup)) } catch { fromTVmaze = .failure(error) }
        switch fromTVmaze {
        case .success(var series):
            series.externalIds = series.externalIds.merging(ids)
            if series.externalIds.tmdbId == nil, let tmdb = providers.tmdb {
                series.externalIds = series.externalIds.merging(await Self.tmdbIds(of: series.externalIds, tmdb))
            }
            return series
        case .failure(let error):
            // TVmaze does not know it: TMDB may, by TMDB, TVDB or IMDb id (it knows no TVmaze ids).
            let tmdbLookup: LookupID? = ids.tmdbId.map { .tmdb($0) } ?? ids.tvdbId.map { .tvdb($0) } ?? ids.imdbId.map { .imdb($0) }
            guard error.code == .notFound, let tmdb = providers.tmdb, let tmdbLookup else { throw error }
            return Self.withIds(try await tmdb.series(tmdbLookup), ids)
        }
    }

    func fetchMovie(_ ids: ExternalIds) async throws -> MetadataMovie {
        let tmdb = try tmdb(for: "movies")
        guard let id: LookupID = ids.tmdbId.map({ .tmdb($0) }) ?? ids.imdbId.map({ .imdb($0) }) else {
            throw ServiceError.invalid("lookupId", "A movie needs a TMDB or IMDb id.")
        }
        var movie = try await tmdb.movie(id)
        movie.externalIds = movie.externalIds.merging(ids)
        return movie
    }

    static func tvmazeLookup(_ ids: ExternalIds) -> LookupID? {
        ids.tvmazeId.map { .tvmaze($0) } ?? ids.tvdbId.map { .tvdb($0) } ?? ids.imdbId.map { .imdb($0) }
    }

    static func withIds(_ series: MetadataSeries, _ ids: ExternalIds) -> MetadataSeries {
        var series = series
        series.externalIds = series.externalIds.merging(ids)
        return series
    }

    /// TMDB's ids for a series known by TVDB or IMDb id; none when TMDB cannot tell (not an error).
    static func tmdbIds(of ids: ExternalIds, _ tmdb: any MetadataProvider) async -> ExternalIds {
        guard let id: LookupID = ids.tvdbId.map({ .tvdb($0) }) ?? ids.imdbId.map({ .imdb($0) }) else { return ExternalIds() }
        let found = try? await tmdb.search(.id(id, kind: .series))
        return found?.first?.externalIds ?? ExternalIds()
    }
}
