import Foundation
import Hummingbird
import IdkarrAuth
import IdkarrAutomation
import IdkarrDomain
import IdkarrIndexers
import IdkarrLibrary
import IdkarrStore
import NIOCore

struct SystemStatusResource: Codable {
    var appName: String
    var version: String
    var startTime: Date
    var uptimeSeconds: Int
    var dataFolder: String
}

struct HealthResource: Codable {
    enum Kind: String, Codable { case ok, notice, warning, error }
    var source: String
    var type: Kind
    var message: String
}

/// `/api/v1/system/…`: status, health and backup.
struct SystemController {
    let services: HTTPServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("status", use: status)
        group.get("health", use: health)
        group.get("backup", use: backup)
        group.get("audit", use: audit)
    }

    /// The newest audit records (sign-ins, failures, admin changes), newest first. Admin only.
    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        let limitText = request.formQuery.get("limit") ?? "100"
        guard let limit = Int(limitText), (1...1000).contains(limit) else {
            throw APIError.invalid("limit", "limit must be a whole number from 1 to 1000.")
        }
        let records = try await services.accounts.recentAudit(limit: limit)
        return try JSONBody.response(PageResource(all: records))
    }

    @Sendable func status(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireUser()
        let now = Date()
        return try JSONBody.response(SystemStatusResource(
            appName: "idkarr", version: services.version, startTime: services.startTime,
            uptimeSeconds: Int(now.timeIntervalSince(services.startTime)), dataFolder: services.folder.url.path))
    }

    @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireUser()
        return try JSONBody.response(PageResource(all: Self.checks(services)))
    }

    /// Every health problem: the store's (quarantine, read-only, file system) and the root folders'.
    static func checks(_ services: HTTPServices) -> [HealthResource] {
        var checks = services.folder.health().map {
            HealthResource(source: $0.source, type: $0.severity == .error ? .error : .warning, message: $0.message)
        }
        for folder in services.library.rootFolders.all() {
            if let problem = Library.folderProblem(folder.body.path) {
                checks.append(HealthResource(source: "RootFolderCheck", type: .error,
                                             message: "Root folder \(folder.body.path) is unusable: \(problem)"))
            }
        }
        checks += indexerChecks(services.indexers, now: Date())
        if services.library.qualityProfiles.count == 0 {
            checks.append(HealthResource(source: "QualityProfileCheck", type: .warning,
                                         message: "There is no quality profile; create one in Settings."))
        }
        return checks
    }

    /// Sonarr's indexer checks: indexers resting after failures, and no indexer for RSS or search.
    static func indexerChecks(_ indexers: IndexerService, now: Date) -> [HealthResource] {
        let all = indexers.definitions.all()
        guard !all.isEmpty else {
            return [HealthResource(source: "IndexerCheck", type: .warning, message: "No indexers are configured: add one in Settings → Indexers.")]
        }
        var checks: [HealthResource] = []
        let resting = all.filter { !IndexerBackoff.isAvailable(indexers.status(of: $0.id), at: now) }
        if !resting.isEmpty {
            let names = resting.map { s -> String in
                let status = indexers.status(of: s.id)
                let until = status.disabledUntil.map { ISO8601DateFormatter().string(from: $0) } ?? "later"
                return "\(s.body.name) (until \(until): \(status.lastFailureReason ?? "failed"))"
            }
            let every = resting.count == all.count
            checks.append(HealthResource(
                source: "IndexerStatusCheck", type: every ? .error : .warning,
                message: (every ? "All indexers are unavailable due to failures: " : "Indexers unavailable due to failures: ")
                    + names.joined(separator: "; ")))
        }
        if !all.contains(where: { $0.body.enableRss }) {
            checks.append(HealthResource(source: "IndexerRssCheck", type: .warning,
                                         message: "No indexer has RSS enabled: new releases will not be found on their own."))
        }
        if !all.contains(where: { $0.body.enableAutomaticSearch }) {
            checks.append(HealthResource(source: "IndexerSearchCheck", type: .warning,
                                         message: "No indexer has automatic search enabled: wanted titles will not be searched for."))
        }
        return checks
    }

    @Sendable func backup(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("idkarr-backup-\(UUID().uuidString).tar.gz")
        defer { try? FileManager.default.removeItem(at: file) }
        let folder = services.folder.url
        try await Task.detached { try BackupArchive.write(folder: folder, to: file) }.value
        let data = try Data(contentsOf: file)
        return Response(status: .ok, headers: [
            .contentType: "application/gzip",
            .contentDisposition: "attachment; filename=\"idkarr-backup-\(stamp).tar.gz\"",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
