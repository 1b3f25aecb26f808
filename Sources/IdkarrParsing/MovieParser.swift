/// Reads a movie's title(s), year, edition and ids from a release title (Radarr's ParseMovieTitle).
enum MovieParser {
    /// `shared`: quality and group already read from the same name by the episode parser.
    static func parse(_ title: String, isDir: Bool = false, shared: (QualityModel, String?)? = nil) -> ParsedRelease? {
        parse(PreparedName(title), shared: shared)
    }

    static func parse(_ p: PreparedName, shared: (QualityModel, String?)? = nil) -> ParsedRelease? {
        if p.rejected { return nil }
        let (name, group) = (p.name, p.group)
        let body = p.body()
        guard body.count > 0 else { return nil }
        // A TV episode marker means this is not a movie.
        if body.tokens.indices.contains(where: { body[$0].first == UInt8(ascii: "s") && NumberWords.seasonEpisode(body, $0) != nil }) { return nil }
        if let lead = leadingYear(name, body, group: group) { return lead }
        let (titleEnd, yearIndex) = findTitleEnd(body, anime: group != nil)
        guard titleEnd > 0 else { return nil }
        if yearIndex == nil && titleEnd == body.count && group == nil { return nil }
        var r = ParsedRelease()
        fill(&r, p, body, titleEnd: titleEnd, yearIndex: yearIndex, shared: shared)
        return r
    }

    /// Fills `r` with the movie of a name whose title ends at word `titleEnd` of `body` (its words
    /// after the leading group). (Filling the caller's value in place spares a copy of the result.)
    @inline(never) static func fill(_ r: inout ParsedRelease, _ p: PreparedName, _ body: TokenizedName, titleEnd: Int, yearIndex: Int?, shared: (QualityModel, String?)?) {
        let (title, name, group, full) = (p.title, p.name, p.group, p.full)
        r.kind = .movie
        r.releaseTitle = name
        var stop = body[titleEnd - 1].end
        while stop < body.byteCount, body.byte(stop) == UInt8(ascii: "!") { stop += 1 }
        let rawTitle = MovieTitles.normalizeAKA(Text.string(body.bytes[0..<stop]))
        var primary = MovieTitles.normalize(rawTitle)
        if group != nil { primary = Text.trim(primary, [32, UInt8(ascii: ".")]) }
        r.movieTitles = MovieTitles.akaSplit(primary)
        if let y = yearIndex { r.year = body[y].number }
        r.edition = Editions.find(body, from: 1)
        r.quality = shared?.0 ?? QualityParser.parse(p.qualityWords(title))
        r.hardcodedSubs = r.quality.hardcodedSubs
        r.languages = LanguageParser.parseLanguages(full, from: min(titleEnd, full.count))
        r.releaseGroup = group ?? (shared != nil ? shared!.1 : ReleaseGroupParser.parse(prepared: name, tokens: full))
        r.releaseHash = ReleaseHash.find(full)
        (r.imdbId, r.tmdbId) = Ids.find(full)
    }

    static func isYear(_ t: TokenizedName, _ i: Int) -> Bool {
        guard t[i].digitCount == 4, let y = t[i].number, y >= 1800, y <= 2100 else { return false }
        if i + 1 < t.count, let s = t.separator(before: i + 1), s == UInt8(ascii: "x") { return false }
        return true
    }

    static let stopLanguages: WordSet = [
        "german", "french", "truefrench", "italian", "spanish", "dutch", "russian", "polish", "swedish", "danish", "norwegian", "finnish",
        "japanese", "korean", "hindi", "tamil", "malayalam", "telugu", "english", "multi",
    ]

    /// Every word `isStopWord` can stop at, besides numbers and ordinals (editions).
    static let stopCandidates = WordSet(
        Set(QualityFeatures.resolutions.keys).union(QualityFeatures.singleSources.keys).union(Editions.firstWords).union(MovieTitles.stopWords).union(stopLanguages))

    /// Words that cannot be part of a movie title when they follow it.
    static func isStopWord(_ t: TokenizedName, _ i: Int) -> Bool {
        guard stopCandidates.contains(t, i) || t[i].number != nil || Editions.isOrdinal(t, i) else { return false }
        if QualityFeatures.resolutions[t, i] != nil || QualityFeatures.singleSources[t, i] != nil { return !t.isWord(i, "pal") && !t.isWord(i, "ntsc") || i > 1 }
        if Editions.starts(t, i) { return true }
        if MovieTitles.stopWords.contains(t, i) { return true }
        if LanguageParser.words[t, i] != nil, stopLanguages.contains(t, i) {
            // A language word ends the title only when release words follow it (not "The.Good.German.2006").
            guard i + 1 < t.count else { return true }
            return !isYear(t, i + 1) && (isStopWord(t, i + 1) || LanguageParser.words[t, i + 1] != nil)
        }
        return false
    }

    /// `(1995) Movie Name`: the year first.
    static func leadingYear(_ name: String, _ body: TokenizedName, group: String?) -> ParsedRelease? {
        guard body.count >= 2, isYear(body, 0), body.gap(before: 0).last == UInt8(ascii: "("), !(1..<body.count).contains(where: { isYear(body, $0) || isStopWord(body, $0) }) else { return nil }
        var r = ParsedRelease()
        r.kind = .movie
        r.releaseTitle = name
        r.year = body[0].number
        r.movieTitles = [MovieTitles.normalize(Text.string(body.bytes[body[1].start..<body[body.count - 1].end]))]
        r.quality = QualityParser.parse(name)
        r.languages = [.unknown]
        return r
    }

    /// (index where the title ends, index of the year word).
    static func findTitleEnd(_ t: TokenizedName, anime: Bool = false) -> (Int, Int?) {
        var i = 1
        while i < t.count {
            if anime {
                if t[i].length == 2, t.hasPrefix(i, "v"), let l = t.lastByte(i), Bytes.isDigit(l) { return (i, nil) }
                if t.gap(before: i).contains(UInt8(ascii: "[")) && !isYear(t, i) { return (i, nil) }
            }
            if isYear(t, i) {
                var y = i
                while y + 1 < t.count, isYear(t, y + 1) { y += 1 }
                // A year followed by stop words or the end; otherwise it may be part of the title (e.g. "2001 A…").
                return (i == y ? i : y, y)
            }
            if isStopWord(t, i) {
                // The year may come after an edition or language word: "Movie IMAX 2012", "Movie Director's Cut 2049".
                var k = i + 1
                while k < t.count, k <= i + 4, !isYear(t, k) { k += 1 }
                if k < t.count, isYear(t, k), (i + 1..<k).allSatisfy({ isStopWord(t, $0) || Editions.words.contains(t, $0) || t.isWord($0, "s") }) {
                    return (i, k)
                }
                var later: Int?
                for k in (i + 1)..<t.count where isYear(t, k) { later = k; break }
                return (i, later)
            }
            i += 1
        }
        return (t.count, nil)
    }
}

enum MovieTitles {
    static let stopWords: WordSet = [
        "dl", "multi", "multisubs", "vostfr", "proper", "repack", "internal", "limited", "complete", "hdr", "hdr10",
        "x264", "x265", "h264", "h265", "hevc", "avc", "xvid", "divx", "ac3", "dts", "aac", "dd5", "ddp5", "truehd",
        "atmos", "10bit", "hdrip", "dvdrip", "webrip", "web", "bdrip", "brrip", "1080p", "720p", "2160p", "480p",
        "hq", "ac3d", "subbed", "korsub", "hc", "nordic", "dubbed", "read", "nfo", "cd1", "cd2",
    ]

    /// `a.k.a.` / `A.K.A.` → `AKA`.
    static func normalizeAKA(_ s: String) -> String {
        guard Text.withBytes(s, { Bytes.contains($0, UInt8(ascii: "k"), or: UInt8(ascii: "K")) }) else { return s }
        var u = Array(s.utf8)
        var i = 0
        while i + 6 <= u.count {
            if Text.hasPrefixCaseInsensitive(u, "a.k.a.", at: i), i == 0 || !Bytes.isLetter(u[i - 1]) {
                u.replaceSubrange(i..<(i + 6), with: Array("AKA".utf8))
                if i + 3 < u.count, u[i + 3] != 32 && u[i + 3] != UInt8(ascii: ".") { u.insert(32, at: i + 3) }
            }
            i += 1
        }
        return Text.string(u)
    }

    /// Radarr's dot handling: dots become spaces except in acronyms (`R.I.P.D.`, `U.N.C.L.E.`).
    static func normalize(_ raw: String) -> String {
        Text.withBytes(raw) { u in
            // Written on the stack: each part adds at most two bytes (its separator, a space).
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * u.count + 4) { out in
                var n = 0
                var parens = 0  // "(" minus ")"
                // The parts between dots (underscores read as spaces), read one ahead.
                @inline(__always) func at(_ k: Int) -> UInt8 { u[k] == UInt8(ascii: "_") ? 32 : u[k] }
                func partEnd(_ from: Int) -> Int {
                    var k = from
                    while k < u.count, u[k] != UInt8(ascii: ".") { k += 1 }
                    return k
                }
                func isLetterPart(_ a: Int, _ b: Int) -> Bool { b - a == 1 && !Bytes.isDigit(at(a)) }
                func append(_ c: UInt8) {
                    out[n] = c
                    n += 1
                }
                func append(_ a: Int, _ b: Int, _ separator: UInt8) {
                    for k in a..<b {
                        let c = at(k)
                        if c == UInt8(ascii: "(") { parens += 1 } else if c == UInt8(ascii: ")") { parens -= 1 }
                        append(c)
                    }
                    append(separator)
                }
                var (start, end) = (0, partEnd(0))
                var previousAcronym = false
                while true {
                    let last = end == u.count
                    let next = (start: end + 1, end: last ? end : partEnd(end + 1))
                    let nextIsLetter = !last && isLetterPart(next.start, next.end)
                    let isA = end - start == 1 && Bytes.lower(at(start)) == UInt8(ascii: "a")
                    let isDr = end - start == 2 && Bytes.lower(at(start)) == UInt8(ascii: "d") && Bytes.lower(at(start + 1)) == UInt8(ascii: "r")
                    if (isLetterPart(start, end) && !isA || isA) && (previousAcronym || nextIsLetter) || isDr && !last {
                        append(start, end, UInt8(ascii: "."))
                        previousAcronym = true
                    } else {
                        if previousAcronym {
                            append(32)
                            previousAcronym = false
                        }
                        append(start, end, 32)
                    }
                    if last { break }
                    (start, end) = next
                }
                return finish(UnsafeBufferPointer(rebasing: out[0..<n]), unclosed: parens > 0)
            }
        }
    }

    /// A written title with an unclosed parenthesis closed (compared as characters, as the
    /// library does) and without separators at either end.
    private static func finish(_ out: UnsafeBufferPointer<UInt8>, unclosed: Bool) -> String {
        if unclosed {
            var s = String(decoding: out, as: UTF8.self)
            if s.contains("(") {
                var trimmedOut = Text.trim(s, [32])
                if !trimmedOut.hasSuffix("(") { trimmedOut += ")" }
                s = trimmedOut
            }
            return Text.withBytes(s) { finish($0, unclosed: false) }
        }
        var a = 0
        var z = out.count
        while a < z, out[a] == 32 { a += 1 }
        while z > a, out[z - 1] == 32 { z -= 1 }
        while z > a, out[z - 1] == 32 || out[z - 1] == UInt8(ascii: "-") || out[z - 1] == UInt8(ascii: "(") || out[z - 1] == UInt8(ascii: "[") || out[z - 1] == UInt8(ascii: ":") { z -= 1 }
        while a < z, out[a] == 32 || out[a] == UInt8(ascii: "-") || out[a] == UInt8(ascii: ":") { a += 1 }
        return String(decoding: Bytes.part(out, a..<z), as: UTF8.self)
    }

    /// `A AKA B` → ["A AKA B", "A", "B"] (any case of "aka"; parentheses around the second title go).
    static func akaSplit(_ title: String) -> [String] {
        guard let (a, b) = Text.split(title, around: " aka ") ?? Text.split(title, around: " (aka ") ?? Text.split(title, around: " / ") else { return [title] }
        let first = Text.trim(a, [32, UInt8(ascii: "(")])
        let second = Text.trim(b, [32, UInt8(ascii: "("), UInt8(ascii: ")")])
        guard !first.isEmpty, !second.isEmpty else { return [title] }
        return [title, first, second]
    }
}

/// Editions: `Director's Cut`, `Extended`, `50th Anniversary Edition`, `Open Matte`, `IMAX`…
enum Editions {
    static let standalone: WordSet = [
        "extended", "uncensored", "remastered", "unrated", "uncut", "imax", "restored", "2in1", "3in1", "4in1",
        "despecialized", "theatrical", "ultimate", "collectors", "directors", "recut", "faneedit", "fanedit",
    ]
    static let needsSuffix: WordSet = ["special", "rouge", "final", "assembly", "imperial", "diamond", "signature", "hunter", "rekall", "director", "collector", "open", "fan", "criterion"]
    static let suffixes: WordSet = ["cut", "edition", "version", "matte", "edit"]
    static let words = WordSet(Set(standalone).union(needsSuffix).union(suffixes).union(["s", "anniversary"]))

    /// Words that can start an edition (besides ordinals and "25 Anniversary").
    static let firstWords = WordSet(Set(standalone).union(needsSuffix))

    static func starts(_ t: TokenizedName, _ i: Int) -> Bool { length(t, i) > 0 }

    /// Number of words of an edition starting at word `i` (0 when none starts there).
    static func length(_ t: TokenizedName, _ i: Int) -> Int {
        guard i < t.count, firstWords.contains(t, i) || isOrdinal(t, i) || (t[i].number != nil && t.isWord(i + 1, "anniversary")) else { return 0 }
        var j = i
        var ok = false
        while j < t.count {
            if standalone.contains(t, j) {
                ok = true
            } else if needsSuffix.contains(t, j) || isOrdinal(t, j) || (t[j].number != nil && t.isWord(j + 1, "anniversary")) {
                // must be followed (possibly after 's / anniversary) by a suffix word
                var k = j + 1
                while k < t.count, t.isWord(k, "s") || t.isWord(k, "anniversary") || needsSuffix.contains(t, k) { k += 1 }
                if k < t.count, suffixes.contains(t, k) || (t.isWord(j, "open") && t.isWord(k, "matte")) {
                    ok = true
                    j = k
                } else {
                    break
                }
            } else if ok, suffixes.contains(t, j) || t.isWord(j, "s") {
                // trailing Cut / Edition
            } else {
                break
            }
            j += 1
        }
        return ok ? j - i : 0
    }

    /// `50th`: one to nine digits, then "th" (a word with other bytes never is one).
    static func isOrdinal(_ t: TokenizedName, _ j: Int) -> Bool {
        let tok = t[j]
        guard tok.hash != 0, tok.length >= 3, tok.length <= 11, Bytes.lower(t.byte(tok.end - 2)) == UInt8(ascii: "t"),
            Bytes.lower(t.byte(tok.end - 1)) == UInt8(ascii: "h")
        else { return false }
        return t.bytes[tok.start..<(tok.end - 2)].allSatisfy(Bytes.isDigit)
    }

    static func find(_ t: TokenizedName, from: Int) -> String? {
        var i = from
        while i < t.count {
            let n = length(t, i)
            if n > 0 {
                var text = t.original(i, i + n)
                text = Text.replace(text, [UInt8(ascii: "."), UInt8(ascii: "_")], with: 32)
                return text
            }
            i += 1
        }
        return nil
    }
}

/// IMDb and TMDB ids written in names: `tt1234567`, `{tmdb-123}`, `[tmdbid=123]`.
enum Ids {
    static func find(_ t: TokenizedName) -> (String?, Int?) {
        var imdb: String?
        var tmdb: Int?
        for i in 0..<t.count {
            if t.hasPrefix(i, "tt"), t.number(i, droppingPrefix: 2) != nil, t[i].length >= 9, t[i].length <= 10 { imdb = t.text(i) }
            if (t.isWord(i, "tmdb") || t.isWord(i, "tmdbid")), i + 1 < t.count, let n = t[i + 1].number { tmdb = n }
            if t.isWord(i, "imdb") || t.isWord(i, "imdbid"), i + 1 < t.count, t.hasPrefix(i + 1, "tt") { imdb = t.text(i + 1) }
        }
        return (imdb, tmdb)
    }
}
