import Foundation
import Testing

@testable import IdkarrIndexers

/// Random releases, hostile text and odd numbers included: the written feed is always
/// well-formed and read back whole, and once read, writing and reading again changes nothing.
@Suite("fuzzing the writer")
struct WriterFuzzTests {
    static let pieces = FeedWriterTests.hostile + ["Show.S01E02.1080p", "&amp;", "&amp;amp;", " ", "\t", "-", "ä", "x", "&#0;", "&#x1F;"]

    struct Generator {
        var random: FuzzTests.SplitMix

        mutating func text(_ maxPieces: Int = 4) -> String {
            (0..<Int.random(in: 0...maxPieces, using: &random)).map { _ in WriterFuzzTests.pieces.randomElement(using: &random)! }
                .joined()
        }

        mutating func maybe<T>(_ make: (inout Generator) -> T) -> T? {
            Bool.random(using: &random) ? make(&self) : nil
        }

        mutating func int(_ range: ClosedRange<Int> = -5...1_000_000) -> Int { Int.random(in: range, using: &random) }

        mutating func double() -> Double {
            [0, 0.5, 1, 2, -1, 1e-7, 123.456, .nan, .infinity, Double.random(in: 0...10, using: &random)].randomElement(using: &random)!
        }

        mutating func release() -> IndexerRelease {
            let torrent = Bool.random(using: &random)
            var release = IndexerRelease(
                title: "T" + text(), guid: "g" + text(2), downloadProtocol: torrent ? .torrent : .usenet,
                downloadURL: "https://x.example/d?id=\(int())&n=" + text(2),
                publishDate: Date(timeIntervalSince1970: Double(int(-2_208_988_800...7_258_118_399))), size: Int64(int(1...Int.max)))
            release.infoURL = maybe { "https://x.example/i/" + $0.text(1) }
            release.commentsURL = release.infoURL.flatMap { info in maybe { _ in info + "#comments" } }
            release.categories = Array(Set((0..<int(0...4)).map { _ in int(0...200_000) }))
            release.flags = Set(IndexerFlag.allCases.filter { _ in int(0...3) == 0 })
            release.languages = (0..<int(0...2)).map { _ in "L" + text(1).replacing(",", with: "") }
            release.seeders = maybe { $0.int() }
            release.peers = maybe { $0.int() }
            release.leechers = maybe { $0.int() }
            release.infoHash = maybe { _ in String(repeating: "ab", count: 20) }
            release.magnetURL = maybe { "magnet:?xt=urn:btih:" + String(repeating: "cd", count: 20) + "&dn=" + $0.text(2) }
            release.grabs = maybe { $0.int() }
            release.files = maybe { $0.int() }
            release.minimumRatio = maybe { $0.double() }
            release.minimumSeedTime = maybe { $0.int() }
            release.downloadVolumeFactor = maybe { $0.double() }
            release.uploadVolumeFactor = maybe { $0.double() }
            release.tvdbId = maybe { $0.int() }
            release.tvmazeId = maybe { $0.int() }
            release.tvRageId = maybe { $0.int() }
            release.tmdbId = maybe { $0.int() }
            release.imdbId = maybe { "tt\($0.int(-5...99_999_999))" }
            release.season = maybe { $0.text(2) }
            release.episode = maybe { $0.text(2) }
            release.usenetDate = maybe { Date(timeIntervalSince1970: Double($0.int(0...2_000_000_000))) }
            release.poster = maybe { $0.text() }
            release.group = maybe { $0.text(2) }
            return release
        }
    }

    /// Titles are decoded twice by readers (see `FeedWriter.write`), so they are compared apart.
    static func withoutTitles(_ releases: [IndexerRelease]) -> [IndexerRelease] {
        releases.map { release in
            var release = release
            release.title = ""
            return release
        }
    }

    @Test func randomReleases() throws {
        var generator = Generator(random: FuzzTests.SplitMix(state: 1234))
        for round in 0..<150 {
            let releases = (0..<generator.int(0...12)).map { _ in generator.release() }
            let downloadProtocol: DownloadProtocol = Bool.random(using: &generator.random) ? .torrent : .usenet
            let dialect: FeedDialect = downloadProtocol == .torrent ? .torznab : .newznab
            let written = FeedWriter.write(releases, protocol: downloadProtocol)
            #expect(WellFormed.problem(written) == nil, "round \(round): \(WellFormed.problem(written) ?? "")")
            let read = try FeedReader.read(written, dialect: dialect)
            let expected = releases.filter { $0.downloadProtocol == downloadProtocol }
            #expect(read.releases.count == expected.count, "round \(round)")
            #expect(read.skipped.allSatisfy { $0.reason == .wrongProtocol }, "round \(round): \(read.skipped.map(\.explanation))")
            for (got, want) in zip(read.releases, expected) {
                #expect(got.title == XMLEntities.decodeAgain(FeedWriterTests.readable(want.title)))
                #expect(got.downloadURL == FeedWriterTests.readable(want.downloadURL))
                #expect(got.publishDate == want.publishDate)
                #expect(got.size == want.size)
            }
            // Read once, a release goes through writing and reading unchanged.
            let again = try FeedReader.read(FeedWriter.write(read.releases, protocol: downloadProtocol), dialect: dialect)
            #expect(Self.withoutTitles(again.releases) == Self.withoutTitles(read.releases), "round \(round)")
        }
    }
}
