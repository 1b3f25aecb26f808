import ArgumentParser
import Foundation
import IdkarrDomain
import IdkarrImport
import IdkarrLibrary
import IdkarrStore
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// `idkarr bench scan` — a disk scan of a whole library: `--series` titles × `--episodes` files
/// (200 × 250 = 50,000 by default) in a temporary tree with realistic names (scene, Sonarr-style
/// and anime absolute naming, season folders, a sample and `.nfo`/`.srt` files beside), each
/// title rescanned through `DiskScanService` over a real library: walk, parse and match every
/// file, then the durable write of each title's document. The walk, the match and the writes are
/// also timed alone. Files are empty (sizes do not change the work); the page cache is warm.
struct BenchScan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scan", abstract: "Disk scan + match of a 50,000-file library.")

    @Option(help: "Titles.") var series = 200
    @Option(help: "Episode files per title (seasons of 25).") var episodes = 250
    @Option(help: "Timed passes over the whole library.") var runs = 3
    @Option(help: "Make the tree and the data folder under this folder (default: the temporary folder).") var workdir: String?

    func run() async throws {
        var logger = Logger(label: "idkarr.bench")
        logger.logLevel = .warning
        let base = URL(fileURLWithPath: workdir ?? NSTemporaryDirectory()).appendingPathComponent("idkarr-bench-scan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let clock = ContinuousClock()
        let t0 = clock.now
        let layout = ScanBenchLayout(series: series, episodes: episodes, root: base.appendingPathComponent("tv"))
        let counts = try layout.write()
        print("bench scan — \(series) titles × \(episodes) files = \(counts.video) video files (+\(counts.other) samples, .nfo, .srt) in \(AppBenchStats.f(AppBenchStats.seconds(clock.now - t0), 1)) s; load average \(BenchApp.loadAverage())")

        let library = try await Library.open(in: try DataFolder.open(at: base.appendingPathComponent("data"), logger: logger), logger: logger)
        let ids = try await layout.createMedia(in: library)
        let scanner = DiskScanService(library: library, logger: logger)
        var best = (walk: Double.infinity, match: Double.infinity, write: Double.infinity, rescan: Double.infinity)
        var matched = 0, unmatched = 0
        for run in 1...runs {
            let docs = ids.compactMap { library.media.get($0)?.body }
            let w0 = clock.now
            let listings = try docs.map { try FolderWalker.list($0.path!) }
            let walk = AppBenchStats.seconds(clock.now - w0)
            let m0 = clock.now
            var sink = 0
            var results: [Media] = []
            for (doc, listing) in zip(docs, listings) {
                let result = DiskScan.match(listing, into: doc, now: Date())
                sink &+= result.report.matched
                results.append(result.media)
            }
            let match = AppBenchStats.seconds(clock.now - m0)
            let d0 = clock.now
            for (id, media) in zip(ids, results) { _ = try await library.media.update(id, media) }
            let write = AppBenchStats.seconds(clock.now - d0)
            let r0 = clock.now
            matched = 0; unmatched = 0
            for id in ids {
                let report = try await scanner.rescan(id)
                matched += report.matched
                unmatched += report.unmatched.count
            }
            let rescan = AppBenchStats.seconds(clock.now - r0)
            print("  run \(run): walk \(AppBenchStats.f(walk * 1000, 0)) ms, parse+match \(AppBenchStats.f(match * 1000, 0)) ms, durable writes \(AppBenchStats.f(write * 1000, 0)) ms, rescan (walk+match+write) \(AppBenchStats.f(rescan * 1000, 0)) ms [check \(sink)]")
            best = (min(best.walk, walk), min(best.match, match), min(best.write, write), min(best.rescan, rescan))
        }
        let video = Double(counts.video)
        print("  best: walk \(AppBenchStats.f(best.walk * 1000, 0)) ms (\(Int(video / best.walk)) files/s), parse+match \(AppBenchStats.f(best.match * 1000, 0)) ms (\(Int(video / best.match)) files/s), \(series) durable writes \(AppBenchStats.f(best.write * 1000, 0)) ms, whole rescan \(AppBenchStats.f(best.rescan * 1000, 0)) ms (\(Int(video / best.rescan)) files/s, \(AppBenchStats.f(best.rescan * 1000 / Double(series), 1)) ms per title)")
        print("  matched \(matched) files, unmatched \(unmatched)")
        print("IDKARR_SCAN_MS=\(Int(best.rescan * 1000))")
    }
}

/// The generated library: title `i` uses one of four naming styles.
struct ScanBenchLayout {
    let series: Int
    let episodes: Int
    let root: URL
    static let seasonLength = 25
    static let words = ["Amber", "Birch", "Cobalt", "Dune", "Ember", "Falcon", "Granite", "Harbor", "Iris", "Juniper",
                        "Kestrel", "Lantern", "Meadow", "Nimbus", "Orchid", "Prairie", "Quarry", "Raven", "Summit", "Tundra"]

    func title(_ i: Int) -> String { "\(Self.words[i % 20]) \(Self.words[(i / 20 + i) % 20]) \(i / 400 + 1)" }
    func isAnime(_ i: Int) -> Bool { i % 4 == 3 }

    func fileName(_ i: Int, season: Int, episode: Int) -> String {
        let t = title(i)
        let dotted = t.replacingOccurrences(of: " ", with: ".")
        let s = String(format: "%02d", season), e = String(format: "%02d", episode)
        switch i % 4 {
        case 0: return "Season \(s)/\(dotted).S\(s)E\(e).Episode.Title.1080p.WEB-DL.DD5.1.H.264-NTb.mkv"
        case 1: return "Season \(season)/\(t) - S\(s)E\(e) - Episode Title [HDTV-720p].mkv"
        case 2: return "Season \(s)/\(dotted.lowercased()).s\(s)e\(e).720p.hdtv.x264-lol.mkv"
        default:
            let absolute = (season - 1) * Self.seasonLength + episode
            return "[SubsPlease] \(t) - \(String(format: "%03d", absolute)) (1080p) [ABCD1234].mkv"
        }
    }

    func folder(_ i: Int) -> URL { root.appendingPathComponent("\(title(i)) (\(2000 + i % 20))") }

    /// Writes every file; returns the number of video files and of the others.
    func write() throws -> (video: Int, other: Int) {
        var video = 0, other = 0
        for i in 0..<series {
            let dir = folder(i)
            for n in 0..<episodes {
                let (season, episode) = (n / Self.seasonLength + 1, n % Self.seasonLength + 1)
                try touch(dir.appendingPathComponent(fileName(i, season: season, episode: episode)))
                video += 1
                if episode == 1 {
                    let name = fileName(i, season: season, episode: episode)
                    try touch(dir.appendingPathComponent(String(name.dropLast(4)) + ".nfo"))
                    try touch(dir.appendingPathComponent(String(name.dropLast(4)) + ".en.srt"))
                    other += 2
                }
            }
            try touch(dir.appendingPathComponent("Sample/\(title(i)).S01E01.sample.mkv"))
            other += 1
        }
        return (video, other)
    }

    private func touch(_ url: URL) throws {
        var fd = open(url.path, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
        if fd < 0 && errno == ENOENT {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            fd = open(url.path, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
        }
        guard fd >= 0 else { throw ValidationError("cannot create \(url.path): errno \(errno)") }
        close(fd)
    }

    /// One instance per kind and a title per folder, with every episode the files name.
    func createMedia(in library: Library) async throws -> [Int] {
        let tv = try await library.instances.create(Instance(name: "TV", mediaType: .series))
        let anime = try await library.instances.create(Instance(name: "Anime", mediaType: .anime))
        var ids: [Int] = []
        for i in 0..<series {
            var c = MediaChanges()
            c.instanceId = isAnime(i) ? anime.id : tv.id
            c.mediaType = isAnime(i) ? .anime : .series
            c.title = title(i)
            c.path = folder(i).path
            c.episodes = (0..<episodes).map { n in
                var e = EpisodeChanges(seasonNumber: n / Self.seasonLength + 1, episodeNumber: n % Self.seasonLength + 1)
                e.absoluteEpisodeNumber = n + 1
                return e
            }
            ids.append(try await library.createMedia(c).id)
        }
        return ids
    }
}
