/// Absolute episode numbers (anime): `[Group] Title - 01 [720p]`, `Title 091-123`, `Title - 12.5`.
enum AnimeRules {
    static let open: [UInt8] = [UInt8(ascii: "["), UInt8(ascii: "(")]

    /// True when a word that follows a number says "this number was an episode".
    static func isTrailer(_ t: TokenizedName, _ j: Int) -> Bool {
        guard j < t.count else { return true }
        let g = t.gap(before: j)
        if g.contains(UInt8(ascii: "[")) || g.contains(UInt8(ascii: "(")) { return true }
        let w = t[j].text
        if QualityFeatures.resolutions[w] != nil || QualityFeatures.singleSources[w] != nil { return true }
        if g.contains(UInt8(ascii: "-")) && g.count >= 2 { return true }
        return ["end", "final", "v2", "v3", "v4", "v0", "raw", "vostfr", "mkv", "mp4", "avi", "x264", "x265", "hevc", "avc", "aac", "eng", "sub", "subs", "dual", "multi"].contains(w)
    }

    /// An episode number (1–4 digits, not a year unless zero-padded) at word `i`.
    static func episodeNumber(_ t: TokenizedName, _ i: Int) -> Int? {
        let tok = t[i]
        if let n = tok.number, tok.digitCount <= 4 {
            if tok.digitCount == 4 && n >= 1900 && n <= 2100 { return nil }
            return n
        }
        // 01v2
        let u = Array(tok.text.utf8)
        if u.count >= 3, let (n, end) = NumberWords.digits(u, 0, max: 4), end == u.count - 2, u[end] == UInt8(ascii: "v"), Bytes.isDigit(u[end + 1]) {
            return n
        }
        return nil
    }

    /// Finds the absolute marker; `hasGroup` is true when the name began with `[Group]`.
    static func absolute(_ t: TokenizedName, from: Int, hasGroup: Bool) -> EpisodeMarker? {
        var best: EpisodeMarker?
        var bestDash = false
        var i = max(from, 0)
        while i < t.count {
            defer { i += 1 }
            if i == from && !(t.gap(before: i).contains(UInt8(ascii: "-"))) && !hasGroup { continue }
            if i == from && hasGroup && i > 0 && t.text(i - 1) == "" { continue }
            let g = t.gap(before: i)
            if g.contains(UInt8(ascii: "[")) || g.contains(UInt8(ascii: "(")) { if best != nil { break } else { continue } }
            let w = t[i].text
            var idx = i
            if w == "episode" || w == "ep" || w == "e", i + 1 < t.count { idx = i + 1 }
            guard let n = episodeNumber(t, idx), idx > from || i > from || hasGroup else {
                if QualityFeatures.resolutions[w] != nil || QualityFeatures.singleSources[w] != nil { break }
                continue
            }
            let dashBefore = t.gap(before: i).contains(UInt8(ascii: "-")) && t.gap(before: i).count >= 2
            var m = EpisodeMarker(.absolute, i, idx + 1)
            m.absolutes = [n]
            // 12.5 specials
            if idx + 1 < t.count, t.separator(before: idx + 1) == UInt8(ascii: "."), t[idx + 1].digitCount == 1, let d = t[idx + 1].number, isTrailer(t, idx + 2) {
                m.absolutes = []
                m.specialAbsolutes = [Double(n) + Double(d) / 10]
                m.end = idx + 2
            } else if idx + 1 < t.count, let sep = t.gap(before: idx + 1).first(where: { $0 != 32 }), sep == UInt8(ascii: "-") || sep == UInt8(ascii: "~"), t.gap(before: idx + 1).count <= 3, let n2 = episodeNumber(t, idx + 1), n2 > n {
                m.absolutes = NumberWords.expand(n, n2)
                m.end = idx + 2
            }
            guard isTrailer(t, m.end) || (hasGroup && m.end == t.count) else { continue }
            if w == "episode" || w == "ep" { return m }
            if best == nil || dashBefore || !bestDash {
                if !(bestDash && !dashBefore) {
                    best = m
                    bestDash = dashBefore
                }
            }
        }
        return best
    }

    /// `E04` (no season) and `Part 1` / `Part One` → season 1.
    static func mini(_ t: TokenizedName, _ i: Int) -> EpisodeMarker? {
        guard i > 0 else { return nil }
        let w = t[i].text
        if let e = NumberWords.episode(w), !w.hasPrefix("ep") || w.count > 2, NumberWords.season(t.text(i - 1)) == nil {
            var m = EpisodeMarker(.mini, i, i + 1)
            m.season = 1
            m.episodes = [e]
            return m
        }
        if w == "part" || w == "pt", i + 1 < t.count, let n = t[i + 1].number ?? NumberWords.numberWords[t[i + 1].text], n > 0, n < 100 {
            var m = EpisodeMarker(.mini, i, i + 2)
            m.season = 1
            m.episodes = [n]
            return m
        }
        return nil
    }

    /// `Title.103.hdtv` → S1E03, `Title.1012` → S10E12, `Title.10910` → S1E09-E10.
    static func compact(_ t: TokenizedName, _ i: Int) -> EpisodeMarker? {
        guard i > 0, let n = t[i].number, i + 1 < t.count else { return nil }
        let next = t[i + 1].text
        guard QualityFeatures.resolutions[next] != nil || QualityFeatures.singleSources[next] != nil || next == "web" || next == "internal" || next == "proper" || next == "repack" else { return nil }
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
