import ArgumentParser
import Foundation
import IdkarrIndexers

/// `idkarr bench feed` — reading a 100-item Newznab and a 100-item Torznab search answer with
/// `FeedReader` (XML → releases, every attribute), one core. The feeds are built from the items
/// of the recorded fixtures (Tests/Fixtures/indexers), repeated until there are `--items`.
struct BenchFeed: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "feed", abstract: "Newznab/Torznab feed reading: µs per feed, items/s.")

    @Option(help: "Folder holding the newznab/ and torznab/ fixtures.")
    var fixtures = "Tests/Fixtures/indexers"

    @Option(help: "Items per feed.")
    var items = 100

    @Option(help: "Seconds to run each timed loop.")
    var seconds = 2.0

    struct SampleFeed {
        let name: String
        let dialect: FeedDialect
        let body: [UInt8]
    }

    func run() throws {
        for feed in try Self.buildFeeds(fixtures: fixtures, items: items) {
            let read = try FeedReader.read(feed.body, dialect: feed.dialect, baseURL: "https://indexer.example/api")
            guard read.releases.count == items else {
                throw ValidationError("\(feed.name): read \(read.releases.count) of \(items) items (\(read.skipped.map(\.explanation)))")
            }
            let (runs, elapsed) = Self.time(seconds: seconds) { _ = try? FeedReader.read(feed.body, dialect: feed.dialect) }
            let perFeed = elapsed / Double(runs)
            print("idkarr feed \(feed.name): \(String(format: "%.1f", perFeed * 1e6)) µs per \(items)-item feed "
                + "(\(feed.body.count / 1024) KiB), \(Int(Double(items) / perFeed)) items/s, \(runs) reads, 1 core")
        }
    }

    /// Runs `body` for about `seconds` after one warm-up run; returns the runs and seconds taken.
    static func time(seconds: Double, _ body: () -> Void) -> (Int, Double) {
        body()
        let clock = ContinuousClock()
        let start = clock.now
        var runs = 0
        var elapsed = Duration.zero
        repeat {
            for _ in 0..<10 { body() }
            runs += 10
            elapsed = clock.now - start
        } while elapsed < .seconds(seconds)
        return (runs, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// A Newznab feed from nzb.su's items and a Torznab feed from TPB's, HDAccess's and
    /// AnimeTosho's, each `items` long.
    static func buildFeeds(fixtures: String, items: Int) throws -> [SampleFeed] {
        let newznab = try itemBlocks(fixtures, ["newznab/newznab_nzb_su.xml"])
        let torznab = try itemBlocks(fixtures, ["torznab/torznab_tpb.xml", "torznab/torznab_hdaccess_net.xml", "torznab/torznab_animetosho.xml"])
        return [
            SampleFeed(name: "newznab", dialect: .newznab, body: feed(newznab, count: items)),
            SampleFeed(name: "torznab", dialect: .torznab, body: feed(torznab, count: items)),
        ]
    }

    private static func itemBlocks(_ folder: String, _ files: [String]) throws -> [String] {
        var blocks: [String] = []
        for file in files {
            let text = try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)
            var rest = text[...]
            while let start = rest.range(of: "<item>"), let end = rest.range(of: "</item>", range: start.upperBound..<rest.endIndex) {
                blocks.append(String(rest[start.lowerBound..<end.upperBound]))
                rest = rest[end.upperBound...]
            }
        }
        guard !blocks.isEmpty else { throw ValidationError("no <item> in \(files) under \(folder)") }
        return blocks
    }

    private static func feed(_ blocks: [String], count: Int) -> [UInt8] {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:newznab="http://www.newznab.com/DTD/2010/feeds/attributes/" \
            xmlns:torznab="http://torznab.com/schemas/2015/feed"><channel><title>bench</title>
            <newznab:response offset="0" total="\(count)"/>

            """
        for index in 0..<count { text += blocks[index % blocks.count] + "\n" }
        text += "</channel></rss>\n"
        return Array(text.utf8)
    }
}
