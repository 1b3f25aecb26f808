/// A word of a release name: a run of ASCII letters and digits (non-ASCII bytes count as letters).
///
/// Every rule of the parser works on these words and on the separators between them, never on
/// regular expressions, so a name is read in one linear pass per rule.
///
/// A token holds no reference (copying one copies a few integers); its lower-cased bytes are read
/// through `TokenizedName.withWord` and its text, when a rule needs a `String`, `TokenizedName.text(i)`.
struct Token: Sendable {
    /// `WordHash` of `text` when it is all ASCII, else 0 (the word tables look it up without hashing again).
    let hash: UInt64
    // Offsets, value and digit count in 32 and 8 bits: a token is 24 bytes (a split is at
    // most a few kilobytes; a number has at most nine digits; a digit count saturates at 255,
    // and the rules compare counts only with small ones or with a number's).
    /// Byte offsets of the word in the original UTF-8 name.
    @Int32Stored var start: Int
    @Int32Stored var end: Int
    private let numberValue: Int32
    private let digits: UInt8
    /// First byte of `text` (lower-cased).
    let first: UInt8

    init(start: Int, end: Int, number: Int?, digitCount: Int, first: UInt8, hash: UInt64) {
        self.hash = hash
        self.start = start
        self.end = end
        numberValue = number.map { Int32($0) } ?? -1
        digits = UInt8(min(digitCount, 255))
        self.first = first
    }

    /// Numeric value when the word is all digits (at most 9 of them), else nil.
    var number: Int? { numberValue < 0 ? nil : Int(numberValue) }
    /// Number of digits when the word is all digits (at most 255), else 0.
    var digitCount: Int { Int(digits) }

    var isNumber: Bool { numberValue >= 0 }
    var length: Int { end - start }
}

/// A release name split into words, with the bytes kept for separators and original case.
///
/// A name may be the first words of a longer split (a title without its extension): it then
/// shares that split's arrays, and `reusing` hands back the longer one without splitting again.
struct TokenizedName: Sendable {
    /// The bytes split, then the same bytes with ASCII letters lower-cased (one array): the words'
    /// texts are slices of the second half (no `String` is made per word; rules compare these
    /// bytes). The name's bytes are the first `byteCount`.
    private let storage: [UInt8]
    /// The words split; the name's words are the first `count`.
    private let allTokens: [Token]
    /// Number of bytes of the name.
    let byteCount: Int
    let count: Int

    /// The bytes of the name.
    var bytes: ArraySlice<UInt8> { storage[0..<byteCount] }
    /// The words of the name.
    var tokens: ArraySlice<Token> { allTokens[0..<count] }

    /// Where the lower-cased copy starts in `storage`.
    @inline(__always) private var lowerStart: Int { storage.count >> 1 }

    /// Lower-cased byte `k` of the split.
    @inline(__always) private func lower(_ k: Int) -> UInt8 { storage[lowerStart + k] }

    init(_ string: String) {
        self = Text.withBytes(string) { TokenizedName($0) }
    }

    init(bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { TokenizedName($0) }
    }

    /// The words of `u`.
    init(_ u: UnsafeBufferPointer<UInt8>) {
        var tokens: [Token] = []
        let storage = Self.storage(u, lowerFrom: nil) { tokens = Self.scan(u, into: $0, offset: 0) }
        self.init(storage: storage, tokens: tokens)
    }

    private init(storage: [UInt8], tokens: [Token], byteCount: Int? = nil, count: Int? = nil) {
        self.storage = storage
        allTokens = tokens
        self.byteCount = byteCount ?? storage.count >> 1
        self.count = count ?? tokens.count
    }

    /// The storage of a split of `u`: its bytes twice. `lower` gets the second copy to lower-case
    /// (its first bytes are already lower-cased when `lowerFrom` gives them, at most `u.count`).
    private static func storage(_ u: UnsafeBufferPointer<UInt8>, lowerFrom: UnsafeBufferPointer<UInt8>?, _ lower: (UnsafeMutableBufferPointer<UInt8>) -> Void) -> [UInt8] {
        let n = u.count
        // Written on the stack, then copied once (an array of a given count is made by generic code).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * n) { buffer in
            if let from = u.baseAddress, let to = buffer.baseAddress {
                to.initialize(from: from, count: n)
                (to + n).initialize(from: from, count: n)
                if let done = lowerFrom, let d = done.baseAddress { (to + n).update(from: d, count: done.count) }
            }
            lower(UnsafeMutableBufferPointer(rebasing: buffer[n..<(2 * n)]))
            return Array(UnsafeBufferPointer(buffer))
        }
    }

    /// The words of the bytes `name` of `u`, and of the bytes `longer` when `name` is their start
    /// and ends with them or before an ASCII separator: the words of `name` are then the first
    /// words of that split.
    static func split(_ u: UnsafeBufferPointer<UInt8>, _ name: Range<Int>, within longer: Range<Int>) -> (TokenizedName, TokenizedName?) {
        let isStart = !longer.isEmpty && name.lowerBound == longer.lowerBound && name.upperBound <= longer.upperBound
            && (name.upperBound == longer.upperBound || ByteClass.table[Int(u[name.upperBound])] == ByteClass.separator)
        guard isStart else { return (TokenizedName(Bytes.part(u, name)), nil) }
        let all = TokenizedName(Bytes.part(u, longer))
        return (all.prefix(bytes: name.count), all)
    }

    /// The words within the first `n` bytes of the split (byte `n`, if any, separates words).
    private func prefix(bytes n: Int) -> TokenizedName {
        var k = allTokens.count
        while k > 0, allTokens[k - 1].end > n { k -= 1 }
        return TokenizedName(storage: storage, tokens: allTokens, byteCount: n, count: k)
    }

    /// What kind of byte: a separator (ASCII other than letters and digits), a digit, a letter,
    /// or a byte of a multi-byte character (a word byte unless it starts an invisible separator).
    /// A letter's class holds the 0x20 bit, which lower-cases it.
    private enum ByteClass {
        static let separator: UInt8 = 0, digit: UInt8 = 1, high: UInt8 = 3, letter: UInt8 = 0x22
        static let table: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
            let c = UInt8(b)
            if c >= 0x80 { return high }
            return Bytes.isDigit(c) ? digit : Bytes.isLetter(c) ? letter : separator
        }
    }

    /// One pass over the bytes: each word's offsets, numeric value and hash. `lower` holds a copy
    /// of the bytes; the scan lower-cases its ASCII letters (`lower[k]` for `p[k]`).
    private static func scan(_ p: UnsafeBufferPointer<UInt8>, into lower: UnsafeMutableBufferPointer<UInt8>, offset: Int) -> [Token] {
        let n = p.count
        var tokens: [Token] = []
        guard n > 0 else { return tokens }
        tokens.reserveCapacity(n / 2 + 1)
        ByteClass.table.withUnsafeBufferPointer { table in
            var i = 0
            while i < n {
                let c = table[Int(p[i])]
                if c == ByteClass.separator {
                    i += 1
                    continue
                }
                if c == ByteClass.high {
                    let skip = Self.separatorLength(p, i)
                    if skip > 0 {
                        i += skip
                        continue
                    }
                }
                let start = i
                var hash = WordHash.seed
                var bits: UInt8 = 0  // every byte of the word or-ed: ASCII when below 0x80
                repeat {
                    let b = p[i]
                    let c = table[Int(b)]
                    if c == ByteClass.separator || (c == ByteClass.high && Self.separatorLength(p, i) > 0) { break }
                    let l = b | (c & 0x20)
                    lower[i] = l
                    hash = WordHash.step(hash, l)
                    bits |= b
                    i += 1
                } while i < n
                let count = i - start
                // All digits? Only a word that starts with one can be.
                var digits = 0
                var value = 0
                if table[Int(p[start])] == ByteClass.digit {
                    while digits < count, Bytes.isDigit(p[start + digits]) {
                        value = value &* 10 &+ Int(p[start + digits] &- 48)
                        digits += 1
                    }
                }
                let allDigits = digits == count
                tokens.append(
                    Token(
                        start: offset + start, end: offset + i, number: allDigits && count <= 9 ? value : nil, digitCount: allDigits ? count : 0,
                        first: lower[start], hash: bits < 0x80 ? WordHash.finish(hash) : 0))
            }
        }
        return tokens
    }

    /// The words from byte `start` on, as if that part alone had been split: when an ASCII
    /// separator ends the part before, no word straddles `start` and the words are the same.
    func suffix(from start: Int) -> TokenizedName {
        guard start > 0 else { return self }
        return storage.withUnsafeBufferPointer { all in
            let rest = Bytes.part(all, start..<byteCount)
            guard ByteClass.table[Int(all[start - 1])] == ByteClass.separator else { return TokenizedName(rest) }
            var k = 0
            while k < count, allTokens[k].start < start { k += 1 }
            let shifted = tokens[k...].map { t -> Token in
                var t = t
                t.start -= start
                t.end -= start
                return t
            }
            let lowerRest = Bytes.part(all, (lowerStart + start)..<(lowerStart + byteCount))
            return TokenizedName(storage: Self.storage(rest, lowerFrom: lowerRest) { _ in }, tokens: shifted)
        }
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

    /// The words of `string` as `other`'s split already has them: the same words or first words
    /// when `string` is the split's bytes or their start before an ASCII separator (a name and
    /// its part without a trailing note); else a split of `string`, which reuses the words of
    /// `other` when `string` is its bytes followed by an ASCII separator and more (a name and
    /// its file name with the extension).
    static func reusing(_ other: TokenizedName, for string: String) -> TokenizedName {
        other.storage.withUnsafeBufferPointer { all in
            Text.withBytes(string) { s in
                // How many bytes `string` shares with the split: all of it (-1 when it differs).
                let b = Bytes.part(all, 0..<(all.count >> 1))
                let m = min(s.count, b.count)
                var shared = -1
                if Bytes.equal(b, s, count: m) {
                    let next = s.count == b.count ? nil : s.count < b.count ? b[m] : s[m]
                    if next.map({ ByteClass.table[Int($0)] == ByteClass.separator }) ?? true { shared = m }
                }
                if shared == s.count { return other.prefix(bytes: s.count) }
                guard shared == b.count, shared > 0 else { return TokenizedName(s) }
                var more: [Token] = []
                let storage = Self.storage(s, lowerFrom: Bytes.part(all, b.count..<(2 * b.count))) { lower in
                    more = Self.scan(Bytes.part(s, shared..<s.count), into: UnsafeMutableBufferPointer(rebasing: lower[shared...]), offset: shared)
                }
                return TokenizedName(storage: storage, tokens: other.allTokens + more)
            }
        }
    }

    @inline(__always) subscript(_ i: Int) -> Token {
        precondition(i < count)
        return allTokens[i]
    }

    /// Byte `k` of the name.
    @inline(__always) func byte(_ k: Int) -> UInt8 {
        precondition(k < byteCount)
        return storage[k]
    }

    /// The bytes between word `i - 1` and word `i` (before the first word: from the start).
    @inline(__always) func gap(before i: Int) -> ArraySlice<UInt8> {
        precondition(i <= count)
        let from = i > 0 ? allTokens[i - 1].end : 0
        let to = i < count ? allTokens[i].start : byteCount
        return storage[from..<to]
    }

    /// The single separator byte before word `i`, or nil when there is none or more than one.
    @inline(__always) func separator(before i: Int) -> UInt8? {
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
        return String(decoding: storage[self[from].start..<self[to - 1].end], as: UTF8.self)
    }

    func originalText(_ i: Int) -> String {
        String(decoding: storage[self[i].start..<self[i].end], as: UTF8.self)
    }

    /// Runs `body` on the bytes `range` of the name.
    func withBytes<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        precondition(range.upperBound <= byteCount)
        return storage.withUnsafeBufferPointer { body(Bytes.part($0, range)) }
    }

    /// Lower-cased text of word `i` ("" outside the name), made when a rule needs a `String`.
    func text(_ i: Int) -> String {
        guard i >= 0 && i < count else { return "" }
        return withWord(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs `body` on the lower-cased bytes of word `i` (no bytes outside the name).
    @inline(__always) func withWord<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = i >= 0 && i < count ? allTokens[i].start..<allTokens[i].end : 0..<0
        let from = lowerStart
        return storage.withUnsafeBufferPointer { body(Bytes.part($0, (from + range.lowerBound)..<(from + range.upperBound))) }
    }

    /// `text(i).isWord(word)` for a lower-case ASCII `word`, read from the bytes: a word of the
    /// same byte count that holds other bytes cannot equal it.
    @inline(__always) func isWord(_ i: Int, _ word: StaticString) -> Bool {
        guard i >= 0, i < count, allTokens[i].length == word.utf8CodeUnitCount else { return false }
        let p = word.utf8Start
        let from = allTokens[i].start
        for k in 0..<word.utf8CodeUnitCount where lower(from + k) != p[k] { return false }
        return true
    }

    /// `text(i) == key` for a word-table key: compared as bytes when word `i` is ASCII (a
    /// different byte string cannot equal it then), else as strings.
    @inline(__always) func isWord(_ i: Int, key: String) -> Bool {
        guard i >= 0, i < count else { return key.isEmpty }
        guard allTokens[i].hash != 0 else { return text(i) == key }
        let from = allTokens[i].start
        let n = allTokens[i].length
        return Text.withBytes(key) { k in
            guard k.count == n else { return false }
            for j in 0..<n where lower(from + j) != k[j] { return false }
            return true
        }
    }

    /// `Text.hasPrefix(text(i), prefix)`: bytes decide, unless a byte ≥ 0x80 (which may be a
    /// combining mark joined to the prefix's last letter) follows the prefix.
    @inline(__always) func hasPrefix(_ i: Int, _ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard i >= 0, i < count, allTokens[i].length >= n else { return false }
        let p = prefix.utf8Start
        let from = allTokens[i].start
        for k in 0..<n where lower(from + k) != p[k] { return false }
        if allTokens[i].length > n && lower(from + n) >= 0x80 { return Text.hasPrefix(text(i), prefix) }
        return true
    }

    /// `Text.hasSuffix(text(i), suffix)` (bytes).
    @inline(__always) func hasSuffix(_ i: Int, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard i >= 0, i < count, allTokens[i].length >= n else { return false }
        let p = suffix.utf8Start
        let from = allTokens[i].end - n
        for k in 0..<n where lower(from + k) != p[k] { return false }
        return true
    }

    /// `Bytes.number` of word `i` without its first `n` bytes (`part2` → 2 for n = 4).
    func number(_ i: Int, droppingPrefix n: Int) -> Int? {
        withWord(i) { u in u.count >= n ? Bytes.number(UnsafeBufferPointer(rebasing: u[n...])) : nil }
    }

    /// Last lower-cased byte of word `i` (nil outside the name).
    @inline(__always) func lastByte(_ i: Int) -> UInt8? { i >= 0 && i < count ? lower(allTokens[i].end - 1) : nil }

    /// Index of the first word whose text is `word` (lower-case ASCII), searching from `from`.
    func index(of word: StaticString, from: Int = 0) -> Int? {
        var i = from
        while i < count {
            if isWord(i, word) { return i }
            i += 1
        }
        return nil
    }

    func contains(_ word: StaticString) -> Bool { index(of: word) != nil }
}
