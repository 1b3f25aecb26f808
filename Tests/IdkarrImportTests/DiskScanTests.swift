import Foundation
import IdkarrDomain
import IdkarrImport
import IdkarrParsing
import Testing

@Suite("Disk scan")
struct DiskScanTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func fixtureTreesLoad() {
        #expect(ScanTree.all.map(\.name).count == 5)
    }

    @Test(arguments: ScanTree.all)
    func fixtureTree(_ tree: ScanTree) throws {
        let root = try TempTree.make()
        defer { try? FileManager.default.removeItem(at: root) }
        try tree.write(under: root)
        let media = tree.media(root: root)
        let listing = try FolderWalker.list(media.path!)
        let result = DiskScan.match(listing, into: media, now: t0)
        let scanned = result.media
        let listed = Set(listing.files.map(\.relativePath))
        var expectedFiles = 0
        var covered = Set<String>()
        for entry in tree.files {
            let full = media.path! + "/" + entry.path
            switch entry.expect {
            case .episodes(let codes):
                expectedFiles += 1
                for code in codes {
                    covered.insert(code)
                    let file = scanned.episode(code)?.episodeFile
                    #expect(file?.path == full, "\(entry.path) → \(code)")
                    #expect(file?.size == entry.size)
                    #expect(file?.dateAdded == t0)
                }
                try checkDetails(entry, scanned.episode(codes[0])?.episodeFile)
            case .movie:
                expectedFiles += 1
                #expect(scanned.movieFile?.path == full)
                try checkDetails(entry, scanned.movieFile)
            case .unmatched:
                let u = scanned.unmatchedFiles?.first { $0.relativePath == entry.path }
                #expect(u?.size == entry.size, "\(entry.path) should be unmatched")
                #expect(u?.reason.hasPrefix(entry.reason ?? "") == true, "\(entry.path): \(u?.reason ?? "-")")
            case .skipped, .ignored:
                #expect(!listed.contains(entry.path), "\(entry.path) should not be listed")
            }
        }
        #expect(listing.skipped == tree.files.filter { $0.expect == .skipped }.count)
        #expect(result.report.matched == expectedFiles)
        #expect(result.report.added == expectedFiles)
        #expect(result.report.unmatched.count == tree.files.filter { $0.expect == .unmatched }.count)
        #expect(result.report.unmatched == scanned.unmatchedFiles)
        #expect(result.report.cleared.isEmpty)
        #expect(scanned.lastScanned == t0)
        // Episodes no file names stay without one.
        for e in scanned.episodes where e.episodeFile != nil {
            #expect(covered.contains("S\(EpisodeCode.two(e.seasonNumber))E\(EpisodeCode.two(e.episodeNumber))"))
        }
    }

    private func checkDetails(_ entry: ScanTree.Entry, _ file: MediaFile?) throws {
        let file = try #require(file)
        if let quality = entry.quality { #expect(file.qualityId.flatMap(Quality.withID)?.name == quality) }
        if let group = entry.group { #expect(file.releaseGroup == group) }
        #expect(file.revision == (entry.revision ?? 1))
    }

    @Test func rescanKeepsDateAddedAndClearsRemovedFiles() throws {
        let root = try TempTree.make()
        defer { try? FileManager.default.removeItem(at: root) }
        let tree = try #require(ScanTree.all.first { $0.mediaType == .series })
        try tree.write(under: root)
        let first = DiskScan.match(try FolderWalker.list(tree.media(root: root).path!), into: tree.media(root: root), now: t0)
        let gone = "Season 02/Hell.on.Series.S02E09-E10.720p.HDTV.x264-EVOLVE.mkv"
        let folder = root.appendingPathComponent(tree.folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent(gone))
        let t1 = t0.addingTimeInterval(3600)
        let second = DiskScan.match(try FolderWalker.list(folder.path), into: first.media, now: t1)
        #expect(second.report.cleared == [folder.path + "/" + gone])
        #expect(second.report.added == 0)
        #expect(second.report.matched == first.report.matched - 1)
        #expect(second.media.episode("S02E09")?.episodeFile == nil)
        #expect(second.media.episode("S02E10")?.episodeFile == nil)
        #expect(second.media.episode("S01E04")?.episodeFile?.dateAdded == t0)
        #expect(second.media.lastScanned == t1)
        // A file that comes back is new again.
        try TempTree.file(folder.appendingPathComponent(gone), size: 10)
        let third = DiskScan.match(try FolderWalker.list(folder.path), into: second.media, now: t1.addingTimeInterval(60))
        #expect(third.report.added == 1)
        #expect(third.media.episode("S02E10")?.episodeFile?.size == 10)
    }

    @Test func recordedFileWinsOverABetterNewOne() throws {
        var media = Media(instanceId: 1, mediaType: .series, title: "Show", added: t0)
        media.path = "/tv/Show"
        media.episodes = [Episode(id: 1, seasonNumber: 1, episodeNumber: 1)]
        media.episodes[0].episodeFile = MediaFile(path: "/tv/Show/Show.S01E01.HDTV.x264-LOL.mkv", size: 5, dateAdded: t0)
        let listing = FolderListing(files: [
            ScannedFile(relativePath: "Show.S01E01.1080p.BluRay.x264-GRP.mkv", size: 50),
            ScannedFile(relativePath: "Show.S01E01.HDTV.x264-LOL.mkv", size: 5),
        ], skipped: 0)
        let result = DiskScan.match(listing, into: media, now: t0.addingTimeInterval(10))
        #expect(result.media.episodes[0].episodeFile?.path == "/tv/Show/Show.S01E01.HDTV.x264-LOL.mkv")
        #expect(result.media.episodes[0].episodeFile?.dateAdded == t0)
        #expect(result.report.unmatched.map(\.reason) == ["S01E01 already has a file: Show.S01E01.HDTV.x264-LOL.mkv"])
    }

    @Test func fileLanguagesAreRecorded() throws {
        var media = Media(instanceId: 1, mediaType: .series, title: "Series", added: t0)
        media.path = "/tv/Series"
        media.episodes = [Episode(id: 1, seasonNumber: 1, episodeNumber: 1)]
        // From tv.json (LanguageParser): a German release.
        let listing = FolderListing(files: [ScannedFile(relativePath: "Series.Title.S01E01.German.720p.HDTV.x264-RLsGrp.mkv", size: 1)],
                                    skipped: 0)
        let file = DiskScan.match(listing, into: media, now: t0).media.episodes[0].episodeFile
        #expect(file?.languages == ["German"])
    }

    @Test func symlinksAreNotFollowedOutOfTheFolder() throws {
        let root = try TempTree.make()
        defer { try? FileManager.default.removeItem(at: root) }
        let show = root.appendingPathComponent("Show")
        let outside = root.appendingPathComponent("elsewhere")
        try TempTree.file(outside.appendingPathComponent("Show.S01E02.720p.HDTV.x264-LOL.mkv"), size: 7)
        try TempTree.file(show.appendingPathComponent("Season 01/Show.S01E01.720p.HDTV.x264-LOL.mkv"), size: 3)
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: show.appendingPathComponent("Show.S01E02.720p.HDTV.x264-LOL.mkv").path,
                                  withDestinationPath: outside.appendingPathComponent("Show.S01E02.720p.HDTV.x264-LOL.mkv").path)
        try fm.createSymbolicLink(atPath: show.appendingPathComponent("More").path, withDestinationPath: outside.path)
        try fm.createSymbolicLink(atPath: show.appendingPathComponent("Loop").path, withDestinationPath: show.path)
        try fm.createSymbolicLink(atPath: show.appendingPathComponent("Show.S01E03.720p.HDTV.x264-LOL.mkv").path,
                                  withDestinationPath: "Season 01/Show.S01E01.720p.HDTV.x264-LOL.mkv")
        let listing = try FolderWalker.list(show.path)
        #expect(listing.files == [
            ScannedFile(relativePath: "Season 01/Show.S01E01.720p.HDTV.x264-LOL.mkv", size: 3),
            ScannedFile(relativePath: "Show.S01E03.720p.HDTV.x264-LOL.mkv", size: 3),
        ])
        #expect(listing.skipped == 1)  // the link to the file outside; links to folders are never entered
    }

    @Test func missingFolderIsAnError() {
        #expect(throws: ServiceError.self) { try FolderWalker.list("/nonexistent/idkarr/Show") }
        do {
            _ = try FolderWalker.list("/nonexistent/idkarr/Show")
        } catch {
            #expect(error.code == .conflict)
            #expect(error.message == "The folder /nonexistent/idkarr/Show does not exist.")
        }
    }

    @Test func aFileIsNotAFolder() throws {
        let root = try TempTree.make()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("Show.S01E01.mkv")
        try TempTree.file(file, size: 1)
        #expect(throws: ServiceError.self) { try FolderWalker.list(file.path) }
    }

    @Test(arguments: [
        ("show.s01e01.720p-sample.mkv", true), ("sample-movie.mkv", true), ("Sample.mkv", true),
        ("Movie (2010)-trailer.mp4", true), ("Trailer.Park.Boys.S01E01.mkv", false), ("The.Sampler.S01E01.mkv", false),
        ("Series.Title.S01E01.mkv", false), ("Movie-featurette.mkv", true),
    ])
    func sampleNames(_ name: String, _ isSample: Bool) {
        #expect(VideoFiles.isSample(name) == isSample)
    }

    @Test func videoExtensions() {
        for name in ["a.mkv", "a.MP4", "a.m4v", "a.avi", "a.ts", "a.m2ts", "a.wmv", "a.mov", "a.webm", "a.mpg", "a.mpeg", "a.iso"] {
            #expect(VideoFiles.isVideo(name), "\(name)")
        }
        for name in ["a.srt", "a.nfo", "a.jpg", "a.txt", "mkv", "a.part", "a.mkv.part"] { #expect(!VideoFiles.isVideo(name), "\(name)") }
    }
}

enum EpisodeCode {
    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
