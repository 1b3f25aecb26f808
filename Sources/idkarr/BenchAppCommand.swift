import ArgumentParser
import Foundation
import IdkarrApp
import IdkarrDomain
import IdkarrLibrary
import IdkarrStore
import Logging

/// `idkarr bench app --data DIR` — the in-process half of `Benchmarks/bench-app.sh` (the server
/// must not be running: the data folder has one writer). It times what the HTTP figures are made
/// of, without HTTP: loading the folder, `Library.listMedia` for a page of 50 and for every
/// series, and `Library.setMonitored` of one episode against a raw write + fsync + rename +
/// directory fsync of the same document's bytes in the same folder.
struct BenchApp: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "app", abstract: "In-process library figures over a generated data folder.")

    @Option(help: "A data folder made by `idkarr bench generate`.") var data: String
    @Option(help: "Timed list queries of each kind.") var iterations = 200
    @Option(help: "Timed monitoring toggles (and as many raw writes).") var toggles = 300

    func run() async throws {
        var logger = Logger(label: "idkarr.bench")
        logger.logLevel = .warning
        let clock = ContinuousClock()
        let t0 = clock.now
        let services = try await AppServices.open(dataFolder: URL(fileURLWithPath: data), logger: logger)
        let loadMs = AppBenchStats.ms(clock.now - t0)
        let memory = AppBenchStats.memoryMB()
        let library = services.library
        print("bench app (in process) — \(library.media.count) titles, \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(Self.loadAverage())")
        print("  open data folder + load everything     \(AppBenchStats.f(loadMs, 0)) ms;  RSS \(AppBenchStats.f(memory.rss, 1)) MB, HWM \(AppBenchStats.f(memory.hwm, 1)) MB")

        // Lists.
        var page = MediaQuery()
        page.pageSize = 50
        var pageMs: [Double] = []
        for k in 0..<(iterations + 10) {
            page.page = 1 + k % 20
            let s = clock.now
            let result = library.listMedia(page)
            precondition(result.records.count == 50)
            if k >= 10 { pageMs.append(AppBenchStats.ms(clock.now - s)) }
        }
        var seriesQuery = MediaQuery()
        seriesQuery.mediaType = .series
        seriesQuery.pageSize = MediaQuery.maxPageSize
        var allSeriesMs: [Double] = []
        var seriesCount = 0
        for k in 0..<(max(10, iterations / 10) + 2) {
            let s = clock.now
            var n = 0, p = 1
            while true {
                seriesQuery.page = p
                let result = library.listMedia(seriesQuery)
                n += result.records.count
                if n >= result.totalRecords || result.records.isEmpty { break }
                p += 1
            }
            if k >= 2 { allSeriesMs.append(AppBenchStats.ms(clock.now - s)) }
            seriesCount = n
        }
        pageMs.sort(); allSeriesMs.sort()
        print("  listMedia page of 50 (sort title)      p50 \(AppBenchStats.f(AppBenchStats.pct(pageMs, 0.5), 3)) ms  p99 \(AppBenchStats.f(AppBenchStats.pct(pageMs, 0.99), 3)) ms")
        print("  listMedia all \(seriesCount) series (pages of 1000)  p50 \(AppBenchStats.f(AppBenchStats.pct(allSeriesMs, 0.5), 2)) ms  best \(AppBenchStats.f(allSeriesMs.first ?? .nan, 2)) ms")

        // Toggles, interleaved with raw writes of the same bytes in the same folder.
        let series = library.media.all().filter { $0.body.mediaType == .series && !$0.body.episodes.isEmpty }
        guard !series.isEmpty else { throw CLIFailure("no series in \(data)") }
        let dir = URL(fileURLWithPath: data).standardizedFileURL.path + "/" + Media.collection
        let dirFD = open(dir, O_RDONLY | O_DIRECTORY)
        defer { close(dirFD) }
        var rng = SyntheticLibrary.Random(state: 7)
        var toggleMs: [Double] = [], rawMs: [Double] = []
        var bytes = 0
        for k in 0..<(toggles + 10) {
            let doc = rng.pick(series)
            let current = library.media.get(doc.id)!
            let episode = rng.pick(current.body.episodes)
            let s = clock.now
            let saved = try await library.setMonitored(doc.id, monitored: !episode.monitored, seasonNumber: nil, episodeIds: [episode.id])
            let t = clock.now
            let file = try Data(contentsOf: URL(fileURLWithPath: dir + "/\(saved.id).json"))
            bytes = file.count
            let r0 = clock.now
            try Self.rawWrite(file, dir: dir, dirFD: dirFD)
            let r1 = clock.now
            if k >= 10 { toggleMs.append(AppBenchStats.ms(t - s)); rawMs.append(AppBenchStats.ms(r1 - r0)) }
        }
        unlink(dir + "/.bench-raw.tmp")
        unlink(dir + "/bench-raw.bench")
        toggleMs.sort(); rawMs.sort()
        let (t50, t99) = (AppBenchStats.pct(toggleMs, 0.5), AppBenchStats.pct(toggleMs, 0.99))
        let (r50, r99) = (AppBenchStats.pct(rawMs, 0.5), AppBenchStats.pct(rawMs, 0.99))
        print("  setMonitored one episode (\(toggles)×, ~\(bytes / 1024) KiB doc)  p50 \(AppBenchStats.f(t50, 3)) ms  p99 \(AppBenchStats.f(t99, 3)) ms")
        print("  raw write+fsync+rename+dir fsync same bytes  p50 \(AppBenchStats.f(r50, 3)) ms  p99 \(AppBenchStats.f(r99, 3)) ms  → ratio p50 \(AppBenchStats.f(t50 / r50)), p99 \(AppBenchStats.f(t99 / r99))")
        let after = AppBenchStats.memoryMB()
        print("  RSS at the end \(AppBenchStats.f(after.rss, 1)) MB, HWM \(AppBenchStats.f(after.hwm, 1)) MB")
        print("BENCHAPP load_ms=\(AppBenchStats.f(loadMs, 1)) rss_mb=\(AppBenchStats.f(memory.rss, 1)) hwm_mb=\(AppBenchStats.f(memory.hwm, 1)) "
              + "page50_p50_ms=\(AppBenchStats.f(AppBenchStats.pct(pageMs, 0.5), 3)) page50_p99_ms=\(AppBenchStats.f(AppBenchStats.pct(pageMs, 0.99), 3)) "
              + "allseries_ms=\(AppBenchStats.f(AppBenchStats.pct(allSeriesMs, 0.5), 2)) toggle_p50_ms=\(AppBenchStats.f(t50, 3)) toggle_p99_ms=\(AppBenchStats.f(t99, 3)) "
              + "raw_p50_ms=\(AppBenchStats.f(r50, 3)) raw_p99_ms=\(AppBenchStats.f(r99, 3))")
    }

    static func rawWrite(_ data: Data, dir: String, dirFD: Int32) throws {
        let temp = dir + "/.bench-raw.tmp", target = dir + "/bench-raw.bench"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CLIFailure("raw write failed: errno \(errno)") }
        let ok = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == data.count && fsync(fd) == 0
        close(fd)
        guard ok, rename(temp, target) == 0, fsync(dirFD) == 0 else { throw CLIFailure("raw write failed: errno \(errno)") }
    }

    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
    }
}
