import Foundation

/// A parsed document: the bytes and their tape. Lives only while its bytes are borrowed
/// (inside `withUnsafeBufferPointer`); decoders never keep it beyond the decode call.
final class TapeDocument {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The tape's tokens, copied into memory this object owns: reading them costs no reference
    /// counting in the decoder's hot loops.
    let tokens: UnsafeMutableBufferPointer<JSONTape.Token>
    /// Where the last key lookup in `hintObject` ended: `Codable` types read keys in the order
    /// they were written, so the next key is usually the next one (see `find`).
    private var hintObject = -1
    private var hintNext = 0

    init(bytes: UnsafeBufferPointer<UInt8>, tape: JSONTape) {
        self.bytes = bytes
        self.tokens = .allocate(capacity: tape.tokens.count)
        _ = self.tokens.initialize(from: tape.tokens)
    }

    deinit { tokens.deallocate() }

    @inline(__always) func kind(_ i: Int) -> JSONTape.Kind { tokens[i].kind }

    /// Index of the token after the value starting at `i`.
    @inline(__always) func next(after i: Int) -> Int {
        let t = tokens[i]
        return t.kind == .object || t.kind == .array ? Int(t.b) : i + 1
    }

    func describe(_ i: Int) -> String {
        switch kind(i) {
        case .object: return "an object"
        case .array: return "an array"
        case .string, .escapedString: return "a string"
        case .number: return "a number"
        case .trueValue, .falseValue: return "a boolean"
        case .null: return "null"
        }
    }

    /// The value token of `key` in the object at `object`, or nil. A scan of the keys starting
    /// after the previous match in the same object (then wrapping around): with keys read in
    /// written order, one comparison per lookup, and no allocation.
    func find(_ key: String, in object: Int) -> Int? {
        var key = key
        return key.withUTF8 { k -> Int? in
            let first = object + 1
            let end = Int(tokens[object].b)
            let start = hintObject == object && hintNext < end ? hintNext : first
            if let found = scan(k, object, from: start, to: end) { return found }
            return start == first ? nil : scan(k, object, from: first, to: start)
        }
    }

    private func scan(_ k: UnsafeBufferPointer<UInt8>, _ object: Int, from: Int, to end: Int) -> Int? {
        var i = from
        while i < end {
            let t = tokens[i]
            let match: Bool
            if t.kind == .string {
                match = Int(t.b - t.a) == k.count && (k.isEmpty || memcmp(bytes.baseAddress! + Int(t.a), k.baseAddress!, k.count) == 0)
            } else {
                match = (try? string(at: i)) == String(decoding: k, as: UTF8.self)
            }
            let after = next(after: i + 1)
            if match {
                hintObject = object
                hintNext = after
                return i + 1
            }
            i = after
        }
        return nil
    }

    /// Key tokens of the object at `object`, in document order.
    func keyTokens(of object: Int) -> [Int] {
        var result: [Int] = []
        var i = object + 1
        let end = Int(tokens[object].b)
        while i < end {
            result.append(i)
            i = next(after: i + 1)
        }
        return result
    }

    /// The bytes of an unescaped string token, or nil.
    func plainStringBytes(_ i: Int) -> UnsafeBufferPointer<UInt8>? {
        let t = tokens[i]
        guard t.kind == .string else { return nil }
        return UnsafeBufferPointer(rebasing: bytes[Int(t.a)..<Int(t.b)])
    }

    func date(at i: Int) throws -> Date {
        if let raw = plainStringBytes(i), let date = ISODate.parse(raw) { return date }
        let text = try string(at: i)
        guard let date = ISODate.parse(text) else { throw invalid(i, "\"\(text)\" is not an ISO 8601 date") }
        return date
    }

    func int(at i: Int) throws -> Int { Int(try int64(at: i)) }

    func string(at i: Int) throws -> String {
        let t = tokens[i]
        let raw = UnsafeBufferPointer(rebasing: bytes[Int(t.a)..<Int(t.b)])
        switch t.kind {
        case .string:
            guard let s = String(validating: raw, as: UTF8.self) else { throw invalid(i, "a string is not valid UTF-8") }
            return s
        case .escapedString:
            guard let s = String(validating: try unescape(raw, at: i), as: UTF8.self) else {
                throw invalid(i, "a string is not valid UTF-8")
            }
            return s
        default:
            throw mismatch(String.self, i)
        }
    }

    private func unescape(_ raw: UnsafeBufferPointer<UInt8>, at i: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var p = 0
        while p < raw.count {
            let c = raw[p]
            guard c == UInt8(ascii: "\\") else { out.append(c); p += 1; continue }
            let e = raw[p + 1]
            p += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(raw, p)
                p += 4
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // A high surrogate must be followed by an escaped low surrogate.
                    guard p + 6 <= raw.count, raw[p] == UInt8(ascii: "\\"), raw[p + 1] == UInt8(ascii: "u") else {
                        throw invalid(i, "unpaired surrogate in a string")
                    }
                    let low = hex4(raw, p + 2)
                    guard low >= 0xDC00 && low < 0xE000 else { throw invalid(i, "unpaired surrogate in a string") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    p += 6
                }
                guard let u = Unicode.Scalar(scalar) else { throw invalid(i, "unpaired surrogate in a string") }
                out.append(contentsOf: UTF8.encode(u)!)
            default: out.append(e)  // " \ /
            }
        }
        return out
    }

    private func hex4(_ raw: UnsafeBufferPointer<UInt8>, _ p: Int) -> UInt32 {
        var v: UInt32 = 0
        for k in 0..<4 { v = v << 4 | (JSONTape.hexValue(raw[p + k]) ?? 0) }
        return v
    }

    func numberBytes(_ i: Int) throws -> UnsafeBufferPointer<UInt8> {
        let t = tokens[i]
        guard t.kind == .number else { throw mismatch(Double.self, i) }
        return UnsafeBufferPointer(rebasing: bytes[Int(t.a)..<Int(t.b)])
    }

    func int64(at i: Int) throws -> Int64 {
        let raw = try numberBytes(i)
        var p = 0
        let negative = raw[0] == UInt8(ascii: "-")
        if negative { p = 1 }
        var value: Int64 = 0
        var plain = raw.count - p <= 18
        while plain && p < raw.count {
            let c = raw[p]
            guard c >= 0x30 && c <= 0x39 else { plain = false; break }
            value = value &* 10 &+ Int64(c - 0x30)
            p += 1
        }
        if plain { return negative ? -value : value }
        // Long, fractional or exponent form: accept it when it is exactly an integer.
        let text = String(decoding: raw, as: UTF8.self)
        if let exact = Int64(text) { return exact }
        guard let d = Double(text), d.rounded() == d, let exact = Int64(exactly: d) else {
            throw invalid(i, "number \(text) is not an integer that fits")
        }
        return exact
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at i: Int) throws -> T {
        let raw = try numberBytes(i)
        if T.self == UInt64.self || T.self == UInt.self, raw.count >= 19 {
            let text = String(decoding: raw, as: UTF8.self)
            guard let v = T(text) else { throw invalid(i, "number \(text) does not fit \(T.self)") }
            return v
        }
        let v = try int64(at: i)
        guard let exact = T(exactly: v) else { throw invalid(i, "number \(v) does not fit \(T.self)") }
        return exact
    }

    func double(at i: Int) throws -> Double {
        let raw = try numberBytes(i)
        // Exact fast path (Clinger): up to 15 significant digits and a short fraction are exactly
        // representable, so one correctly rounded division gives the correctly rounded result.
        var p = 0
        let negative = raw[0] == UInt8(ascii: "-")
        if negative { p = 1 }
        var mantissa: Int64 = 0
        var digits = 0
        var fraction = 0
        var seenDot = false
        var simple = true
        while p < raw.count {
            let c = raw[p]
            if c == UInt8(ascii: ".") { seenDot = true } else if c >= 0x30 && c <= 0x39 {
                mantissa = mantissa &* 10 &+ Int64(c - 0x30)
                digits += 1
                if seenDot { fraction += 1 }
            } else { simple = false; break }
            p += 1
        }
        if simple && digits <= 15 && fraction <= 22 {
            let v = Double(mantissa) / JSONTape.powersOfTenTable[fraction]
            return negative ? -v : v
        }
        guard let v = Double(String(decoding: raw, as: UTF8.self)), v.isFinite else {
            throw invalid(i, "number out of range")
        }
        return v
    }

    func bool(at i: Int) throws -> Bool {
        switch kind(i) {
        case .trueValue: return true
        case .falseValue: return false
        default: throw mismatch(Bool.self, i)
        }
    }

    func offset(_ i: Int) -> Int {
        let t = tokens[i]
        switch t.kind {
        case .object, .array: return -1
        default: return Int(t.a)
        }
    }

    func mismatch(_ type: Any.Type, _ i: Int, path: [any CodingKey] = []) -> DecodingError {
        .typeMismatch(type, .init(codingPath: path, debugDescription: "expected \(type) but found \(describe(i))\(at(i))"))
    }

    func invalid(_ i: Int, _ reason: String, path: [any CodingKey] = []) -> DecodingError {
        .dataCorrupted(.init(codingPath: path, debugDescription: reason + at(i)))
    }

    private func at(_ i: Int) -> String {
        let o = offset(i)
        return o >= 0 ? " at byte \(o)" : ""
    }
}

extension JSONTape {
    static let powersOfTenTable: [Double] = (0...22).map { pow(10.0, Double($0)) }
}
