/// Reads series, season and episodes from a release title (Sonarr's ParseTitle).
enum EpisodeParser {
    static func parse(_ title: String) -> ParsedRelease? {
        var name = TitlePrep.prepare(PathText.lastComponent(title))
        if name.isEmpty || TitlePrep.looksLikeHash(name) { return nil }
        if let reversed = Reversal.unreverse(name) { name = reversed }
        let (group, bodyStart) = leadingGroup(name)
        let full = TokenizedName(name)
        let bodyBytes = Array(name.utf8)[bodyStart...]
        let body = TokenizedName(bytes: Array(bodyBytes))
        guard var (marker, titleEnd) = findMarker(body, hasGroup: group != nil) ?? bracketOnly(name, bodyStart) else { return nil }
        var r = ParsedRelease()
        r.kind = .episode
        r.releaseTitle = name
        var seriesTitle = titleText(body, titleEnd)
        if marker.kind == .absolute || group != nil { seriesTitle = animeTitle(seriesTitle) }
        if let (clean, season) = trailingSeasonInParens(seriesTitle), marker.kind == .absolute {
            seriesTitle = clean
            marker.season = season
        }
        if marker.kind == .bracketTitle { seriesTitle = marker.bracketTitle ?? seriesTitle }
        apply(marker, to: &r)
        r.seriesTitle = seriesTitle
        r.seriesTitleInfo = SeriesTitles.info(seriesTitle)
        r.quality = QualityParser.parse(full)
        r.languages = LanguageParser.parseLanguages(full, from: LanguageParser.languageStart(full))
        if r.languages != [.unknown], full.contains("dl"), !r.languages.contains(.original) {
            r.languages.append(.original)
        }
        r.releaseGroup = group ?? ReleaseGroupParser.parse(name)
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
            guard tagLike, c + 1 < u.count, u[(c + 1)...].contains(where: { $0 != UInt8(ascii: "[") && Bytes.isWordByte($0) }) else { k = j; break }
            k = c + 1
        }
        return (group, k)
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
        if var m = standard {
            var end = titleEnd(t, m.start)
            // Anime: "Title - 05 - S01E05" or "Title - S01E01 - 001"
            if end > 0, let n = AnimeRules.episodeNumber(t, end - 1), t.gap(before: end - 1).contains(UInt8(ascii: "-")), end - 1 > 0, t[end - 1].digitCount >= 2 || hasGroup {
                m.absolutes = [n]
                end -= 1
            } else if m.end < t.count, let n = t[m.end].number, t[m.end].digitCount >= 2, t[m.end].digitCount <= 4,
                t.gap(before: m.end).contains(UInt8(ascii: "-")), AnimeRules.isTrailer(t, m.end + 1) || hasGroup
            {
                m.absolutes = [n]
            }
            return (m, end)
        }
        let absolute = AnimeRules.absolute(t, from: 1, hasGroup: hasGroup) ?? (hasGroup ? AnimeRules.absolute(t, from: 0, hasGroup: true) : nil)
        if let p = pack {
            if hasGroup, var a = absolute, a.start >= p.end {
                if t[p.start].text.hasPrefix("s") && NumberWords.season(t[p.start].text) != nil {
                    return (a, a.start)
                }
                a.season = p.season
                return (a, p.start)
            }
            return (p, titleEnd(t, p.start))
        }
        if let d = daily { return (d, d.start) }
        if let a = absolute, hasGroup || a.specialAbsolutes.count > 0 || t.gap(before: a.start).contains(UInt8(ascii: "-")) || a.absolutes.count > 1 {
            return (a, a.start)
        }
        if let m = mini { return (m, m.start) }
        if let c = compact { return (c, c.start) }
        if let a = absolute { return (a, a.start) }
        return nil
    }

    /// The title ends before the marker, or before a season word just ahead of it ("Temporada 2 … Cap.408").
    static func titleEnd(_ t: TokenizedName, _ start: Int) -> Int {
        var k = 0
        while k < start {
            if NumberWords.seasonWords.contains(t[k].text), k > 0, t.gap(before: k).contains(UInt8(ascii: "-")) { return k }
            k += 1
        }
        return start
    }

    static func titleText(_ t: TokenizedName, _ end: Int) -> String {
        guard end > 0 else { return "" }
        let raw = Text.string(t.bytes[0..<t[end - 1].end])
        return SeriesTitles.normalize(raw, keepTrailing: t.bytes.count > t[end - 1].end ? t.bytes[t[end - 1].end] : nil)
    }

    /// `日本語 / English Title` → the last part; `Title S02` keeps a short season tag as `S2`.
    static func animeTitle(_ s: String) -> String {
        var title = s
        if let after = Text.after(last: " / ", in: title) { title = after }
        if let last = title.split(separator: " ").last, let season = NumberWords.season(Bytes.lowercased(String(last))), last.count == 3 {
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
            guard u[i] == UInt8(ascii: "["), let c = u[i...].firstIndex(of: UInt8(ascii: "]")) else {
                if u[i] == 32 { i += 1; continue }
                break
            }
            parts.append(Text.string(u[(i + 1)..<c]))
            i = c + 1
        }
        guard parts.count >= 3 else { return nil }
        var title: String?
        for p in parts.dropFirst() {
            if let n = Bytes.number(p), p.utf8.count <= 4, !(p.utf8.count == 4 && n >= 1900 && n <= 2100), let title {
                var m = EpisodeMarker(.bracketTitle, 0, 0)
                m.absolutes = [n]
                m.bracketTitle = title
                return (m, 0)
            }
            if title == nil || p.utf8.contains(where: { $0 >= 0x80 }) == false {
                let candidate = p.split(separator: "/").last.map { Text.trimmed(String($0)) } ?? p
                if candidate.utf8.contains(where: { $0 >= 0x80 || Bytes.isLetter($0) }), Bytes.number(candidate) == nil, QualityFeatures.resolutions[Bytes.lowercased(candidate)] == nil {
                    if title == nil || candidate.utf8.contains(where: Bytes.isLetter) && !(title!.utf8.contains(where: Bytes.isLetter)) || (title != nil && p.contains("/")) {
                        title = candidate
                    }
                }
            }
        }
        return nil
    }
}

/// Titles of series: normalization and the title/year split.
enum SeriesTitles {
    static func normalize(_ raw: String, keepTrailing: UInt8?) -> String {
        var u: [UInt8] = []
        for b in raw.utf8 { u.append(b == UInt8(ascii: "_") || b == UInt8(ascii: ".") ? 32 : b) }
        var s = Text.collapseSpaces(Text.string(u))
        s = Text.trim(s, [32, UInt8(ascii: "-"), UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "|"), UInt8(ascii: "/"), UInt8(ascii: ",")])
        if keepTrailing == UInt8(ascii: ")"), s.utf8.contains(UInt8(ascii: "(")) {
            let opens = s.utf8.filter { $0 == UInt8(ascii: "(") }.count
            let closes = s.utf8.filter { $0 == UInt8(ascii: ")") }.count
            if opens > closes { s += ")" }
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
    static func unreverse(_ s: String) -> String? {
        let t = TokenizedName(s)
        for tok in t.tokens {
            let u = Array(tok.text.utf8)
            guard u.count >= 6, u.last == UInt8(ascii: "s"), let e = u.firstIndex(of: UInt8(ascii: "e")) else { continue }
            if u[..<e].allSatisfy(Bytes.isDigit) && u[(e + 1)..<(u.count - 1)].allSatisfy(Bytes.isDigit) && e >= 2 {
                return String(String.UnicodeScalarView(s.unicodeScalars.reversed()))
            }
        }
        return nil
    }
}
