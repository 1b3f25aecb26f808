import ArgumentParser
import Foundation
import IdkarrParsing

/// `idkarr bench parse` — titles per second of the release parser, one core.
///
/// The corpus is built from the Sonarr/Radarr fixture titles (each in a few spellings: dots,
/// spaces, with an extension) until it holds at least `--min-titles`; `--write-corpus` saves it so
/// other parsers (guessit, parse-torrent-title) can be timed on exactly the same titles.
struct BenchParse: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "Titles per second of the release parser.")

    @Option(help: "Folder holding tv.json and movies.json.")
    var fixtures = "Tests/Fixtures/parsing"

    @Option(help: "Read the corpus from this file (one title per line) instead of building it.")
    var corpus: String?

    @Option(help: "Write the corpus to this file (one title per line).")
    var writeCorpus: String?

    @Option(help: "Smallest corpus to build.")
    var minTitles = 10_000

    @Option(help: "Seconds to run the timed loop.")
    var seconds = 3.0

    func run() throws {
        let titles = try corpus.map(Self.readCorpus) ?? Self.buildCorpus(fixtures: fixtures, minimum: minTitles)
        guard !titles.isEmpty else { throw ValidationError("empty corpus") }
        if let writeCorpus {
            try (titles.joined(separator: "\n") + "\n").write(toFile: writeCorpus, atomically: true, encoding: .utf8)
        }
        // Warm up once, then time whole passes over the corpus.
        var sink = 0
        for t in titles { sink &+= ReleaseParser.parse(t).episodeNumbers.count }
        let clock = ContinuousClock()
        var parsed = 0
        let start = clock.now
        var elapsed = Duration.zero
        repeat {
            for t in titles {
                let r = ReleaseParser.parse(t)
                sink &+= r.kind == .unknown ? 0 : 1
            }
            parsed += titles.count
            elapsed = clock.now - start
        } while elapsed < .seconds(seconds)
        let secs = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(parsed) / secs
        print("idkarr parse: \(Int(rate)) titles/s (\(parsed) parses of a \(titles.count)-title corpus in \(String(format: "%.2f", secs)) s, 1 core; \(String(format: "%.2f", 1e6 / rate)) µs/title) [check \(sink % 10)]")
        print("IDKARR_TITLES_PER_SECOND=\(Int(rate))")
    }

    static func readCorpus(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// Functions whose inputs are release titles or paths (not ISO codes, slugs or bare words).
    static let titleFunctions: Set<String> = [
        "Parser.ParseTitle", "Parser.ParsePath", "QualityParser.ParseQuality", "LanguageParser.ParseLanguages",
        "ReleaseGroupParser.ParseReleaseGroup", "Parser.ParseMovieTitle", "Parser.ParseMoviePath", "Parser.ParseSeriesName",
        "SceneChecker.IsSceneTitle",
    ]

    static func buildCorpus(fixtures: String, minimum: Int) throws -> [String] {
        var base: [String] = []
        var seen = Set<String>()
        for file in ["tv.json", "movies.json"] {
            let url = URL(fileURLWithPath: fixtures).appendingPathComponent(file)
            let data = try Data(contentsOf: url)
            guard let rows = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { continue }
            for row in rows {
                guard let f = row["function"] as? String, titleFunctions.contains(f), let t = row["title"] as? String,
                    !t.contains("\n"), seen.insert(t).inserted
                else { continue }
                base.append(t)
            }
        }
        var out = base
        var variant = 0
        while out.count < minimum && variant < 6 {
            for t in base where out.count < minimum {
                let v: String
                switch variant {
                case 0: v = t.replacingOccurrences(of: ".", with: " ")
                case 1: v = t.replacingOccurrences(of: " ", with: ".")
                case 2: v = t + ".mkv"
                case 3: v = t.replacingOccurrences(of: " ", with: "_")
                case 4: v = t.uppercased()
                default: v = t.lowercased()
                }
                if seen.insert(v).inserted { out.append(v) }
            }
            variant += 1
        }
        return out
    }
}
