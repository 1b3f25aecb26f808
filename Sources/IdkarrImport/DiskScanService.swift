import Foundation
import IdkarrDomain
import IdkarrLibrary
import IdkarrStore
import Logging

/// Rescans a title's folder and records what it finds (`DiskScan`) in the title's document.
///
/// The folder is listed and every name parsed first, outside the store. The match itself (cheap:
/// table lookups) then runs inside the store's versioned update of the document, over the
/// version current at that moment, so a write that landed meanwhile (a monitor toggle, a
/// refresh) is kept, never overwritten, and the document is never half-written. Should the
/// title's folder have changed in the meantime, the scan starts over with the new folder.
public struct DiskScanService: Sendable {
    public let library: Library
    let now: @Sendable () -> Date
    let logger: Logger

    /// Times the folder may change under one scan before it gives up.
    static let maxAttempts = 4

    public init(library: Library, logger: Logger = Logger(label: "idkarr.scan"), now: @escaping @Sendable () -> Date = Date.init) {
        self.library = library
        self.logger = logger
        self.now = now
    }

    /// Scans the folder of media `mediaId` and records its files.
    ///
    /// - Throws: `ServiceError` `.notFound` (no such title), `.validation` on `path` (the title
    ///   has no folder), `.conflict` (the folder is missing, unreadable or far too large: nothing
    ///   changes, so an unmounted disk never clears a library).
    public func rescan(_ mediaId: Int) async throws -> ScanReport {
        var path = try Self.folder(of: try document(mediaId).body)
        for _ in 0..<Self.maxAttempts {
            let doc = try document(mediaId)
            let parsed = DiskScan.parse(try await Self.list(path), folder: path, mediaType: doc.body.mediaType)
            let now = now()
            var report: ScanReport?
            do {
                _ = try await library.media.update(mediaId) { (media: inout Media) in
                    guard media.path == path else { throw FolderMoved() }
                    let result = DiskScan.match(parsed, into: media, now: now)
                    media = result.media
                    report = result.report
                }
            } catch is FolderMoved {
                path = try Self.folder(of: try document(mediaId).body)
                continue
            } catch let error as StoreError where error.code == .notFound {
                throw ServiceError.notFound("Media", mediaId)
            }
            guard let report else { break }
            logger.info("scanned folder", metadata: [
                "media": "\(mediaId)", "matched": "\(report.matched)", "unmatched": "\(report.unmatched.count)",
                "cleared": "\(report.cleared.count)",
            ])
            return report
        }
        throw ServiceError(.conflict, "The folder of media \(mediaId) kept changing during the scan; try again.")
    }

    private struct FolderMoved: Error {}

    private func document(_ id: Int) throws -> Stored<Media> {
        guard let doc = library.media.get(id) else { throw ServiceError.notFound("Media", id) }
        return doc
    }

    static func folder(of media: Media) throws -> String {
        guard let path = media.path, !path.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ServiceError.invalid("path", "The title has no folder (path) to scan; set one first.")
        }
        return path
    }

    /// Lists the folder on a thread of its own: a walk of thousands of entries blocks in the
    /// kernel and must not hold one of the few threads that run every request.
    static func list(_ path: String) async throws -> FolderListing {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<FolderListing, any Error>) in
            let thread = Thread {
                do throws(ServiceError) {
                    continuation.resume(returning: try FolderWalker.list(path))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "idkarr-scan"
            thread.start()
        }
    }
}
