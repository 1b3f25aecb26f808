/// Where a name says which episode it is, found by `EpisodeRules`: the words `start..<end` hold
/// the marker and everything before `start` is the title.
///
/// Rules make and copy many markers, so the fields are packed (small numbers as `Int32`, the
/// flags in one byte): a marker is 80 bytes, which the compiler copies inline.
struct EpisodeMarker {
    enum Class: UInt8, Comparable {
        case standard = 0, seasonPack, daily, absolute, mini, compact, bracketTitle
        static func < (a: Class, b: Class) -> Bool { a.rawValue < b.rawValue }
    }

    var episodes: [Int] = []
    var absolutes: [Int] = []
    var specialAbsolutes: [Double] = []
    var airDate: String?
    var bracketTitle: String?
    // Word indices and numbers (all below 10^9: at most nine digits are read as a number).
    @Int32Stored var start: Int
    @Int32Stored var end: Int
    private var seasonValue: Int32 = Self.absent
    private var dailyPartValue: Int32 = Self.absent
    @Int32Stored var seasonPart: Int = 0
    var kind: Class
    private var flags: Flags = []

    private static let absent = Int32.min

    private struct Flags: OptionSet {
        let rawValue: UInt8
        static let fullSeason = Flags(rawValue: 1), multiSeason = Flags(rawValue: 2), partialSeason = Flags(rawValue: 4)
        static let extras = Flags(rawValue: 8), special = Flags(rawValue: 16), split = Flags(rawValue: 32)
        static let invalid = Flags(rawValue: 64), bracketed = Flags(rawValue: 128)
    }

    init(_ kind: Class, _ start: Int, _ end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    var season: Int? {
        get { seasonValue == Self.absent ? nil : Int(seasonValue) }
        set { seasonValue = newValue.map { Int32($0) } ?? Self.absent }
    }
    var dailyPart: Int? {
        get { dailyPartValue == Self.absent ? nil : Int(dailyPartValue) }
        set { dailyPartValue = newValue.map { Int32($0) } ?? Self.absent }
    }

    private func flag(_ f: Flags) -> Bool { flags.contains(f) }
    private mutating func setFlag(_ f: Flags, _ on: Bool) { if on { flags.insert(f) } else { flags.remove(f) } }

    var fullSeason: Bool { get { flag(.fullSeason) } set { setFlag(.fullSeason, newValue) } }
    var multiSeason: Bool { get { flag(.multiSeason) } set { setFlag(.multiSeason, newValue) } }
    var partialSeason: Bool { get { flag(.partialSeason) } set { setFlag(.partialSeason, newValue) } }
    var extras: Bool { get { flag(.extras) } set { setFlag(.extras, newValue) } }
    var special: Bool { get { flag(.special) } set { setFlag(.special, newValue) } }
    var split: Bool { get { flag(.split) } set { setFlag(.split, newValue) } }
    /// A date that rules the name out (before 1951, or day-first).
    var invalid: Bool { get { flag(.invalid) } set { setFlag(.invalid, newValue) } }
    /// An absolute number alone in its own brackets: `{01}`, `[01]`.
    var bracketed: Bool { get { flag(.bracketed) } set { setFlag(.bracketed, newValue) } }
}

/// An `Int` kept in 32 bits (word and byte offsets, small numbers), so that the structs the rules
/// copy most (markers, words) stay small.
@propertyWrapper struct Int32Stored: Sendable {
    private var raw: Int32
    init(wrappedValue: Int) { raw = Int32(wrappedValue) }
    var wrappedValue: Int {
        get { Int(raw) }
        set { raw = Int32(newValue) }
    }
}

/// Number words: `s01e02`, `1x02`, `e02`, `ep02`. Each rule reads a word's lower-cased bytes; it
/// is called with a word of a split name (`t`, `i`) or with a `String`.
enum NumberWords {
    typealias Bytes8 = UnsafeBufferPointer<UInt8>

    static func seasonEpisode(_ w: String) -> (Int, [Int])? { Text.withBytes(w) { seasonEpisode($0) } }
    static func seasonEpisode(_ t: TokenizedName, _ i: Int) -> (Int, [Int])? { t.withWord(i) { seasonEpisode($0) } }
    static func season(_ w: String) -> Int? { Text.withBytes(w) { season($0) } }
    static func season(_ t: TokenizedName, _ i: Int) -> Int? { t.withWord(i) { season($0) } }
    static func episode(_ w: String) -> Int? { Text.withBytes(w) { episode($0) } }
    static func episode(_ t: TokenizedName, _ i: Int) -> Int? { t.withWord(i) { episode($0) } }
    static func crossForm(_ t: TokenizedName, _ i: Int) -> (Int, [Int])? { t.withWord(i) { crossForm($0) } }
    static func gluedSeason(_ t: TokenizedName, _ i: Int) -> Int? { t.withWord(i) { gluedSeason($0) } }
    static func episodeRun(_ t: TokenizedName, _ i: Int) -> [Int]? { t.withWord(i) { episodeRun($0) } }

    /// `s01e02e03…` / `s01e02-e03` inside one word → (season, [episodes]).
    static func seasonEpisode(_ u: Bytes8) -> (Int, [Int])? {
        guard u.count >= 4, u[0] == UInt8(ascii: "s") else { return nil }
        var i = 1
        guard let (season, a) = digits(u, i, max: 4) else { return nil }
        i = a
        var episodes: [Int] = []
        while i < u.count {
            if u[i] == UInt8(ascii: "e") {
                var j = i + 1
                if j < u.count, u[j] == UInt8(ascii: "p") { j += 1 }
                guard let (ep, b) = digits(u, j, max: 4) else { break }
                episodes.append(ep)
                i = b
            } else if u[i] == UInt8(ascii: "v"), i + 1 < u.count, Bytes.isDigit(u[i + 1]), i + 2 == u.count {
                i = u.count  // version suffix
            } else if u[i] >= 97 && u[i] <= 100, i + 1 == u.count, !episodes.isEmpty {
                i = u.count  // split episode: S06E01b
            } else {
                return nil
            }
        }
        guard !episodes.isEmpty, i == u.count else { return nil }
        return (season, episodes)
    }

    /// `s01`, `s2018` → season.
    static func season(_ u: Bytes8) -> Int? {
        guard u.count >= 2, u.count <= 5, u[0] == UInt8(ascii: "s"), let (s, e) = digits(u, 1, max: 4), e == u.count else { return nil }
        return s
    }

    /// `e05`, `ep05`, `e05v2` → episode.
    static func episode(_ u: Bytes8) -> Int? {
        guard u.count >= 2, u[0] == UInt8(ascii: "e") else { return nil }
        var i = 1
        if u[i] == UInt8(ascii: "p") { i += 1 }
        guard let (e, end) = digits(u, i, max: 5) else { return nil }
        if end == u.count { return e }
        if end + 2 == u.count, u[end] == UInt8(ascii: "v"), Bytes.isDigit(u[end + 1]) { return e }
        return nil
    }

    /// `1x05`, `01x05x06`, `1x05v2` → (season, episodes).
    static func crossForm(_ u: Bytes8) -> (Int, [Int])? {
        guard let f = u.first, Bytes.isDigit(f), u.count >= 3, u.contains(UInt8(ascii: "x")) else { return nil }
        guard let (season, a) = digits(u, 0, max: 4), a < u.count, u[a] == UInt8(ascii: "x"), a <= 2 || (1900...2100).contains(season) else { return nil }
        var i = a
        var eps: [Int] = []
        while i < u.count, u[i] == UInt8(ascii: "x") {
            guard let (ep, b) = digits(u, i + 1, max: 3) else { return nil }
            eps.append(ep)
            i = b
        }
        if i + 2 == u.count, u[i] == UInt8(ascii: "v"), Bytes.isDigit(u[i + 1]) { i = u.count }
        guard i == u.count, !eps.isEmpty else { return nil }
        return (season, eps)
    }

    static func digits<C: RandomAccessCollection>(_ u: C, _ from: Int, max: Int) -> (Int, Int)? where C.Element == UInt8, C.Index == Int {
        var i = from
        var v = 0
        while i < u.count, Bytes.isDigit(u[i]), i - from < max {
            v = v * 10 + Int(u[i] - 48)
            i += 1
        }
        guard i > from else { return nil }
        if i < u.count, Bytes.isDigit(u[i]) { return nil }
        return (v, i)
    }

    static let seasonWords: WordSet = ["season", "saison", "temporada", "stagione", "seizoen", "sezon", "staffel", "seasons", "сезон", "Сезон", "se"]
    static let episodeWords: WordSet = ["episode", "ep", "episodes", "episodio", "capitulo", "cap", "folge", "odcinek", "afl", "aflevering"]

    /// `season4`, `saison3` → season. (A prefix followed by a combining mark ends in a byte that
    /// is no digit, so comparing bytes gives what comparing characters would.)
    static func gluedSeason(_ u: Bytes8) -> Int? {
        guard let f = u.first, f == UInt8(ascii: "s") || f == UInt8(ascii: "t"), u.count > 6 else { return nil }
        for p: StaticString in ["season", "saison", "staffel", "temporada"] where u.count >= p.utf8CodeUnitCount {
            let n = p.utf8CodeUnitCount
            guard (0..<n).allSatisfy({ u[$0] == p.utf8Start[$0] }) else { continue }
            guard let (v, end) = digits(u, n, max: 9), end == u.count else { return nil }
            return v
        }
        return nil
    }

    /// `e1e3` → [1, 2, 3].
    static func episodeRun(_ u: Bytes8) -> [Int]? {
        guard u.count >= 4, u[0] == UInt8(ascii: "e") else { return nil }
        var i = 0
        var eps: [Int] = []
        while i < u.count, u[i] == UInt8(ascii: "e"), let (n, end) = digits(u, i + 1, max: 4) {
            eps.append(n)
            i = end
        }
        guard i == u.count, eps.count >= 2, let f = eps.first, let l = eps.last, l > f else { return nil }
        return expand(f, l)
    }

    static let numberWords: WordMap<Int> = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
    ]

    static func expand(_ a: Int, _ b: Int) -> [Int] {
        guard b > a, b - a <= 500 else { return [a, b] }
        return Array(a...b)
    }
}
