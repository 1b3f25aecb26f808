import Foundation
import Testing
@testable import IdkarrStore

/// The streaming encoder must write what Foundation's JSONEncoder (store settings) writes, and
/// fall back to it for whatever it cannot stream.
@Suite struct EncoderTests {
    static func foundationObject(_ value: some Encodable) throws -> NSObject {
        try JSONSerialization.jsonObject(with: StoreCoding.makeEncoder().encode(value), options: [.fragmentsAllowed]) as! NSObject
    }

    static func streamObject(_ value: some Encodable) throws -> NSObject {
        let bytes = try StoreCoding.encode(value, fallback: StoreCoding.makeEncoder())
        return try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) as! NSObject
    }

    @Test(arguments: 0..<16)
    func sameJSONAsFoundation(seed: Int) throws {
        let value = DecoderTests.sample(seed)
        #expect(try Self.streamObject(value) == Self.foundationObject(value))
        let bytes = try StoreCoding.encode(value, fallback: StoreCoding.makeEncoder())
        #expect(try StoreCoding.decode(DecoderTests.Everything.self, from: bytes) == value)
    }

    /// The HTTP API's flavour: the same JSON as `JSONEncoder` with `.iso8601` dates (whole
    /// seconds, rounded down) and unescaped slashes.
    @Test(arguments: 0..<16)
    func wholeSecondsAsFoundationWrites(seed: Int) throws {
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.withoutEscapingSlashes]
        foundation.dateEncodingStrategy = .iso8601
        let value = DecoderTests.sample(seed)
        let ours = try StoreJSON.encodeWholeSeconds(value)
        let theirs = try foundation.encode(value)
        #expect(try JSONSerialization.jsonObject(with: Data(ours)) as! NSObject == JSONSerialization.jsonObject(with: theirs) as! NSObject)
        for seconds in [0.0, 0.999, 1_700_000_000.123, 1_700_000_000.9996, 86_399.5, 951_782_400] {
            let date = Date(timeIntervalSince1970: seconds)
            let expected = String(decoding: try foundation.encode([date]), as: UTF8.self)
            #expect(String(decoding: try StoreJSON.encodeWholeSeconds([date]), as: UTF8.self) == expected, "\(seconds)")
        }
    }

    /// A type that encodes another value into its own encoder, then opens a second keyed container
    /// on it (Foundation merges both into one object): the streaming encoder must write the same.
    @Test func twoKeyedContainersOnOneEncoderMerge() throws {
        struct Inner: Encodable { var title = "x"; var year = 1999 }
        struct Outer: Encodable {
            var inner = Inner()
            var confidence = 0.5
            enum Key: String, CodingKey { case confidence }
            func encode(to encoder: any Encoder) throws {
                try inner.encode(to: encoder)
                var c = encoder.container(keyedBy: Key.self)
                try c.encode(confidence, forKey: .confidence)
            }
        }
        let value = ["a": [Outer(), Outer()]]
        let foundation = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as! NSObject
        let ours = try JSONSerialization.jsonObject(with: Data(StoreJSON.encodeWholeSeconds(value))) as! NSObject
        #expect(ours == foundation)
    }

    @Test func scalarsAndEdges() throws {
        #expect(try StoreCoding.encode("a\"\\/\n\u{1}é", fallback: JSONEncoder()) == Array(#""a\"\\/\n\u0001é""#.utf8))
        #expect(try StoreCoding.encode([1.5, 42, -0.25, 1e300, 5e-324], fallback: JSONEncoder()) == Array("[1.5,42,-0.25,1e+300,5e-324]".utf8))
        #expect(try StoreCoding.encode([String: Int](), fallback: JSONEncoder()) == Array("{}".utf8))
        #expect(try StoreCoding.encode([Int?.none, 1], fallback: JSONEncoder()) == Array("[null,1]".utf8))
        struct Nothing: Encodable { func encode(to encoder: any Encoder) throws {} }
        #expect(try StoreCoding.encode(["n": Nothing()], fallback: JSONEncoder()) == Array(#"{"n":{}}"#.utf8))
        #expect(throws: EncodingError.self) { try StoreCoding.encode([Double.nan], fallback: JSONEncoder()) }
    }

    @Test func integersAndDatesWithoutStrings() throws {
        let ints: [Int64] = [0, 7, -7, 10, -10, 1_000_000, .max, .min]
        #expect(try StoreCoding.encode(ints, fallback: JSONEncoder()) == Array("[0,7,-7,10,-10,1000000,9223372036854775807,-9223372036854775808]".utf8))
        #expect(try StoreCoding.encode([UInt64.max], fallback: JSONEncoder()) == Array("[18446744073709551615]".utf8))
        #expect(try StoreCoding.encode([Int8.min], fallback: JSONEncoder()) == Array("[-128]".utf8))
        let floats: [Float] = [0.1, 1.5, 3, -2.75e-5]
        #expect(try Self.streamObject(floats) == Self.foundationObject(floats))
        for seconds in [0.0, 0.001, -0.001, 1_700_000_000.123, -62_135_596_800, 253_402_300_799.999, 86_399.9996] {
            let date = Date(timeIntervalSince1970: seconds)
            var bytes: [UInt8] = []
            ISODate.write(date, into: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == ISODate.format(date))
        }
    }

    /// Writes into the outer container after opening a nested one, then into the nested one again.
    struct OutOfOrder: Encodable, Equatable {
        enum K: String, CodingKey { case a, b, c }
        func encode(to encoder: any Encoder) throws {
            var outer = encoder.container(keyedBy: K.self)
            var nested = outer.nestedUnkeyedContainer(forKey: .a)
            try nested.encode(1)
            try outer.encode("x", forKey: .b)
            try nested.encode(2)
            try outer.encode(true, forKey: .c)
        }
    }

    struct WithSuper: Encodable {
        enum K: String, CodingKey { case own }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(1, forKey: .own)
            try ["inherited": 2].encode(to: c.superEncoder())
        }
    }

    @Test func fallsBackWhenItCannotStream() throws {
        #expect(try Self.streamObject(OutOfOrder()) == Self.foundationObject(OutOfOrder()))
        #expect(try Self.streamObject(["x": OutOfOrder()]) == Self.foundationObject(["x": OutOfOrder()]))
        #expect(try Self.streamObject(WithSuper()) == Self.foundationObject(WithSuper()))
    }
}
