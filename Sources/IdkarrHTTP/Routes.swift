import Foundation
import Hummingbird
import IdkarrAuth
import IdkarrAutomation
import IdkarrImport
import IdkarrLibrary
import IdkarrStore
import Logging

/// Everything the HTTP layer needs, built by the composition root (IdkarrApp).
public struct HTTPServices: Sendable {
    public var folder: DataFolder
    public var library: Library
    public var accounts: Accounts
    public var catalog: TitleCatalog
    public var indexers: IndexerService
    public var releaseSearch: ReleaseSearch
    public var rssSync: RssSync
    public var linkSealer: LinkSealer
    public var version: String
    public var startTime: Date
    /// The folder the web UI is served from.
    public var webRoot: String
    public var logger: Logger

    public init(folder: DataFolder, library: Library, accounts: Accounts, catalog: TitleCatalog, indexers: IndexerService,
                releaseSearch: ReleaseSearch, rssSync: RssSync, linkSealer: LinkSealer, version: String, startTime: Date,
                webRoot: String, logger: Logger) {
        self.linkSealer = linkSealer
        self.releaseSearch = releaseSearch
        self.rssSync = rssSync
        self.logger = logger
        self.catalog = catalog
        self.indexers = indexers
        self.folder = folder
        self.library = library
        self.accounts = accounts
        self.version = version
        self.startTime = startTime
        self.webRoot = webRoot
    }
}

/// The whole route table, in one place. Middleware order matters: errors become problems
/// outermost, security headers on everything, static files for unmatched GETs, then auth.
public func buildRouter(_ services: HTTPServices) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: FileMiddleware(services.webRoot, cacheControl: .init([(MediaType(type: .any), [.noCache])]),
                                          searchForIndexHtml: true, logger: services.logger))
    router.add(middleware: AuthMiddleware(accounts: services.accounts))

    let api = router.group("api/v1")
    AuthController(accounts: services.accounts).addRoutes(to: api.group("auth"))
    UsersController(accounts: services.accounts).addRoutes(users: api.group("users"), settings: api.group("settings"))
    LibrarySettingsController(library: services.library).addRoutes(to: api)
    MediaController(library: services.library).addRoutes(to: api.group("media"))
    TitlesController(catalog: services.catalog).addRoutes(media: api.group("media"), api: api)
    ImportController(catalog: services.catalog).addRoutes(to: api.group("import"))
    let indexers = api.group("indexers")
    IndexersController(indexers: services.indexers).addRoutes(to: indexers)
    IndexerActionsController(indexers: services.indexers, rssSync: services.rssSync).addRoutes(indexers: indexers, api: api)
    SearchController(indexers: services.indexers, releaseSearch: services.releaseSearch).addRoutes(to: api)
    ScanController(scanner: DiskScanService(library: services.library, logger: services.logger)).addRoutes(to: api.group("media"))
    SystemController(services: services).addRoutes(to: api.group("system"))
    ParseController().addRoutes(to: api)
    CalendarController(library: services.library).addRoutes(api: api, feed: router.group("feed/v1"))
    WantedController(library: services.library).addRoutes(to: api.group("wanted"))
    api.get("openapi.json") { _, _ in OpenAPIDocument.response() }
    FeedController(indexers: services.indexers, sealer: services.linkSealer).addRoutes(to: router)
    return router
}
