/// The rules that find an episode marker at word `i`. Each returns nil when its form is absent.
enum EpisodeRules {
    static let dash = UInt8(ascii: "-")

    static func gapHasDash(_ t: TokenizedName, _ i: Int) -> Bool { t.gap(before: i).contains(dash) }
    static func gapIsSmall(_ t: TokenizedName, _ i: Int) -> Bool {
        let g = t.gap(before: i)
        return g.count <= 3 && !g.contains(UInt8(ascii: "[")) && !g.contains(UInt8(ascii: "("))
            && !g.contains(UInt8(ascii: "/")) && !g.contains(UInt8(ascii: "\\"))
    }

    // MARK: S01E02, S01 E02, 1x02

    static func standard(_ t: TokenizedName, _ i: Int) -> EpisodeMarker? {
        if let (s, eps) = NumberWords.seasonEpisode(t, i) {
            var m = EpisodeMarker(.standard, i, i + 1)
            m.season = s
            m.episodes = eps
            extendEpisodes(t, &m, season: s)
            return m
        }
        if let s = NumberWords.season(t, i), i + 1 < t.count, gapIsSmall(t, i + 1),
            !t.gap(before: i + 1).contains(dash) || (t.hasPrefix(i + 1, "e") && !t.hasPrefix(i + 1, "ep"))
        {
            var j = i + 1
            var ep = NumberWords.episode(t, j)
            if ep == nil, t.isWord(j, "e") || t.isWord(j, "ep") || t.isWord(j, "episode"), j + 1 < t.count, let n = t[j + 1].number, gapIsSmall(t, j + 1) {
                j += 1
                ep = n
            }
            if ep == nil, let run = NumberWords.episodeRun(t, j) {
                var m = EpisodeMarker(.standard, i, j + 1)
                m.season = s
                m.episodes = run
                return m
            }
            // "s06.01.1999": a bare episode number after the season, before a year or quality.
            if ep == nil, let n = t[j].number, t[j].digitCount == 2, t.separator(before: j) == UInt8(ascii: "."), j + 1 < t.count,
                MovieParser.isYear(t, j + 1) || QualityFeatures.resolutions[t, j + 1] != nil
            {
                ep = n
            }
            if let ep {
                var m = EpisodeMarker(.standard, i, j + 1)
                m.season = s
                m.episodes = [ep]
                extendEpisodes(t, &m, season: s)
                return m
            }
        }
        if let (s, eps) = NumberWords.crossForm(t, i) {
            var m = EpisodeMarker(.standard, i, i + 1)
            m.season = s
            m.episodes = eps
            extendEpisodes(t, &m, season: s)
            return m
        }
        return seasonEpisodeWords(t, i)
    }

    /// Further episodes after the first: `-E03`, `E03`, `-03`, `-S01E03`, `-1x03`, ` - Ep03`.
    static func extendEpisodes(_ t: TokenizedName, _ m: inout EpisodeMarker, season: Int) {
        var j = m.end
        while j < t.count {
            let g = t.gap(before: j)
            guard g.count <= 3, !g.contains(UInt8(ascii: "[")), !g.contains(UInt8(ascii: "(")) else { break }
            let isRange = g.contains(dash)
            var next: [Int]?
            if let e = NumberWords.episode(t, j) {
                next = [e]
            } else if let (s, eps) = NumberWords.seasonEpisode(t, j), s == season {
                next = eps
            } else if let (s, eps) = NumberWords.crossForm(t, j), s == season {
                next = eps
            } else if t.hasPrefix(j, "x"), let n = t.number(j, droppingPrefix: 1) {
                next = [n]
            } else if let n = t[j].number, isRange || g == [UInt8(ascii: "_")], g.count == 1, let last = m.episodes.last, n > last, n - last <= 300, t[j].digitCount <= 4 {
                next = [n]
            } else if (t.isWord(j, "en") || t.isWord(j, "and") || t.isWord(j, "&")), j + 1 < t.count, let n = t[j + 1].number, let last = m.episodes.last, n == last + 1 {
                next = [n]
                j += 1
            } else if (t.isWord(j, "e") || t.isWord(j, "ep")), j + 1 < t.count, let n = t[j + 1].number, gapIsSmall(t, j + 1) {
                next = [n]
                j += 1
            }
            guard let eps = next, let last = m.episodes.last, let first = eps.first, first > last else { break }
            if isRange, let lastNew = eps.last { m.episodes += NumberWords.expand(last, lastNew).dropFirst() } else { m.episodes += eps }
            j += 1
            m.end = j
        }
    }

    /// `Season 1 Episode 5`, `Season 01 - Episode 05`, `Temporada 2 … Cap.408`.
    static func seasonEpisodeWords(_ t: TokenizedName, _ i: Int) -> EpisodeMarker? {
        let f = t[i].first
        guard f == UInt8(ascii: "s") || f == UInt8(ascii: "t") || f == UInt8(ascii: "c") || f >= 0x80 else { return nil }
        if NumberWords.seasonWords.contains(t, i), i + 3 < t.count, let s = t[i + 1].number, t[i + 1].digitCount <= 4,
            NumberWords.episodeWords.contains(t, i + 2), let e = t[i + 3].number, t[i + 3].digitCount <= 5
        {
            var m = EpisodeMarker(.standard, i, i + 4)
            m.season = s
            m.episodes = [e]
            extendEpisodes(t, &m, season: s)
            return m
        }
        if NumberWords.seasonWords.contains(t, i), i + 2 < t.count, let s = t[i + 1].number, t[i + 1].digitCount <= 4,
            let e = NumberWords.episode(t, i + 2), t.hasPrefix(i + 2, "ep")
        {
            var m = EpisodeMarker(.standard, i, i + 3)
            m.season = s
            m.episodes = [e]
            return m
        }
        if t.isWord(i, "cap"), i + 1 < t.count, let n = t[i + 1].number, t[i + 1].digitCount == 3 || t[i + 1].digitCount == 4 {
            var m = EpisodeMarker(.standard, i, i + 2)
            m.season = n / 100
            m.episodes = [n % 100]
            if i + 2 < t.count, t.isWord(i + 2, "cap") || t.gap(before: i + 2).contains(UInt8(ascii: "_")), let n2 = t[i + 2].number, n2 > n {
                m.episodes = NumberWords.expand(n % 100, n2 % 100)
            }
            return m
        }
        return nil
    }

    // MARK: season packs

    static func seasonPack(_ t: TokenizedName, _ i: Int) -> EpisodeMarker? {
        guard i > 0 else { return nil }
        let f = t[i].first
        guard f == UInt8(ascii: "s") || f == UInt8(ascii: "t") || f >= 0x80 else { return nil }
        var season: Int?
        var j = i + 1
        if let s = NumberWords.season(t, i) ?? NumberWords.gluedSeason(t, i) {
            season = s
        } else if t.isWord(i, "s"), i + 1 < t.count, let n = t[i + 1].number, t[i + 1].digitCount == 2 {
            season = n
            j = i + 2
        } else if NumberWords.seasonWords.contains(t, i) || (t.isWord(i, "series") && gapHasDash(t, i)), i + 1 < t.count, let n = t[i + 1].number, t[i + 1].digitCount <= 4,
            !t.gap(before: i + 1).contains(dash)
        {
            if t.isWord(i, "series") && t[i + 1].digitCount > 2 { return nil }
            season = n
            j = i + 2
        }
        guard let s = season else { return nil }
        var m = EpisodeMarker(.seasonPack, i, j)
        m.season = s
        m.fullSeason = true
        packSuffix(t, &m, from: j)
        return m
    }

    static func packSuffix(_ t: TokenizedName, _ m: inout EpisodeMarker, from j: Int) {
        guard j < t.count else { return }
        let g = t.gap(before: j)
        // Multi-season: S01-S07, S01 S04, S01-07, Season 1-3, Season 01 - Season 07
        if NumberWords.season(t, j) != nil && g.count <= 3 {
            m.multiSeason = true
            m.end = j + 1
        } else if let n = t[j].number, (g.contains(dash) && !g.contains(32)) || g.contains(UInt8(ascii: "~")) || (g == [32] && t[j].digitCount == 2 && t.gap(before: j + 1).contains(UInt8(ascii: "("))), g.count <= 3, n > (m.season ?? 0), n < 100 {
            m.multiSeason = true
            m.end = j + 1
        } else if NumberWords.seasonWords.contains(t, j), g.contains(dash), j + 1 < t.count, t[j + 1].number != nil {
            m.multiSeason = true
            m.end = j + 2
        } else if (t.isWord(j, "part") || t.isWord(j, "pt") || t.isWord(j, "vol") || t.isWord(j, "volume")), j + 1 < t.count, let n = t[j + 1].number ?? NumberWords.numberWords[t, j + 1] {
            m.partialSeason = true
            m.fullSeason = false
            m.seasonPart = n
            m.end = j + 2
        } else if let n = (t.hasPrefix(j, "part") ? t.number(j, droppingPrefix: 4) : nil) ?? (t.hasPrefix(j, "p") ? t.number(j, droppingPrefix: 1) : nil)
            ?? (t.hasPrefix(j, "vol") ? t.number(j, droppingPrefix: 3) : nil)
        {
            m.partialSeason = true
            m.fullSeason = false
            m.seasonPart = n
            m.end = j + 1
        } else if t.isWord(j, "extras") || t.isWord(j, "extra") || t.isWord(j, "bonus") || t.isWord(j, "featurettes") || t.isWord(j, "subpack") {
            m.extras = true
        } else if t.isWord(j, "special") || t.isWord(j, "specials") {
            m.special = true
        }
    }

    // MARK: daily

    static let months: WordMap<Int> = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5, "jun": 6,
        "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
        "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    static func daily(_ t: TokenizedName, _ i: Int) -> EpisodeMarker? {
        let tok = t[i]
        guard Bytes.isDigit(tok.first) else { return nil }
        // 2011.12.02 / 2011-12-02 / 2011 12 02
        if tok.digitCount == 4, let y = tok.number, i + 2 < t.count, let a = t[i + 1].number, let b = t[i + 2].number,
            t[i + 1].digitCount <= 2, t[i + 2].digitCount <= 2, t.separator(before: i + 1) != nil,
            t.separator(before: i + 1) == t.separator(before: i + 2)
        {
            if let d = date(y, a, b) ?? date(y, b, a) {
                var m = dailyMarker(i, i + 3, d)
                dailyPart(t, &m)
                return m
            }
            if y > 1900 && y < 1951 { var m = EpisodeMarker(.daily, i, i + 3); m.invalid = true; return m }
        }
        // 30-04-2024 (day first) or 04.28.2014 (month first); 05-06-2024 is ambiguous and rules the name out.
        if tok.digitCount <= 2, let a = tok.number, i + 2 < t.count, let b = t[i + 1].number, t[i + 1].digitCount <= 2,
            t[i + 2].digitCount == 4, let y = t[i + 2].number, t.separator(before: i + 1) != nil, t.separator(before: i + 1) == t.separator(before: i + 2),
            t.separator(before: i + 1) != UInt8(ascii: " ")
        {
            if a > 12, let d = date(y, b, a) { return dailyMarker(i, i + 3, d) }
            if b > 12, let d = date(y, a, b) { return dailyMarker(i, i + 3, d) }
            var m = EpisodeMarker(.daily, i, i + 3)
            m.invalid = true
            return m
        }
        // 20111202
        if tok.digitCount == 8, let v = tok.number {
            if let d = date(v / 10000, (v / 100) % 100, v % 100) { return dailyMarker(i, i + 1, d) }
        }
        // 140722 (yymmdd) before the quality
        if tok.digitCount == 6, let v = tok.number, i > 0, i + 1 < t.count, NumberWords.episode(t, i - 1) == nil,
            QualityFeatures.resolutions[t, i + 1] != nil || QualityFeatures.singleSources[t, i + 1] != nil
        {
            if let d = date(2000 + v / 10000, (v / 100) % 100, v % 100) { return dailyMarker(i, i + 1, d) }
        }
        // 31st Jan 2025 / 31 January 2025
        if i + 2 < t.count, let month = months[t, i + 1], t[i + 2].digitCount == 4, let y = t[i + 2].number {
            let day: Int? = t.withWord(i) { u in
                guard let (day, end) = NumberWords.digits(u, 0, max: 2) else { return nil }
                if end == u.count { return day }
                guard end + 2 == u.count else { return nil }
                let (a, b) = (u[end], u[end + 1])
                let ordinal = (a, b) == (115, 116) || (a, b) == (110, 100) || (a, b) == (114, 100) || (a, b) == (116, 104)  // st nd rd th
                return ordinal ? day : nil
            }
            if let day, let d = date(y, month, day) { return dailyMarker(i, i + 3, d) }
        }
        return nil
    }

    /// `Part1` / `Part.1` after the date.
    static func dailyPart(_ t: TokenizedName, _ m: inout EpisodeMarker) {
        guard m.end < t.count else { return }
        if t.isWord(m.end, "part"), m.end + 1 < t.count, let n = t[m.end + 1].number { m.dailyPart = n; m.end += 2 }
        else if t.hasPrefix(m.end, "part"), let n = t.number(m.end, droppingPrefix: 4) { m.dailyPart = n; m.end += 1 }
    }

    static func dailyMarker(_ a: Int, _ b: Int, _ d: String) -> EpisodeMarker {
        var m = EpisodeMarker(.daily, a, b)
        m.airDate = d
        return m
    }

    static func date(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard y >= 1951, y <= 2100, m >= 1, m <= 12, d >= 1, d <= 31 else { return nil }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d <= days[m - 1] else { return nil }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
