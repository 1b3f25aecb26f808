import ArgumentParser
import Foundation
import IdkarrStore
import Logging

/// `idkarr bench store` — durable write latency and cold load throughput of the document store.
///
/// 1. Write latency: p50/p99 of updating one series-sized document, against a raw
///    write + fsync + rename + directory fsync of the same bytes in the same folder.
/// 2. Load: generates the design size (series with episodes, movies) in a temporary folder, then
///    loads it in a fresh child process (`--load`), so the RSS reported is that of a cold start.
struct BenchStore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "store", abstract: "Durable write latency and load throughput of the document store.")

    @Option(help: "Series documents to generate.") var series = 5000
    @Option(help: "Episodes per series.") var episodes = 50
    @Option(help: "Movie documents to generate.") var movies = 10000
    @Option(help: "Timed durable writes (each of store and raw).") var writes = 300
    @Option(help: "Work in this folder and keep it (default: a temporary folder, removed).") var folder: String?
    @Option(help: "Cold loads to run (each in a fresh process); take the best on a busy machine.") var loads = 3
    @Option(help: .hidden) var load: String?

    func run() async throws {
        if let load {
            try await StoreLoadBench.runChild(folder: URL(fileURLWithPath: load))
            return
        }
        let root = folder.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("idkarr-bench-store-\(getpid())")
        defer { if folder == nil { try? FileManager.default.removeItem(at: root) } }
        say("idkarr bench store — folder \(root.path), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        try await StoreWriteBench.run(folder: root.appendingPathComponent("writes"), writes: writes)
        try StoreLoadBench.generate(folder: root.appendingPathComponent("load"), series: series, episodes: episodes, movies: movies)
        for _ in 0..<max(1, loads) { try StoreLoadBench.runInChild(folder: root.appendingPathComponent("load")) }
    }
}

// MARK: - Synthetic documents (shaped like the library's, about 10 fields per episode)

struct BenchEpisode: Codable, Sendable {
    var id: Int
    var seasonNumber: Int
    var episodeNumber: Int
    var title: String
    var airDate: Date?
    var overview: String
    var monitored: Bool
    var hasFile: Bool
    var runtime: Int
    var rating: Double
}

struct BenchSeries: StoredDocument {
    static let collection = "bench-series"
    static let schemaVersion = 1
    var title: String
    var sortTitle: String
    var tvdbId: Int
    var imdbId: String?
    var status: String
    var overview: String
    var network: String
    var year: Int
    var monitored: Bool
    var qualityProfileId: Int
    var path: String
    var tags: [Int]
    var genres: [String]
    var added: Date
    var episodes: [BenchEpisode]
}

struct BenchMovie: StoredDocument {
    static let collection = "bench-movies"
    static let schemaVersion = 1
    var title: String
    var year: Int
    var tmdbId: Int
    var imdbId: String?
    var overview: String
    var runtime: Int
    var monitored: Bool
    var hasFile: Bool
    var path: String
    var qualityProfileId: Int
    var genres: [String]
    var added: Date
    var fileSize: Int64?
}

enum BenchData {
    static let words = ["the", "night", "river", "of", "lost", "signal", "a", "house", "dark", "season", "return",
                        "city", "empire", "blue", "storm", "last", "letter", "garden", "winter", "machine"]

    static func text(_ seed: Int, words count: Int) -> String {
        (0..<count).map { words[(seed &* 31 &+ $0 &* 7) % words.count] }.joined(separator: " ")
    }

    static func series(_ i: Int, episodes: Int) -> BenchSeries {
        var eps: [BenchEpisode] = []
        eps.reserveCapacity(episodes)
        for e in 0..<episodes {
            let seconds = 1_000_000_000 + Double(i * 86_400 + e * 604_800)
            let airDate: Date? = e % 7 == 6 ? nil : Date(timeIntervalSince1970: seconds)
            let rating = Double((i + e) % 100) / 10
            eps.append(BenchEpisode(id: i * 1000 + e, seasonNumber: e / 10 + 1, episodeNumber: e % 10 + 1,
                                    title: text(i + e, words: 4).capitalized, airDate: airDate, overview: text(i * 3 + e, words: 18),
                                    monitored: e % 3 != 0, hasFile: e % 2 == 0, runtime: 42, rating: rating))
        }
        let title = text(i, words: 3).capitalized + " \(i)"
        return BenchSeries(title: title, sortTitle: title.lowercased(), tvdbId: 70_000 + i, imdbId: "tt\(1_000_000 + i)", status: i % 4 == 0 ? "ended" : "continuing",
                           overview: text(i, words: 40), network: ["HBO", "BBC One", "NBC", "Netflix"][i % 4], year: 1990 + i % 35,
                           monitored: i % 5 != 0, qualityProfileId: i % 3 + 1, path: "/tv/\(title)", tags: [i % 4, 7],
                           genres: ["Drama", "Crime"], added: Date(timeIntervalSince1970: 1_600_000_000 + Double(i)), episodes: eps)
    }

    static func movie(_ i: Int) -> BenchMovie {
        let title = text(i + 99, words: 3).capitalized + " \(i)"
        return BenchMovie(title: title, year: 1950 + i % 75, tmdbId: 100_000 + i, imdbId: "tt\(2_000_000 + i)", overview: text(i, words: 45),
                          runtime: 90 + i % 60, monitored: true, hasFile: i % 2 == 0, path: "/movies/\(title) (\(1950 + i % 75))",
                          qualityProfileId: 1, genres: ["Drama"], added: Date(timeIntervalSince1970: 1_600_000_000 + Double(i)),
                          fileSize: i % 2 == 0 ? 4_000_000_000 + Int64(i) : nil)
    }
}

enum BenchReport {
    static func rssMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = Double(line.split(separator: " ")[1]) else { return -1 }
        return kb / 1024
    }

    /// CPU seconds (user + system, all threads) of this process so far: with other work on the
    /// machine, wall time says little; on an idle machine wall ≈ CPU / cores used.
    #if os(Linux)
    static let RUSAGE_SELF_WHO = Int32(RUSAGE_SELF.rawValue)
    #else
    static let RUSAGE_SELF_WHO = RUSAGE_SELF
    #endif

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF_WHO, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.down)))]
    }

    static func f(_ v: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", v) }

    static var quietLogger: Logger {
        var logger = Logger(label: "bench-store")
        logger.logLevel = .error
        return logger
    }
}

// MARK: - 1. Durable write latency

enum StoreWriteBench {
    static func run(folder: URL, writes: Int) async throws {
        let data = try DataFolder.open(at: folder, logger: BenchReport.quietLogger)
        let collection = try await data.collection(BenchSeries.self)
        let first = try await collection.create(BenchData.series(1, episodes: 50))
        let dir = folder.appendingPathComponent(BenchSeries.collection).path
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/\(first.id).json")))
        let dirFD = open(dir, O_RDONLY | O_DIRECTORY)
        defer { close(dirFD) }
        let clock = ContinuousClock()
        var store: [Double] = [], raw: [Double] = []
        // Alternate the two, so both see the same disk conditions; the first 10 of each warm up.
        for k in 0..<(writes + 10) {
            let t0 = clock.now
            _ = try await collection.update(first.id) { $0.episodes[k % 50].monitored.toggle() }
            let t1 = clock.now
            try rawWrite(bytes, dir: dir, dirFD: dirFD)
            let t2 = clock.now
            if k >= 10 { store.append(BenchReport.seconds(t1 - t0) * 1000); raw.append(BenchReport.seconds(t2 - t1) * 1000) }
        }
        let encoder = StoreJSON.makeEncoder()
        let body = BenchData.series(2, episodes: 50)
        var encode: [Double] = [], foundation: [Double] = []
        for _ in 0..<200 {
            let t0 = clock.now
            _ = try StoreJSON.encode(body)
            let t1 = clock.now
            _ = try encoder.encode(body)
            encode.append(BenchReport.seconds(t1 - t0) * 1000)
            foundation.append(BenchReport.seconds(clock.now - t1) * 1000)
        }
        foundation.sort()
        store.sort(); raw.sort(); encode.sort()
        let ratio = BenchReport.percentile(store, 0.5) / BenchReport.percentile(raw, 0.5)
        say("1. durable write of one series document (\(bytes.count) bytes, 50 episodes), \(writes) writes each:")
        say("   store update      p50 \(BenchReport.f(BenchReport.percentile(store, 0.5), 3)) ms   p99 \(BenchReport.f(BenchReport.percentile(store, 0.99), 3)) ms")
        say("   raw write+fsync+rename+dir fsync   p50 \(BenchReport.f(BenchReport.percentile(raw, 0.5), 3)) ms   p99 \(BenchReport.f(BenchReport.percentile(raw, 0.99), 3)) ms")
        say("   ratio p50 store/raw \(BenchReport.f(ratio)) (target ≤ 1.5)   p99 ratio \(BenchReport.f(BenchReport.percentile(store, 0.99) / BenchReport.percentile(raw, 0.99)))")
        say("   encoding that body: store's streaming encoder p50 \(BenchReport.f(BenchReport.percentile(encode, 0.5), 3)) ms, Foundation JSONEncoder p50 \(BenchReport.f(BenchReport.percentile(foundation, 0.5), 3)) ms")
    }

    static func rawWrite(_ bytes: [UInt8], dir: String, dirFD: Int32) throws {
        let temp = dir + "/.raw.tmp", target = dir + "/raw.bench"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ValidationError("raw write failed: \(errno)") }
        let ok = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count && fsync(fd) == 0
        close(fd)
        guard ok, rename(temp, target) == 0, fsync(dirFD) == 0 else { throw ValidationError("raw write failed: \(errno)") }
    }
}

// MARK: - 2. Cold load

enum StoreLoadBench {
    /// Writes the documents directly (no fsync; one `sync` at the end) in the store's format.
    static func generate(folder: URL, series: Int, episodes: Int, movies: Int) throws {
        struct Envelope<B: Encodable>: Encodable { var id, version, schemaVersion: Int; var createdAt, updatedAt: Date; var body: B }
        let clock = ContinuousClock()
        let t0 = clock.now
        let seriesDir = folder.appendingPathComponent(BenchSeries.collection), moviesDir = folder.appendingPathComponent(BenchMovie.collection)
        try FileManager.default.createDirectory(at: seriesDir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: moviesDir, withIntermediateDirectories: true)
        let now = Date()
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            do {
                for i in stride(from: 1 + part, through: series, by: 2) {
                    let doc = Envelope(id: i, version: 1, schemaVersion: 1, createdAt: now, updatedAt: now, body: BenchData.series(i, episodes: episodes))
                    try encoder.encode(doc).write(to: seriesDir.appendingPathComponent("\(i).json"))
                }
                for i in stride(from: 1 + part, through: movies, by: 2) {
                    let doc = Envelope(id: i, version: 1, schemaVersion: 1, createdAt: now, updatedAt: now, body: BenchData.movie(i))
                    try encoder.encode(doc).write(to: moviesDir.appendingPathComponent("\(i).json"))
                }
            } catch { failures.record(error) }
        }
        if let error = failures.first { throw error }
        sync()
        say("2. generated \(series) series × \(episodes) episodes + \(movies) movies in \(BenchReport.f(BenchReport.seconds(clock.now - t0))) s")
    }

    /// A fresh process for the load, so its RSS is that of a cold start.
    static func runInChild(folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["bench", "store", "--load", folder.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("the load benchmark failed (\(process.terminationStatus))") }
    }

    static func runChild(folder: URL) async throws {
        let clock = ContinuousClock()
        let rssBefore = BenchReport.rssMB()
        let cpu0 = BenchReport.cpuSeconds()
        let t0 = clock.now
        let data = try DataFolder.open(at: folder, logger: BenchReport.quietLogger)
        let series = try await data.collection(BenchSeries.self, indexes: [
            SecondaryIndex("tvdb") { ["\($0.tvdbId)"] }, SecondaryIndex("monitored") { [$0.monitored ? "yes" : "no"] },
        ])
        let t1 = clock.now
        let movies = try await data.collection(BenchMovie.self, indexes: [SecondaryIndex("tmdb") { ["\($0.tmdbId)"] }])
        let t2 = clock.now
        let cpu = BenchReport.cpuSeconds() - cpu0
        let rssAfter = BenchReport.rssMB()
        let seriesMB = directoryMB(folder.appendingPathComponent(BenchSeries.collection))
        let moviesMB = directoryMB(folder.appendingPathComponent(BenchMovie.collection))
        let (ts, tm, total) = (BenchReport.seconds(t1 - t0), BenchReport.seconds(t2 - t1), BenchReport.seconds(t2 - t0))
        let episodes = series.all().reduce(0) { $0 + $1.body.episodes.count }
        say("   cold load (fresh process, files in the page cache), \(ProcessInfo.processInfo.activeProcessorCount) cores:")
        say("   series: \(series.count) docs, \(episodes) episodes, \(BenchReport.f(seriesMB, 1)) MB in \(BenchReport.f(ts * 1000, 0)) ms → \(BenchReport.f(seriesMB / ts, 0)) MB/s, \(BenchReport.f(Double(series.count) / ts, 0)) docs/s")
        say("   movies: \(movies.count) docs, \(BenchReport.f(moviesMB, 1)) MB in \(BenchReport.f(tm * 1000, 0)) ms → \(BenchReport.f(moviesMB / tm, 0)) MB/s, \(BenchReport.f(Double(movies.count) / tm, 0)) docs/s")
        say("   total:  \(BenchReport.f((seriesMB + moviesMB) / total, 0)) MB/s, \(BenchReport.f(total * 1000, 0)) ms wall (target: whole app < 1 s)")
        say("   CPU time of the load: \(BenchReport.f(cpu * 1000, 0)) ms (user + system, all threads) → \(BenchReport.f((seriesMB + moviesMB) / cpu, 0)) MB per CPU-second; load average now \(loadAverage())")
        say("   RSS: \(BenchReport.f(rssBefore, 1)) MB at start → \(BenchReport.f(rssAfter, 1)) MB after load (target < 200 MB)")
        guard !data.health().contains(where: { $0.severity == .error }) else { throw ValidationError("store health: \(data.health())") }
        try compareDecoders(folder.appendingPathComponent(BenchSeries.collection))
    }

    /// The same files, one core: Foundation's JSONDecoder against the store's decoder.
    static func compareDecoders(_ dir: URL) throws {
        struct Envelope: Decodable { var id, version, schemaVersion: Int; var createdAt, updatedAt: Date; var body: BenchSeries }
        let files = (1...300).map { dir.appendingPathComponent("\($0).json") }.compactMap { try? Data(contentsOf: $0) }
        let mb = Double(files.reduce(0) { $0 + $1.count }) / 1_048_576
        let clock = ContinuousClock()
        let foundation = JSONDecoder()
        foundation.dateDecodingStrategy = .iso8601
        let t0 = clock.now
        for file in files { _ = try foundation.decode(Envelope.self, from: file) }
        let t1 = clock.now
        for file in files { _ = try StoreJSON.decode(Envelope.self, from: [UInt8](file)) }
        let t2 = clock.now
        say("   one core, \(files.count) series files: Foundation JSONDecoder \(BenchReport.f(mb / BenchReport.seconds(t1 - t0), 0)) MB/s, store decoder \(BenchReport.f(mb / BenchReport.seconds(t2 - t1), 0)) MB/s")
    }

    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(1).joined()
    }

    static func directoryMB(_ dir: URL) -> Double {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        var total = 0
        for name in names {
            let attributes = try? FileManager.default.attributesOfItem(atPath: dir.path + "/" + name)
            total += (attributes?[.size] as? NSNumber)?.intValue ?? 0
        }
        return Double(total) / 1_048_576
    }
}

/// Unbuffered output: the load runs in a child process writing to the same stdout.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Errors from the generator's two threads.
final class Failures: @unchecked Sendable {  // guarded by `lock`
    private let lock = NSLock()
    private var errors: [any Error] = []
    func record(_ error: any Error) { lock.lock(); errors.append(error); lock.unlock() }
    var first: (any Error)? { lock.lock(); defer { lock.unlock() }; return errors.first }
}
