/// Reads a movie's title(s), year, edition and ids from a release title (Radarr's ParseMovieTitle).
enum MovieParser {
    static func parse(_ title: String, isDir: Bool = false) -> ParsedRelease? {
        let name = TitlePrep.prepare(PathText.lastComponent(title))
        if name.isEmpty || TitlePrep.looksLikeHash(name) { return nil }
        let (group, bodyStart) = EpisodeParser.leadingGroup(name)
        let full = TokenizedName(name)
        let body = TokenizedName(bytes: Array(Array(name.utf8)[bodyStart...]))
        guard body.count > 0 else { return nil }
        let (titleEnd, yearIndex) = findTitleEnd(body)
        guard titleEnd > 0 else { return nil }
        if yearIndex == nil && titleEnd == body.count && group == nil { return nil }
        var r = ParsedRelease()
        r.kind = .movie
        r.releaseTitle = name
        let rawTitle = Text.string(body.bytes[0..<body[titleEnd - 1].end])
        var primary = MovieTitles.normalize(rawTitle)
        if group != nil { primary = Text.trim(primary, [32, UInt8(ascii: ".")]) }
        r.movieTitles = MovieTitles.akaSplit(primary)
        if let y = yearIndex { r.year = body[y].number }
        r.edition = Editions.find(body, from: 1)
        r.quality = QualityParser.parse(full)
        r.hardcodedSubs = r.quality.hardcodedSubs
        r.languages = LanguageParser.parseLanguages(full, from: min(titleEnd, full.count))
        r.releaseGroup = group ?? ReleaseGroupParser.parse(name)
        r.releaseHash = ReleaseHash.find(full)
        (r.imdbId, r.tmdbId) = Ids.find(full)
        return r
    }

    static func isYear(_ t: TokenizedName, _ i: Int) -> Bool {
        guard t[i].digitCount == 4, let y = t[i].number, y >= 1800, y <= 2100 else { return false }
        if i + 1 < t.count, let s = t.separator(before: i + 1), s == UInt8(ascii: "x") { return false }
        return true
    }

    /// Words that cannot be part of a movie title when they follow it.
    static func isStopWord(_ t: TokenizedName, _ i: Int) -> Bool {
        let w = t[i].text
        if QualityFeatures.resolutions[w] != nil || QualityFeatures.singleSources[w] != nil { return w != "pal" && w != "ntsc" || i > 1 }
        if Editions.starts(t, i) { return true }
        if MovieTitles.stopWords.contains(w) { return true }
        if let lang = LanguageParser.words[w], w.utf8.count > 3, lang != "English" || w == "english" { return w == Bytes.lowercased(lang) || ["german", "french", "truefrench", "italian", "spanish", "dutch", "russian", "polish", "swedish", "danish", "norwegian", "finnish", "japanese", "korean", "hindi", "tamil", "malayalam", "telugu"].contains(w) }
        return false
    }

    /// (index where the title ends, index of the year word).
    static func findTitleEnd(_ t: TokenizedName) -> (Int, Int?) {
        var i = 1
        while i < t.count {
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
                if k < t.count, isYear(t, k), (i + 1..<k).allSatisfy({ isStopWord(t, $0) || Editions.words.contains(t[$0].text) || t[$0].text == "s" }) {
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
    static let stopWords: Set<String> = [
        "dl", "multi", "multisubs", "vostfr", "proper", "repack", "internal", "limited", "complete", "hdr", "hdr10",
        "x264", "x265", "h264", "h265", "hevc", "avc", "xvid", "divx", "ac3", "dts", "aac", "dd5", "ddp5", "truehd",
        "atmos", "10bit", "hdrip", "dvdrip", "webrip", "web", "bdrip", "brrip", "1080p", "720p", "2160p", "480p",
        "hq", "ac3d", "subbed", "korsub", "hc", "nordic", "dubbed", "read", "nfo", "cd1", "cd2",
    ]

    /// Radarr's dot handling: dots become spaces except in acronyms (`R.I.P.D.`, `U.N.C.L.E.`).
    static func normalize(_ raw: String) -> String {
        let s = Text.replace(raw, [UInt8(ascii: "_")], with: 32)
        let parts = s.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var out = ""
        var previousAcronym = false
        for (n, part) in parts.enumerated() {
            let next = n + 1 < parts.count ? parts[n + 1] : ""
            let lower = Bytes.lowercased(part)
            if part.utf8.count == 1 && lower != "a" && Bytes.number(part) == nil && n + 1 < parts.count {
                out += part + "."
                previousAcronym = true
            } else if lower == "a" && (previousAcronym || next.utf8.count == 1) && n + 1 < parts.count {
                out += part + "."
                previousAcronym = true
            } else if lower == "dr" && n + 1 < parts.count {
                out += part + "."
                previousAcronym = true
            } else {
                if previousAcronym {
                    out += " "
                    previousAcronym = false
                }
                out += part + " "
            }
        }
        var result = Text.trim(out, [32])
        result = Text.trim(result, [32, UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: ":")])
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// `A AKA B` → ["A AKA B", "A", "B"]; also `a.k.a.`.
    static func akaSplit(_ title: String) -> [String] {
        let u = Array(title.utf8)
        var k = 1
        while k + 4 < u.count {
            if u[k] == 32, Text.hasPrefixCaseInsensitive(u, "aka ", at: k + 1) {
                let a = Text.trimmed(Text.string(u[..<k]))
                let b = Text.trimmed(Text.string(u[(k + 5)...]))
                if !a.isEmpty && !b.isEmpty {
                    let whole = Text.string(u[..<(k + 1)]) + "AKA" + Text.string(u[(k + 4)...])
                    return [whole, a, b]
                }
            }
            if u[k] == 32, Text.hasPrefixCaseInsensitive(u, "a.k.a. ", at: k + 1) {
                let a = Text.trimmed(Text.string(u[..<k]))
                let b = Text.trimmed(Text.string(u[(k + 7)...]))
                return [a + " AKA " + b, a, b]
            }
            k += 1
        }
        return [title]
    }
}

/// Editions: `Director's Cut`, `Extended`, `50th Anniversary Edition`, `Open Matte`, `IMAX`…
enum Editions {
    static let standalone: Set<String> = [
        "extended", "uncensored", "remastered", "unrated", "uncut", "imax", "restored", "2in1", "3in1", "4in1",
        "despecialized", "theatrical", "ultimate", "collectors", "directors", "recut", "faneedit", "fanedit",
    ]
    static let needsSuffix: Set<String> = ["special", "rouge", "final", "assembly", "imperial", "diamond", "signature", "hunter", "rekall", "director", "collector", "open", "fan", "criterion"]
    static let suffixes: Set<String> = ["cut", "edition", "version", "matte", "edit"]
    static var words: Set<String> { standalone.union(needsSuffix).union(suffixes).union(["s", "anniversary"]) }

    static func starts(_ t: TokenizedName, _ i: Int) -> Bool { length(t, i) > 0 }

    /// Number of words of an edition starting at word `i` (0 when none starts there).
    static func length(_ t: TokenizedName, _ i: Int) -> Int {
        var j = i
        var ok = false
        while j < t.count {
            let w = t[j].text
            if standalone.contains(w) {
                ok = true
            } else if needsSuffix.contains(w) || (w.hasSuffix("th") && Bytes.number(String(w.dropLast(2))) != nil) || (t[j].number != nil && t.text(j + 1) == "anniversary") {
                // must be followed (possibly after 's / anniversary) by a suffix word
                var k = j + 1
                while k < t.count, t[k].text == "s" || t[k].text == "anniversary" || needsSuffix.contains(t[k].text) { k += 1 }
                if k < t.count, suffixes.contains(t[k].text) || (w == "open" && t[k].text == "matte") {
                    ok = true
                    j = k
                } else {
                    break
                }
            } else if ok, suffixes.contains(w) || w == "s" {
                // trailing Cut / Edition
            } else {
                break
            }
            j += 1
        }
        return ok ? j - i : 0
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
            let w = t[i].text
            if w.hasPrefix("tt"), let _ = Bytes.number(String(w.dropFirst(2))), w.utf8.count >= 9, w.utf8.count <= 10 { imdb = w }
            if (w == "tmdb" || w == "tmdbid"), i + 1 < t.count, let n = t[i + 1].number { tmdb = n }
            if w == "imdb" || w == "imdbid", i + 1 < t.count, t[i + 1].text.hasPrefix("tt") { imdb = t[i + 1].text }
        }
        return (imdb, tmdb)
    }
}
