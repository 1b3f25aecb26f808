import Foundation
import Hummingbird
import IdkarrDomain
import IdkarrImport

/// `POST /api/v1/media/{id}/rescan`: scans the title's folder and records the files it finds.
struct ScanController {
    let scanner: DiskScanService

    func addRoutes(to media: RouterGroup<AppRequestContext>) {
        media.post(":id/rescan", use: rescan)
    }

    /// 200 with the report; 404 unknown title; 400 no `path`; 409 folder missing or unreadable
    /// (nothing changes). The title itself, with its files, is at `GET /api/v1/media/{id}`.
    @Sendable func rescan(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        let id = try request.id(context)
        let report = try await scanner.rescan(id)
        return try JSONBody.response(ScanReportResource(mediaId: id, report))
    }
}

struct UnmatchedFileResource: Codable {
    var relativePath: String
    var size: Int64
    var reason: String
}

/// What one rescan found and changed.
struct ScanReportResource: Codable {
    var mediaId: Int
    var path: String
    var videoFiles: Int
    var skipped: Int
    var matched: Int
    var added: Int
    var episodesWithFiles: Int
    var unmatched: [UnmatchedFileResource]
    var cleared: [String]
    var scannedAt: Date

    init(mediaId: Int, _ r: ScanReport) {
        self.mediaId = mediaId
        path = r.path
        videoFiles = r.videoFiles
        skipped = r.skipped
        matched = r.matched
        added = r.added
        episodesWithFiles = r.episodesWithFiles
        unmatched = r.unmatched.map { UnmatchedFileResource(relativePath: $0.relativePath, size: $0.size, reason: $0.reason) }
        cleared = r.cleared
        scannedAt = r.scannedAt
    }
}
