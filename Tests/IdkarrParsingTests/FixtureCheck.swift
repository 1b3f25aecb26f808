import IdkarrParsing

/// Runs one fixture row through the function it names and lists every expectation that fails.
enum FixtureCheck {
    static func run(_ c: FixtureCase) -> [String] {
        let title = c.preprocess == nil ? c.title : xmlClean(c.title)
        var out: [String] = []
        func expect(_ key: String, _ ok: Bool, _ got: Any?) {
            if !ok { out.append("\(key): expected \(describe(c.expect[key])), got \(got.map { "\($0)" } ?? "nil")") }
        }
        switch c.function {
        case "Parser.ParseTitle":
            checkEpisode(c, ReleaseParser.parseEpisode(title), &out)
        case "Parser.ParsePath":
            checkEpisode(c, ReleaseParser.parsePath(title), &out)
        case "Parser.ParseMovieTitle":
            checkMovie(c, ReleaseParser.parseMovie(title, isDir: c.args["isDir"]?.bool ?? false), &out)
        case "Parser.ParseMoviePath":
            checkMovie(c, ReleaseParser.parseMoviePath(title), &out)
        case "QualityParser.ParseQuality":
            checkQuality(c, QualityParser.parse(title), &out)
        case "LanguageParser.ParseLanguages":
            checkLanguages(c, LanguageParser.parseLanguages(title), &out)
        case "LanguageParser.ParseSubtitleLanguage":
            let l = LanguageParser.parseSubtitleLanguage(title)
            expect("subtitleLanguage", l.name == c.expect["subtitleLanguage"]?.string, l.name)
        case "LanguageParser.ParseSubtitleLanguageInformation":
            let info = LanguageParser.parseSubtitleLanguageInformation(title)
            if let e = c.expect["subtitleLanguage"] { expect("subtitleLanguage", info.language.name == e.string, info.language.name) }
            if let e = c.expect["languageTags"] { expect("languageTags", info.tags == (e.array ?? []).compactMap(\.string), info.tags) }
            if let e = c.expect["subtitleTitle"] { expect("subtitleTitle", info.title?.lowercased() == e.string?.lowercased(), info.title) }
            if let e = c.expect["rawTitle"] { expect("rawTitle", info.rawTitle == e.string, info.rawTitle) }
        case "IsoLanguages.Find":
            let l = IsoLanguages.find(title)
            expect("isoLanguage", l?.name == c.expect["isoLanguage"]?.string, l?.name)
        case "ReleaseGroupParser.ParseReleaseGroup":
            let g = ReleaseGroupParser.parse(title)
            expect("releaseGroup", g == c.expect["releaseGroup"]?.string, g)
        case "CleanSeriesTitle (string extension)":
            let s = TitleCleaner.cleanSeriesTitle(title)
            expect("cleanTitle", s == c.expect["cleanTitle"]?.string, s)
        case "CleanMovieTitle (string extension)":
            let s = TitleCleaner.cleanMovieTitle(title)
            expect("cleanTitle", s == c.expect["cleanTitle"]?.string, s)
        case "Parser.NormalizeEpisodeTitle":
            let s = TitleCleaner.normalizeEpisodeTitle(title)
            expect("normalizedEpisodeTitle", s == c.expect["normalizedEpisodeTitle"]?.string, s)
        case "Parser.ParseSeriesName":
            let s = ReleaseParser.parseSeriesName(title)
            let e = c.expect["seriesName"]?.string ?? ""
            expect("seriesName", TitleCleaner.cleanSeriesTitle(s) == TitleCleaner.cleanSeriesTitle(e), s)
        case "SceneChecker.IsSceneTitle":
            let b = SceneChecker.isSceneTitle(title)
            expect("isSceneTitle", b == c.expect["isSceneTitle"]?.bool, b)
        case "SceneChecker.GetSceneTitle":
            let s = SceneChecker.sceneTitle(title)
            expect("sceneTitle", s == c.expect["sceneTitle"]?.string, s)
        case "Parser.NormalizeImdbId":
            let s = TitleCleaner.normalizeImdbId(title)
            expect("normalizedImdbId", s?.lowercased() == c.expect["normalizedImdbId"]?.string?.lowercased(), s)
        case "Parser.ToUrlSlug":
            let s = TitleCleaner.urlSlug(
                title, invalidDashReplacement: c.args["invalidDashReplacement"]?.bool ?? false,
                trimEndChars: c.args["trimEndChars"]?.string ?? "-_",
                deduplicateChars: c.args["deduplicateChars"].map { $0.string } ?? "-_")
            expect("slug", s == c.expect["slug"]?.string, s)
        default:
            out.append("unknown function \(c.function)")
        }
        return out
    }

    static func describe(_ v: JSONValue?) -> String {
        guard let v else { return "nil" }
        switch v {
        case .string(let s): return "\"\(s)\""
        case .number(let n): return n == n.rounded() ? "\(Int(n))" : "\(n)"
        case .bool(let b): return "\(b)"
        case .null: return "null"
        case .array(let a): return "[" + a.map { describe($0) }.joined(separator: ", ") + "]"
        case .object(let o): return "{" + o.keys.sorted().map { "\($0): \(describe(o[$0]))" }.joined(separator: ", ") + "}"
        }
    }

    /// XmlCleaner.ReplaceUnicode: drops characters outside the XML-valid range.
    static func xmlClean(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let v = u.value
            if v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000 { out.append(u) }
        }
        return String(out)
    }

    static func ints(_ v: JSONValue?) -> [Int]? { v?.array?.compactMap(\.int) }

    static func checkEpisode(_ c: FixtureCase, _ r: ParsedRelease?, _ out: inout [String]) {
        let e = c.expect
        if let p = e["parsed"]?.bool {
            if p != (r != nil) { out.append("parsed: expected \(p), got \(r != nil)") }
            if !p { return }
        }
        let keys = Set(e.keys).subtracting(["parsed", "noException"])
        guard let r else {
            if !keys.isEmpty { out.append("parsed: expected a result, got nil") }
            return
        }
        func check(_ key: String, _ ok: Bool, _ got: Any?) {
            if e[key] != nil && !ok { out.append("\(key): expected \(describe(e[key])), got \(got.map { "\($0)" } ?? "nil")") }
        }
        check("seriesTitle", r.seriesTitle == e["seriesTitle"]?.string, r.seriesTitle)
        check("seasonNumber", r.seasonNumber == e["seasonNumber"]?.int || (e["seasonNumber"]?.int == 0 && r.seasonNumber == nil), r.seasonNumber)
        check("episodeNumbers", r.episodeNumbers.sorted() == (ints(e["episodeNumbers"]) ?? []).sorted(), r.episodeNumbers)
        check("absoluteEpisodeNumbers", r.absoluteEpisodeNumbers.sorted() == (ints(e["absoluteEpisodeNumbers"]) ?? []).sorted(), r.absoluteEpisodeNumbers)
        check("specialAbsoluteEpisodeNumbers", r.specialAbsoluteEpisodeNumbers == (e["specialAbsoluteEpisodeNumbers"]?.array?.compactMap(\.double) ?? []), r.specialAbsoluteEpisodeNumbers)
        check("airDate", r.airDate == e["airDate"]?.string, r.airDate)
        check("dailyPart", r.dailyPart == e["dailyPart"]?.int, r.dailyPart)
        check("fullSeason", r.fullSeason == e["fullSeason"]?.bool, r.fullSeason)
        check("isPartialSeason", r.isPartialSeason == e["isPartialSeason"]?.bool, r.isPartialSeason)
        check("seasonPart", r.seasonPart == e["seasonPart"]?.int, r.seasonPart)
        check("isMultiSeason", r.isMultiSeason == e["isMultiSeason"]?.bool, r.isMultiSeason)
        check("isSeasonExtra", r.isSeasonExtra == e["isSeasonExtra"]?.bool, r.isSeasonExtra)
        check("isSplitEpisode", r.isSplitEpisode == e["isSplitEpisode"]?.bool, r.isSplitEpisode)
        check("special", r.special == e["special"]?.bool, r.special)
        check("isPossibleSpecialEpisode", r.isPossibleSpecialEpisode == e["isPossibleSpecialEpisode"]?.bool, r.isPossibleSpecialEpisode)
        check("releaseGroup", r.releaseGroup == e["releaseGroup"]?.string, r.releaseGroup)
        check("releaseHash", (r.releaseHash ?? "") == (e["releaseHash"]?.string ?? ""), r.releaseHash)
        check("releaseTitle", r.releaseTitle == e["releaseTitle"]?.string, r.releaseTitle)
        if let q = e["quality"]?.string { check("quality", Quality.named(q) == r.quality.quality, r.quality.quality.name) }
        if let q = e["qualityNot"]?.string { check("qualityNot", Quality.named(q) != r.quality.quality, r.quality.quality.name) }
        check("sourceDetectionSource", r.quality.sourceDetectionSource.rawValue == e["sourceDetectionSource"]?.string, r.quality.sourceDetectionSource)
        check("resolutionDetectionSource", r.quality.resolutionDetectionSource.rawValue == e["resolutionDetectionSource"]?.string, r.quality.resolutionDetectionSource)
        if e["languages"] != nil { checkLanguages(c, r.languages, &out) }
        if let info = e["seriesTitleInfo"]?.object {
            let got = r.seriesTitleInfo
            var ok = got != nil
            if let t = info["title"]?.string { ok = ok && got?.title == t }
            if let t = info["titleWithoutYear"]?.string { ok = ok && got?.titleWithoutYear == t }
            if let y = info["year"]?.int { ok = ok && got?.year == y }
            if let a = info["allTitles"]?.array { ok = ok && got?.allTitles == a.compactMap(\.string) }
            if let b = info["titleEqualsTitleWithoutYear"]?.bool { ok = ok && (got?.title == got?.titleWithoutYear) == b }
            check("seriesTitleInfo", ok, got.map { "\($0.title)|\($0.titleWithoutYear)|\($0.year)|\($0.allTitles)" })
        }
    }

    static func checkMovie(_ c: FixtureCase, _ r: ParsedRelease?, _ out: inout [String]) {
        let e = c.expect
        if let p = e["parsed"]?.bool {
            if p != (r != nil) { out.append("parsed: expected \(p), got \(r != nil)") }
            if !p { return }
        }
        guard let r else {
            if !Set(e.keys).subtracting(["parsed"]).isEmpty { out.append("parsed: expected a result, got nil") }
            return
        }
        func check(_ key: String, _ ok: Bool, _ got: Any?) {
            if e[key] != nil && !ok { out.append("\(key): expected \(describe(e[key])), got \(got.map { "\($0)" } ?? "nil")") }
        }
        check("movieTitle", r.movieTitle == e["movieTitle"]?.string, r.movieTitle)
        check("movieTitles", r.movieTitles == (e["movieTitles"]?.array?.compactMap(\.string) ?? []), r.movieTitles)
        check("year", (r.year ?? 0) == (e["year"]?.int ?? 0), r.year)
        check("edition", (r.edition ?? "") == (e["edition"]?.string ?? ""), r.edition)
        check("tmdbId", r.tmdbId == e["tmdbId"]?.int, r.tmdbId)
        check("imdbId", r.imdbId == e["imdbId"]?.string, r.imdbId)
        check("hardcodedSubs", r.hardcodedSubs == e["hardcodedSubs"]?.string, r.hardcodedSubs)
        check("releaseGroup", r.releaseGroup == e["releaseGroup"]?.string, r.releaseGroup)
        if let q = e["quality"]?.object, let name = q["name"]?.string { check("quality", Quality.named(name) == r.quality.quality, r.quality.quality.name) }
        if e["languages"] != nil || e["languagesContain"] != nil || e["languagesFirst"] != nil { checkLanguages(c, r.languages, &out) }
    }

    static func checkQuality(_ c: FixtureCase, _ q: QualityModel, _ out: inout [String]) {
        let e = c.expect
        func check(_ key: String, _ ok: Bool, _ got: Any?) {
            if !ok { out.append("\(key): expected \(describe(e[key])), got \(got.map { "\($0)" } ?? "nil")") }
        }
        if let name = e["quality"]?.string {
            check("quality", Quality.named(name) == q.quality, q.quality.name)
        } else if let o = e["quality"]?.object {
            var ok = true
            if let n = o["name"]?.string { ok = ok && Quality.named(n) == q.quality }
            if let s = o["source"]?.string { ok = ok && q.quality.source.radarrName == s }
            if let r = o["resolution"]?.int { ok = ok && q.quality.resolution == r }
            if let m = o["modifier"]?.string { ok = ok && q.quality.modifier.radarrName == m }
            check("quality", ok, "\(q.quality.name) \(q.quality.source.radarrName) \(q.quality.resolution) \(q.quality.modifier.radarrName)")
        }
        if let r = e["revision"]?.object {
            var ok = true
            if let v = r["version"]?.int { ok = ok && q.revision.version == v }
            if let v = r["real"]?.int { ok = ok && q.revision.real == v }
            if let v = r["isRepack"]?.bool { ok = ok && q.revision.isRepack == v }
            check("revision", ok, q.revision)
        }
        if let s = e["sourceDetectionSource"]?.string { check("sourceDetectionSource", q.sourceDetectionSource.rawValue == s, q.sourceDetectionSource) }
        if let s = e["resolutionDetectionSource"]?.string { check("resolutionDetectionSource", q.resolutionDetectionSource.rawValue == s, q.resolutionDetectionSource) }
    }

    static func checkLanguages(_ c: FixtureCase, _ got: [Language], _ out: inout [String]) {
        let names = got.map(\.name)
        if let l = c.expect["languages"]?.array?.compactMap(\.string), Set(l) != Set(names) || l.count != names.count {
            out.append("languages: expected \(l), got \(names)")
        }
        if let l = c.expect["languagesContain"]?.array?.compactMap(\.string), !Set(l).isSubset(of: Set(names)) {
            out.append("languagesContain: expected \(l), got \(names)")
        }
        if let f = c.expect["languagesFirst"]?.string, names.first != f {
            out.append("languagesFirst: expected \(f), got \(names)")
        }
    }
}
