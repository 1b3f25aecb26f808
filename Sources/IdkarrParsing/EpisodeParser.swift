/// Reads series, season and episodes from a release title (Sonarr's ParseTitle).
enum EpisodeParser {
    static func parse(_ title: String) -> ParsedRelease? { parse(PreparedName(title)) }

    static func parse(_ prepared: PreparedName) -> ParsedRelease? {
        let title = prepared.title
        // "Босх: Спадок / Series: Legacy (S2E1)": a non-Latin title, then the Latin one; read the latter.
        // (The part before " / " starts as the title does, so a title that starts with ASCII has no such part.)
        if Text.withBytes(title, { ($0.first ?? 0) >= 0xC0 }), let (left, right) = Text.split(title, around: " / "), left.utf8.first.map({ $0 >= 0xC0 }) == true,
            right.utf8.contains(where: Bytes.isLetter),
            var r = parse(right)
        {
            var native = left
            if let paren = native.firstIndex(of: "(") { native = String(native[..<paren]) }
            native = Text.trimmed(native)
            if var info = r.seriesTitleInfo, !native.isEmpty { info.allTitles = [native] + info.allTitles; r.seriesTitleInfo = info }
            r.languages = LanguageParser.parseLanguages(title)
            r.releaseTitle = prepared.name
            return r
        }
        if prepared.rejected { return nil }
        if let reversed = Reversal.unreverse(prepared.name, prepared.full) {
            let qualitySource = reversed + (Reversal.extensionOf(title).map { "." + $0 } ?? "")
            return parse(PreparedName(title: title, name: reversed, screen: false), qualitySource: qualitySource)
        }
        return parse(prepared, qualitySource: title)
    }

    /// The episode a prepared name names; its quality is read from `qualitySource`.
    static func parse(_ p: PreparedName, qualitySource: String) -> ParsedRelease? {
        let name = p.name
        var (group, bodyStart) = (p.group, p.bodyStart)
        var datePrefixed = false
        if group == nil, let skip = leadingShortDate(name) { bodyStart = skip; datePrefixed = true }
        let full = p.full
        let body = p.body(from: bodyStart)
        let allBrackets = group != nil && Text.containsBytes(name, [0x5D, 0x5B]) || (group != nil && Text.containsBytes(name, [0xE2, 0x98, 0x85]))
        // (Names of brackets only are read as such first, the others when no marker is found.)
        guard let (marker, titleEnd) = (allBrackets ? bracketOnly(name, bodyStart) : nil) ?? findMarker(body, hasGroup: group != nil)
            ?? (allBrackets ? nil : bracketOnly(name, bodyStart)) ?? specialMarker(body, hasGroup: group != nil)
        else { return nil }
        var r = ParsedRelease()
        fill(&r, p, body, marker, titleEnd: titleEnd, datePrefixed: datePrefixed, qualitySource: qualitySource)
        return r
    }

    /// Fills `r` with the release of a name whose marker was found (`body`: its words after the
    /// leading group). (Filling the caller's value in place spares a copy of the result.)
    @inline(never) static func fill(_ r: inout ParsedRelease, _ p: PreparedName, _ body: TokenizedName, _ marker: consuming EpisodeMarker, titleEnd: Int, datePrefixed: Bool, qualitySource: String) {
        let (name, group, full) = (p.name, p.group, p.full)
        r.kind = .episode
        r.releaseTitle = name
        var seriesTitle = titleText(body, titleEnd)
        if marker.kind == .absolute || group != nil { seriesTitle = animeTitle(seriesTitle, shortenSeason: group != nil) }
        if marker.kind == .absolute, let (clean, season) = trailingSeasonInParens(seriesTitle) {
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
        apply(&marker, to: &r)
        // `Title.Part.2.2011.1080p`: a part number right before a year is how movies in parts are
        // named; `parse` weighs it against the movie reading.
        if marker.kind == .mini, marker.end < body.count, let year = body[marker.end].number, body[marker.end].digitCount == 4,
            (1900...2100).contains(year)
        {
            r.partBeforeYear = true
        }
        r.seriesTitle = seriesTitle
        r.seriesTitleInfo = SeriesTitles.info(seriesTitle)
        r.quality = QualityParser.parse(p.qualityWords(qualitySource))
        r.languages = LanguageParser.parseLanguages(full, from: LanguageParser.languageStart(full))
        r.releaseGroup = group ?? ReleaseGroupParser.parse(prepared: name, tokens: full)
        r.releaseHash = ReleaseHash.find(full)
    }

    /// Moves what the marker says into a new release `r` (its numbers and date are swapped in,
    /// not copied; `m` keeps `r`'s empty ones).
    static func apply(_ m: inout EpisodeMarker, to r: inout ParsedRelease) {
        r.seasonNumber = m.season
        r.special = m.special || (m.season == 0 && !m.episodes.isEmpty)
        swap(&r.episodeNumbers, &m.episodes)
        swap(&r.absoluteEpisodeNumbers, &m.absolutes)
        swap(&r.specialAbsoluteEpisodeNumbers, &m.specialAbsolutes)
        swap(&r.airDate, &m.airDate)
        r.dailyPart = m.dailyPart
        r.fullSeason = m.fullSeason
        r.isMultiSeason = m.multiSeason
        r.isPartialSeason = m.partialSeason
        r.seasonPart = m.seasonPart
        r.isSeasonExtra = m.extras
        r.isSplitEpisode = m.split
        if m.kind == .absolute || m.kind == .bracketTitle, r.seasonNumber == nil { r.seasonNumber = 0 }
    }

    /// `S1E1-8 of 8`: every episode of the season is a season pack.
    static func ofTotal(_ t: TokenizedName, _ m: inout EpisodeMarker) {
        guard m.end + 1 < t.count, t.isWord(m.end, "of"), let total = t[m.end + 1].number,
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
        let split = t.withWord(m.start) { u in
            guard let l = u.last, l >= 97 && l <= 100, u.count >= 2, Bytes.isDigit(u[u.count - 2]) else { return false }
            return NumberWords.seasonEpisode(UnsafeBufferPointer(rebasing: u.dropLast())) != nil
        }
        if split { m.split = true }
    }

    /// `[Group] …` → (group, byte offset where the rest starts). Further leading tags such as
    /// `[509103]` are skipped too.
    /// `words`: the words of `name`.
    static func leadingGroup(_ name: String, _ words: TokenizedName) -> (String?, Int) {
        guard Text.withBytes(name, { $0.first }) == UInt8(ascii: "[") else { return (nil, 0) }
        let u = words.bytes
        guard u.first == UInt8(ascii: "["), let close = u.firstIndex(of: UInt8(ascii: "]")) else { return (nil, 0) }
        let group = ReleaseGroupParser.animeGroup(name, words: words)
        var k = close + 1
        // Skip further leading bracket tags that hold no letters of a title ([509103], [1080p]).
        while true {
            var j = k
            while j < u.count, u[j] == 32 || u[j] == UInt8(ascii: ".") || u[j] == UInt8(ascii: "_") || u[j] == UInt8(ascii: "-") { j += 1 }
            guard j < u.count, u[j] == UInt8(ascii: "["), let c = u[j...].firstIndex(of: UInt8(ascii: "]")) else { k = j; break }
            let inner = TokenizedName(bytes: Array(u[(j + 1)..<c]))
            let tagLike = inner.tokens.indices.allSatisfy { inner[$0].isNumber || QualityFeatures.resolutions[inner, $0] != nil || QualityFeatures.singleSources[inner, $0] != nil }
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
        guard Text.withBytes(name, { $0.count > 8 && $0[6] == 32 && Bytes.isDigit($0[0]) }) else { return nil }
        let u = Array(name.utf8)
        guard u.count > 8, u[0..<6].allSatisfy(Bytes.isDigit), u[6] == 32 else { return nil }
        let v = Int(Text.string(u[0..<6])) ?? 0
        guard EpisodeRules.date(2000 + v / 10000, (v / 100) % 100, v % 100) != nil else { return nil }
        return 7
    }

    static func titleText(_ t: TokenizedName, _ end: Int) -> String {
        guard end > 0 else { return "" }
        var stop = t[end - 1].end
        while stop < t.byteCount, t.byte(stop) == UInt8(ascii: "!") || t.byte(stop) == UInt8(ascii: ":") || t.byte(stop) == UInt8(ascii: "?") { stop += 1 }
        var from = 0
        // "我的人间烟火.Fireworks.Series": a CJK title before the Latin one is dropped.
        if t.count > 1, t[0].first >= 0xE3, t.withWord(0, { $0.allSatisfy({ $0 >= 0xE3 || ($0 >= 0x80 && $0 < 0xC0) }) }),
            t.gap(before: 1) == [UInt8(ascii: ".")], (1..<end).allSatisfy({ t[$0].hash != 0 })
        {
            from = t[1].start
        }
        // "【site】中文[tags].Latin.Title": keep what follows the last bracket when CJK text precedes it.
        // (Only a title with a byte ≥ 0x80 can hold CJK text.)
        if t.withBytes(from..<stop, Bytes.hasHighByte), let close = t.bytes[from..<stop].lastIndex(of: UInt8(ascii: "]")), t.bytes[from..<close].contains(where: { $0 >= 0xE3 }),
            t.bytes[(close + 1)..<stop].contains(where: Bytes.isLetter)
        {
            from = close + 1
        }
        let next: UInt8? = stop < t.byteCount ? t.byte(stop) : nil
        return SeriesTitles.normalize(t, from..<stop, keepTrailing: next) { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
    }

    /// `日本語 / English Title` → the last part; `Title S02` keeps a short season tag as `S2`.
    static func animeTitle(_ s: String, shortenSeason: Bool) -> String {
        var title = s
        // The separators hold "/", "|" or 0xC2 (the first byte of "·"): without them none splits.
        if Text.withBytes(title, { Bytes.contains($0, UInt8(ascii: "/"), or: UInt8(ascii: "|")) || Bytes.contains($0, 0xC2, or: 0xC2) }) {
            for sep: StaticString in [" / ", " | ", "·", "/"] {
                if let after = Text.after(last: sep, in: title), after.utf8.contains(where: Bytes.isLetter) { title = Text.trimmed(after) }
            }
        }
        // Trailing CJK words after a Latin title ("SERIES 靦腆英雄"); without CJK bytes or spare
        // spaces the split and join below would give back the same title.
        let ascii = !Text.withBytes(title, Bytes.hasHighByte)
        let u = title.utf8
        let plain = u.first != 32 && u.last != 32 && (ascii || !u.contains(where: { $0 >= 0xE2 })) && !Text.containsBytes(title, [32, 32])
        if !plain, title.utf8.contains(where: Bytes.isLetter) {
            var words = Text.spaceSeparated(title)
            while let last = words.last, words.count > 1, last.unicodeScalars.allSatisfy({ $0.value >= 0x2E80 }) { words.removeLast() }
            title = words.joined(separator: " ")
        }
        if shortenSeason, let season = trailingShortSeason(title, ascii: ascii) {
            title = String(title.dropLast(3)) + "S\(season)"
        }
        return title
    }

    /// The season of a last space-separated part `S02` (three characters).
    static func trailingShortSeason(_ title: String, ascii: Bool) -> Int? {
        guard ascii else {
            guard let last = title.split(separator: " ").last, last.count == 3 else { return nil }
            return NumberWords.season(Bytes.lowercased(String(last)))
        }
        // ASCII: characters are bytes and the split's last part is the last run of non-spaces.
        return Text.withBytes(title) { u in
            var z = u.count
            while z > 0, u[z - 1] == 32 { z -= 1 }
            var a = z
            while a > 0, u[a - 1] != 32 { a -= 1 }
            guard z - a == 3, Bytes.lower(u[a]) == UInt8(ascii: "s"), Bytes.isDigit(u[a + 1]), Bytes.isDigit(u[a + 2]) else { return nil }
            return Int(u[a + 1] - 48) * 10 + Int(u[a + 2] - 48)
        }
    }

    /// `Title (Season 2)` → ("Title", 2).
    static func trailingSeasonInParens(_ s: String) -> (String, Int)? {
        guard Text.withBytes(s, { Bytes.contains($0, UInt8(ascii: "("), or: UInt8(ascii: "(")) }) else { return nil }
        let t = TokenizedName(s)
        guard t.count >= 3, let n = t[t.count - 1].number, NumberWords.seasonWords.contains(t, t.count - 2),
            t.gap(before: t.count - 2).last == UInt8(ascii: "(")
        else { return nil }
        return (SeriesTitles.normalize(t, 0..<t[t.count - 3].end, keepTrailing: nil), n)
    }
}
