import ArgumentParser
import Foundation
import IdkarrApp
import IdkarrAutomation
import IdkarrDecisions
import IdkarrDomain
import IdkarrIndexers
import IdkarrLibrary
import IdkarrParsing
import IdkarrStore
import Logging

/// `idkarr bench decide` — deciding 1,000 releases against a library at the design size (made by
/// `idkarr bench generate`), one core:
///
///   - RSS sync's second half: match every release to the library's 15,000 titles (by name), then
///     decide each against its title's profile, episodes and files (`RssSync.decide`);
///   - a title's interactive search: 1,000 releases of one series decided against it
///     (`ReleaseSearch.decide`).
///
/// The releases are named the way scene releases are (`Title.S02E05.720p.HDTV.x264-GRP`,
/// `Title.2019.1080p.BluRay.x264-GRP`) after titles in the library, plus some for titles it does
/// not have. Parsing them is timed apart (the search already did it when they arrive).
struct BenchDecide: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decide", abstract: "Decide 1,000 releases against a design-size library.")

    @Option(help: "A data folder made by `idkarr bench generate`.") var data: String
    @Option(help: "Releases to decide.") var releases = 1000
    @Option(help: "Timed rounds (the best is reported; the first also builds RSS sync's title index).") var rounds = 5

    func run() async throws {
        var logger = Logger(label: "idkarr.bench")
        logger.logLevel = .error
        let services = try await AppServices.open(dataFolder: URL(fileURLWithPath: data), logger: logger)
        let media = services.library.media.all()
        guard media.count >= 100 else { throw ValidationError("\(data) holds \(media.count) titles; run idkarr bench generate first") }
        let episodes = media.reduce(0) { $0 + $1.body.episodes.count }
        let titles = Self.releaseTitles(media.map(\.body), count: releases)

        var parse: [Double] = [], library: [Double] = [], single: [Double] = []
        var report: RssSyncReport?
        var decided = 0
        let series = try require(media.first { $0.body.mediaType == .series && $0.body.episodes.count >= 10 })
        let seriesTitles = Self.releaseTitles([series.body], count: releases)
        let now = Date()
        for _ in 0..<rounds {
            var start = ContinuousClock.now
            let found = titles.enumerated().map { Self.found($1, index: $0, now: now) }
            parse.append(BenchSearch.ms(ContinuousClock.now - start))
            start = ContinuousClock.now
            report = services.rssSync.decide(found, trigger: .manual, started: now)
            library.append(BenchSearch.ms(ContinuousClock.now - start))
            let forOne = seriesTitles.enumerated().map { Self.found($1, index: $0, now: now) }
            start = ContinuousClock.now
            decided = services.releaseSearch.decide(forOne, media: series.body, target: .anyEpisodes, requireMonitored: false).count
            single.append(BenchSearch.ms(ContinuousClock.now - start))
        }
        guard let report, decided == releases else { throw ValidationError("decided \(decided) of \(releases)") }
        print("idkarr decide \(releases) releases, library of \(media.count) titles and \(episodes) episodes, best of \(rounds), 1 core:")
        print(String(format: "  parse the release names              %8.1f ms", parse.min()!))
        print(String(format: "  match to library titles + decide     %8.1f ms  (%d matched, %d accepted, %d rejected)",
                     library.dropFirst().min() ?? library[0], report.matched, report.acceptedCount, report.rejectedCount))
        print(String(format: "    the first time, building the title index as well: %.1f ms", library[0]))
        print(String(format: "  decide for one series (%d episodes)  %8.1f ms", series.body.episodes.count, single.min()!))
    }

    static func found(_ title: String, index: Int, now: Date) -> FoundRelease {
        let release = IndexerRelease(title: title, guid: "bench-\(index)", downloadProtocol: .usenet, downloadURL: "http://indexer.invalid/get",
                                     publishDate: now.addingTimeInterval(-7200), size: 1_500_000_000)
        return FoundRelease(release: release, indexerId: 1, indexerName: "bench", indexerPriority: 25, parsed: ReleaseParser.parse(title))
    }

    /// Scene-style names: three in four for episodes of the titles' series, one in six for their
    /// movies, the rest for titles not in the library.
    static func releaseTitles(_ media: [Media], count: Int) -> [String] {
        let qualities = ["720p.HDTV.x264", "1080p.WEB-DL.DDP5.1.H.264", "2160p.WEB.h265", "1080p.BluRay.x264", "480p.WEB.x264"]
        let groups = ["NTb", "FLUX", "SPARKS", "KOGi", "EDITH", "CAKES"]
        let series = media.filter { $0.mediaType != .movie && !$0.episodes.isEmpty }, movies = media.filter { $0.mediaType == .movie }
        return (0..<count).map { i in
            let quality = qualities[i % qualities.count], group = groups[i % groups.count]
            switch i % 12 {
            case 0..<9 where !series.isEmpty:
                let s = series[(i * 7919) % series.count]
                let e = s.episodes[(i * 31) % s.episodes.count]
                return "\(dotted(s.title)).S\(pad(e.seasonNumber))E\(pad(e.episodeNumber)).\(quality)-\(group)"
            case 9...10 where !movies.isEmpty:
                let m = movies[(i * 104_729) % movies.count]
                return "\(dotted(m.title)).\(m.year ?? 2020).\(quality)-\(group)"
            default:
                return "Not.In.The.Library.\(i).S01E0\(i % 9 + 1).\(quality)-\(group)"
            }
        }
    }

    static func dotted(_ title: String) -> String {
        title.split { !$0.isLetter && !$0.isNumber }.joined(separator: ".")
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

private func `require`<T>(_ value: T?) throws -> T {
    guard let value else { throw ValidationError("the library has no series with at least 10 episodes") }
    return value
}
