/// Reads the spoken languages of a release from its name, and subtitle languages from file names.
public enum LanguageParser {
    /// Language words matched case-insensitively as whole words.
    static let words: WordMap<String> = [
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
        "ja": "Japanese", "nl": "Dutch", "ru": "Russian", "lat": "Latvian", "catalán": "Catalan", "ingles": "English",
        "inglés": "English", "azerbaijan": "Azerbaijani", "uzbekistan": "Uzbek", "romansch": "Romansh",
        "khalkha": "Mongolian", "original": "Original", "orig": "Original", "hebdubbed": "Hebrew", "catala": "Catalan",
        "català": "Catalan",
    ]

    /// Two-letter codes that count only in upper case (they are common words otherwise).
    static let upperCodes: WordMap<String> = [
        "LT": "Lithuanian", "CZ": "Czech", "PL": "Polish", "BG": "Bulgarian", "SK": "Slovak", "FR": "French", "DE": "German",
        "ES": "Spanish", "IT": "Italian", "HU": "Hungarian", "NL": "Dutch", "DK": "Danish", "SE": "Swedish", "NO": "Norwegian",
        "FI": "Finnish", "PT": "Portuguese", "RU": "Russian", "EN": "English", "JA": "Japanese", "KO": "Korean",
        "GR": "Greek", "RO": "Romanian", "TR": "Turkish", "UA": "Ukrainian", "HE": "Hebrew", "LV": "Latvian",
        "KA": "Georgian",
    ]

    /// After the leading digits of a word, at least two more bytes of which the first is a letter.
    static func letterRunAfterDigits(_ u: ArraySlice<UInt8>, _ tok: Token) -> Bool {
        var k = tok.start
        while k < tok.end, Bytes.isDigit(u[k]) { k += 1 }
        return tok.end - k >= 2 && Bytes.isLetter(u[k])
    }

    /// Words that are not in `words` but that the rules of `parseLanguages` read.
    static let loopWords: WordSet = ["pt", "pl", "dub", "lek", "gb"]
    static let wordsAndLoopWords = WordSet(Set(words.keys).union(loopWords))

    static let subtitleWords: WordSet = ["sub", "subs", "subbed", "subtitles", "subtitle", "subfrench", "stfr", "esub", "esubs", "msub", "msubs", "subtitulado", "legendado"]
    static let ambiguous: WordSet = ["ing", "cat", "est", "ice", "tel", "fin", "nor", "por", "pol", "dan", "tam", "ara", "vie", "rum", "ja", "nl", "ru", "lv", "heb", "hin", "kor", "bul", "geo", "lat", "orig"]

    /// Languages named in a release title, `[Unknown]` when none is.
    public static func parseLanguages(_ title: String) -> [Language] {
        let t = TokenizedName(Text.bounded(title))
        return parseLanguages(t, from: languageStart(t))
    }

    /// Where the language words may start: after the series title when an `SxxEyy` marker exists.
    static func languageStart(_ t: TokenizedName) -> Int {
        for i in 0..<t.count {
            let u = t.bytes
            let k = t[i].start
            if t[i].length >= 3, Bytes.lower(u[k]) == UInt8(ascii: "s"), Bytes.isDigit(u[k + 1]) { return i }
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
            // Most words name no language: only language words, short upper-case codes, words with
            // leading digits ("3ger"), the few words the rules below pair up, and non-ASCII words
            // can.
            let tok = t[i]
            // After leading digits a language word must follow ("3ger", "2xukr"); every key of
            // `words` has at least two letters.
            let digitsThenWord = tok.length > 3 && tok.digitCount == 0 && Bytes.isDigit(tok.first) && Self.letterRunAfterDigits(t.bytes, tok)
            if tok.hash != 0, !wordsAndLoopWords.contains(t, i), !digitsThenWord, !(tok.length == 2 && t.byte(tok.start) >= 65 && t.byte(tok.start) <= 90) {
                i += 1
                continue
            }
            if let name = match(t, i) {
                if !isSubtitleRun(t, i) { add(name) }
            } else if t.bytes[t[i].start..<t[i].end].contains(where: { $0 >= 0xE3 }), isChinese(t.text(i)) {
                add("Chinese")
            } else if (t.isWord(i, "pl") && (t.isWord(i + 1, "dub") || t.isWord(i + 1, "lek"))) || (t.isWord(i, "dub") || t.isWord(i, "lek")) && t.isWord(i + 1, "pl") {
                add("Polish")
            } else if t.isWord(i, "ger") && t.isWord(i + 1, "dub") {
                add("German")
            } else if (t.isWord(i, "gb") || t.isWord(i, "chs") || t.isWord(i, "cht")) && t.gap(before: i).last == UInt8(ascii: "[") {
                add("Chinese")
            }
            i += 1
        }
        // "German.DL" (dual language) and "German.ML" (multi language) carry the original audio too.
        for i in max(start, 1)..<max(t.count, 1) where i < t.count && (t.isWord(i, "dl") || t.isWord(i, "ml")) {
            if i >= 1, words[t, i - 1] != nil || t.isWord(i - 1, "dts") || t.isWord(i - 1, "ac3d") || t.isWord(i - 1, "ac3") || t.isWord(i - 1, "eac3") || t.isWord(i - 1, "opus") {
                if !found.isEmpty && !found.contains(.original) { found.append(.original) }
                if t.isWord(i, "ml") { add("English") }
            }
        }
        if found.isEmpty { return [.unknown] }
        // Latin-American Spanish is named first and replaces plain Spanish.
        let latino = Language.n("Spanish (Latino)")
        if let k = found.firstIndex(of: latino) {
            found.remove(at: k)
            found.removeAll { $0.name == "Spanish" }
            found.insert(latino, at: 0)
        }
        return found
    }

    static func isChinese(_ w: String) -> Bool {
        Text.holds(w, "中") || Text.holds(w, "简") || Text.holds(w, "繁") || Text.holds(w, "字幕") || Text.holds(w, "国语") || Text.holds(w, "粤语")
    }

    /// The language of a two-letter upper-case code as written (`LT`, `CZ`).
    static func upperCode(_ t: TokenizedName, _ i: Int) -> String? {
        t.bytes.withUnsafeBufferPointer { upperCodes.value(bytes: UnsafeBufferPointer(rebasing: $0[t[i].start..<t[i].end])) }
    }

    /// `3ger` → the language of what follows the leading digits (a word of more than 3 characters).
    static func afterLeadingDigits(_ w: String) -> String? {
        let rest: String?? = Text.withBytes(w) { u in
            guard !u.contains(where: { $0 >= 0x80 }) else { return nil }  // the library decides below
            guard let f = u.first, Bytes.isDigit(f), u.count > 3 else { return .some(nil) }
            var k = 0
            while k < u.count, Bytes.isDigit(u[k]) { k += 1 }
            return .some(Text.string(Array(u[k...])))
        }
        if let rest { return rest.flatMap { words[$0] } }
        guard let f = w.first, f.isNumber, w.count > 3 else { return nil }
        return words[String(w.drop(while: \.isNumber))]
    }

    /// For the lower-cased bytes of an ASCII word that is no language word: "2xukr" (number of
    /// audio tracks in that language), then "3ger" (`afterLeadingDigits`).
    private static func afterDigits(_ u: UnsafeBufferPointer<UInt8>) -> String? {
        guard u.count > 3 else { return nil }
        if let x = u.firstIndex(of: UInt8(ascii: "x")), x > 0, Bytes.part(u, 0..<x).allSatisfy(Bytes.isDigit),
            let name = words.value(bytes: Bytes.part(u, (x + 1)..<u.count))
        {
            return name
        }
        guard Bytes.isDigit(u[0]) else { return nil }
        var k = 0
        while k < u.count, Bytes.isDigit(u[k]) { k += 1 }
        return words.value(bytes: Bytes.part(u, k..<u.count))
    }

    /// The language word `i` names (before the subtitle-list test).
    static func match(_ t: TokenizedName, _ i: Int) -> String? {
        if t.isWord(i, "pt"), t.gap(before: i + 1) == [UInt8(ascii: "-")], t.isWord(i + 1, "br") { return "Portuguese (Brazil)" }
        let length = t[i].length
        let known = words[t, i]
        if length == 2, t.byte(t[i].start) >= 65 && t.byte(t[i].start) <= 90 {
            // handled below (upper-case codes)
        } else if known == nil {
            guard Bytes.isDigit(t[i].first), length > 3 else { return nil }
        }
        if t.isWord(i, "br"), t.isWord(i - 1, "pt") { return nil }
        if length == 2, let name = upperCode(t, i) {
            if i == 0 || t.isWord(i - 1, "dts") || t.isWord(i - 1, "dd") { return nil }
            // "[YTS.LT]": a site or group name, not a language.
            if Array(t.gap(before: i)) == [UInt8(ascii: ".")], words[t, i - 1] == nil, upperCode(t, i - 1) == nil, t.gap(before: i - 1).last == UInt8(ascii: "[") {
                return nil
            }
            return name
        }
        // An ASCII word's characters are its bytes: the tests below read them in place.
        if known == nil, t[i].hash != 0 { return t.withWord(i) { afterDigits($0) } }
        if known == nil, t.withWord(i, { $0.contains(UInt8(ascii: "x")) }) {
            // "2xUkr", "3xUkr": number of audio tracks in that language.
            let w = t.text(i)
            if let x = w.firstIndex(of: "x"), w[..<x].allSatisfy(\.isNumber), !w[..<x].isEmpty, let name = words[String(w[w.index(after: x)...])], w.count > 3 { return name }
        }
        // (A word not in `words` that got here starts with an ASCII digit.)
        if known == nil, Bytes.isDigit(t[i].first), let name = afterLeadingDigits(t.text(i)) { return name }
        guard let name = known else { return nil }
        if i == 0 && t.count > 1 { return nil }
        if ambiguous.contains(t, i) {
            // Short codes count only beside other language words or audio/video words.
            if words[t, i - 1] == nil && words[t, i + 1] == nil && !audioContext.contains(t, i - 1) && !audioContext.contains(t, i + 1) {
                return nil
            }
        }
        return name
    }

    static let audioContext: WordSet = [
        "dd2", "dd5", "dts", "ac3", "aac", "aac2", "eac3", "ddp", "ddp5", "mp3", "flac", "opus", "dd", "audio", "dual", "dl",
        "720p", "1080p", "2160p", "480p", "x264", "h264", "x265", "hevc", "avc", "web", "webrip", "webdl", "bluray", "hdtv",
        "subs", "sub", "multi", "dub", "dubbed", "1", "2", "5", "0", "bdmux", "bdrip", "dvdrip",
    ]

    /// A language word inside a subtitle list ("SUB ITA-ENG", "Ger.Fre.Eng.Sub") names subtitles, not audio.
    static func isSubtitleRun(_ t: TokenizedName, _ i: Int) -> Bool {
        func joins(_ j: Int) -> Bool {
            t.gap(before: j).allSatisfy { $0 == 32 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "+") }
        }
        func isLang(_ j: Int) -> Bool { words[t, j] != nil || upperCode(t, j) != nil }
        var j = i + 1
        while j < t.count, joins(j), isLang(j) { j += 1 }
        if j < t.count, joins(j), subtitleWords.contains(t, j), !(j == t.count - 1 && t.gap(before: j).last == UInt8(ascii: ".")),
            !t.gap(before: j).contains(32)
        {
            return true
        }
        var k = i - 1
        while k >= 0, joins(k + 1), isLang(k) { k -= 1 }
        if k >= 0, joins(k + 1), subtitleWords.contains(t, k) || t.isWord(k, "legendas") { return true }
        return false
    }

    // MARK: subtitles

    static let subtitleTags: WordSet = ["full", "forced", "foreign", "default", "cc", "psdh", "sdh"]

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
        let fileName = Text.bounded(fileName)
        var base = PathText.lastComponent(fileName)
        // The media file's own name may hold dots ("[AAC 2.0]"): start after its last bracket.
        if let close = base.lastIndex(of: "]") { base = "x" + String(base[base.index(after: close)...]) }
        var parts = base.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 1 { parts.removeLast() }  // extension
        func isTag(_ p: String) -> Bool { subtitleTags.contains(Bytes.lowercased(p)) }
        func language(_ p: String) -> Language? {
            let l = Bytes.lowercased(Text.trimmed(p))
            return IsoLanguages.find(l) ?? words[l].map(Language.n) ?? Language.named(l)
        }
        // The language is the last part (skipping tags and at most one title part) that names one.
        var k = parts.count - 1
        var langIndex: Int?
        var titleParts = 0
        var dashTitle: String?
        while k >= 1 {
            if isTag(parts[k]) { k -= 1; continue }
            if let l = language(parts[k]), l != .unknown { langIndex = k; break }
            // ru-something-else
            if let dash = parts[k].firstIndex(of: "-"), let l = language(String(parts[k][..<dash])), l != .unknown, parts[k][..<dash].count <= 3 {
                langIndex = k
                dashTitle = String(parts[k][parts[k].index(after: dash)...])
                break
            }
            titleParts += 1
            if titleParts > 1 { break }
            k -= 1
        }
        guard let li = langIndex else {
            let whole = parseLanguages(TokenizedName(fileName), from: 0)
            return SubtitleInfo(language: whole.first.map { $0 == .original ? .unknown : $0 } ?? .unknown, tags: [], title: nil, rawTitle: nil)
        }
        let lang = language(parts[li].split(separator: "-").count > 1 && dashTitle != nil ? String(parts[li].split(separator: "-")[0]) : parts[li]) ?? .unknown
        var tags: [String] = []
        var title: String? = dashTitle
        for (n, p) in parts.enumerated() where n >= 1 && n != li {
            if isTag(p) {
                tags.append(Bytes.lowercased(p))
            } else if title == nil, n > li || n == li - 1 || (1..<li).contains(n) && parts[(n + 1)..<li].allSatisfy(isTag) {
                title = p
            }
        }
        if var t = title {
            // "mytitle - 1" is the first copy of "mytitle"
            let u = Array(t.utf8)
            if let dash = Text.lastIndex(of: " - ", in: t), u[(dash + 3)...].allSatisfy(Bytes.isDigit), dash + 3 < u.count {
                t = Text.string(u[..<dash])
            }
            title = t
        }
        return SubtitleInfo(language: lang, tags: tags, title: title, rawTitle: title)
    }
}
