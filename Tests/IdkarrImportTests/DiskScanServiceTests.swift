import Foundation
import IdkarrDomain
import IdkarrImport
import IdkarrLibrary
import IdkarrStore
import Logging
import Testing

/// The scan service over a real library in a temporary data folder.
@Suite("Disk scan service")
struct DiskScanServiceTests {
    struct Setup {
        let library: Library
        let root: URL
        let mediaId: Int
        let logger: Logger
        var show: URL { root.appendingPathComponent("Show (2010)") }
    }

    func setUp(path: Bool = true) async throws -> Setup {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("idkarr-scan-data-\(UUID().uuidString)")
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let library = try await Library.open(in: try DataFolder.open(at: data, logger: logger), logger: logger)
        let root = try TempTree.make()
        let instance = try await library.instances.create(Instance(name: "TV", mediaType: .series))
        var changes = MediaChanges()
        changes.instanceId = instance.id
        changes.mediaType = .series
        changes.title = "Show"
        if path { changes.path = root.appendingPathComponent("Show (2010)").path }
        changes.episodes = (1...3).map { EpisodeChanges(seasonNumber: 1, episodeNumber: $0) }
        let media = try await library.createMedia(changes)
        for name in ["Season 01/Show.S01E01.720p.HDTV.x264-LOL.mkv", "Season 01/Show.S01E02E03.1080p.WEB-DL.DD5.1.H.264-NTb.mkv",
                     "Season 01/Show.S01E09.720p.HDTV.x264-LOL.mkv"] {
            try TempTree.file(root.appendingPathComponent("Show (2010)").appendingPathComponent(name), size: 100)
        }
        return Setup(library: library, root: root, mediaId: media.id, logger: logger)
    }

    @Test func rescanRecordsFilesInTheDocument() async throws {
        let s = try await setUp()
        let scanner = DiskScanService(library: s.library, logger: s.logger)
        let before = try #require(s.library.media.get(s.mediaId))
        let report = try await scanner.rescan(s.mediaId)
        #expect(report.matched == 2)
        #expect(report.episodesWithFiles == 3)
        #expect(report.unmatched.map(\.reason) == ["no episode S01E09 in this series"])
        let after = try #require(s.library.media.get(s.mediaId))
        #expect(after.version == before.version + 1)
        #expect(after.body.episodes.allSatisfy { $0.episodeFile != nil })
        #expect(after.body.episodes[1].episodeFile == after.body.episodes[2].episodeFile)
        #expect(after.body.unmatchedFiles?.count == 1)
        #expect(after.body.lastScanned != nil)

        try FileManager.default.removeItem(at: s.show.appendingPathComponent("Season 01/Show.S01E01.720p.HDTV.x264-LOL.mkv"))
        let again = try await scanner.rescan(s.mediaId)
        #expect(again.cleared == [s.show.path + "/Season 01/Show.S01E01.720p.HDTV.x264-LOL.mkv"])
        #expect(s.library.media.get(s.mediaId)?.body.episodes[0].episodeFile == nil)
    }

    @Test func missingFolderChangesNothing() async throws {
        let s = try await setUp()
        let scanner = DiskScanService(library: s.library, logger: s.logger)
        _ = try await scanner.rescan(s.mediaId)
        let before = try #require(s.library.media.get(s.mediaId))
        try FileManager.default.removeItem(at: s.show)
        await #expect(throws: ServiceError(.conflict, "The folder \(s.show.path) does not exist.")) { try await scanner.rescan(s.mediaId) }
        #expect(s.library.media.get(s.mediaId) == before)
    }

    @Test func titleWithoutPathOrUnknownId() async throws {
        let s = try await setUp(path: false)
        let scanner = DiskScanService(library: s.library, logger: s.logger)
        await #expect(throws: ServiceError.invalid("path", "The title has no folder (path) to scan; set one first.")) {
            try await scanner.rescan(s.mediaId)
        }
        await #expect(throws: ServiceError.notFound("Media", 999)) { try await scanner.rescan(999) }
    }

    /// Scans racing monitor toggles on the same document: every write lands (the scan re-reads
    /// and matches again on a conflict), the files are recorded, and the toggles are kept.
    @Test func concurrentWritesAreNotLost() async throws {
        let s = try await setUp()
        let scanner = DiskScanService(library: s.library, logger: s.logger)
        let start = try #require(s.library.media.get(s.mediaId)).version
        let rounds = 12
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<rounds {
                group.addTask { _ = try await scanner.rescan(s.mediaId) }
                group.addTask { _ = try await s.library.setMonitored(s.mediaId, monitored: i % 2 == 0, seasonNumber: nil, episodeIds: [1]) }
            }
            try await group.waitForAll()
        }
        let end = try #require(s.library.media.get(s.mediaId))
        #expect(end.version == start + 2 * rounds)
        #expect(end.body.episodes.allSatisfy { $0.episodeFile != nil })
    }
}
