import Foundation

/// A `Decoder` over a `TapeDocument`, so bodies stay ordinary `Codable` types.
/// It reads what Foundation's `JSONEncoder` writes with the store's settings: dates as ISO 8601
/// strings with milliseconds (`StoreCoding`), `Data` as Base64, `URL` as a string, `Decimal` as
/// a number. `codingPath` is not tracked (it would cost an allocation per nested value); errors
/// name the key and the byte offset instead.
struct TapeDecoder: Decoder {
    /// Unowned: decoders live only inside a decode call that holds the document.
    unowned(unsafe) let doc: TapeDocument
    let index: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard doc.kind(index) == .object else { throw doc.mismatch([String: Any].self, index) }
        return KeyedDecodingContainer(TapeKeyedContainer<Key>(doc: doc, object: index))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard doc.kind(index) == .array else { throw doc.mismatch([Any].self, index) }
        return TapeUnkeyedContainer(doc: doc, array: index)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    /// Decodes `type` from the value at token `i`, with fast paths for the common leaf types.
    @inline(__always)
    static func decode<T: Decodable>(_ type: T.Type, _ doc: TapeDocument, _ i: Int) throws -> T {
        if T.self == String.self { return try doc.string(at: i) as! T }
        if T.self == Int.self { return try doc.int(at: i) as! T }
        if T.self == Bool.self { return try doc.bool(at: i) as! T }
        if T.self == Double.self { return try doc.double(at: i) as! T }
        if T.self == Date.self { return try doc.date(at: i) as! T }
        if T.self == URL.self {
            let text = try doc.string(at: i)
            guard let url = URL(string: text) else { throw doc.invalid(i, "\"\(text)\" is not a URL") }
            return url as! T
        }
        if T.self == Data.self {
            let text = try doc.string(at: i)
            guard let data = Data(base64Encoded: text) else { throw doc.invalid(i, "a string is not Base64") }
            return data as! T
        }
        if T.self == Decimal.self {
            let text = String(decoding: try doc.numberBytes(i), as: UTF8.self)
            guard let d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
                throw doc.invalid(i, "\(text) is not a decimal")
            }
            return d as! T
        }
        if let array = T.self as? any TapeSizedArray.Type { return try array.init(tape: doc, i) as! T }
        return try T(from: TapeDecoder(doc: doc, index: i))
    }
}

/// Arrays read with the capacity their JSON needs. The standard library's `Array.init(from:)`
/// appends one element at a time, so an array's capacity grows by doubling and ends up to twice
/// its count: 50 episodes take the room of 64. Loaded documents live in memory for the whole run,
/// so that slack stays resident; the tape knows each array's length before the first element.
protocol TapeSizedArray {
    init(tape doc: TapeDocument, _ i: Int) throws
}

extension Array: TapeSizedArray where Element: Decodable {
    init(tape doc: TapeDocument, _ i: Int) throws {
        guard doc.kind(i) == .array else { throw doc.mismatch([Any].self, i) }
        var elements = TapeUnkeyedContainer(doc: doc, array: i)
        self.init()
        reserveCapacity(elements.count ?? 0)
        while !elements.isAtEnd { append(try elements.decode(Element.self)) }
    }
}

extension TapeDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool { doc.kind(index) == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try doc.bool(at: index) }
    func decode(_ type: String.Type) throws -> String { try doc.string(at: index) }
    func decode(_ type: Double.Type) throws -> Double { try doc.double(at: index) }
    func decode(_ type: Float.Type) throws -> Float { Float(try doc.double(at: index)) }
    func decode(_ type: Int.Type) throws -> Int { try doc.int(at: index) }
    func decode(_ type: Int8.Type) throws -> Int8 { try doc.integer(Int8.self, at: index) }
    func decode(_ type: Int16.Type) throws -> Int16 { try doc.integer(Int16.self, at: index) }
    func decode(_ type: Int32.Type) throws -> Int32 { try doc.integer(Int32.self, at: index) }
    func decode(_ type: Int64.Type) throws -> Int64 { try doc.integer(Int64.self, at: index) }
    func decode(_ type: UInt.Type) throws -> UInt { try doc.integer(UInt.self, at: index) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try doc.integer(UInt8.self, at: index) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try doc.integer(UInt16.self, at: index) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try doc.integer(UInt32.self, at: index) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try doc.integer(UInt64.self, at: index) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try TapeDecoder.decode(type, doc, index) }
}

struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    /// Unowned: decoders live only inside a decode call that holds the document.
    unowned(unsafe) let doc: TapeDocument
    let object: Int

    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] {
        doc.keyTokens(of: object).compactMap { (try? doc.string(at: $0)).flatMap(Key.init(stringValue:)) }
    }

    func contains(_ key: Key) -> Bool { doc.find(key.stringValue, in: object) != nil }

    @inline(__always)
    private func value(_ key: Key) throws -> Int {
        guard let i = doc.find(key.stringValue, in: object) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "no value for key \"\(key.stringValue)\""))
        }
        return i
    }

    /// Adds the key to the coding path of an error from below (on the error path only: the hot
    /// path has no closures and no allocations).
    private func annotate(_ error: any Error, _ key: Key) -> any Error {
        switch error {
        case DecodingError.typeMismatch(let type, let c):
            return DecodingError.typeMismatch(type, .init(codingPath: [key] + c.codingPath, debugDescription: c.debugDescription))
        case DecodingError.dataCorrupted(let c):
            return DecodingError.dataCorrupted(.init(codingPath: [key] + c.codingPath, debugDescription: c.debugDescription))
        case DecodingError.keyNotFound(let missing, let c):
            return DecodingError.keyNotFound(missing, .init(codingPath: [key] + c.codingPath, debugDescription: c.debugDescription))
        case DecodingError.valueNotFound(let type, let c):
            return DecodingError.valueNotFound(type, .init(codingPath: [key] + c.codingPath, debugDescription: c.debugDescription))
        default:
            return error
        }
    }

    func decodeNil(forKey key: Key) throws -> Bool { doc.kind(try value(key)) == .null }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        let i = try value(key)
        do { return try doc.bool(at: i) } catch { throw annotate(error, key) }
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        let i = try value(key)
        do { return try doc.string(at: i) } catch { throw annotate(error, key) }
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        let i = try value(key)
        do { return try doc.double(at: i) } catch { throw annotate(error, key) }
    }

    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        let i = try value(key)
        do { return Float(try doc.double(at: i)) } catch { throw annotate(error, key) }
    }

    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        let i = try value(key)
        do { return try doc.int(at: i) } catch { throw annotate(error, key) }
    }

    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        let i = try value(key)
        do { return try doc.integer(Int8.self, at: i) } catch { throw annotate(error, key) }
    }

    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        let i = try value(key)
        do { return try doc.integer(Int16.self, at: i) } catch { throw annotate(error, key) }
    }

    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        let i = try value(key)
        do { return try doc.integer(Int32.self, at: i) } catch { throw annotate(error, key) }
    }

    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        let i = try value(key)
        do { return try doc.integer(Int64.self, at: i) } catch { throw annotate(error, key) }
    }

    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        let i = try value(key)
        do { return try doc.integer(UInt.self, at: i) } catch { throw annotate(error, key) }
    }

    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        let i = try value(key)
        do { return try doc.integer(UInt8.self, at: i) } catch { throw annotate(error, key) }
    }

    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        let i = try value(key)
        do { return try doc.integer(UInt16.self, at: i) } catch { throw annotate(error, key) }
    }

    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        let i = try value(key)
        do { return try doc.integer(UInt32.self, at: i) } catch { throw annotate(error, key) }
    }

    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        let i = try value(key)
        do { return try doc.integer(UInt64.self, at: i) } catch { throw annotate(error, key) }
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let i = try value(key)
        do { return try TapeDecoder.decode(type, doc, i) } catch { throw annotate(error, key) }
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let i = doc.find(key.stringValue, in: object), doc.kind(i) != .null else { return nil }
        do { return try TapeDecoder.decode(type, doc, i) } catch { throw annotate(error, key) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeDecoder(doc: doc, index: try value(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TapeDecoder(doc: doc, index: try value(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        guard let i = doc.find("super", in: object) else {
            throw DecodingError.keyNotFound(TapeKey("super"), .init(codingPath: [], debugDescription: "no value for key \"super\""))
        }
        return TapeDecoder(doc: doc, index: i)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { TapeDecoder(doc: doc, index: try value(key)) }
}

struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    /// Unowned: decoders live only inside a decode call that holds the document.
    unowned(unsafe) let doc: TapeDocument
    let end: Int
    var position: Int
    let count: Int?
    var currentIndex = 0

    init(doc: TapeDocument, array: Int) {
        self.doc = doc
        self.end = Int(doc.tokens[array].b)
        self.position = array + 1
        self.count = Int(doc.tokens[array].a)
    }

    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { position >= end }

    private mutating func advance() throws -> Int {
        guard position < end else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: [], debugDescription: "unkeyed container is at its end"))
        }
        let i = position
        position = doc.next(after: i)
        currentIndex += 1
        return i
    }

    mutating func decodeNil() throws -> Bool {
        guard position < end else { return false }
        if doc.kind(position) == .null { _ = try advance(); return true }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try doc.bool(at: try advance()) }
    mutating func decode(_ type: String.Type) throws -> String { try doc.string(at: try advance()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try doc.double(at: try advance()) }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try doc.double(at: try advance())) }
    mutating func decode(_ type: Int.Type) throws -> Int { try doc.int(at: try advance()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try doc.integer(Int8.self, at: try advance()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try doc.integer(Int16.self, at: try advance()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try doc.integer(Int32.self, at: try advance()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try doc.integer(Int64.self, at: try advance()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try doc.integer(UInt.self, at: try advance()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try doc.integer(UInt8.self, at: try advance()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try doc.integer(UInt16.self, at: try advance()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try doc.integer(UInt32.self, at: try advance()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try doc.integer(UInt64.self, at: try advance()) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try TapeDecoder.decode(type, doc, try advance()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeDecoder(doc: doc, index: try advance()).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try TapeDecoder(doc: doc, index: try advance()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { TapeDecoder(doc: doc, index: try advance()) }
}

struct TapeKey: CodingKey {
    let stringValue: String
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}
