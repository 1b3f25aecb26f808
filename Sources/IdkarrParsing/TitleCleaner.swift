/// Normalized titles for matching (`"The Series (2009)"` → `"theseries2009"`), episode-title
/// normalization and URL slugs.
public enum TitleCleaner {
    static let smallWords: WordSet = ["a", "an", "the", "and", "or", "of"]

    /// Sonarr's CleanSeriesTitle: lower case, accents removed, punctuation and the small words
    /// (a, an, the, and, or, of) dropped unless they start or end the title.
    public static func cleanSeriesTitle(_ title: String) -> String { clean(title) }

    /// Radarr's CleanMovieTitle (the same rules).
    public static func cleanMovieTitle(_ title: String) -> String { clean(title) }

    static func clean(_ title: String) -> String {
        let title = Text.bounded(title)
        if !title.isEmpty, title.utf8.allSatisfy(Bytes.isDigit) { return title }
        let folded = Accents.fold(title)
        // Split into words on anything that is not a letter or digit; apostrophes join.
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        for b in folded.utf8 {
            if Bytes.isWordByte(b) {
                current.append(Bytes.lower(b))
            } else if b == UInt8(ascii: "'") || b == UInt8(ascii: "`") {
                continue
            } else if b == UInt8(ascii: "%"), let l = current.last, Bytes.isDigit(l) {
                current.append(contentsOf: Array("percent".utf8))
            } else {
                if !current.isEmpty { words.append(current) }
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(current) }
        var out: [UInt8] = []
        for (i, w) in words.enumerated() {
            if i > 0 && i < words.count - 1 && smallWords.contains(Text.string(w)) {
                // "a" inside an acronym (N.K.L.E.a) stays.
                if w == [97] && (words[i - 1].count == 1 || words[i + 1].count == 1) {
                    out.append(contentsOf: w)
                }
                continue
            }
            out.append(contentsOf: w)
        }
        let s = Text.string(out)
        return s.utf8.contains(where: { $0 >= 0x80 }) ? s.lowercased() : s
    }

    /// Sonarr's NormalizeEpisodeTitle: the episode title part in lower case, single spaced.
    public static func normalizeEpisodeTitle(_ title: String) -> String {
        let t = TokenizedName(Text.bounded(title))
        var from = 0
        var to = t.count
        // In a full release name keep what follows the episode marker (or "Special"), up to the quality.
        for i in 0..<t.count {
            let w = t.text(i)
            if NumberWords.seasonEpisode(w) != nil || (NumberWords.season(w) != nil && t.text(i + 1) == "special") {
                from = NumberWords.season(w) != nil ? i + 2 : i + 1
                break
            }
        }
        if from > 0 {
            for k in from..<t.count where QualityFeatures.resolutions[t, k] != nil || QualityFeatures.singleSources[t, k] != nil {
                to = k
                break
            }
        }
        var words: [String] = []
        for i in from..<max(from, to) {
            // "(1)" part numbers are not part of the title.
            if t[i].isNumber, t.gap(before: i).last == UInt8(ascii: "("), i == to - 1 { continue }
            words.append(t.text(i))
        }
        return words.joined(separator: " ")
    }

    /// Radarr's ToUrlSlug.
    public static func urlSlug(
        _ value: String, invalidDashReplacement: Bool = false, trimEndChars: String = "-_", deduplicateChars: String? = "-_"
    ) -> String {
        let folded = Accents.fold(Text.bounded(value).lowercased())
        var out: [UInt8] = []
        for b in folded.utf8 {
            if Text.isSpace(b) {
                out.append(UInt8(ascii: "-"))
            } else if (b >= 97 && b <= 122) || Bytes.isDigit(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") {
                out.append(b)
            } else if invalidDashReplacement && b < 0x80 {
                out.append(UInt8(ascii: "-"))
            }
        }
        let trimSet = Array(trimEndChars.utf8)
        while let l = out.last, trimSet.contains(l) { out.removeLast() }
        while let f = out.first, trimSet.contains(f) { out.removeFirst() }
        if let dedup = deduplicateChars, !dedup.isEmpty {
            let set = Array(dedup.utf8)
            var result: [UInt8] = []
            var i = 0
            while i < out.count {
                if set.contains(out[i]) {
                    var j = i
                    while j < out.count, set.contains(out[j]) { j += 1 }
                    result.append(j - i >= 2 ? out[j - 1] : out[i])
                    i = j
                } else {
                    result.append(out[i])
                    i += 1
                }
            }
            out = result
        }
        return Text.string(out)
    }

    /// `tt1234567` from `1234567` or `tt1234567`; nil when the text is no IMDb id.
    public static func normalizeImdbId(_ value: String) -> String? {
        var s = Bytes.lowercased(Text.trimmed(value))
        if s.hasPrefix("tt") { s.removeFirst(2) }
        guard !s.isEmpty, s.utf8.count <= 8, s.utf8.allSatisfy(Bytes.isDigit) else { return nil }
        while s.utf8.count < 7 { s = "0" + s }
        return "tt" + s
    }
}

/// Scene naming: `Title.S01E01.720p.HDTV.x264-GROUP`.
public enum SceneChecker {
    /// True when the name follows scene rules: dots, no spaces, a quality, and a group.
    public static func isSceneTitle(_ title: String) -> Bool {
        let title = Text.bounded(title)
        let u = Array(title.utf8)
        guard u.contains(UInt8(ascii: ".")), !u.contains(32), !u.contains(UInt8(ascii: "[")) else { return false }
        let t = TokenizedName(bytes: u)
        guard t.count > 2 else { return false }
        let q = QualityParser.parseName(t)
        guard q.quality != .unknown, q.sourceDetectionSource == .name, q.resolutionDetectionSource == .name || q.quality.resolution <= 480 else { return false }
        guard ReleaseGroupParser.parse(title) != nil else { return false }
        // A scene name parses as an episode (with a series title) or a movie with a year.
        if let e = ReleaseParser.parseEpisode(title), e.seriesTitle?.isEmpty == false, e.seasonNumber != nil || e.airDate != nil { return true }
        if let m = ReleaseParser.parseMovie(title), m.year != nil { return true }
        return false
    }

    /// The scene name inside a file or post name (`…-GROUP.nzb` → `…-GROUP`), or nil.
    public static func sceneTitle(_ title: String) -> String? {
        var s = Text.trimmed(title).replacingFullwidthBrackets()
        let lower = Bytes.lowercased(s)
        for ext in [".nzb", ".torrent", ".mkv", ".mp4", ".avi"] where lower.hasSuffix(ext) {
            s = String(s.dropLast(ext.count))
        }
        s = Text.trim(s, [UInt8(ascii: "_"), UInt8(ascii: " ")])
        return isSceneTitle(s) ? s : nil
    }
}

/// Folding of accented Latin letters to ASCII (é → e, ß → ss is dropped as Radarr does).
enum Accents {
    static func fold(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 >= 0x80 }) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if scalar.value < 0x80 {
                out.append(scalar)
            } else if let f = map(scalar.value) {
                if f != 0 { out.append(Unicode.Scalar(f)!) }
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Base letter of a Latin-1 / Latin Extended-A letter; 0 means "drop".
    static func map(_ v: UInt32) -> UInt32? {
        switch v {
        case 0xC0...0xC5: return 0x41
        case 0xC7: return 0x43
        case 0xC8...0xCB: return 0x45
        case 0xCC...0xCF: return 0x49
        case 0xD1: return 0x4E
        case 0xD2...0xD6: return 0x4F
        case 0xF0: return 0x64
        case 0xD0: return 0x44
        case 0xD9...0xDC: return 0x55
        case 0xDD: return 0x59
        case 0xE0...0xE5: return 0x61
        case 0xE7: return 0x63
        case 0xE8...0xEB: return 0x65
        case 0xEC...0xEF: return 0x69
        case 0xF1: return 0x6E
        case 0xF2...0xF6: return 0x6F
        case 0xF9...0xFC: return 0x75
        case 0xFD, 0xFF: return 0x79
        case 0xDF, 0x152, 0x153, 0xC6, 0xE6: return 0
        case 0x100...0x105: return v % 2 == 0 ? 0x41 : 0x61
        case 0x106...0x10D: return v % 2 == 0 ? 0x43 : 0x63
        case 0x10E...0x111: return v % 2 == 0 ? 0x44 : 0x64
        case 0x112...0x11B: return v % 2 == 0 ? 0x45 : 0x65
        case 0x11C...0x123: return v % 2 == 0 ? 0x47 : 0x67
        case 0x128...0x131: return v % 2 == 0 ? 0x49 : 0x69
        case 0x139...0x142: return v % 2 == 1 ? 0x4C : 0x6C
        case 0x143...0x148: return v % 2 == 1 ? 0x4E : 0x6E
        case 0x14C...0x151: return v % 2 == 0 ? 0x4F : 0x6F
        case 0x154...0x159: return v % 2 == 0 ? 0x52 : 0x72
        case 0x15A...0x161: return v % 2 == 0 ? 0x53 : 0x73
        case 0x162...0x167: return v % 2 == 0 ? 0x54 : 0x74
        case 0x168...0x173: return v % 2 == 0 ? 0x55 : 0x75
        case 0x179...0x17E: return v % 2 == 1 ? 0x5A : 0x7A
        default: return nil
        }
    }
}

extension String {
    /// `【720p】` → `[720p]`.
    func replacingFullwidthBrackets() -> String {
        guard utf8.contains(0xE3) else { return self }
        var out = String.UnicodeScalarView()
        for u in unicodeScalars {
            switch u.value {
            case 0x3010: out.append("[")
            case 0x3011: out.append("]")
            default: out.append(u)
            }
        }
        return String(out)
    }
}
