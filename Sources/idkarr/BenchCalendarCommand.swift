import ArgumentParser
import Foundation
import IdkarrApp
import IdkarrDomain
import IdkarrLibrary
import IdkarrStore
import Logging

/// `idkarr bench calendar --data DIR` — the calendar and wanted queries over a folder made by
/// `idkarr bench generate` (the design size: 250,000 episodes, 10,000 movies), in process, as of
/// the generator's "today" (2025-11-24). Each query scans the whole snapshot; the figures say
/// what that costs. The HTTP side is `Benchmarks/bench-calendar.sh`'s.
struct BenchCalendar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calendar", abstract: "Calendar and wanted queries over a generated data folder.")

    @Option(help: "A data folder made by `idkarr bench generate`.") var data: String
    @Option(help: "Timed runs of each query.") var iterations = 50

    /// The synthetic library's "today" (see SyntheticLibrary.series).
    static let today = Date(timeIntervalSince1970: 1_764_000_000)

    func run() async throws {
        var logger = Logger(label: "idkarr.bench")
        logger.logLevel = .warning
        let services = try await AppServices.open(dataFolder: URL(fileURLWithPath: data), logger: logger)
        let library = services.library
        let docs = library.media.all(), profiles = library.qualityProfiles.all()
        let episodes = docs.reduce(0) { $0 + $1.body.episodes.count }
        print("bench calendar (in process) — \(docs.count) titles, \(episodes) episodes, \(ProcessInfo.processInfo.activeProcessorCount) cores")

        let week = CalendarQuery.days(from: Self.today, pastDays: 0, futureDays: 6)
        let month = CalendarQuery.days(from: Self.today, pastDays: 7, futureDays: 28)
        var monthAll = month
        monthAll.includeUnmonitored = true
        for (name, query) in [("calendar, 7 days", week), ("calendar, 36 days (the feed's default)", month),
                              ("calendar, 36 days with unmonitored", monthAll)] {
            var count = 0
            let times = measure { count = CalendarQuery.entries(in: docs, query).count }
            report(name, times, "\(count) entries")
        }
        var missing = WantedQuery(.missing)
        var total = 0
        report("wanted/missing, page 1 by air date", measure {
            total = WantedQuery.page(in: docs, profiles: profiles, missing, now: Self.today).totalRecords
        }, "\(total) records")
        missing.sortKey = .title
        missing.ascending = true
        report("wanted/missing, page 1 by title", measure {
            total = WantedQuery.page(in: docs, profiles: profiles, missing, now: Self.today).totalRecords
        }, "\(total) records")
        report("wanted/cutoff, page 1 by air date", measure {
            total = WantedQuery.page(in: docs, profiles: profiles, WantedQuery(.cutoffUnmet), now: Self.today).totalRecords
        }, "\(total) records")
        // Library.wanted keeps the sorted list between pages (WantedCache): the next pages are slices.
        var paging = WantedQuery(.missing)
        report("wanted/missing, pages 2… (list kept)", measure {
            paging.page += 1
            total = library.wanted(paging).totalRecords
        }, "\(total) records by the library's clock")
    }

    /// Milliseconds of each run after two warm-up runs, sorted.
    func measure(_ body: () -> Void) -> [Double] {
        let clock = ContinuousClock()
        var times: [Double] = []
        for k in 0..<(iterations + 2) {
            let start = clock.now
            body()
            if k >= 2 { times.append(AppBenchStats.ms(clock.now - start)) }
        }
        return times.sorted()
    }

    func report(_ name: String, _ times: [Double], _ note: String) {
        let label = name.padding(toLength: 42, withPad: " ", startingAt: 0)
        print("  \(label) p50 \(AppBenchStats.f(AppBenchStats.pct(times, 0.5))) ms  p99 \(AppBenchStats.f(AppBenchStats.pct(times, 0.99))) ms  (\(note))")
    }
}
