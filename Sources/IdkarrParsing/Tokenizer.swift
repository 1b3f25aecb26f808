/// A word of a release name: a run of ASCII letters and digits (non-ASCII bytes count as letters).
///
/// Every rule of the parser works on these words and on the separators between them, never on
/// regular expressions, so a name is read in one linear pass per rule.
struct Token: Sendable {
    /// Lower-cased text of the word (ASCII lower-cased; other bytes kept).
    var text: String
    /// Byte offsets of the word in the original UTF-8 name.
    var start: Int
    var end: Int
    /// Numeric value when the word is all digits (at most 9 of them), else nil.
    var number: Int?
    /// Number of digits when the word is all digits, else 0.
    var digitCount: Int

    var isNumber: Bool { number != nil }
    var length: Int { end - start }
}

/// A release name split into words, with the bytes kept for separators and original case.
struct TokenizedName: Sendable {
    let bytes: [UInt8]
    var tokens: [Token]

    init(_ string: String) {
        self.init(bytes: Array(string.utf8))
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 4 + 1)
        var i = 0
        let n = bytes.count
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        while i < n {
            if !Bytes.isWordByte(bytes[i]) || Bytes.invisibleSeparatorLength(bytes, i) > 0 {
                i += max(1, Bytes.invisibleSeparatorLength(bytes, i))
                continue
            }
            let start = i
            var allDigits = true
            buffer.removeAll(keepingCapacity: true)
            while i < n, Bytes.isWordByte(bytes[i]), Bytes.invisibleSeparatorLength(bytes, i) == 0 {
                let b = bytes[i]
                if !Bytes.isDigit(b) { allDigits = false }
                buffer.append(Bytes.lower(b))
                i += 1
            }
            let count = i - start
            var number: Int?
            if allDigits && count <= 9 {
                var v = 0
                for b in buffer { v = v * 10 + Int(b - 48) }
                number = v
            }
            tokens.append(
                Token(
                    text: String(decoding: buffer, as: UTF8.self), start: start, end: i, number: number,
                    digitCount: allDigits ? count : 0))
        }
        self.tokens = tokens
    }

    var count: Int { tokens.count }
    subscript(_ i: Int) -> Token { tokens[i] }

    /// The bytes between word `i - 1` and word `i` (before the first word: from the start).
    func gap(before i: Int) -> ArraySlice<UInt8> {
        let from = i > 0 ? tokens[i - 1].end : 0
        let to = i < tokens.count ? tokens[i].start : bytes.count
        return bytes[from..<to]
    }

    /// The single separator byte before word `i`, or nil when there is none or more than one.
    func separator(before i: Int) -> UInt8? {
        let g = gap(before: i)
        return g.count == 1 ? g.first : nil
    }

    /// True when word `i` is directly preceded by a separator in `set` (and only by it).
    func joined(_ i: Int, by set: [UInt8]) -> Bool {
        guard i > 0, let s = separator(before: i) else { return false }
        return set.contains(s)
    }

    /// Original (not lower-cased) text of words `from..<to` including what lies between them.
    func original(_ from: Int, _ to: Int) -> String {
        guard from < to else { return "" }
        return String(decoding: bytes[tokens[from].start..<tokens[to - 1].end], as: UTF8.self)
    }

    func originalText(_ i: Int) -> String {
        String(decoding: bytes[tokens[i].start..<tokens[i].end], as: UTF8.self)
    }

    func text(_ i: Int) -> String { i >= 0 && i < tokens.count ? tokens[i].text : "" }

    /// Index of the first word whose text is `word`, searching from `from`.
    func index(of word: String, from: Int = 0) -> Int? {
        var i = from
        while i < tokens.count {
            if tokens[i].text == word { return i }
            i += 1
        }
        return nil
    }

    func contains(_ word: String) -> Bool { index(of: word) != nil }
}

/// Byte helpers for ASCII text.
enum Bytes {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) || b >= 0x80 }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }
    @inline(__always) static func upper(_ b: UInt8) -> UInt8 { b >= 97 && b <= 122 ? b & ~0x20 : b }

    /// Length of a zero-width space, no-break space, BOM or ideographic space at `i` (0 if none).
    @inline(__always) static func invisibleSeparatorLength(_ b: [UInt8], _ i: Int) -> Int {
        let c = b[i]
        guard c >= 0xC2 else { return 0 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] >= 0x8B && b[i + 2] <= 0x8F { return 3 }
        if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return 3 }
        if c == 0xE3, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        return 0
    }

    static func lowercased(_ s: String) -> String {
        var out = Array(s.utf8)
        for i in out.indices { out[i] = lower(out[i]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// All digits, 1...9 of them.
    static func number(_ s: Substring.UTF8View) -> Int? {
        guard !s.isEmpty, s.count <= 9 else { return nil }
        var v = 0
        for b in s {
            guard isDigit(b) else { return nil }
            v = v * 10 + Int(b - 48)
        }
        return v
    }

    static func number(_ s: String) -> Int? { number(Substring(s).utf8) }

    static func isAllDigits(_ s: String) -> Bool { !s.isEmpty && s.utf8.allSatisfy(isDigit) }
}
