import Foundation
import Testing

@testable import IdkarrIndexers

/// The XML reader faces strangers' bytes: random bytes, every fixture cut every 97 bytes, and
/// random single-byte damage must each give a release list or an `IndexerError`, never a trap.
@Suite("fuzzing the reader")
struct FuzzTests {
    static let xmlFiles = Fixtures.files.filter { $0.hasSuffix(".xml") }

    /// A small deterministic generator (SplitMix64), so a failure replays.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Reads `body` both ways; true when it was read (as a feed or as caps), false on an error.
    @discardableResult
    func survive(_ body: [UInt8]) -> Bool {
        var read = false
        do {
            _ = try FeedReader.read(body, dialect: .torznab, baseURL: "http://x/api")
            read = true
        } catch {
            #expect(!error.message.isEmpty)
        }
        do {
            _ = try CapsReader.read(body)
            read = true
        } catch {
            #expect(!error.message.isEmpty)
        }
        return read
    }

    @Test("every fixture cut every 97 bytes", arguments: xmlFiles)
    func truncated(_ file: String) {
        let body = Fixtures.bytes(file)
        let caps = file.hasSuffix("caps.xml")
        for cut in stride(from: 0, to: body.count, by: 97) {
            let part = Array(body[0..<cut])
            // A cut document is never mistaken for a whole one: it is an error that says so.
            do {
                if caps { _ = try CapsReader.read(part) } else { _ = try FeedReader.read(part, dialect: .torznab) }
                Issue.record("\(file) cut at \(cut) was read")
            } catch {
                #expect(error.code == .badResponse || error.code == .notAnIndexer, "\(file) cut at \(cut): \(error.message)")
            }
        }
    }

    @Test func randomBytes() {
        var random = SplitMix(state: 5)
        for length in [0, 1, 2, 3, 8, 64, 512, 4096] {
            for _ in 0..<50 {
                survive((0..<length).map { _ in UInt8.random(in: 0...255, using: &random) })
            }
        }
    }

    @Test func randomMarkup() {
        var random = SplitMix(state: 7)
        let pieces = ["<", ">", "</", "/>", "<rss>", "<channel>", "<item>", "</item>", "<title>", "</title>", "&", "&amp;", "&#",
                      "&#x", ";", "\"", "'", "=", " a=", "<![CDATA[", "]]>", "<!--", "-->", "<?", "?>", "<!DOCTYPE", "[", "x",
                      "\u{FEFF}", "\u{0}", "é", "<newznab:attr name=\"size\" value=\"", "\"/>"]
        for _ in 0..<2000 {
            let count = Int.random(in: 0..<40, using: &random)
            let text = (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
            survive(Array(text.utf8))
        }
    }

    @Test("single-byte damage", arguments: xmlFiles)
    func damaged(_ file: String) {
        var random = SplitMix(state: UInt64(file.utf8.count))
        let body = Fixtures.bytes(file)
        let damage: [UInt8] = [0x3C, 0x3E, 0x26, 0x22, 0x2F, 0x00, 0xFF, 0x5D]
        for _ in 0..<60 where !body.isEmpty {
            var copy = body
            copy[Int.random(in: 0..<copy.count, using: &random)] = damage.randomElement(using: &random)!
            survive(copy)
        }
    }
}
