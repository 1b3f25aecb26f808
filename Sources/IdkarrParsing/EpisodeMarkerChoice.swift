/// Choosing the episode marker of a name among the candidates the rules find.
extension EpisodeParser {
    /// The first marker of each kind in a name (scanning stops at the first `SxxEyy`).
    struct Candidates {
        var standard: EpisodeMarker?
        var pack: EpisodeMarker?
        var daily: EpisodeMarker?
        var mini: EpisodeMarker?
        var compact: EpisodeMarker?

        /// Fills in the candidates of the words `t` (a mutating scan: an initializer built them
        /// aside and copied them, with every marker's arrays).
        mutating func scan(_ t: borrowing TokenizedName) {
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
                if mini == nil, i > 0, f == UInt8(ascii: "e") || (f == UInt8(ascii: "p") && AnimeRules.isPartWord(t, i)) || (digit && tok.digitCount == 0 && t.withWord(i) { $0.contains(UInt8(ascii: "o")) }),
                    let m = AnimeRules.mini(t, i)
                {
                    mini = m
                }
                if compact == nil, i > 0, t[i].number != nil, let m = AnimeRules.compact(t, i) { compact = m }
            }
        }
    }

    /// The marker and the word where the title ends. (The winning candidate is moved out, not
    /// copied: a marker copy retains each of its arrays and strings.)
    static func findMarker(_ t: TokenizedName, hasGroup: Bool) -> (EpisodeMarker, Int)? {
        var c = Candidates()
        c.scan(t)
        if c.daily?.start == 0, c.daily?.invalid == false, c.standard == nil || c.standard!.start > 0 { return (c.daily.take()!, 0) }
        if c.standard != nil { return standardMarker(t, c.standard.take()!, daily: c.daily, hasGroup: hasGroup) }
        let absolute = AnimeRules.absolute(t, from: 1, hasGroup: hasGroup) ?? (hasGroup ? AnimeRules.absolute(t, from: 0, hasGroup: true) : nil)
        if c.pack != nil { return packMarker(t, c.pack.take()!, absolute: absolute, hasGroup: hasGroup) }
        return otherMarker(t, &c, absolute: absolute, hasGroup: hasGroup)
    }

    /// `SxxEyy`, with the anime absolute number written beside it ("Title - 05 - S01E05").
    static func standardMarker(_ t: TokenizedName, _ m: consuming EpisodeMarker, daily: EpisodeMarker?, hasGroup: Bool) -> (EpisodeMarker, Int) {
        var end = titleEnd(t, m.start)
        if daily?.invalid == false, daily?.end == m.start, let d = daily?.start, d > 0 { end = d }
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
    static func packMarker(_ t: TokenizedName, _ p: consuming EpisodeMarker, absolute: consuming EpisodeMarker?, hasGroup: Bool) -> (EpisodeMarker, Int) {
        // "Title S2 - 07", "Title S21 999", "Title S03 - EP14": the season tag is part of an anime title.
        if NumberWords.season(t, p.start) != nil, !p.multiSeason, !p.partialSeason, !p.extras,
            let a = AnimeRules.absolute(t, from: p.start + 1, hasGroup: true), a.start == p.start + 1
        {
            return (a, a.start)
        }
        if let aStart = absolute?.start, aStart >= p.end, !p.extras, !p.special, !NumberWords.seasonWords.contains(t, p.start) || hasGroup || t.gap(before: aStart).contains(UInt8(ascii: "-")) {
            var a = absolute.take()!
            a.season = p.season
            return (a, p.start)
        }
        let end = titleEnd(t, p.start)
        return (p, end)
    }

    /// No `SxxEyy` and no season pack: mini-series, daily, absolute or compact (`101`) numbers.
    /// The winner is taken out of `c` (or `absolute`).
    static func otherMarker(_ t: TokenizedName, _ c: inout Candidates, absolute: consuming EpisodeMarker?, hasGroup: Bool) -> (EpisodeMarker, Int)? {
        let (aStart, aEnd) = (absolute?.start, absolute?.end)
        if let mStart = c.mini?.start, let mEnd = c.mini?.end, c.daily == nil || c.daily!.start >= mEnd - 1 || c.daily!.invalid == false && c.daily!.start == mEnd {
            if aStart == nil || aStart! >= mStart || t.hasPrefix(mStart, "e") { return (c.mini.take()!, mStart) }
        }
        if let aStart, let aEnd, AnimeRules.turkishEpisode.contains(t, aEnd) { return (absolute.take()!, aStart) }
        if let invalid = c.daily?.invalid {
            if invalid { return nil }
            var end = c.daily!.start
            if end > 1, NumberWords.episode(t, end - 1) != nil { end -= 1 }
            return (c.daily.take()!, end)
        }
        if absolute != nil, let special = absoluteConfidence(t, absolute!, hasGroup: hasGroup) {
            var a = absolute.take()!
            if special { a.special = true }
            let start = a.start
            return (a, start)
        }
        if let mStart = c.mini?.start { return (c.mini.take()!, mStart) }
        if var compact = c.compact.take() {
            // "Title.101.102": a second compact number continues the list.
            if compact.end < t.count, let next = AnimeRules.compact(t, compact.end), next.season == compact.season {
                compact.episodes += next.episodes
                compact.end = next.end
            }
            let start = compact.start
            return (compact, start)
        }
        if let aStart, let aEnd, aStart > 0, t[aStart].number == nil || AnimeRules.turkishEpisode.contains(t, aEnd) { return (absolute.take()!, aStart) }
        return nil
    }

    static let absoluteFollowers: WordSet = ["vostfr", "vf", "multi"]

    /// Whether an absolute number is confident enough to win over a mini-series or compact
    /// number: nil when it is not, else whether it is a special.
    static func absoluteConfidence(_ t: TokenizedName, _ a: EpisodeMarker, hasGroup: Bool) -> Bool? {
        if a.end < t.count, specialWords.contains(t, a.end) { return true }
        if a.bracketed || (t.hasPrefix(a.start, "0") && a.end < t.count && QualityFeatures.resolutions[t, a.end] != nil)
            || (a.end < t.count && absoluteFollowers.contains(t, a.end)) || t.gap(before: a.start).last == UInt8(ascii: "#")
        {
            return false
        }
        if hasGroup || a.specialAbsolutes.count > 0 || t.gap(before: a.start).contains(UInt8(ascii: "-")) || a.absolutes.count > 1 {
            return false
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
