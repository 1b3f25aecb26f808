import Foundation

/// A streaming JSON `Encoder`: writes bytes as `encode(to:)` runs, with the store's settings
/// (dates ISO 8601 with milliseconds, `Data` Base64, `URL` as a string, no escaped slashes).
///
/// Why: Foundation's `JSONEncoder` builds a tree first and takes about 0.25 ms for a series
/// document, a third of a fast fsync. Streaming is only correct when containers are used in the
/// order they are opened, which is what synthesized `Codable` does; anything else (writing to a
/// container after a sibling was opened, `superEncoder`, two values in one single-value
/// container) sets `unsupported` (and throws `Unsupported` where it can), and `StoreCoding.encode` falls back to
/// `JSONEncoder` for that value.
final class StreamWriter {
    struct Unsupported: Error {}

    var bytes: [UInt8] = []
    /// Set when the value used something streaming cannot do; the caller then falls back.
    var unsupported = false
    /// Ids of the open containers, innermost last; a container may only write while on top.
    private var open: [(id: Int, close: UInt8, count: Int)] = []
    private var nextID = 0

    /// Dates as `2026-11-25T00:57:14Z` (what the HTTP API writes) instead of with milliseconds.
    let wholeSeconds: Bool

    init(wholeSeconds: Bool = false) {
        self.wholeSeconds = wholeSeconds
        bytes.reserveCapacity(16 * 1024)
    }

    func openContainer(_ opening: UInt8, _ closing: UInt8) -> Int {
        bytes.append(opening)
        nextID += 1
        open.append((nextID, closing, 0))
        return nextID
    }

    /// The container already open at `depth` (an encoder asked twice), or nil when there is none.
    /// One of the other kind cannot be continued: the encode falls back.
    func reopen(at depth: Int, _ closing: UInt8) -> Int? {
        guard depth < open.count else { return nil }
        if open[depth].close != closing { unsupported = true }
        return open[depth].id
    }

    /// Closes the containers opened above `depth` (the value being encoded is complete).
    func close(to depth: Int) {
        while open.count > depth { bytes.append(open.removeLast().close) }
    }

    var depth: Int { open.count }

    /// Called before container `id` writes an element: closes finished children, adds a comma.
    @inline(__always)
    func beginElement(of id: Int) throws {
        if open.last?.id != id {
            guard open.contains(where: { $0.id == id }) else {
                unsupported = true
                throw Unsupported()
            }
            while let top = open.last, top.id != id { bytes.append(open.removeLast().close) }
        }
        if open[open.count - 1].count > 0 { bytes.append(UInt8(ascii: ",")) }
        open[open.count - 1].count += 1
    }

    func key(_ key: String) {
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                bytes.append(contentsOf: utf8)
            } else {
                for c in utf8 { escaped(c) }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private func escaped(_ c: UInt8) {
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(c)
        case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
        case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 15)]])
        default: bytes.append(c)
        }
    }

    func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    func integer<T: BinaryInteger>(_ v: T) {
        if let small = Int64(exactly: v) { int64(small) } else { bytes.append(contentsOf: String(v).utf8) }
    }

    /// Digits without a String in between.
    func int64(_ v: Int64) {
        if v < 0 {
            bytes.append(UInt8(ascii: "-"))
            if v == .min { bytes.append(contentsOf: "9223372036854775808".utf8); return }
        }
        var m = v.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, filled from the end
        withUnsafeMutableBytes(of: &digits) { buf in
            var p = buf.count
            repeat {
                p -= 1
                buf[p] = UInt8(truncatingIfNeeded: m % 10) + 0x30
                m /= 10
            } while m > 0
            bytes.append(contentsOf: buf[p...])
        }
    }

    func double(_ d: Double) throws {
        guard d.isFinite else {
            throw EncodingError.invalidValue(d, .init(codingPath: [], debugDescription: "\(d) is not valid in JSON"))
        }
        if d == d.rounded(), abs(d) < 1e15 { int64(Int64(d)) } else { bytes.append(contentsOf: d.description.utf8) }
    }

    /// Floats as Float prints them (0.1, not 0.10000000149011612), like JSONEncoder.
    func float(_ f: Float) throws {
        guard f.isFinite else {
            throw EncodingError.invalidValue(f, .init(codingPath: [], debugDescription: "\(f) is not valid in JSON"))
        }
        if f == f.rounded(), abs(f) < 1e7 { int64(Int64(f)) } else { bytes.append(contentsOf: f.description.utf8) }
    }

    func date(_ date: Date) {
        bytes.append(UInt8(ascii: "\""))
        ISODate.write(date, into: &bytes, wholeSeconds: wholeSeconds)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Encodes any value, with the special cases `JSONEncoder` has.
    func value<T: Encodable>(_ v: T) throws {
        if T.self == String.self { string(v as! String) }
        else if T.self == Int.self { int64(Int64(v as! Int)) }
        else if T.self == Bool.self { if v as! Bool { raw("true") } else { raw("false") } }
        else if T.self == Double.self { try double(v as! Double) }
        else if T.self == Float.self { try float(v as! Float) }
        else if T.self == Date.self { date(v as! Date) }
        else if T.self == URL.self { string((v as! URL).absoluteString) }
        else if T.self == Data.self { string((v as! Data).base64EncodedString()) }
        else if T.self == Decimal.self { bytes.append(contentsOf: (v as! Decimal).description.utf8) }
        else {
            let depth = self.depth
            let start = bytes.count
            try v.encode(to: StreamEncoder(writer: self, depth: depth))
            close(to: depth)
            if bytes.count == start { raw("{}") }  // encoded nothing: JSONEncoder writes an empty object
        }
    }
}

struct StreamEncoder: Encoder {
    let writer: StreamWriter
    /// The writer's depth when this encoder's value began: a container at this depth is this
    /// encoder's own.
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(writer: StreamWriter, depth: Int? = nil) {
        self.writer = writer
        self.depth = depth ?? writer.depth
    }

    /// Asking one encoder for its container again continues the same object (a type that encodes
    /// another value into its encoder and then adds keys), as `JSONEncoder` merges them.
    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let id = writer.reopen(at: depth, UInt8(ascii: "}")) ?? writer.openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"))
        return KeyedEncodingContainer(StreamKeyed<Key>(writer: writer, id: id))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        StreamUnkeyed(writer: writer, id: writer.reopen(at: depth, UInt8(ascii: "]")) ?? writer.openContainer(UInt8(ascii: "["), UInt8(ascii: "]")))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { StreamSingle(writer: writer) }
}

struct StreamKeyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: StreamWriter
    let id: Int
    var codingPath: [any CodingKey] { [] }

    private func begin(_ key: Key) throws {
        try writer.beginElement(of: id)
        writer.key(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws { try begin(key); writer.raw("null") }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try begin(key); writer.raw(value ? "true" : "false") }
    mutating func encode(_ value: String, forKey key: Key) throws { try begin(key); writer.string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try begin(key); try writer.double(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try begin(key); try writer.float(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try begin(key); writer.integer(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try begin(key); writer.integer(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try begin(key); writer.integer(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try begin(key); writer.integer(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try begin(key); writer.integer(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try begin(key); writer.integer(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try begin(key); writer.integer(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try begin(key); writer.integer(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try begin(key); writer.integer(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try begin(key); writer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try begin(key)
        try writer.value(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        // Cannot throw here: an out-of-order use is caught by the next write (beginElement).
        try? begin(key)
        return StreamEncoder(writer: writer).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        try? begin(key)
        return StreamEncoder(writer: writer).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { writer.unsupported = true; return UnsupportedEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { writer.unsupported = true; return UnsupportedEncoder() }
}

struct StreamUnkeyed: UnkeyedEncodingContainer, StreamValueWriting {
    let writer: StreamWriter
    let id: Int
    var codingPath: [any CodingKey] { [] }
    var count = 0

    mutating func begin() throws {
        try writer.beginElement(of: id)
        count += 1
    }


    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        try? begin()
        return StreamEncoder(writer: writer).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        try? begin()
        return StreamEncoder(writer: writer).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { writer.unsupported = true; return UnsupportedEncoder() }
}

struct StreamSingle: SingleValueEncodingContainer, StreamValueWriting {
    let writer: StreamWriter
    var codingPath: [any CodingKey] { [] }
    var used = false

    mutating func begin() throws {
        guard !used else { writer.unsupported = true; throw StreamWriter.Unsupported() }
        used = true
    }

}

/// The value writes an unkeyed and a single-value container share: each first claims its place
/// (`begin`), then writes the value.
protocol StreamValueWriting {
    var writer: StreamWriter { get }
    mutating func begin() throws
}

extension StreamValueWriting {
    mutating func encodeNil() throws { try begin(); writer.raw("null") }
    mutating func encode(_ value: Bool) throws { try begin(); writer.raw(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { try begin(); writer.string(value) }
    mutating func encode(_ value: Double) throws { try begin(); try writer.double(value) }
    mutating func encode(_ value: Float) throws { try begin(); try writer.float(value) }
    mutating func encode(_ value: Int) throws { try begin(); writer.integer(value) }
    mutating func encode(_ value: Int8) throws { try begin(); writer.integer(value) }
    mutating func encode(_ value: Int16) throws { try begin(); writer.integer(value) }
    mutating func encode(_ value: Int32) throws { try begin(); writer.integer(value) }
    mutating func encode(_ value: Int64) throws { try begin(); writer.integer(value) }
    mutating func encode(_ value: UInt) throws { try begin(); writer.integer(value) }
    mutating func encode(_ value: UInt8) throws { try begin(); writer.integer(value) }
    mutating func encode(_ value: UInt16) throws { try begin(); writer.integer(value) }
    mutating func encode(_ value: UInt32) throws { try begin(); writer.integer(value) }
    mutating func encode(_ value: UInt64) throws { try begin(); writer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try begin()
        try writer.value(value)
    }
}

/// `superEncoder` is rare and cannot stream: any use makes the whole encode fall back.
struct UnsupportedEncoder: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(StreamKeyed<Key>(writer: StreamWriter(), id: -1))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { StreamUnkeyed(writer: StreamWriter(), id: -1) }
    func singleValueContainer() -> any SingleValueEncodingContainer {
        var single = StreamSingle(writer: StreamWriter())
        single.used = true
        return single
    }
}
