/// Choosing the episode marker of a name among the candidates the rules find.
extension EpisodeParser {
    /// The first marker of each kind in a name (scanning stops at the first `SxxEyy`).
    struct Candidates {
        var standard: EpisodeMarker?
        var pack: EpisodeMarker?
        var daily: EpisodeMarker?
        var mini: EpisodeMarker?
        var compact: EpisodeMarker?

        init(_ t: borrowing TokenizedName) {
            for i in 0..<t.count {
                // Each rule starts with a word of its own first bytes; the others are skipped here.
                let tok = t[i]
                let f = tok.first
                let digit = Bytes.isDigit(f)
                // "s" and a digit (s01e02, s01, s2018), a season word, or a glued one (season4).
                let sDigit = f == UInt8(ascii: "s") && tok.length >= 2 && Bytes.isDigit(t.byte(tok.start + 1))
                let seasonWord = (f == UInt8(ascii: "s") || f == UInt8(ascii: "t") || f >= 0x80) && NumberWords.seasonWords.contains(t, i)
                if standard == nil, sDigit || seasonWord || (digit && tok.digitCount == 0) || t.isWord(i, "cap"), let m = EpisodeRules.standard(t, i) {
                    standard = m
                    break
                }
                guard i > 0 || digit else { continue }
                if pack == nil, i > 0, sDigit || seasonWord || ((f == UInt8(ascii: "s") || f == UInt8(ascii: "t")) && tok.length > 6) || t.isWord(i, "s") || t.isWord(i, "series"),
                    let m = EpisodeRules.seasonPack(t, i)
                {
                    pack = m
                }
                if daily == nil, digit, let m = EpisodeRules.daily(t, i) { daily = m }
                if mini == nil, i > 0, f == UInt8(ascii: "e") || (f == UInt8(ascii: "p") && AnimeRules.isPartWord(t, i)) || (digit && t.bytes[tok.start..<tok.end].contains { $0 | 0x20 == UInt8(ascii: "o") }),
                    let m = AnimeRules.mini(t, i)
                {
                    mini = m
                }
                if compact == nil, i > 0, t[i].number != nil, let m = AnimeRules.compact(t, i) { compact = m }
            }
        }
    }

    /// The marker and the word where the title ends.
    static func findMarker(_ t: TokenizedName, hasGroup: Bool) -> (EpisodeMarker, Int)? {
        let c = Candidates(t)
        if let d = c.daily, d.start == 0, !d.invalid, c.standard == nil || c.standard!.start > 0 { return (d, 0) }
        if let m = c.standard { return standardMarker(t, m, daily: c.daily, hasGroup: hasGroup) }
        let absolute = AnimeRules.absolute(t, from: 1, hasGroup: hasGroup) ?? (hasGroup ? AnimeRules.absolute(t, from: 0, hasGroup: true) : nil)
        if let p = c.pack { return packMarker(t, p, absolute: absolute, hasGroup: hasGroup) }
        return otherMarker(t, c, absolute: absolute, hasGroup: hasGroup)
    }

    /// `SxxEyy`, with the anime absolute number written beside it ("Title - 05 - S01E05").
    static func standardMarker(_ t: TokenizedName, _ marker: EpisodeMarker, daily: EpisodeMarker?, hasGroup: Bool) -> (EpisodeMarker, Int) {
        var m = marker
        var end = titleEnd(t, m.start)
        if let d = daily, !d.invalid, d.end == m.start, d.start > 0 { end = d.start }
        ofTotal(t, &m)
        standardExtras(t, &m)
        // Anime: "Title - 05 - S01E05", "Title - 05.5 - S00E01" or "Title - S01E01 - 001"
        if end >= 3, t.separator(before: end - 1) == UInt8(ascii: "."), t[end - 1].digitCount == 1, let d = t[end - 1].number,
            let n = AnimeRules.episodeNumber(t, end - 2), t.gap(before: end - 2).contains(UInt8(ascii: "-"))
        {
            m.specialAbsolutes = [Double(n) + Double(d) / 10]
            end -= 2
        } else if end > 1, let n = AnimeRules.episodeNumber(t, end - 1), t.gap(before: end - 1).contains(UInt8(ascii: "-")) || (hasGroup && t[end - 1].digitCount >= 3), t[end - 1].digitCount >= 2 || hasGroup,
            t.gap(before: end).contains(UInt8(ascii: "-")) || hasGroup
        {
            m.absolutes = [n]
            end -= 1
        } else if m.end < t.count, let n = t[m.end].number, t[m.end].digitCount >= 2, t[m.end].digitCount <= 4, !((1900...2100).contains(n) && t[m.end].digitCount == 4) {
            let g = t.gap(before: m.end)
            let viaDash = g.contains(UInt8(ascii: "-")) || g.last == UInt8(ascii: "(")
            let viaDot = g == [UInt8(ascii: ".")] && t[m.end].digitCount == 3
            let padded = t.hasPrefix(m.end, "0")
            if (viaDash || viaDot || hasGroup) && (padded || (hasGroup && t[m.end].digitCount >= 3 && (AnimeRules.isTrailer(t, m.end + 1)))) {
                m.absolutes = AnimeRules.range(t, from: m.end, first: n).1
            }
        }
        return (m, end)
    }

    /// A season pack, unless its season tag belongs to an anime title followed by an absolute number.
    static func packMarker(_ t: TokenizedName, _ p: EpisodeMarker, absolute: EpisodeMarker?, hasGroup: Bool) -> (EpisodeMarker, Int) {
        // "Title S2 - 07", "Title S21 999", "Title S03 - EP14": the season tag is part of an anime title.
        if NumberWords.season(t, p.start) != nil, !p.multiSeason, !p.partialSeason, !p.extras,
            let a = AnimeRules.absolute(t, from: p.start + 1, hasGroup: true), a.start == p.start + 1
        {
            return (a, a.start)
        }
        if var a = absolute, a.start >= p.end, !p.extras, !p.special, !NumberWords.seasonWords.contains(t, p.start) || hasGroup || t.gap(before: a.start).contains(UInt8(ascii: "-")) {
            a.season = p.season
            return (a, p.start)
        }
        return (p, titleEnd(t, p.start))
    }

    /// No `SxxEyy` and no season pack: mini-series, daily, absolute or compact (`101`) numbers.
    static func otherMarker(_ t: TokenizedName, _ c: Candidates, absolute: EpisodeMarker?, hasGroup: Bool) -> (EpisodeMarker, Int)? {
        let daily = c.daily
        if let m = c.mini, daily == nil || daily!.start >= m.end - 1 || daily!.invalid == false && daily!.start == m.end {
            if absolute == nil || absolute!.start >= m.start || t.hasPrefix(m.start, "e") { return (m, m.start) }
        }
        if let a = absolute, AnimeRules.turkishEpisode.contains(t, a.end) { return (a, a.start) }
        if let d = daily {
            if d.invalid { return nil }
            var end = d.start
            if end > 1, NumberWords.episode(t, end - 1) != nil { end -= 1 }
            return (d, end)
        }
        if let a = absolute, let chosen = absoluteMarker(t, a, hasGroup: hasGroup) { return chosen }
        if let m = c.mini { return (m, m.start) }
        if var compact = c.compact {
            // "Title.101.102": a second compact number continues the list.
            if compact.end < t.count, let next = AnimeRules.compact(t, compact.end), next.season == compact.season {
                compact.episodes += next.episodes
                compact.end = next.end
            }
            return (compact, compact.start)
        }
        if let a = absolute, a.start > 0, t[a.start].number == nil || AnimeRules.turkishEpisode.contains(t, a.end) { return (a, a.start) }
        return nil
    }

    static let absoluteFollowers: WordSet = ["vostfr", "vf", "multi"]

    /// An absolute number confident enough to win over a mini-series or compact number.
    static func absoluteMarker(_ t: TokenizedName, _ absolute: EpisodeMarker, hasGroup: Bool) -> (EpisodeMarker, Int)? {
        var a = absolute
        if a.end < t.count, specialWords.contains(t, a.end) { a.special = true; return (a, a.start) }
        if a.bracketed || (t.hasPrefix(a.start, "0") && a.end < t.count && QualityFeatures.resolutions[t, a.end] != nil)
            || (a.end < t.count && absoluteFollowers.contains(t, a.end)) || t.gap(before: a.start).last == UInt8(ascii: "#")
        {
            return (a, a.start)
        }
        if hasGroup || a.specialAbsolutes.count > 0 || t.gap(before: a.start).contains(UInt8(ascii: "-")) || a.absolutes.count > 1 {
            return (a, a.start)
        }
        return nil
    }

    static let specialWords: WordSet = ["ova", "ovd", "oad", "ncop", "nced", "special", "sp"]

    /// `[Group] Title - NCOP`, `[Group] Title OVA - …`: a special without numbers.
    static func specialMarker(_ t: TokenizedName, hasGroup: Bool) -> (EpisodeMarker, Int)? {
        guard hasGroup else { return nil }
        for i in 1..<max(t.count, 1) where specialWords.contains(t, i) {
            var m = EpisodeMarker(.absolute, i, i + 1)
            m.special = true
            m.season = 0
            return (m, i)
        }
        return nil
    }

    /// The title ends before the marker, or before a season word just ahead of it ("Temporada 2 … Cap.408").
    static func titleEnd(_ t: TokenizedName, _ start: Int) -> Int {
        var k = 0
        while k < start {
            if NumberWords.seasonWords.contains(t, k), k > 0, t.gap(before: k).contains(UInt8(ascii: "-")) { return k }
            // "Title [HDTV 720p][Cap.101]": a bracket of quality words ends the title.
            if k > 0, t.gap(before: k).contains(UInt8(ascii: "[")),
                (k..<start).allSatisfy({ QualityFeatures.resolutions[t, $0] != nil || QualityFeatures.singleSources[t, $0] != nil || t.isWord($0, "cap") })
            {
                return k
            }
            k += 1
        }
        // "Title Complete Series S01": drop the trailing "Complete (Series)".
        var end = start
        if end >= 2, t.isWord(end - 1, "series"), t.isWord(end - 2, "complete") { end -= 2 } else if end >= 2, t.isWord(end - 1, "complete") { end -= 1 }
        return end
    }
}
