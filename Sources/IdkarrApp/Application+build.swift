import Foundation
import Hummingbird
import IdkarrAuth
import IdkarrAutomation
import IdkarrHTTP
import IdkarrImport
import IdkarrLibrary
import IdkarrNet
import IdkarrStore
import Logging
import ServiceLifecycle

public enum IdkarrVersion {
    public static let current = "0.1.0"
}

/// The running pieces of idkarr over one data folder: used by `serve` and by the tests.
public struct AppServices: Sendable {
    public let folder: DataFolder
    public let library: Library
    public let accounts: Accounts
    public let catalog: TitleCatalog
    public let indexers: IndexerService
    public let releaseSearch: ReleaseSearch
    public let rssSync: RssSync
    public let linkSealer: LinkSealer

    /// Opens (and locks) the data folder and loads everything into memory.
    public static func open(dataFolder: URL, logger: Logger, hasher: PasswordHasher = PasswordHasher()) async throws -> AppServices {
        let folder = try DataFolder.open(at: dataFolder, logger: logger)
        let library = try await Library.open(in: folder, logger: logger)
        let accounts = try await Accounts.open(in: folder, logger: logger, hasher: hasher)
        // One libcurl client for every provider; TMDB and TVmaze answers can be large (a long series' seasons).
        let transport = CurlHTTPClient(configuration: NetConfiguration(connectTimeout: .seconds(10), timeout: .seconds(30),
                                                                       maxResponseBytes: 32 * 1024 * 1024),
                                       logger: logger)
        let images = ImageCache(folder: folder.url.appendingPathComponent("images"), transport: transport, logger: logger)
        let catalog = TitleCatalog(library: library, settings: try await folder.collection(MetadataSettings.self),
                                   providers: ProviderSet(transport: transport, logger: logger), images: images,
                                   scanner: DiskScanService(library: library, logger: logger), logger: logger)
        catalog.allowImageHosts(of: catalog.currentSettings)
        // Indexers get their own client: feeds are smaller, and a search must not wait behind a long metadata download.
        let indexerTransport = CurlHTTPClient(configuration: NetConfiguration(connectTimeout: .seconds(10), timeout: .seconds(30),
                                                                              maxResponseBytes: 16 * 1024 * 1024),
                                              logger: logger)
        let indexers = try await IndexerService.open(in: folder, library: library, transport: indexerTransport, logger: logger)
        let releaseSearch = ReleaseSearch(library: library, indexers: indexers)
        let rssSync = try await RssSync.open(in: folder, indexers: indexers, search: releaseSearch, logger: logger)
        return AppServices(folder: folder, library: library, accounts: accounts, catalog: catalog, indexers: indexers,
                           releaseSearch: releaseSearch, rssSync: rssSync, linkSealer: try await LinkSealer.open(in: folder))
    }
}

/// The background refresh of titles, run beside the HTTP server and stopped with it.
struct RefreshService: Service {
    let scheduler: RefreshScheduler

    func run() async throws {
        // Graceful shutdown cancels the loop (its sleep ends at once), so the server stops promptly.
        try await cancelWhenGracefulShutdown { await scheduler.run() }
    }
}

/// RSS sync on its schedule, beside the HTTP server; on shutdown the indexers' counters are written.
struct RssSyncService: Service {
    let rssSync: RssSync
    let indexers: IndexerService

    func run() async throws {
        try await cancelWhenGracefulShutdown { await rssSync.runScheduled() }
        await indexers.flush()
    }
}

/// Builds the real application from configuration, the way production runs it.
public func buildApplication(
    _ config: AppConfiguration, services: AppServices, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let http = HTTPServices(folder: services.folder, library: services.library, accounts: services.accounts,
                            catalog: services.catalog, indexers: services.indexers, releaseSearch: services.releaseSearch,
                            rssSync: services.rssSync, linkSealer: services.linkSealer,
                            version: IdkarrVersion.current, startTime: Date(), webRoot: config.webRoot.path, logger: logger)
    let router = buildRouter(http)
    return Application(
        router: router,
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "idkarr"),
        services: [RefreshService(scheduler: RefreshScheduler(catalog: services.catalog)),
                   RssSyncService(rssSync: services.rssSync, indexers: services.indexers)],
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? config.port) },
        logger: logger
    )
}
