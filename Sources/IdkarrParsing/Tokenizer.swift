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
        self.tokens = bytes.withUnsafeBufferPointer { Self.scan($0) }
    }

    /// One pass over the bytes: each word's lower-cased text, offsets and numeric value.
    private static func scan(_ p: UnsafeBufferPointer<UInt8>) -> [Token] {
        let n = p.count
        var tokens: [Token] = []
        tokens.reserveCapacity(n / 4 + 1)
        guard n > 0 else { return tokens }
        // The lower-cased name; each word's text is a slice of it.
        let lower = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: n)
        defer { lower.deallocate() }
        var i = 0
        while i < n {
            let skip = Self.separatorLength(p, i)
            if skip > 0 {
                i += skip
                continue
            }
            let start = i
            var allDigits = true
            var value = 0
            while i < n, Self.separatorLength(p, i) == 0 {
                let b = p[i]
                if b &- 48 < 10 {
                    value = value &* 10 &+ Int(b &- 48)
                } else {
                    allDigits = false
                }
                lower[i] = Bytes.lower(b)
                i += 1
            }
            let count = i - start
            let word = UnsafeBufferPointer(rebasing: lower[start..<i])
            let text = String(unsafeUninitializedCapacity: count) { out in
                _ = out.initialize(from: word)
                return count
            }
            tokens.append(
                Token(text: text, start: start, end: i, number: allDigits && count <= 9 ? value : nil, digitCount: allDigits ? count : 0))
        }
        return tokens
    }

    /// 0 when byte `i` belongs to a word, else how many bytes of separator start there.
    @inline(__always) private static func separatorLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = p[i]
        if c < 0x80 { return Bytes.isDigit(c) || Bytes.isLetter(c) ? 0 : 1 }
        guard c >= 0xC2 else { return 0 }
        let n = p.count
        if c == 0xC2, i + 1 < n, p[i + 1] == 0xA0 { return 2 }
        if c == 0xE2, i + 2 < n, p[i + 1] == 0x80, p[i + 2] >= 0x8B && p[i + 2] <= 0x8F { return 3 }
        if c == 0xEF, i + 2 < n, p[i + 1] == 0xBB, p[i + 2] == 0xBF { return 3 }
        if c == 0xE3, i + 2 < n, p[i + 1] == 0x80, p[i + 2] == 0x80 { return 3 }
        return 0
    }

    /// `other` when it was split from exactly `string`, else a new split of `string`.
    static func reusing(_ other: TokenizedName, for string: String) -> TokenizedName {
        let same = other.bytes.count == string.utf8.count
            && (string.utf8.withContiguousStorageIfAvailable { s in
                other.bytes.withUnsafeBufferPointer { b in
                    for k in 0..<b.count where b[k] != s[k] { return false }
                    return true
                }
            } ?? other.bytes.elementsEqual(string.utf8))
        return same ? other : TokenizedName(string)
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
