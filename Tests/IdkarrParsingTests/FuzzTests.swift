import IdkarrParsing
import Testing

/// Random and mutated names never crash the parser, and what it returns is well formed.
/// Deterministic (seeded) so a failure reproduces; not timed.
@Suite("Parser fuzz") struct FuzzTests {
    /// SplitMix64: a small seeded generator.
    struct Rng: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet: [String] = [
        "S", "E", "x", "0", "1", "9", ".", "-", "_", " ", "[", "]", "(", ")", "/", "\\", "v2", "720p", "1080p", "WEB-DL",
        "BluRay", "REMUX", "PROPER", "REPACK", "AKA", "Season", "Ep", "2019", "12.5", "~", "【", "】", "é", "字幕", "Ж",
        "\u{200B}", "\u{0}", "\u{7F}", "\u{FFFD}", "😀", "\"", "'", "\n", "\t", "%", "&", "#", "?", "!", "mkv", ".avi",
    ]

    func check(_ title: String) {
        let r = ReleaseParser.parse(title)
        let json = r.jsonString()
        #expect(json.hasPrefix("{") && json.hasSuffix("}"))
        #expect(!json.contains("\n"), "JSON must stay on one line")
        if r.kind == .episode { #expect(r.seriesTitle != nil) }
        if r.kind == .movie { #expect(r.movieTitle != nil) }
        #expect(r.episodeNumbers.allSatisfy { $0 >= 0 })
        #expect(r.absoluteEpisodeNumbers.count <= 1000)
        #expect(Quality.withID(r.quality.quality.id) != nil)
        _ = ReleaseParser.parseEpisode(title)
        _ = ReleaseParser.parseMovie(title, isDir: true)
        _ = ReleaseParser.parsePath(title)
        _ = QualityParser.parse(title)
        _ = LanguageParser.parseLanguages(title)
        _ = LanguageParser.parseSubtitleLanguageInformation(title)
        _ = ReleaseGroupParser.parse(title)
        _ = TitleCleaner.cleanSeriesTitle(title)
        _ = TitleCleaner.urlSlug(title)
        _ = SceneChecker.isSceneTitle(title)
    }

    @Test("random token soup")
    func randomTitles() {
        var rng = Rng(state: 42)
        for _ in 0..<3000 {
            let n = Int.random(in: 0...40, using: &rng)
            var s = ""
            for _ in 0..<n { s += Self.alphabet.randomElement(using: &rng)! }
            check(s)
        }
    }

    @Test("random bytes (invalid UTF-8 repaired by String)")
    func randomBytes() {
        var rng = Rng(state: 7)
        for _ in 0..<2000 {
            let n = Int.random(in: 0...200, using: &rng)
            let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
            check(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test("mutated fixture titles")
    func mutatedFixtures() {
        var rng = Rng(state: 2026)
        let titles = Fixtures.all.map(\.title)
        for _ in 0..<4000 {
            var u = Array(titles.randomElement(using: &rng)!.utf8)
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0 where !u.isEmpty: u.remove(at: Int.random(in: 0..<u.count, using: &rng))
                case 1: u.insert(UInt8.random(in: 0...255, using: &rng), at: Int.random(in: 0...u.count, using: &rng))
                case 2 where !u.isEmpty:
                    let i = Int.random(in: 0..<u.count, using: &rng)
                    u.insert(contentsOf: u[i...].prefix(8), at: i)
                default: if !u.isEmpty { u.swapAt(Int.random(in: 0..<u.count, using: &rng), Int.random(in: 0..<u.count, using: &rng)) }
                }
            }
            check(String(decoding: u, as: UTF8.self))
        }
    }

    @Test("100 KB garbage lines")
    func hugeLines() {
        var rng = Rng(state: 99)
        let random = String(decoding: (0..<100_000).map { _ in UInt8.random(in: 32...126, using: &rng) }, as: UTF8.self)
        check(random)
        check(String(repeating: "S01E01-", count: 15_000))
        check(String(repeating: "[", count: 100_000))
        check(String(repeating: "1-", count: 50_000))
        check(String(repeating: "a.", count: 50_000))
        check(String(repeating: "字幕", count: 20_000))
        check(String(repeating: "2019 ", count: 20_000) + "S01E01")
    }
}
