import ArgumentParser

/// `idkarr bench …` — benchmarks run by `make bench` (never by the tests).
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks (run by make bench).",
        shouldDisplay: false,
        subcommands: [BenchParse.self, BenchStore.self, BenchGenerate.self, BenchApp.self, BenchTrivialServer.self, BenchScan.self,
                      BenchSearch.self, BenchDecide.self,
                      BenchRefresh.self, BenchCalendar.self, BenchFeed.self]
    )
}
