import Foundation
import Hummingbird
import IdkarrAutomation
import IdkarrDomain
import IdkarrIndexers
import IdkarrStore

/// What is done with indexers beyond editing them: Test, caps, RSS sync, the shared settings.
struct IndexerActionsController {
    let indexers: IndexerService
    let rssSync: RssSync

    func addRoutes(indexers group: RouterGroup<AppRequestContext>, api: RouterGroup<AppRequestContext>) {
        group.post("test", use: test)
        group.get("rss", use: rssStatus)
        group.post("rss", use: runRss)
        group.get(":id/caps", use: caps)
        api.get("settings/indexers", use: getSettings)
        api.put("settings/indexers", use: putSettings)
    }

    /// Tests what the form holds; with `id`, the saved indexer with the form's changes (its stored
    /// key when none is typed). A failing indexer is a 200 with `ok: false`: the request was fine.
    @Sendable func test(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        var input = try await JSONBody.decode(IndexerInputResource.self, from: request, context: context)
        let definition: IndexerDefinition
        if let id = input.id {
            guard let saved = indexers.definitions.get(id) else { throw ServiceError.notFound("Indexer", id) }
            var d = saved.body
            input.apply(to: &d)
            definition = d
        } else {
            if input.name?.trimmingCharacters(in: .whitespaces).isEmpty ?? true { input.name = "The indexer" }
            definition = try input.newDefinition()
        }
        let result = try await indexers.test(definition, savedId: input.id)
        return try JSONBody.response(IndexerTestResource(result))
    }

    @Sendable func caps(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireUser()
        let id = try request.id(context)
        let refresh = try QueryReader(request.formQuery).bool("refresh") ?? false
        if refresh { try context.requireAdmin() }
        do {
            let caps = try await indexers.caps(of: id, refresh: refresh)
            return try JSONBody.response(CapsResource(caps, fetchedAt: indexers.capsFetched(id)))
        } catch let error as IndexerError {
            throw APIError(.badGateway, error.message)
        }
    }

    @Sendable func rssStatus(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireUser()
        return try JSONBody.response(RssStatusResource(rssSync, settings: indexers.currentSettings))
    }

    /// Runs a sync now and answers with its report (409 while one runs).
    @Sendable func runRss(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        _ = try await rssSync.run(.manual)
        return try JSONBody.response(RssStatusResource(rssSync, settings: indexers.currentSettings))
    }

    @Sendable func getSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireUser()
        let stored = indexers.settings
        return try JSONBody.response(IndexerSettingsResource(indexers.currentSettings, version: stored?.version ?? 0),
                                     version: stored?.version ?? 0)
    }

    @Sendable func putSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        let input = try await JSONBody.decode(IndexerSettingsInputResource.self, from: request, context: context)
        var settings = indexers.currentSettings
        input.apply(to: &settings)
        let saved = try await indexers.updateSettings(settings, ifVersion: try request.ifMatchVersion(allowZero: true) ?? input.version)
        return try JSONBody.response(IndexerSettingsResource(saved.body, version: saved.version), version: saved.version)
    }
}

struct CapsResource: Encodable {
    struct ModeResource: Encodable {
        var mode: String
        var function: String
        var parameters: [String]
        var searchEngine: String
    }
    struct CategoryResource: Encodable {
        var id: Int
        var name: String
        var subcategories: [CategoryResource]
    }
    var serverTitle: String?
    var maxPageSize: Int
    var defaultPageSize: Int
    var searchModes: [ModeResource]
    var categories: [CategoryResource]
    var fetchedAt: Date?

    init(_ caps: IndexerCaps, fetchedAt: Date?) {
        serverTitle = caps.serverTitle
        maxPageSize = caps.maxPageSize
        defaultPageSize = caps.defaultPageSize
        searchModes = IndexerCaps.Mode.allCases.compactMap { mode in
            caps.modes[mode].map { ModeResource(mode: mode.rawValue, function: mode.function, parameters: $0.parameters.sorted(),
                                                searchEngine: $0.searchEngine) }
        }
        func category(_ c: IndexerCaps.Category) -> CategoryResource {
            CategoryResource(id: c.id, name: c.name, subcategories: c.subcategories.map(category))
        }
        categories = caps.categories.map(category)
        self.fetchedAt = fetchedAt
    }
}

struct IndexerTestResource: Encodable {
    var ok: Bool
    var message: String
    var code: String?
    var releases: Int?
    var milliseconds: Int
    /// The indexer's categories (for the form's category choices), when its caps were read.
    var categories: [CapsResource.CategoryResource]?
    var caps: CapsResource?

    init(_ r: IndexerTestResult) {
        ok = r.ok
        message = r.message
        code = r.code
        releases = r.releases
        milliseconds = r.milliseconds
        caps = r.caps.map { CapsResource($0, fetchedAt: nil) }
        categories = caps?.categories
    }
}

struct RssStatusResource: Encodable {
    /// One earlier sync in short.
    struct Run: Encodable {
        var run: Int
        var trigger: RssSyncReport.Trigger
        var startedAt: Date
        var milliseconds: Int
        var newReleases: Int
        var matched: Int
        var acceptedCount: Int
        var rejectedCount: Int
        var failedIndexers: Int
    }
    var enabled: Bool
    var intervalMinutes: Int
    var running: Bool
    var nextRun: Date?
    var lastReport: RssSyncReport?
    /// The kept syncs (up to 20), newest first.
    var recentRuns: [Run]

    init(_ rss: RssSync, settings: IndexerSettings) {
        enabled = settings.rssSyncInterval != nil
        intervalMinutes = settings.rssSyncIntervalMinutes
        running = rss.isRunning
        nextRun = rss.nextRun
        let recent = rss.recentReports
        lastReport = recent.first
        recentRuns = recent.map { r in
            Run(run: r.run, trigger: r.trigger, startedAt: r.startedAt, milliseconds: r.milliseconds, newReleases: r.newReleases,
                matched: r.matched, acceptedCount: r.acceptedCount, rejectedCount: r.rejectedCount,
                failedIndexers: r.indexers.filter { $0.state == .failed }.count)
        }
    }
}

struct IndexerSettingsResource: Encodable {
    var rssSyncIntervalMinutes: Int
    var minimumAgeMinutes: Int
    var retentionDays: Int
    var maximumSizeMB: Int
    var version: Int

    init(_ s: IndexerSettings, version: Int) {
        rssSyncIntervalMinutes = s.rssSyncIntervalMinutes
        minimumAgeMinutes = s.minimumAgeMinutes
        retentionDays = s.retentionDays
        maximumSizeMB = s.maximumSizeMB
        self.version = version
    }
}

/// Absent fields stay as they are.
struct IndexerSettingsInputResource: Decodable {
    var rssSyncIntervalMinutes: Int?
    var minimumAgeMinutes: Int?
    var retentionDays: Int?
    var maximumSizeMB: Int?
    var version: Int?

    func apply(to s: inout IndexerSettings) {
        if let rssSyncIntervalMinutes { s.rssSyncIntervalMinutes = rssSyncIntervalMinutes }
        if let minimumAgeMinutes { s.minimumAgeMinutes = minimumAgeMinutes }
        if let retentionDays { s.retentionDays = retentionDays }
        if let maximumSizeMB { s.maximumSizeMB = maximumSizeMB }
    }
}
