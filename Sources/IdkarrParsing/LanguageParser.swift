/// Reads the spoken languages of a release from its name, and subtitle languages from file names.
public enum LanguageParser {
    /// Language words matched case-insensitively as whole words.
    static let words: [String: String] = [
        "english": "English", "eng": "English", "ing": "English", "french": "French", "truefrench": "French",
        "vf": "French", "vff": "French", "vfq": "French", "vf2": "French", "vfi": "French", "fre": "French", "fra": "French",
        "spanish": "Spanish", "español": "Spanish", "espanol": "Spanish", "castellano": "Spanish", "esp": "Spanish", "spa": "Spanish",
        "german": "German", "swissgerman": "German", "videomann": "German", "ger": "German", "deutsch": "German",
        "italian": "Italian", "ita": "Italian", "danish": "Danish", "dan": "Danish", "dutch": "Dutch", "nld": "Dutch",
        "japanese": "Japanese", "jap": "Japanese", "jpn": "Japanese", "icelandic": "Icelandic", "ice": "Icelandic",
        "chinese": "Chinese", "mandarin": "Chinese", "cantonese": "Chinese", "chs": "Chinese", "cht": "Chinese", "big5": "Chinese",
        "russian": "Russian", "rus": "Russian", "polish": "Polish", "pol": "Polish", "pldub": "Polish", "dubpl": "Polish",
        "lekpl": "Polish", "pllek": "Polish", "vietnamese": "Vietnamese", "vie": "Vietnamese", "swedish": "Swedish",
        "swe": "Swedish", "norwegian": "Norwegian", "nor": "Norwegian", "finnish": "Finnish", "fin": "Finnish",
        "turkish": "Turkish", "tur": "Turkish", "portuguese": "Portuguese", "por": "Portuguese", "flemish": "Flemish",
        "greek": "Greek", "korean": "Korean", "kor": "Korean", "hungarian": "Hungarian", "hun": "Hungarian", "hundub": "Hungarian",
        "hebrew": "Hebrew", "hebdub": "Hebrew", "heb": "Hebrew", "lithuanian": "Lithuanian", "czech": "Czech", "cze": "Czech",
        "hindi": "Hindi", "hin": "Hindi", "romanian": "Romanian", "rodubbed": "Romanian", "rum": "Romanian", "thai": "Thai",
        "bulgarian": "Bulgarian", "bgaudio": "Bulgarian", "bul": "Bulgarian", "brazilian": "Portuguese (Brazil)",
        "dublado": "Portuguese (Brazil)", "arabic": "Arabic", "ara": "Arabic", "ukrainian": "Ukrainian", "ukr": "Ukrainian",
        "persian": "Persian", "farsi": "Persian", "bengali": "Bengali", "slovak": "Slovak", "latvian": "Latvian",
        "lav": "Latvian", "lv": "Latvian", "latino": "Spanish (Latino)", "catalan": "Catalan", "cat": "Catalan",
        "croatian": "Croatian", "hrv": "Croatian", "serbian": "Serbian", "bosnian": "Bosnian", "estonian": "Estonian",
        "est": "Estonian", "tamil": "Tamil", "tam": "Tamil", "indonesian": "Indonesian", "telugu": "Telugu", "tel": "Telugu",
        "macedonian": "Macedonian", "slovenian": "Slovenian", "slovene": "Slovenian", "malayalam": "Malayalam",
        "kannada": "Kannada", "albanian": "Albanian", "afrikaans": "Afrikaans", "marathi": "Marathi", "tagalog": "Tagalog",
        "filipino": "Tagalog", "urdu": "Urdu", "romansh": "Romansh", "rumantsch": "Romansh", "mongolian": "Mongolian",
        "georgian": "Georgian", "geo": "Georgian", "azerbaijani": "Azerbaijani", "uzbek": "Uzbek", "malay": "Malay",
        "ja": "Japanese", "nl": "Dutch", "ru": "Russian", "ukrainian-dub": "Ukrainian",
    ]

    /// Two-letter codes that count only in upper case (they are common words otherwise).
    static let upperCodes: [String: String] = [
        "LT": "Lithuanian", "CZ": "Czech", "PL": "Polish", "BG": "Bulgarian", "SK": "Slovak", "FR": "French", "DE": "German",
        "ES": "Spanish", "IT": "Italian", "HU": "Hungarian", "NL": "Dutch", "DK": "Danish", "SE": "Swedish", "NO": "Norwegian",
        "FI": "Finnish", "PT": "Portuguese", "RU": "Russian", "EN": "English", "JA": "Japanese", "KO": "Korean",
        "GR": "Greek", "RO": "Romanian", "TR": "Turkish", "UA": "Ukrainian", "HE": "Hebrew", "LV": "Latvian",
    ]

    static let subtitleWords: Set<String> = ["sub", "subs", "subbed", "subtitles", "subtitle", "vostfr", "subfrench", "stfr", "esub", "esubs", "msub", "msubs", "subtitulado", "legendado"]
    static let ambiguous: Set<String> = ["ing", "cat", "est", "ice", "tel", "fin", "nor", "por", "pol", "dan", "tam", "ara", "vie", "rum", "ja", "nl", "ru", "lv", "heb", "hin", "kor", "bul", "geo"]

    /// Languages named in a release title, `[Unknown]` when none is.
    public static func parseLanguages(_ title: String) -> [Language] {
        let t = TokenizedName(title)
        return parseLanguages(t, from: languageStart(t))
    }

    /// Where the language words may start: after the series title when an `SxxEyy` marker exists.
    static func languageStart(_ t: TokenizedName) -> Int {
        for i in 0..<t.count {
            let u = Array(t[i].text.utf8)
            if u.count >= 3, u[0] == UInt8(ascii: "s"), Bytes.isDigit(u[1]) { return i }
        }
        return 0
    }

    static func parseLanguages(_ t: TokenizedName, from start: Int) -> [Language] {
        var found: [Language] = []
        func add(_ name: String) {
            let l = Language.n(name)
            if !found.contains(l) { found.append(l) }
        }
        var i = start
        while i < t.count {
            let w = t[i].text
            if let name = match(t, i, w) {
                if !isSubtitleRun(t, i) { add(name) }
            } else if w.contains("中") || w.contains("简") || w.contains("繁") || w.contains("字幕") || w.contains("国语") || w.contains("粤语") {
                add("Chinese")
            } else if (w == "pl" && (t.text(i + 1) == "dub" || t.text(i + 1) == "lek")) || (w == "dub" || w == "lek") && t.text(i + 1) == "pl" {
                add("Polish")
            } else if w == "ger" && t.text(i + 1) == "dub" {
                add("German")
            } else if (w == "gb" || w == "chs" || w == "cht") && t.gap(before: i).last == UInt8(ascii: "[") {
                add("Chinese")
            }
            i += 1
        }
        if found.isEmpty { return [.unknown] }
        return found
    }

    static func match(_ t: TokenizedName, _ i: Int, _ w: String) -> String? {
        if let name = upperCodes[t.originalText(i)], w.utf8.count == 2 {
            if i == 0 { return nil }
            return name
        }
        guard let name = words[w] else { return nil }
        if i == 0 && t.count > 1 { return nil }
        if ambiguous.contains(w) {
            // Short codes count only beside other language words or audio/video words.
            let prev = t.text(i - 1)
            let next = t.text(i + 1)
            if words[prev] == nil && words[next] == nil && !audioContext.contains(prev) && !audioContext.contains(next) {
                return nil
            }
        }
        return name
    }

    static let audioContext: Set<String> = [
        "dd2", "dd5", "dts", "ac3", "aac", "aac2", "eac3", "ddp", "ddp5", "mp3", "flac", "opus", "dd", "audio", "dual", "dl",
        "720p", "1080p", "2160p", "480p", "x264", "h264", "x265", "hevc", "avc", "web", "webrip", "webdl", "bluray", "hdtv",
        "subs", "sub", "multi", "dub", "dubbed", "1", "2", "5", "0", "bdmux", "bdrip", "dvdrip",
    ]

    /// A language word inside a subtitle list ("SUB ITA-ENG", "Ger.Fre.Eng.Sub") names subtitles, not audio.
    static func isSubtitleRun(_ t: TokenizedName, _ i: Int) -> Bool {
        var j = i + 1
        while j < t.count, words[t[j].text] != nil || upperCodes[t.originalText(j)] != nil { j += 1 }
        if j < t.count, subtitleWords.contains(t[j].text) { return true }
        var k = i - 1
        while k >= 0, words[t[k].text] != nil || upperCodes[t.originalText(k)] != nil { k -= 1 }
        if k >= 0, subtitleWords.contains(t[k].text) || t[k].text == "legendas" { return true }
        return false
    }

    // MARK: subtitles

    static let subtitleTags: Set<String> = ["full", "forced", "foreign", "default", "cc", "psdh", "sdh"]

    /// The language of a subtitle file from its name (`Pilot.en.forced.srt` → English).
    public static func parseSubtitleLanguage(_ fileName: String) -> Language {
        parseSubtitleLanguageInformation(fileName).language
    }

    /// A subtitle file's language, its tags (forced, default, sdh…) and its own title.
    public struct SubtitleInfo: Hashable, Sendable {
        public var language: Language
        public var tags: [String]
        public var title: String?
        public var rawTitle: String?
    }

    public static func parseSubtitleLanguageInformation(_ fileName: String) -> SubtitleInfo {
        var parts = fileName.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 1 { parts.removeLast() }  // extension
        var tags: [String] = []
        var language: Language?
        var langIndex: Int?
        var k = parts.count - 1
        // Walk back from the end: tags, then an ISO code or language name, then an optional title.
        while k >= 1 {
            let p = Bytes.lowercased(parts[k])
            if subtitleTags.contains(p) {
                tags.insert(p, at: 0)
                k -= 1
                continue
            }
            if let l = IsoLanguages.find(p) ?? words[p].map(Language.n) ?? Language.named(p) {
                language = l
                langIndex = k
                break
            }
            break
        }
        if language == nil {
            // Dash separated names: Movie-Title-eng-forced.sub
            let dashed = fileName.split(separator: "-").map { Bytes.lowercased(Text.trimmed(String($0))) }
            for d in dashed.reversed() {
                let head = String(d.split(separator: ".").first ?? "")
                if let l = IsoLanguages.find(head), head.utf8.count >= 2 { language = l; break }
                if subtitleTags.contains(head) { continue }
                break
            }
        }
        guard let language, let li = langIndex else {
            return SubtitleInfo(language: language ?? .unknown, tags: language == nil ? [] : tags, title: nil, rawTitle: nil)
        }
        // Tags may also sit before the language; a title may follow it.
        var before = li - 1
        while before >= 1, subtitleTags.contains(Bytes.lowercased(parts[before])) {
            tags.insert(Bytes.lowercased(parts[before]), at: 0)
            before -= 1
        }
        var title: String?
        let afterLang = parts[(li + 1)..<parts.count].filter { !subtitleTags.contains(Bytes.lowercased($0)) }
        if let raw = afterLang.first {
            title = raw
        }
        return SubtitleInfo(language: language, tags: tags, title: title, rawTitle: title)
    }
}
