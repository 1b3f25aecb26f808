/// Absolute episode numbers (anime): `[Group] Title - 01 [720p]`, `Title 091-123`, `Title - 12.5`.
enum AnimeRules {
    static let open: [UInt8] = [UInt8(ascii: "["), UInt8(ascii: "(")]

    /// True when a word that follows a number says "this number was an episode".
    static func isTrailer(_ t: TokenizedName, _ j: Int) -> Bool {
        guard j < t.count else { return true }
        let g = t.gap(before: j)
        if g.contains(UInt8(ascii: "[")) || g.contains(UInt8(ascii: "(")) { return true }
        if QualityFeatures.resolutions[t, j] != nil || QualityFeatures.singleSources[t, j] != nil { return true }
        if g.contains(UInt8(ascii: "-")) && g.count >= 2 { return true }
        return trailerWords.contains(t, j)
    }

    static let trailerWords: WordSet = [
        "end", "final", "v2", "v3", "v4", "v0", "raw", "vostfr", "mkv", "mp4", "avi", "x264", "x265", "hevc", "avc", "aac", "eng", "sub", "subs",
        "dual", "multi",
    ]

    /// An episode number (1–4 digits, not a year unless zero-padded) at word `i`.
    static func episodeNumber(_ t: TokenizedName, _ i: Int) -> Int? {
        let tok = t[i]
        if let n = tok.number, tok.digitCount <= 4 {
            if tok.digitCount == 4 && n >= 1900 && n <= 2100 { return nil }
            return n
        }
        guard tok.digitCount == 0, Bytes.isDigit(tok.first) else { return nil }
        // 01v2
        return t.withWord(i) { u in
            guard u.count >= 3, let (n, end) = NumberWords.digits(u, 0, max: 4), end == u.count - 2, u[end] == UInt8(ascii: "v"), Bytes.isDigit(u[end + 1]) else { return nil }
            return n
        }
    }

    static let episodeWords: WordSet = ["episode", "ep", "episodio", "e"]
    static let audioWords: WordSet = ["dd", "ddp", "aac", "ac3", "eac3", "dts", "opus", "flac", "truehd", "atmos", "mp3", "lpcm", "pcm", "h", "x", "ma", "hd", "dd5", "ddp5"]
    static let turkishEpisode: WordSet = ["blm", "bolum", "bölüm"]

    /// Numbers joined by `-` or `~` after word `idx`: `01-13`, `01 ~ 10`, `001-002-003` → last word and the numbers.
    static func range(_ t: TokenizedName, from idx: Int, first n: Int) -> (Int, [Int]) {
        var last = idx
        var lastValue = n
        while last + 1 < t.count {
            let g = t.gap(before: last + 1)
            guard g.count <= 3, g.contains(UInt8(ascii: "-")) || g.contains(UInt8(ascii: "~")),
                g.allSatisfy({ $0 == 32 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "_") }),
                let v = episodeNumber(t, last + 1) ?? epPrefixed(t, last + 1), v > lastValue,
                !(g.contains(32) || g.contains(UInt8(ascii: "_"))) || g.contains(UInt8(ascii: "~")) || t.hasPrefix(last, "0") || t[last].digitCount == t[last + 1].digitCount
            else { break }
            last += 1
            lastValue = v
        }
        return last == idx ? (idx, [n]) : (last, NumberWords.expand(n, lastValue))
    }

    static func epPrefixed(_ t: TokenizedName, _ i: Int) -> Int? {
        guard t.hasPrefix(i, "ep") else { return nil }
        return t.number(i, droppingPrefix: 2)
    }

    /// Finds the absolute marker; `hasGroup` is true when the name began with `[Group]`.
    static func absolute(_ t: TokenizedName, from: Int, hasGroup: Bool) -> EpisodeMarker? {
        var best: EpisodeMarker?
        var bestRank = -1
        var depth = 0
        var i = 0
        while i < t.count {
            depth = t.withBytes((i > 0 ? t[i - 1].end : 0)..<t[i].start) { bracketDepth($0, from: depth) }
            defer { i += 1 }
            guard i >= from else { continue }
            if best != nil && (QualityFeatures.resolutions[t, i] != nil || QualityFeatures.singleSources[t, i] != nil) { break }
            // Only a number, or a word starting with "e" (e05, ep05, episode 5), starts one.
            let f = t[i].first
            guard Bytes.isDigit(f) || f == UInt8(ascii: "e") else { continue }
            switch absoluteAt(t, i, depth: depth, hasGroup: hasGroup) {
            case .none:
                continue
            case .sure(let m):
                return m
            case .ranked(let m, let rank):
                if rank > bestRank || (rank == bestRank && !m.bracketed) {
                    best = m
                    bestRank = rank
                }
                i = m.end - 1
            }
        }
        return best
    }

    /// `depth` after the brackets of `gap`: `[`, `(` and `{` open one, `]`, `)` and `}` close one
    /// that is open.
    static func bracketDepth(_ gap: UnsafeBufferPointer<UInt8>, from depth: Int) -> Int {
        var d = depth
        for b in gap {
            switch b {
            case UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "{"): d += 1
            case UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "}"): if d > 0 { d -= 1 }
            default: break
            }
        }
        return d
    }

    /// What the absolute-number scan finds at one word.
    enum AbsoluteHit {
        case none
        /// Taken at once ("Episode 5", a Turkish "Bölüm").
        case sure(EpisodeMarker)
        /// A candidate; the highest rank wins (a dash before it ranks highest).
        case ranked(EpisodeMarker, Int)
    }

    /// An absolute episode number (or range, or `12.5` special) starting at word `i`, inside
    /// brackets `depth` deep.
    static func absoluteAt(_ t: TokenizedName, _ i: Int, depth: Int, hasGroup: Bool) -> AbsoluteHit {
        var idx = i
        var prefixed = false
        if episodeWords.contains(t, i), i + 1 < t.count, t[i + 1].number != nil { idx = i + 1; prefixed = true }
        var n = episodeNumber(t, idx)
        if n == nil, let e = epPrefixed(t, i) ?? NumberWords.episode(t, i), !t.hasPrefix(i, "e") || t[i].length >= 2 {
            n = e
            prefixed = true
        }
        guard let n else { return .none }
        if i == 0 && !hasGroup { return .none }
        // "DD5.1", "AAC2.0", "H.265" are audio and codec numbers.
        if i > 0, t.separator(before: i) == UInt8(ascii: "."), let p = t.lastByte(i - 1), Bytes.isDigit(p) || t.isWord(i - 1, "h") || t.isWord(i - 1, "x") { return .none }
        if i > 0, audioWords.contains(t, i - 1), t.gap(before: i).count <= 2 { return .none }
        let g = t.gap(before: i)
        let dashBefore = g.contains(UInt8(ascii: "-")) && (g.count >= 2 || g.first == UInt8(ascii: "_"))
        var m = EpisodeMarker(.absolute, i, idx + 1)
        let (last, numbers) = numbersOrSpecial(t, idx, first: n, dashBefore: dashBefore, into: &m)
        let inOwnBracket = depth > 0 && (g.last == UInt8(ascii: "[") || g.last == UInt8(ascii: "(") || g.last == UInt8(ascii: "{"))
            && [UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "}")].contains(m.end < t.count ? t.gap(before: m.end).first ?? 0 : (t[last].end < t.byteCount ? t.byte(t[last].end) : 0))
        if depth > 0 && !inOwnBracket { return .none }
        if turkishEpisode.contains(t, m.end) { return .sure(m) }
        guard prefixed || inOwnBracket || isTrailer(t, m.end) || (hasGroup && m.end == t.count) || (hasGroup && t[idx].digitCount >= 2 && t.hasPrefix(idx, "0")) else { return .none }
        if prefixed && !t.isWord(i, "e") && !t.hasPrefix(i, "e") || t.isWord(i, "episode") || t.isWord(i, "episodio") { return .sure(m) }
        m.bracketed = inOwnBracket
        return .ranked(m, dashBefore ? 3 : (inOwnBracket ? 2 : (numbers.count > 1 ? 2 : 1)))
    }

    /// Fills `m` with the numbers from word `idx` (a range `01-03`, or a `12.5` special) and
    /// returns the last word read and the whole numbers.
    static func numbersOrSpecial(_ t: TokenizedName, _ idx: Int, first n: Int, dashBefore: Bool, into m: inout EpisodeMarker) -> (Int, [Int]) {
        var (last, numbers) = range(t, from: idx, first: n)
        m.absolutes = numbers
        m.end = last + 1
        // 12.5 specials
        // (5.1, 2.0 and 7.1 without a dash before them are audio channels, not specials)
        if last == idx, idx + 1 < t.count, t.separator(before: idx + 1) == UInt8(ascii: "."), t[idx + 1].digitCount == 1, let d = t[idx + 1].number,
            dashBefore || !([1, 2, 5, 6, 7].contains(n) && d <= 1)
        {
            m.absolutes = []
            m.specialAbsolutes = [Double(n) + Double(d) / 10]
            m.end = idx + 2
            last = idx + 1
            numbers = []
        }
        return (last, numbers)
    }

    /// `part…` or `pt`: the only words starting with "p" that `mini` reads.
    static func isPartWord(_ t: TokenizedName, _ i: Int) -> Bool {
        t.hasPrefix(i, "part") || t.isWord(i, "pt")
    }

    /// `E04` (no season) and `Part 1` / `Part One` → season 1.
    static func mini(_ t: TokenizedName, _ i: Int) -> EpisodeMarker? {
        guard i > 0, i < t.count else { return nil }
        let f = t[i].first
        guard f == UInt8(ascii: "e") || f == UInt8(ascii: "p") || Bytes.isDigit(f) else { return nil }
        // E04 after a year or before a yymmdd date is a mini-series episode; otherwise an absolute number.
        if let e = NumberWords.episode(t, i), !t.hasPrefix(i, "ep"), NumberWords.season(t, i - 1) == nil {
            var end = i + 1
            var eps = [e]
            if end < t.count, t.gap(before: end).contains(UInt8(ascii: "-")), let e2 = NumberWords.episode(t, end), e2 > e {
                eps = NumberWords.expand(e, e2)
                end += 1
            }
            let dated = end < t.count && (t[end].digitCount == 6 || (QualityFeatures.resolutions[t, end] != nil && t[i].length <= 3 && !t.gap(before: i).contains(32)))
            let afterYear = t[i - 1].digitCount == 4 && (t[i - 1].number ?? 0) >= 1900
            let rangeBeforeQuality = eps.count > 1 && end < t.count && (QualityFeatures.resolutions[t, end] != nil || dated)
            guard dated || afterYear || rangeBeforeQuality else { return nil }
            var m = EpisodeMarker(.mini, i, end)
            m.season = 1
            m.episodes = eps
            return m
        }
        // "5of9": episode 5 of a 9-part mini-series; "Part01".
        if let n = episodeOf(t, i) {
            var m = EpisodeMarker(.mini, i, i + 1)
            m.season = 1
            m.episodes = [n]
            return m
        }
        if t.hasPrefix(i, "part"), let n = t.number(i, droppingPrefix: 4), n > 0, n < 100 {
            var m = EpisodeMarker(.mini, i, i + 1)
            m.season = 1
            m.episodes = [n]
            return m
        }
        if t.isWord(i, "part") || t.isWord(i, "pt"), i + 1 < t.count, let n = t[i + 1].number ?? NumberWords.numberWords[t, i + 1], n > 0, n < 100 {
            var m = EpisodeMarker(.mini, i, i + 2)
            m.season = 1
            m.episodes = [n]
            return m
        }
        return nil
    }

    /// `5of9` → 5: digits, "of", digits (a combining mark after the "o" or "f" makes a byte that is
    /// no digit, so the bytes decide as the characters would).
    static func episodeOf(_ t: TokenizedName, _ i: Int) -> Int? {
        t.withWord(i) { u in
            guard let o = u.firstIndex(of: UInt8(ascii: "o")), let n = Bytes.number(u[..<o]), o + 1 < u.count, u[o + 1] == UInt8(ascii: "f"),
                Bytes.number(u[(o + 2)...]) != nil, n > 0
            else { return nil }
            return n
        }
    }

    /// `Title.103.hdtv` → S1E03, `Title.1012` → S10E12, `Title.10910` → S1E09-E10.
    static func compact(_ t: TokenizedName, _ i: Int) -> EpisodeMarker? {
        guard i > 0, let n = t[i].number, t.gap(before: i).count == 1 else { return nil }
        // `H.264`, `x.265`: a codec, not season 2 episode 64 (Sonarr strips `[xh][\W_]?26[45]` first).
        if t.isWord(i - 1, "h") || t.isWord(i - 1, "x") { return nil }
        if i + 1 < t.count {
            let j = i + 1
            let nextCompact = t[j].digitCount == t[i].digitCount && t.separator(before: j) == t.separator(before: i)
            let groupFollows = i + 2 == t.count && t.gap(before: j) == [UInt8(ascii: "-")]
            guard QualityFeatures.resolutions[t, j] != nil || QualityFeatures.singleSources[t, j] != nil || t.isWord(j, "web") || t.isWord(j, "internal") || t.isWord(j, "proper")
                || t.isWord(j, "repack") || nextCompact || groupFollows
            else { return nil }
        }
        var m = EpisodeMarker(.compact, i, i + 1)
        switch t[i].digitCount {
        case 3:
            guard n / 100 > 0 else { return nil }
            m.season = n / 100
            m.episodes = [n % 100]
        case 4:
            if n >= 1900 && n <= 2100 { return nil }
            m.season = n / 100
            m.episodes = [n % 100]
        case 5:
            let s = n / 10000
            let a = (n / 100) % 100
            let b = n % 100
            guard s > 0, b == a + 1 else { return nil }
            m.season = s
            m.episodes = [a, b]
        default: return nil
        }
        guard let e = m.episodes.first, e > 0 else { return nil }
        return m
    }
}
