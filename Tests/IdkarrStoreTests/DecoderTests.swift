import Foundation
import Testing
@testable import IdkarrStore

/// The load path's own parser and decoder must agree with Foundation's on everything the store
/// writes (it is the reference), and refuse what is not JSON.
@Suite struct DecoderTests {
    enum Kind: Codable, Equatable { case plain, tagged(String, count: Int), nested(Inner?) }
    enum Raw: String, Codable { case a, b }
    struct Inner: Codable, Equatable {
        var x: Int8
        var y: UInt64
        var z: Float
        var w: Int32?
    }
    struct Everything: Codable, Equatable {
        var s: String
        var i: Int
        var d: Double
        var b: Bool
        var opt: String?
        var optNil: Int?
        var date: Date
        var url: URL
        var data: Data
        var decimal: Decimal
        var list: [Int]
        var nested: [[String]]
        var map: [String: Inner]
        var intMap: [Int: String]
        var kinds: [Kind]
        var raw: Raw
        var set: Set<String>
        var json: JSONValue
    }

    static func sample(_ seed: Int) -> Everything {
        Everything(
            s: ["", "plain", "quote \" backslash \\ slash / tab \t nl \n", "ünïcödé 日本語 😀 \u{1}", String(repeating: "ab", count: 300)][seed % 5],
            i: [0, -1, Int.max, Int.min, 123_456_789][seed % 5],
            d: [0, -0.5, 1e-300, 3.141592653589793, 1.7976931348623157e308, 0.1, 123456.789, -2.5e-7][seed % 8],
            b: seed % 2 == 0, opt: seed % 3 == 0 ? nil : "o\(seed)", optNil: nil,
            date: ISODate.truncate(Date(timeIntervalSince1970: Double(seed) * 86_399.123 - 1e9)),
            url: URL(string: "https://example.org/p?q=\(seed)&r=%20#f")!, data: Data((0..<(seed % 7)).map { UInt8($0 * 40) }),
            decimal: Decimal(string: "12.3\(seed)")!, list: Array(0..<(seed % 4)), nested: [[], ["a"], ["b", "c"]],
            map: ["k": Inner(x: -128, y: UInt64.max, z: 1.5, w: nil), "é": Inner(x: 127, y: 0, z: -0.25, w: 7)],
            intMap: [1: "one", -2: "minus two"], kinds: [.plain, .tagged("t", count: seed), .nested(nil), .nested(Inner(x: 1, y: 2, z: 3, w: 4))],
            raw: seed % 2 == 0 ? .a : .b, set: ["x", "y"],
            json: .object(["a": .array([.int(1), .double(2.5), .null, .bool(true), .string("s")]), "b": .object([:])]))
    }

    @Test(arguments: 0..<16)
    func agreesWithFoundation(seed: Int) throws {
        let value = Self.sample(seed)
        let bytes = try StoreCoding.makeEncoder().encode(value)
        let ours = try StoreCoding.decode(Everything.self, from: [UInt8](bytes))
        let reference = JSONDecoder()
        reference.dateDecodingStrategy = .custom { try ISODate.parse($0.singleValueContainer().decode(String.self))! }
        let theirs = try reference.decode(Everything.self, from: bytes)
        #expect(ours == theirs)
        #expect(ours == value)
    }

    @Test(arguments: [
        (#""a\u00e9\ud83d\ude00\/\b\f\n\r\t""#, "aé😀/\u{8}\u{c}\n\r\t"),
        (#""\u0000x""#, "\u{0}x"),
        (#"  "spaces around"  "#, "spaces around"),
    ])
    func strings(json: String, expected: String) throws {
        #expect(try StoreCoding.decode(String.self, from: Array(json.utf8)) == expected)
    }

    @Test(arguments: ["0", "-0", "1.5", "1e2", "1E-2", "-12.5e+3", "123456789012345678", "0.1", "2.2250738585072014e-308", "9007199254740993"])
    func numbers(json: String) throws {
        #expect(try StoreCoding.decode(Double.self, from: Array(json.utf8)) == Double(json)!)
    }

    @Test func integersAreExact() throws {
        #expect(try StoreCoding.decode(Int.self, from: Array("9223372036854775807".utf8)) == Int.max)
        #expect(try StoreCoding.decode(Int.self, from: Array("-9223372036854775808".utf8)) == Int.min)
        #expect(try StoreCoding.decode(Int.self, from: Array("1e3".utf8)) == 1000)
        #expect(try StoreCoding.decode(UInt64.self, from: Array("18446744073709551615".utf8)) == UInt64.max)
        #expect(throws: DecodingError.self) { try StoreCoding.decode(Int.self, from: Array("9223372036854775808".utf8)) }
        #expect(throws: DecodingError.self) { try StoreCoding.decode(Int.self, from: Array("1.5".utf8)) }
        #expect(throws: DecodingError.self) { try StoreCoding.decode(UInt8.self, from: Array("256".utf8)) }
        #expect(throws: DecodingError.self) { try StoreCoding.decode(Int.self, from: Array("\"1\"".utf8)) }
    }

    @Test(arguments: [
        "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "[1 2]", "01", "1.", ".5", "-", "+1", "1e", "0x10",
        "tru", "nul", "NaN", "Infinity", "\"unterminated", "\"bad \\x escape\"", "\"\\u12g4\"", "\"ctrl \u{1} char\"",
        "'single'", "[1] [2]", "{\"a\":1}}", "\u{feff}", "[" + String(repeating: "[", count: 300) + String(repeating: "]", count: 301),
    ])
    func refusesWhatIsNotJSON(text: String) {
        #expect(throws: JSONSyntaxError.self) { try StoreCoding.decode(JSONValue.self, from: Array(text.utf8)) }
    }

    @Test func acceptsAByteOrderMark() throws {
        #expect(try StoreCoding.decode([String: Int].self, from: Array("\u{feff}{\"a\":1}".utf8)) == ["a": 1])
    }

    @Test func refusesInvalidUTF8AndLoneSurrogates() {
        #expect(throws: DecodingError.self) { try StoreCoding.decode(String.self, from: [0x22, 0xFF, 0xFE, 0x22]) }
        #expect(throws: DecodingError.self) { try StoreCoding.decode(String.self, from: Array(#""\ud800x""#.utf8)) }
    }

    @Test func errorsNameTheKey() throws {
        let json = Array(#"{"s":"x","i":"not a number"}"#.utf8)
        struct Two: Decodable { var s: String; var i: Int }
        do {
            _ = try StoreCoding.decode(Two.self, from: json)
            Issue.record("should fail")
        } catch DecodingError.typeMismatch(_, let context) {
            #expect(context.codingPath.map(\.stringValue) == ["i"])
            #expect(context.debugDescription.contains("byte"))
        }
        struct Missing: Decodable { var absent: Int }
        #expect(throws: DecodingError.self) { try StoreCoding.decode(Missing.self, from: json) }
    }

    @Test func datesRoundTripAtMilliseconds() {
        for ms: Int64 in [0, 1, -1, 999, 1_700_000_000_123, -62_135_596_800_000, 253_402_300_799_999] {
            let date = Date(timeIntervalSince1970: Double(ms) / 1000)
            let text = ISODate.format(date)
            #expect(ISODate.parse(text) == date, "\(text)")
        }
        #expect(ISODate.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(ISODate.parse("2026-11-25T01:02:03+01:00") == ISODate.parse("2026-11-25T00:02:03.000Z"))
        #expect(ISODate.parse("2026-11-25T01:02:03.5Z")?.timeIntervalSince1970 == ISODate.parse("2026-11-25T01:02:03Z")!.timeIntervalSince1970 + 0.5)
        for bad in ["2026-13-01T00:00:00Z", "2026-11-25 01:02:03Z", "2026-11-25T01:02:03", "2026-11-25T01:02:03.Z", "x"] {
            #expect(ISODate.parse(bad) == nil, "\(bad)")
        }
    }

    /// Loaded documents stay in memory for the whole run, so an array must not keep the slack that
    /// growing by doubling leaves (the standard library's decoding makes 50 elements take 64).
    @Test(arguments: [1, 5, 50, 100, 1_000])
    func arraysAreDecodedWithTheCapacityTheyNeed(count: Int) throws {
        struct Episode: Codable, Equatable { var id: Int; var title: String?; var flags: [Bool]? }
        struct Series: Codable, Equatable { var episodes: [Episode]; var numbers: [[Int]]; var optional: [String]? }
        let series = Series(episodes: (0..<count).map { Episode(id: $0, title: "t\($0)", flags: $0 % 2 == 0 ? [true, false, true] : nil) },
                            numbers: [Array(0..<count), []], optional: (0..<count).map(String.init))
        let decoded = try StoreCoding.decode(Series.self, from: [UInt8](try JSONEncoder().encode(series)))
        #expect(decoded == series)
        // reserveCapacity rounds up to the allocator's size class: a few elements at most, never 2×.
        let slack = max(4, count / 16)
        #expect(decoded.episodes.capacity - count <= slack, "episodes: capacity \(decoded.episodes.capacity) for \(count)")
        #expect(decoded.numbers[0].capacity - count <= slack, "numbers: capacity \(decoded.numbers[0].capacity) for \(count)")
        #expect((decoded.optional?.capacity ?? 0) - count <= slack, "optional: capacity \(decoded.optional?.capacity ?? 0) for \(count)")
        #expect(throws: DecodingError.self) { try StoreCoding.decode(Series.self, from: Array(#"{"episodes":{},"numbers":[]}"#.utf8)) }
    }
}
