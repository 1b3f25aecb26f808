/// Reads series, season and episodes from a release title (Sonarr's ParseTitle).
enum EpisodeParser {
    static func parse(_ title: String) -> ParsedRelease? {
        // "Босх: Спадок / Series: Legacy (S2E1)": a non-Latin title, then the Latin one; read the latter.
        if let (left, right) = Text.split(title, around: " / "), left.utf8.first.map({ $0 >= 0xC0 }) == true, right.utf8.contains(where: Bytes.isLetter),
            var r = parse(right)
        {
            var native = left
            if let paren = native.firstIndex(of: "(") { native = String(native[..<paren]) }
            native = Text.trimmed(native)
            if var info = r.seriesTitleInfo, !native.isEmpty { info.allTitles = [native] + info.allTitles; r.seriesTitleInfo = info }
            r.languages = LanguageParser.parseLanguages(title)
            r.releaseTitle = TitlePrep.prepare(title)
            return r
        }
        var name = TitlePrep.prepare(title)
        if name.isEmpty || TitlePrep.looksLikeHash(name) { return nil }
        var qualitySource = title
        if let reversed = Reversal.unreverse(name) {
            name = reversed
            qualitySource = reversed + (Reversal.extensionOf(title).map { "." + $0 } ?? "")
        }
        var (group, bodyStart) = leadingGroup(name)
        var datePrefixed = false
        if group == nil, let skip = leadingShortDate(name) { bodyStart = skip; datePrefixed = true }
        let full = TokenizedName(name)
        let body = bodyStart == 0 ? full : TokenizedName(bytes: Array(full.bytes[bodyStart...]))
        let allBrackets = group != nil && Text.containsBytes(name, [0x5D, 0x5B]) || (group != nil && Text.containsBytes(name, [0xE2, 0x98, 0x85]))
        guard var (marker, titleEnd) = (allBrackets ? bracketOnly(name, bodyStart) : nil) ?? findMarker(body, hasGroup: group != nil) ?? bracketOnly(name, bodyStart) ?? specialMarker(body, hasGroup: group != nil) else { return nil }
        var r = ParsedRelease()
        r.kind = .episode
        r.releaseTitle = name
        var seriesTitle = titleText(body, titleEnd)
        if marker.kind == .absolute || group != nil { seriesTitle = animeTitle(seriesTitle, shortenSeason: group != nil) }
        if let (clean, season) = trailingSeasonInParens(seriesTitle), marker.kind == .absolute {
            seriesTitle = clean
            marker.season = season
        }
        if marker.kind == .bracketTitle { seriesTitle = marker.bracketTitle ?? seriesTitle }
        if datePrefixed, marker.kind == .absolute, marker.absolutes.count == 1, let n = marker.absolutes.first {
            marker.absolutes = []
            marker.episodes = [n]
            marker.season = 1
            marker.kind = .mini
        }
        apply(marker, to: &r)
        r.seriesTitle = seriesTitle
        r.seriesTitleInfo = SeriesTitles.info(seriesTitle)
        r.quality = QualityParser.parse(qualitySource.utf8.count < 400 ? TokenizedName.reusing(full, for: Text.trimmed(qualitySource)) : full)
        r.languages = LanguageParser.parseLanguages(full, from: LanguageParser.languageStart(full))
        r.releaseGroup = group ?? ReleaseGroupParser.parse(prepared: name)
        r.releaseHash = ReleaseHash.find(full)
        return r
    }

    static func apply(_ m: EpisodeMarker, to r: inout ParsedRelease) {
        r.seasonNumber = m.season
        r.episodeNumbers = m.episodes
        r.absoluteEpisodeNumbers = m.absolutes
        r.specialAbsoluteEpisodeNumbers = m.specialAbsolutes
        r.airDate = m.airDate
        r.dailyPart = m.dailyPart
        r.fullSeason = m.fullSeason
        r.isMultiSeason = m.multiSeason
        r.isPartialSeason = m.partialSeason
        r.seasonPart = m.seasonPart
        r.isSeasonExtra = m.extras
        r.special = m.special || (m.season == 0 && !m.episodes.isEmpty)
        r.isSplitEpisode = m.split
        if m.kind == .absolute || m.kind == .bracketTitle, r.seasonNumber == nil { r.seasonNumber = 0 }
    }

    /// `S1E1-8 of 8`: every episode of the season is a season pack.
    static func ofTotal(_ t: TokenizedName, _ m: inout EpisodeMarker) {
        guard m.end + 1 < t.count, t[m.end].text.isWord("of"), let total = t[m.end + 1].number,
            m.episodes.first == 1, m.episodes.last == total, m.episodes.count > 1
        else { return }
        m.episodes = []
        m.fullSeason = true
    }

    /// S01E11.5 (a special between episodes) and S06E01b (a split episode).
    static func standardExtras(_ t: TokenizedName, _ m: inout EpisodeMarker) {
        if m.end < t.count, t.separator(before: m.end) == UInt8(ascii: "."), t[m.end].digitCount == 1 {
            m.special = true
            m.end += 1
        }
        let u = Array(t[m.start].text.utf8)
        if let l = u.last, l >= 97 && l <= 100, u.count >= 2, Bytes.isDigit(u[u.count - 2]), NumberWords.seasonEpisode(Text.string(u.dropLast())) != nil {
            m.split = true
        }
    }

    /// `[Group] …` → (group, byte offset where the rest starts). Further leading tags such as
    /// `[509103]` are skipped too.
    static func leadingGroup(_ name: String) -> (String?, Int) {
        let u = Array(name.utf8)
        guard u.first == UInt8(ascii: "["), let close = u.firstIndex(of: UInt8(ascii: "]")) else { return (nil, 0) }
        let group = ReleaseGroupParser.animeGroup(name)
        var k = close + 1
        // Skip further leading bracket tags that hold no letters of a title ([509103], [1080p]).
        while true {
            var j = k
            while j < u.count, u[j] == 32 || u[j] == UInt8(ascii: ".") || u[j] == UInt8(ascii: "_") || u[j] == UInt8(ascii: "-") { j += 1 }
            guard j < u.count, u[j] == UInt8(ascii: "["), let c = u[j...].firstIndex(of: UInt8(ascii: "]")) else { k = j; break }
            let inner = TokenizedName(bytes: Array(u[(j + 1)..<c]))
            let tagLike = inner.tokens.allSatisfy { $0.isNumber || QualityFeatures.resolutions[$0.text] != nil || QualityFeatures.singleSources[$0.text] != nil }
            var after = c + 1
            while after < u.count, u[after] == 32 || u[after] == UInt8(ascii: "_") || u[after] == UInt8(ascii: ".") { after += 1 }
            let titleFollows = after < u.count && u[after] != UInt8(ascii: "[") && u[after] != UInt8(ascii: "(")
            guard tagLike || titleFollows, c + 1 < u.count, u[(c + 1)...].contains(where: { $0 != UInt8(ascii: "[") && Bytes.isWordByte($0) }) else { k = j; break }
            k = c + 1
        }
        return (group, k)
    }

    /// `221208 Title ep11`: a leading yymmdd broadcast date → where the rest starts.
    static func leadingShortDate(_ name: String) -> Int? {
        let u = Array(name.utf8)
        guard u.count > 8, u[0..<6].allSatisfy(Bytes.isDigit), u[6] == 32 else { return nil }
        let v = Int(Text.string(u[0..<6])) ?? 0
        guard EpisodeRules.date(2000 + v / 10000, (v / 100) % 100, v % 100) != nil else { return nil }
        return 7
    }

    /// The marker and the word where the title ends.
    static func findMarker(_ t: TokenizedName, hasGroup: Bool) -> (EpisodeMarker, Int)? {
        var standard: EpisodeMarker?
        var pack: EpisodeMarker?
        var daily: EpisodeMarker?
        var mini: EpisodeMarker?
        var compact: EpisodeMarker?
        for i in 0..<t.count {
            if standard == nil, let m = EpisodeRules.standard(t, i) { standard = m; break }
            if pack == nil, let m = EpisodeRules.seasonPack(t, i) { pack = m }
            if daily == nil, let m = EpisodeRules.daily(t, i) { daily = m }
            if mini == nil, let m = AnimeRules.mini(t, i) { mini = m }
            if compact == nil, let m = AnimeRules.compact(t, i) { compact = m }
        }
        if let d = daily, d.start == 0, !d.invalid, standard == nil || standard!.start > 0 { return (d, 0) }
        if var m = standard {
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
                let padded = Text.hasPrefix(t[m.end].text, "0")
                if (viaDash || viaDot || hasGroup) && (padded || (hasGroup && t[m.end].digitCount >= 3 && (AnimeRules.isTrailer(t, m.end + 1)))) {
                    m.absolutes = AnimeRules.range(t, from: m.end, first: n).1
                }
            }
            return (m, end)
        }
        let absolute = AnimeRules.absolute(t, from: 1, hasGroup: hasGroup) ?? (hasGroup ? AnimeRules.absolute(t, from: 0, hasGroup: true) : nil)
        if let p = pack {
            // "Title S2 - 07", "Title S21 999", "Title S03 - EP14": the season tag is part of an anime title.
            if NumberWords.season(t[p.start].text) != nil, !p.multiSeason, !p.partialSeason, !p.extras,
                let a = AnimeRules.absolute(t, from: p.start + 1, hasGroup: true), a.start == p.start + 1
            {
                return (a, a.start)
            }
            if var a = absolute, a.start >= p.end, !p.extras, !p.special, !NumberWords.seasonWords.contains(t[p.start].text) || hasGroup || t.gap(before: a.start).contains(UInt8(ascii: "-")) {
                a.season = p.season
                return (a, p.start)
            }
            return (p, titleEnd(t, p.start))
        }
        if let m = mini, daily == nil || daily!.start >= m.end - 1 || daily!.invalid == false && daily!.start == m.end {
            if absolute == nil || absolute!.start >= m.start || Text.hasPrefix(t[m.start].text, "e") { return (m, m.start) }
        }
        if let a = absolute, AnimeRules.turkishEpisode.contains(t.text(a.end)) { return (a, a.start) }
        if let d = daily {
            if d.invalid {
                if let a = absolute, AnimeRules.turkishEpisode.contains(t.text(a.end)) { return (a, a.start) }
                return nil
            }
            var end = d.start
            if end > 1, NumberWords.episode(t[end - 1].text) != nil { end -= 1 }
            return (d, end)
        }
        if var a = absolute, a.end < t.count, specialWords.contains(t[a.end].text) { a.special = true; return (a, a.start) }
        if let a = absolute, a.bracketed || (Text.hasPrefix(t[a.start].text, "0") && a.end < t.count && QualityFeatures.resolutions[t[a.end].text] != nil)
            || (a.end < t.count && ["vostfr", "vf", "multi"].contains(t[a.end].text)) || t.gap(before: a.start).last == UInt8(ascii: "#")
        {
            return (a, a.start)
        }
        if let a = absolute, hasGroup || a.specialAbsolutes.count > 0 || t.gap(before: a.start).contains(UInt8(ascii: "-")) || a.absolutes.count > 1 {
            return (a, a.start)
        }
        if let m = mini { return (m, m.start) }
        if var c = compact {
            // "Title.101.102": a second compact number continues the list.
            if c.end < t.count, let next = AnimeRules.compact(t, c.end), next.season == c.season { c.episodes += next.episodes; c.end = next.end }
            return (c, c.start)
        }
        if let a = absolute, a.start > 0, t[a.start].number == nil || AnimeRules.turkishEpisode.contains(t.text(a.end)) { return (a, a.start) }
        return nil
    }

    static let specialWords: WordSet = ["ova", "ovd", "oad", "ncop", "nced", "special", "sp"]

    /// `[Group] Title - NCOP`, `[Group] Title OVA - …`: a special without numbers.
    static func specialMarker(_ t: TokenizedName, hasGroup: Bool) -> (EpisodeMarker, Int)? {
        guard hasGroup else { return nil }
        for i in 1..<max(t.count, 1) where specialWords.contains(t[i].text) {
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
            if NumberWords.seasonWords.contains(t[k].text), k > 0, t.gap(before: k).contains(UInt8(ascii: "-")) { return k }
            // "Title [HDTV 720p][Cap.101]": a bracket of quality words ends the title.
            if k > 0, t.gap(before: k).contains(UInt8(ascii: "[")),
                (k..<start).allSatisfy({ QualityFeatures.resolutions[t[$0].text] != nil || QualityFeatures.singleSources[t[$0].text] != nil || t[$0].text.isWord("cap") })
            {
                return k
            }
            k += 1
        }
        // "Title Complete Series S01": drop the trailing "Complete (Series)".
        var end = start
        if end >= 2, t[end - 1].text.isWord("series"), t[end - 2].text.isWord("complete") { end -= 2 } else if end >= 2, t[end - 1].text.isWord("complete") { end -= 1 }
        return end
    }

    static func titleText(_ t: TokenizedName, _ end: Int) -> String {
        guard end > 0 else { return "" }
        var stop = t[end - 1].end
        while stop < t.bytes.count, t.bytes[stop] == UInt8(ascii: "!") || t.bytes[stop] == UInt8(ascii: ":") || t.bytes[stop] == UInt8(ascii: "?") { stop += 1 }
        var from = 0
        // "我的人间烟火.Fireworks.Series": a CJK title before the Latin one is dropped.
        if t.count > 1, t[0].text.utf8.allSatisfy({ $0 >= 0xE3 || ($0 >= 0x80 && $0 < 0xC0) }), t[0].text.utf8.first.map({ $0 >= 0xE3 }) == true,
            t.gap(before: 1) == [UInt8(ascii: ".")], (1..<end).allSatisfy({ t[$0].text.utf8.allSatisfy { $0 < 0x80 } })
        {
            from = t[1].start
        }
        // "【site】中文[tags].Latin.Title": keep what follows the last bracket when CJK text precedes it.
        if let close = t.bytes[from..<stop].lastIndex(of: UInt8(ascii: "]")), t.bytes[from..<close].contains(where: { $0 >= 0xE3 }),
            t.bytes[(close + 1)..<stop].contains(where: Bytes.isLetter)
        {
            from = close + 1
        }
        let raw = Text.string(t.bytes[from..<stop].filter { $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") })
        let next: UInt8? = stop < t.bytes.count ? t.bytes[stop] : nil
        return SeriesTitles.normalize(raw, keepTrailing: next)
    }

    /// `日本語 / English Title` → the last part; `Title S02` keeps a short season tag as `S2`.
    static func animeTitle(_ s: String, shortenSeason: Bool) -> String {
        var title = s
        for sep in [" / ", " | ", "·", "/"] {
            if let after = Text.after(last: sep, in: title), after.utf8.contains(where: Bytes.isLetter) { title = Text.trimmed(after) }
        }
        // Trailing CJK words after a Latin title ("SERIES 靦腆英雄"); without CJK bytes or spare
        // spaces the split and join below would give back the same title.
        let u = title.utf8
        let plain = !u.contains(where: { $0 >= 0xE2 }) && u.first != 32 && u.last != 32 && !Text.containsBytes(title, [32, 32])
        if !plain, title.utf8.contains(where: Bytes.isLetter) {
            var words = title.split(separator: " ").map(String.init)
            while let last = words.last, words.count > 1, last.unicodeScalars.allSatisfy({ $0.value >= 0x2E80 }) { words.removeLast() }
            title = words.joined(separator: " ")
        }
        if shortenSeason, let last = title.split(separator: " ").last, let season = NumberWords.season(Bytes.lowercased(String(last))), last.count == 3 {
            title = String(title.dropLast(last.count)) + "S\(season)"
        }
        return title
    }

    /// `Title (Season 2)` → ("Title", 2).
    static func trailingSeasonInParens(_ s: String) -> (String, Int)? {
        let t = TokenizedName(s)
        guard t.count >= 3, let n = t[t.count - 1].number, NumberWords.seasonWords.contains(t[t.count - 2].text),
            t.gap(before: t.count - 2).last == UInt8(ascii: "(")
        else { return nil }
        return (SeriesTitles.normalize(Text.string(t.bytes[0..<t[t.count - 3].end]), keepTrailing: nil), n)
    }

    /// `[Group][中文][English Title][2019][02][1080p]` — every part in brackets.
    static func bracketOnly(_ name: String, _ bodyStart: Int) -> (EpisodeMarker, Int)? {
        let u = Array(name.utf8)
        var parts: [String] = []
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "["), let c = u[i...].firstIndex(of: UInt8(ascii: "]")) {
                parts.append(Text.string(u[(i + 1)..<c]))
                i = c + 1
            } else if u[i] == 32 || u[i] == UInt8(ascii: ".") || u[i] == UInt8(ascii: "_") {
                i += 1
            } else if u[i] >= 0x80 && parts.count < 2 {
                // "★10月新番★" between tags
                var j = i
                while j < u.count, u[j] != UInt8(ascii: "[") { j += 1 }
                i = j
            } else {
                break
            }
        }
        guard parts.count >= 3 else { return nil }
        var title: String?
        var titleMixed = false
        var fallback: String?
        for p in parts.dropFirst() {
            if let numbers = bracketEpisode(p), let t = title ?? fallback {
                var m = EpisodeMarker(.bracketTitle, 0, 0)
                m.absolutes = numbers
                m.bracketTitle = t
                return (m, 0)
            }
            if p.contains("新番") || p.contains("国漫") || Bytes.number(p) != nil { continue }
            let tokens = TokenizedName(p)
            if tokens.tokens.allSatisfy({ QualityFeatures.singleSources[$0.text] != nil || QualityFeatures.resolutions[$0.text] != nil }) && tokens.count > 0 { continue }
            if let latin = latinTitle(p), title == nil || (!p.utf8.contains(where: { $0 >= 0x80 }) && titleMixed) {
                titleMixed = p.utf8.contains(where: { $0 >= 0x80 })
                title = animeTitle(latin, shortenSeason: true)
            }
            if p.utf8.contains(where: { $0 >= 0x80 }) { fallback = Text.trimmed(p) }
        }
        return nil
    }

    /// `02`, `12END`, `13完`, `215 Fin`, `第05话`, `第1008話`, `857集`, `88-91`, `01-24完` → episode numbers.
    static func bracketEpisode(_ p: String) -> [Int]? {
        var s = Text.trimmed(p)
        for prefix in ["第"] where s.hasPrefix(prefix) { s.removeFirst() }
        let u = Array(s.utf8)
        guard let (a, end) = NumberWords.digits(u, 0, max: 4), !(end == 4 && a >= 1900 && a <= 2100) else { return nil }
        var rest = Text.trimmed(Text.string(u[end...]))
        var numbers = [a]
        if rest.hasPrefix("-"), let (b, e2) = NumberWords.digits(Array(rest.utf8), 1, max: 4), b > a {
            numbers = NumberWords.expand(a, b)
            rest = Text.trimmed(Text.string(Array(rest.utf8)[e2...]))
        }
        let lower = Bytes.lowercased(rest)
        guard rest.isEmpty || ["end", "fin", "完", "话", "話", "集", "v2", "v3"].contains(lower) else { return nil }
        return numbers
    }

    /// The Latin-script part of a bracketed title (`名侦探柯南·Series Title` → `Series Title`).
    static func latinTitle(_ p: String) -> String? {
        guard p.utf8.contains(where: Bytes.isLetter) else { return nil }
        var s = p
        for sep in ["/", "_", "·", "|"] {
            if let after = Text.after(last: sep, in: s), after.utf8.contains(where: Bytes.isLetter),
                sep != "_" || Text.string(Array(s.utf8)[..<(s.utf8.count - after.utf8.count)]).utf8.contains(where: { $0 >= 0x80 })
            {
                s = after
            }
        }
        s = Text.replace(s, [UInt8(ascii: "_")], with: 32)
        // Drop CJK words at either end.
        let words = s.split(separator: " ").map(String.init).filter { w in !w.utf8.allSatisfy({ $0 >= 0x80 }) }
        var out = words.joined(separator: " ")
        while let first = out.unicodeScalars.first, first.value >= 0x2E80 { out.unicodeScalars.removeFirst() }
        let trimmed = Text.trim(out, [32, UInt8(ascii: "-"), UInt8(ascii: "~")])
        return trimmed.isEmpty ? nil : trimmed
    }

}

/// Titles of series: normalization and the title/year split.
enum SeriesTitles {
    static func normalize(_ raw: String, keepTrailing: UInt8?) -> String {
        var u: [UInt8] = []
        for b in raw.utf8 { u.append(b == UInt8(ascii: "_") || b == UInt8(ascii: ".") ? 32 : b) }
        var s = Text.collapseSpaces(Text.string(u))
        s = Text.trim(s, [32, UInt8(ascii: "-"), UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "|"), UInt8(ascii: "/"), UInt8(ascii: ",")])
        for (open, close) in [(UInt8(ascii: "("), UInt8(ascii: ")")), (UInt8(ascii: "["), UInt8(ascii: "]"))] where keepTrailing == close || open == UInt8(ascii: "(") {
            let opens = s.utf8.filter { $0 == open }.count
            let closes = s.utf8.filter { $0 == close }.count
            if opens > closes { s += String(UnicodeScalar(close)) }
        }
        return s
    }

    static func info(_ title: String) -> SeriesTitleInfo {
        let t = TokenizedName(title)
        var withoutYear = title
        var year = 0
        if t.count >= 2, let last = t.tokens.last, last.digitCount == 4, let y = last.number, y >= 1900, y <= 2100 {
            year = y
            withoutYear = SeriesTitles.normalize(Text.string(t.bytes[0..<t[t.count - 2].end]), keepTrailing: nil)
        }
        var all: [String] = []
        if let (a, b) = Text.split(withoutYear, around: " aka ") {
            all = [a, b]
        } else {
            all = [withoutYear]
        }
        return SeriesTitleInfo(title: title, titleWithoutYear: withoutYear, year: year, allTitles: all)
    }
}

/// `[ABCD1234]` CRC tags of anime releases.
enum ReleaseHash {
    static func find(_ t: TokenizedName) -> String? {
        var found: String?
        for i in 0..<t.count where t[i].length == 8 {
            let u = t.bytes[t[i].start..<t[i].end]
            guard u.allSatisfy({ Bytes.isDigit($0) || (Bytes.upper($0) >= 65 && Bytes.upper($0) <= 70) }) else { continue }
            let before = t.gap(before: i).last
            let after: UInt8? = t[i].end < t.bytes.count ? t.bytes[t[i].end] : nil
            if (before == UInt8(ascii: "[") && after == UInt8(ascii: "]")) || (before == UInt8(ascii: "(") && after == UInt8(ascii: ")")) {
                found = Text.string(u)
            }
        }
        return found
    }
}

/// Names written backwards (`50E50S.denorD`).
enum Reversal {
    static func extensionOf(_ s: String) -> String? {
        let t = TokenizedName(s)
        guard let last = t.tokens.last, Extensions.video.contains(last.text), t.gap(before: t.count - 1) == [UInt8(ascii: ".")] else { return nil }
        return last.text
    }

    static func unreverse(_ s: String) -> String? {
        // Cheap test first: a digit followed by "S" (the end of a reversed "S01").
        var sawDigitS = false
        var prevDigit = false
        for b in s.utf8 {
            if (b == UInt8(ascii: "S") || b == UInt8(ascii: "s")) && prevDigit { sawDigitS = true; break }
            prevDigit = Bytes.isDigit(b)
        }
        guard sawDigitS else { return nil }
        let t = TokenizedName(s)
        for tok in t.tokens {
            let u = Array(tok.text.utf8)
            guard u.count >= 6, u.last == UInt8(ascii: "s"), let e = u.firstIndex(of: UInt8(ascii: "e")) else { continue }
            if u[..<e].allSatisfy(Bytes.isDigit) && u[(e + 1)..<(u.count - 1)].allSatisfy(Bytes.isDigit) && e >= 2 {
                // Keep the file extension where it is.
                var body = s
                var ext = ""
                if let last = t.tokens.last, Extensions.video.contains(last.text), t.gap(before: t.count - 1) == [UInt8(ascii: ".")] {
                    body = Text.string(Array(s.utf8)[..<(last.start - 1)])
                    ext = "." + Text.string(Array(s.utf8)[last.start...])
                }
                return String(String.UnicodeScalarView(body.unicodeScalars.reversed())) + ext
            }
        }
        return nil
    }
}
