/// A validating JSON parser that produces a flat "tape" of tokens instead of a tree of values.
///
/// Why: Foundation's `JSONDecoder` decodes about 17 MB/s here, and the store reads every
/// document at start (≈75 MB at the design size). The tape is one array of small structs per
/// document (no allocation per value); `TapeDecoder` walks it to feed ordinary `Codable` types.
/// The parser accepts exactly RFC 8259 JSON (UTF-8 is checked when a string is decoded).
struct JSONTape {
    enum Kind: UInt8 { case object, array, string, escapedString, number, trueValue, falseValue, null }

    /// For containers: `a` = number of elements (members for objects), `b` = index of the token
    /// after the container's last token. For strings (contents between the quotes) and numbers:
    /// `a..<b` is the byte range.
    struct Token {
        var kind: Kind
        var a: UInt32
        var b: UInt32
    }

    var tokens: [Token] = []

    /// Index of the token after the value starting at `index`.
    @inline(__always)
    func next(after index: Int) -> Int {
        let t = tokens[index]
        return t.kind == .object || t.kind == .array ? Int(t.b) : index + 1
    }
}

struct JSONSyntaxError: Error, CustomStringConvertible {
    let offset: Int
    let reason: String
    var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

extension JSONTape {
    static let maxDepth = 256

    /// Parses a whole buffer; trailing whitespace only.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONTape {
        guard bytes.count < Int(UInt32.max) else { throw JSONSyntaxError(offset: 0, reason: "document too large") }
        var parser = Parser(bytes: bytes)
        parser.tokens.reserveCapacity(bytes.count / 8 + 4)
        // A UTF-8 byte order mark (some editors add one when a person edits a file) is skipped.
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { parser.pos = 3 }
        try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.pos == bytes.count else { throw parser.fail("unexpected data after the value") }
        return JSONTape(tokens: parser.tokens)
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var pos = 0
        var tokens: [Token] = []

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func fail(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(offset: pos, reason: reason) }

        @inline(__always)
        mutating func skipWhitespace() {
            while pos < bytes.count {
                let c = bytes[pos]
                guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
                pos += 1
            }
        }

        mutating func value(depth: Int) throws(JSONSyntaxError) {
            skipWhitespace()
            guard pos < bytes.count else { throw fail("unexpected end of data") }
            switch bytes[pos] {
            case UInt8(ascii: "{"): try object(depth: depth + 1)
            case UInt8(ascii: "["): try array(depth: depth + 1)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal("true", .trueValue)
            case UInt8(ascii: "f"): try literal("false", .falseValue)
            case UInt8(ascii: "n"): try literal("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default: throw fail("unexpected character")
            }
        }

        mutating func literal(_ word: StaticString, _ kind: Kind) throws(JSONSyntaxError) {
            let n = word.utf8CodeUnitCount
            guard pos + n <= bytes.count else { throw fail("unexpected end of data") }
            let w = word.utf8Start
            for i in 0..<n where bytes[pos + i] != w[i] { throw fail("invalid literal") }
            tokens.append(Token(kind: kind, a: UInt32(pos), b: UInt32(pos + n)))
            pos += n
        }

        mutating func object(depth: Int) throws(JSONSyntaxError) {
            guard depth <= JSONTape.maxDepth else { throw fail("nested too deeply") }
            let start = tokens.count
            tokens.append(Token(kind: .object, a: 0, b: 0))
            pos += 1
            var count: UInt32 = 0
            skipWhitespace()
            if pos < bytes.count && bytes[pos] == UInt8(ascii: "}") {
                pos += 1
            } else {
                while true {
                    skipWhitespace()
                    guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw fail("expected a key") }
                    try string()
                    skipWhitespace()
                    guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                    pos += 1
                    try value(depth: depth)
                    count += 1
                    skipWhitespace()
                    guard pos < bytes.count else { throw fail("unterminated object") }
                    if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                    guard bytes[pos] == UInt8(ascii: "}") else { throw fail("expected ',' or '}'") }
                    pos += 1
                    break
                }
            }
            tokens[start].a = count
            tokens[start].b = UInt32(tokens.count)
        }

        mutating func array(depth: Int) throws(JSONSyntaxError) {
            guard depth <= JSONTape.maxDepth else { throw fail("nested too deeply") }
            let start = tokens.count
            tokens.append(Token(kind: .array, a: 0, b: 0))
            pos += 1
            var count: UInt32 = 0
            skipWhitespace()
            if pos < bytes.count && bytes[pos] == UInt8(ascii: "]") {
                pos += 1
            } else {
                while true {
                    try value(depth: depth)
                    count += 1
                    skipWhitespace()
                    guard pos < bytes.count else { throw fail("unterminated array") }
                    if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                    guard bytes[pos] == UInt8(ascii: "]") else { throw fail("expected ',' or ']'") }
                    pos += 1
                    break
                }
            }
            tokens[start].a = count
            tokens[start].b = UInt32(tokens.count)
        }

        mutating func string() throws(JSONSyntaxError) {
            pos += 1
            let start = pos
            var escaped = false
            while true {
                skipPlainStringBytes()
                guard pos < bytes.count else { throw fail("unterminated string") }
                let c = bytes[pos]
                if c == UInt8(ascii: "\"") { break }
                if c < 0x20 { throw fail("control character in string") }
                if c == UInt8(ascii: "\\") {
                    escaped = true
                    try escape()
                } else {
                    pos += 1
                }
            }
            tokens.append(Token(kind: escaped ? .escapedString : .string, a: UInt32(start), b: UInt32(pos)))
            pos += 1
        }

        /// Skips 8 bytes at a time while none is a quote, a backslash or a control character
        /// (SWAR: the classic "has zero byte" / "has byte less than" bit tricks).
        @inline(__always)
        mutating func skipPlainStringBytes() {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let base = UnsafeRawPointer(bytes.baseAddress!)
            while pos + 8 <= bytes.count {
                let v = base.loadUnaligned(fromByteOffset: pos, as: UInt64.self)
                let quote = v ^ (ones &* 0x22), backslash = v ^ (ones &* 0x5C)
                let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((v &- ones &* 0x20) & ~v)
                if special & highs != 0 { return }
                pos += 8
            }
        }

        mutating func escape() throws(JSONSyntaxError) {
            guard pos + 1 < bytes.count else { throw fail("unterminated escape") }
            switch bytes[pos + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                 UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                pos += 2
            case UInt8(ascii: "u"):
                guard pos + 5 < bytes.count else { throw fail("unterminated \\u escape") }
                for i in 2...5 where JSONTape.hexValue(bytes[pos + i]) == nil { throw fail("invalid \\u escape") }
                pos += 6
            default:
                throw fail("invalid escape")
            }
        }

        mutating func number() throws(JSONSyntaxError) {
            let start = pos
            if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard pos < bytes.count, isDigit(bytes[pos]) else { throw fail("invalid number") }
            if bytes[pos] == UInt8(ascii: "0") {
                pos += 1
            } else {
                while pos < bytes.count && isDigit(bytes[pos]) { pos += 1 }
            }
            if pos < bytes.count && bytes[pos] == UInt8(ascii: ".") {
                pos += 1
                guard pos < bytes.count, isDigit(bytes[pos]) else { throw fail("invalid number") }
                while pos < bytes.count && isDigit(bytes[pos]) { pos += 1 }
            }
            if pos < bytes.count && (bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E")) {
                pos += 1
                if pos < bytes.count && (bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-")) { pos += 1 }
                guard pos < bytes.count, isDigit(bytes[pos]) else { throw fail("invalid number") }
                while pos < bytes.count && isDigit(bytes[pos]) { pos += 1 }
            }
            tokens.append(Token(kind: .number, a: UInt32(start), b: UInt32(pos)))
        }

        @inline(__always)
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    }

    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case 0x41...0x46: return UInt32(c - 0x41 + 10)
        case 0x61...0x66: return UInt32(c - 0x61 + 10)
        default: return nil
        }
    }
}
