/// Word tables for the rules: `[String: Value]` and `Set<String>` with a cheaper lookup.
///
/// Nearly every word of a name is looked up in several tables and nearly every lookup misses.
/// Swift's own tables hash with SipHash and compare the full string at every probe; these hash
/// the bytes once (FNV-1a), keep the hashes beside the keys at a low load, and compare strings
/// only when the hashes agree. ASCII words (all but a few) take that path; other words go to the
/// standard dictionary, so Unicode canonical equivalence behaves exactly as before (and skip it
/// when no key can be canonically equal to a non-ASCII word).
struct WordMap<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    /// The same entries as a standard dictionary (for non-ASCII words, `keys`, iteration).
    let dictionary: [String: Value]
    private let hashes: [UInt64]
    private let slotKeys: [String]
    private let slotValues: [Value?]
    private let mask: Int
    /// Some key may be canonically equal to a word that holds a byte ≥ 0x80: a non-ASCII key, or
    /// one holding ";", "`" or "K" (the only ASCII that non-ASCII characters normalize to: U+037E,
    /// U+1FEF, U+212A). When false, such words are in no table.
    private let nonASCIIMayMatch: Bool

    init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        nonASCIIMayMatch = dictionary.keys.contains { $0.utf8.contains { $0 >= 0x80 || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "K") } }
        var capacity = 16
        while capacity < dictionary.count * 4 { capacity <<= 1 }
        var hashes = [UInt64](repeating: 0, count: capacity)
        var keys = [String](repeating: "", count: capacity)
        var values = [Value?](repeating: nil, count: capacity)
        for (key, value) in dictionary {
            let h = WordHash.of(key)
            var i = WordHash.slot(h) & (capacity - 1)
            while hashes[i] != 0 { i = (i + 1) & (capacity - 1) }
            hashes[i] = h
            keys[i] = key
            values[i] = value
        }
        self.hashes = hashes
        self.slotKeys = keys
        self.slotValues = values
        self.mask = capacity - 1
    }

    init(dictionaryLiteral elements: (String, Value)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { first, _ in first }))
    }

    subscript(_ key: String) -> Value? {
        guard let h = WordHash.ascii(key) else { return nonASCIIMayMatch ? dictionary[key] : nil }
        var i = WordHash.slot(h) & mask
        while true {
            let slot = hashes[i]
            if slot == 0 { return nil }
            if slot == h && slotKeys[i] == key { return slotValues[i] }
            i = (i + 1) & mask
        }
    }

    /// The value of word `i` of a name (its hash was taken when the name was split).
    /// nil outside the name (no table has the empty word).
    @inline(__always) subscript(_ t: TokenizedName, _ i: Int) -> Value? {
        guard i >= 0, i < t.count else { return nil }
        let h = t[i].hash
        if h == 0 { return nonASCIIMayMatch ? dictionary[t.text(i)] : nil }
        var k = WordHash.slot(h) & mask
        while true {
            let slot = hashes[k]
            if slot == 0 { return nil }
            if slot == h && t.isWord(i, key: slotKeys[k]) { return slotValues[k] }
            k = (k + 1) & mask
        }
    }

    /// `self[Bytes.lowercased(word)]` for the bytes of a word.
    func value(lowercasing bytes: UnsafeBufferPointer<UInt8>) -> Value? { value(bytes, lowercasing: true) }

    /// `self[String(decoding: bytes, as: UTF8.self)]` for the bytes of a word (case kept).
    func value(bytes: UnsafeBufferPointer<UInt8>) -> Value? { value(bytes, lowercasing: false) }

    /// The value of `bytes` (ASCII letters lower-cased first when `lowercasing`); no string is
    /// made unless a byte is ≥ 0x80.
    private func value(_ bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> Value? {
        @inline(__always) func fold(_ b: UInt8) -> UInt8 { lowercasing ? Bytes.lower(b) : b }
        var h = WordHash.seed
        for b in bytes {
            if b >= 0x80 { return self[String(decoding: bytes.map(fold), as: UTF8.self)] }
            h = WordHash.step(h, fold(b))
        }
        h = WordHash.finish(h)
        var k = WordHash.slot(h) & mask
        while true {
            let slot = hashes[k]
            if slot == 0 { return nil }
            if slot == h, Text.withBytes(slotKeys[k], { key in key.count == bytes.count && !zip(key, bytes).contains { $0 != fold($1) } }) {
                return slotValues[k]
            }
            k = (k + 1) & mask
        }
    }

    var keys: Dictionary<String, Value>.Keys { dictionary.keys }
    var count: Int { dictionary.count }
}

/// A set of words with the lookup of `WordMap`.
struct WordSet: Sendable, ExpressibleByArrayLiteral, Sequence {
    private let map: WordMap<Bool>

    init<S: Sequence>(_ words: S) where S.Element == String {
        var d: [String: Bool] = [:]
        for w in words { d[w] = true }
        map = WordMap(d)
    }

    init(arrayLiteral elements: String...) { self.init(elements) }

    func contains(_ word: String) -> Bool { map[word] != nil }
    /// `contains(Bytes.lowercased(word))` for the bytes of a word, without making the string when
    /// they are ASCII.
    func contains(lowercasing bytes: UnsafeBufferPointer<UInt8>) -> Bool { map.value(lowercasing: bytes) != nil }
    @inline(__always) func contains(_ t: TokenizedName, _ i: Int) -> Bool { map[t, i] != nil }

    func makeIterator() -> Dictionary<String, Bool>.Keys.Iterator { map.keys.makeIterator() }
    var count: Int { map.count }
}

/// FNV-1a over a word's UTF-8 bytes (never 0: 0 marks an empty slot).
enum WordHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) static func step(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    @inline(__always) static func finish(_ h: UInt64) -> UInt64 { h == 0 ? 1 : h }

    @inline(__always) static func slot(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h ^ (h >> 29)) }

    @inline(__always) static func of(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h == 0 ? 1 : h
    }

    /// The hash of an all-ASCII word; nil when the word holds other bytes.
    @inline(__always) static func ascii(_ s: String) -> UInt64? {
        if let h = s.utf8.withContiguousStorageIfAvailable({ p -> UInt64? in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in p {
                if b >= 0x80 { return nil }
                h = (h ^ UInt64(b)) &* 0x100_0000_01b3
            }
            return h == 0 ? 1 : h
        }) {
            return h
        }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            if b >= 0x80 { return nil }
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        return h == 0 ? 1 : h
    }
}
