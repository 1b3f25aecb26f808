/// Finds the release group: `…x264-GROUP`, `[Group] Anime…`, or a known group that names itself
/// differently (`(… x265 Tigole)`, `[YTS.MX]`).
public enum ReleaseGroupParser {
    /// Suffixes that re-posters and indexers glue after the real group.
    static let junkSuffixes: WordSet = [
        "rp", "1", "nzbgeek", "obfuscated", "obfuscation", "scrambled", "sample", "pre", "postbot", "xpost", "whiterev",
        "buymore", "asrequested", "alternativetorequested", "gerov", "z0ids3n", "chamele0n", "4p", "4planet",
        "altezachen", "repackpost", "english",
    ]

    public static func parse(_ title: String) -> String? {
        var s = Text.trimmed(TitlePrep.foldFullWidth(Text.bounded(title)))
        s = PathText.lastComponent(s)
        s = TitlePrep.removeExtension(s)
        s = TitlePrep.removeSiteSuffixes(s)
        s = TitlePrep.removeWebsitePrefix(s)
        return parse(prepared: s)
    }

    /// The group of a name that `TitlePrep.prepare` already cleaned.
    /// `tokens`: the words of `prepared`, when the caller has them already.
    static func parse(prepared: String, tokens: TokenizedName? = nil) -> String? {
        // `s` is `prepared` or a shorter part of it: the words of `prepared` serve as they are
        // unless something was cut.
        func words(_ s: String) -> TokenizedName? {
            tokens.map { s.utf8.count == prepared.utf8.count ? $0 : TokenizedName.reusing($0, for: s) }
        }
        var s = removeTrailingNote(prepared)
        if s.utf8.first == UInt8(ascii: "["), let anime = animeGroup(s, words: words(s)) { return anime }
        s = removeJunkSuffixes(s)
        if let known = knownGroup(s) { return known }
        let t = words(s) ?? TokenizedName(s)
        return dashGroup(s, t) ?? codecFollower(t)
    }

    /// ` (Blue Lock, Multi-Subs)` notes after the group.
    static func removeTrailingNote(_ s: String) -> String {
        guard Text.withBytes(s, { $0.last }) == UInt8(ascii: ")") else { return s }
        let u = Array(s.utf8)
        guard u.last == UInt8(ascii: ")"), let open = u.lastIndex(of: UInt8(ascii: "(")), open > 0, u[open - 1] == 32,
            u[open..<u.count].contains(UInt8(ascii: ","))
        else { return s }
        return Text.trimmed(Text.string(u[..<open]))
    }

    static let containerAndAudio: WordSet = ["mkv", "mp4", "avi", "hdr", "sdr", "dts", "aac", "ac3"]
    static let codecWords: WordSet = ["264", "265", "x264", "x265", "h264", "h265", "hevc", "avc", "xvid", "divx", "av1", "vc1"]

    /// `….H.264.KCRT`, `(… x265 Celdra)`, `… AVC LMain`: a group written after the codec without a dash.
    static func codecFollower(_ t: TokenizedName) -> String? {
        guard t.count >= 3 else { return nil }
        let last = t.count - 1
        guard codecWords.contains(t, last - 1), !codecWords.contains(t, last), !qualityWords.contains(t, last), t[last].length >= 3,
            t[last].number == nil, LanguageParser.words[t, last] == nil, !containerAndAudio.contains(t, last)
        else { return nil }
        let gap = t.gap(before: last)
        guard gap.count == 1 else { return nil }
        let after = t.bytes[t[last].end...]
        let inParens = Array(after) == [UInt8(ascii: ")")] && gap == [32]
        let afterDot = after.isEmpty && gap == [UInt8(ascii: ".")]
            && (t.isWord(last - 1, "264") || t.isWord(last - 1, "265") || t.isWord(last - 1, "x264") || t.isWord(last - 1, "x265") || t.isWord(last - 1, "h264") || t.isWord(last - 1, "h265"))
        guard inParens || afterDot else { return nil }
        return t.originalText(last)
    }

    static func removeJunkSuffixes(_ s: String) -> String {
        // Nothing to remove unless the name ends in a dash or its last part is a junk word.
        let plain = Text.withBytes(s) { p -> Bool in
            guard let last = p.last, last != UInt8(ascii: "-") else { return false }
            var k = p.count - 1
            while k >= 0, !(p[k] == UInt8(ascii: "-") || p[k] == UInt8(ascii: "_") || p[k] == UInt8(ascii: " ") || p[k] == UInt8(ascii: ".")) { k -= 1 }
            guard k >= 0 else { return true }
            let tail = UnsafeBufferPointer(rebasing: p[(k + 1)...])
            return !junkSuffixes.contains(lowercasing: tail) && !(tail.count >= 5 && Bytes.startsLowercased(tail, with: "rakuv"))
        }
        if plain { return s }
        var u = Array(s.utf8)
        while u.last == UInt8(ascii: "-") { u.removeLast() }
        while let dash = u.lastIndex(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ".") }) {
            let tail = Bytes.lowercased(Text.string(u[(dash + 1)...]))
            guard junkSuffixes.contains(tail) || Text.hasPrefix(tail, "rakuv") else { break }
            guard u[..<dash].contains(UInt8(ascii: "-")) || u[..<dash].contains(UInt8(ascii: " ")) else { break }
            u.removeSubrange(dash...)
        }
        return Text.string(u)
    }

    /// `[SubGroup] Title - 01 …`. `words`: the words of `s`, when the caller has them.
    static func animeGroup(_ s: String, words: TokenizedName? = nil) -> String? {
        guard Text.withBytes(s, { $0.first }) == UInt8(ascii: "[") else { return nil }
        guard let close = Text.withBytes(s, { $0.firstIndex(of: UInt8(ascii: "]")) }), close > 1 else { return nil }
        let inner = Text.trimmed(Text.withBytes(s) { String(decoding: UnsafeBufferPointer(rebasing: $0[1..<close]), as: UTF8.self) })
        // A bracket full of quality words is not a group. (The words of the bracket are the words
        // of `s` between "[" and "]", which separate words.)
        let t = words ?? TokenizedName(inner)
        var tags = t.tokens.indices
        if words != nil {
            var end = 0
            while end < t.count, t[end].end <= close { end += 1 }
            tags = 0..<end  // no word starts at the "[" of byte 0
        }
        if tags.isEmpty || tags.allSatisfy({ QualityFeatures.singleSources[t, $0] != nil || t[$0].isNumber }) { return nil }
        if inner.hasPrefix("www.") || Text.containsBytes(inner, Self.dotCom) || Text.containsBytes(inner, Self.dotOrg) { return nil }
        // "OPFans楓雪動漫": a Latin group name with a CJK suffix.
        let latin: Int? = Text.withBytes(inner) { iu in
            guard let firstCJK = iu.firstIndex(where: { $0 >= 0xE3 }), firstCJK > 1, iu[..<firstCJK].allSatisfy({ Bytes.isWordByte($0) && $0 < 0x80 }),
                iu[firstCJK...].allSatisfy({ $0 >= 0x80 })
            else { return nil }
            return firstCJK
        }
        if let latin, !inner.hasSuffix("組"), !inner.hasSuffix("组"), !inner.hasSuffix("社") {
            return Text.withBytes(inner) { String(decoding: UnsafeBufferPointer(rebasing: $0[..<latin]), as: UTF8.self) }
        }
        return inner
    }

    static let dotCom = Array(".com".utf8), dotOrg = Array(".org".utf8)

    static func matchesAt(_ u: [UInt8], _ g: [UInt8], _ i: Int) -> Bool {
        for k in 0..<g.count where u[i + k] != g[k] { return false }
        return true
    }

    /// `…-GROUP` at the end (after junk suffixes are dropped), or `… [GROUP]` at the very end.
    /// `t`: the words of `s`.
    static func dashGroup(_ s: String, _ t: TokenizedName) -> String? {
        let u = t.bytes  // the bytes of `s`
        // Trailing " [group]"
        if u.last == UInt8(ascii: "]"), let open = u.lastIndex(of: UInt8(ascii: "[")), open > 0 {
            let inner = u[(open + 1)..<(u.count - 1)]
            if !inner.isEmpty, inner.allSatisfy({ Bytes.isWordByte($0) }), [UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_")].contains(u[open - 1]) {
                let g = Text.string(inner)
                if isValid(g) && QualityFeatures.singleSources[Bytes.lowercased(g)] == nil && !isQualityWord(Bytes.lowercased(g)) { return g }
            }
        }
        guard let dash = u.lastIndex(of: UInt8(ascii: "-")) else { return nil }
        var groupEnd = u.count
        while groupEnd > dash + 1, u[groupEnd - 1] == UInt8(ascii: " ") { groupEnd -= 1 }
        let groupBytes = u[(dash + 1)..<groupEnd]
        guard !groupBytes.isEmpty, groupBytes.allSatisfy({ Bytes.isWordByte($0) }) else { return nil }
        var group = Text.string(groupBytes)
        if let first = codecGroupPart(t, dash: dash) { group = first + "-" + group }
        guard isValid(group) else { return nil }
        // (Looked up lower-cased, from the bytes.)
        func isIn(_ words: WordSet) -> Bool { Text.withBytes(group) { words.contains(lowercasing: $0) } }
        // Words that end names but are not groups.
        if isIn(qualityWords) { return nil }
        if isIn(suffixWords) {
            // Bytes decide unless a non-ASCII byte precedes the suffix (it might join it in one character).
            let endsInSuffix: Bool
            if dash >= 4, u[dash - 4] >= 0x80 {
                let beforeLower = Bytes.lowercased(Text.string(u[..<dash]))
                endsInSuffix = beforeLower.hasSuffix("dts") || beforeLower.hasSuffix("web") || beforeLower.hasSuffix("blu") || beforeLower.hasSuffix(" dd")
            } else {
                func ends(_ x: StaticString) -> Bool {
                    let p = x.utf8Start
                    guard dash >= 3 else { return false }
                    return Bytes.lower(u[dash - 3]) == p[0] && Bytes.lower(u[dash - 2]) == p[1] && Bytes.lower(u[dash - 1]) == p[2]
                }
                endsInSuffix = ends("dts") || ends("web") || ends("blu") || ends(" dd")
            }
            if endsInSuffix { return nil }
        }
        if group.utf8.count <= 3, isIn(languageCodes) { return nil }
        // A dash inside the title (Zuid-Ossetië) is not a group when the name has no quality or episode before it.
        // The words before the dash (a dash separates words, so none straddles it), from the
        // nearest: the codec or quality word is usually right before it.
        var k = t.count - 1
        while k >= 0, t[k].end > dash || !markerWords.contains(t, k) { k -= 1 }
        return k >= 0 ? group : nil
    }

    /// Words after a dash that end names but are groups only when no audio word comes before
    /// them, and language codes that are no group.
    static let suffixWords: WordSet = ["hd", "x", "ma", "es", "dl", "ray"]
    static let languageCodes: WordSet = ["es", "en", "cat", "eng", "jap", "ger", "fra", "fre", "ita"]
    static let audioCodecs: WordSet = ["ac3", "dts", "aac", "dd5", "ddp5", "eac3", "mp3", "flac"]

    /// "….H264.Fight-BB": the part before the dash of a two-part group right after the codec.
    static func codecGroupPart(_ t: TokenizedName, dash: Int) -> String? {
        let u = t.bytes
        guard let dot = u[..<dash].lastIndex(where: { !Bytes.isWordByte($0) }), u[dot] == UInt8(ascii: "."), dot > 0, dot + 1 < dash,
            let prev = t.tokens.lastIndex(where: { $0.end <= dot }), codecWords.contains(t, prev)
        else { return nil }
        let first = Text.string(u[(dot + 1)..<dash])
        let lowerFirst = Bytes.lowercased(first)
        guard !isQualityWord(lowerFirst), !codecWords.contains(lowerFirst), !AnimeRules.audioWords.contains(lowerFirst), !audioCodecs.contains(lowerFirst) else { return nil }
        return first
    }

    static func isQualityWord(_ lower: String) -> Bool { qualityWords.contains(lower) }

    /// Words that end names but are not groups.
    static let qualityWords = WordSet(Set(QualityFeatures.resolutions.keys).union(QualityFeatures.singleSources.keys).union([
        "dl", "ray", "hd", "x264", "x265", "h264", "h265", "480p", "720p", "1080p", "2160p", "ma", "audio",
    ]))

    /// Quality or codec words: a dash after one of them starts a group, not a word of the title.
    static let markerWords = WordSet(Set(QualityFeatures.singleSources.keys).union(QualityFeatures.resolutions.keys)
        .union(QualityFeatures.codecs.keys).union([
            "x265", "h265", "hevc", "avc", "aac", "ac3", "dts", "mkv", "h", "264", "265", "dd5", "ddp5", "xvid", "atmos", "10bit",
        ]))

    static func isValid(_ g: String) -> Bool {
        // "-bit" in "24-bit", years
        if g == "bit" { return false }
        return Text.withBytes(g) { bytes in
            let u = bytes.lazy.map(Bytes.lower)
            if u.isEmpty { return false }
            // s01, e05
            if u.count >= 2, u[0] == UInt8(ascii: "s") || u[0] == UInt8(ascii: "e"), u[1...].allSatisfy(Bytes.isDigit) { return false }
            // 8-hex CRCs
            if u.count == 8, u.allSatisfy({ Bytes.isDigit($0) || ($0 >= 97 && $0 <= 102) }), u.contains(where: Bytes.isDigit) { return false }
            if u.count <= 2, u.allSatisfy(Bytes.isDigit) { return false }
            return true
        }
    }
}
