/// A spoken or subtitle language, named as Sonarr and Radarr name it.
public struct Language: Hashable, Sendable, Codable, CustomStringConvertible {
    public let id: Int
    public let name: String

    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }

    public var description: String { name }

    public static let unknown = Language(id: 0, name: "Unknown")
    public static let original = Language(id: -2, name: "Original")
    public static let any = Language(id: -1, name: "Any")

    /// Every language. Ids are Radarr's; languages only Sonarr knows follow at 58 and up.
    public static let all: [Language] = [
        .unknown, .original, .any,
    ] + [
        "English", "French", "Spanish", "German", "Italian", "Danish", "Dutch", "Japanese", "Icelandic", "Chinese",
        "Russian", "Polish", "Vietnamese", "Swedish", "Norwegian", "Finnish", "Turkish", "Portuguese", "Flemish",
        "Greek", "Korean", "Hungarian", "Hebrew", "Lithuanian", "Czech", "Hindi", "Romanian", "Thai", "Bulgarian",
        "Portuguese (Brazil)", "Arabic", "Ukrainian", "Persian", "Bengali", "Slovak", "Latvian", "Spanish (Latino)",
        "Catalan", "Croatian", "Serbian", "Bosnian", "Estonian", "Tamil", "Indonesian", "Telugu", "Macedonian",
        "Slovenian", "Malayalam", "Kannada", "Albanian", "Afrikaans", "Marathi", "Tagalog", "Urdu", "Romansh",
        "Mongolian", "Georgian", "Azerbaijani", "Uzbek", "Malay",
    ].enumerated().map { Language(id: $0.offset + 1, name: $0.element) }

    private static let byLowercasedName: [String: Language] = Dictionary(
        uniqueKeysWithValues: all.map { (Bytes.lowercased($0.name), $0) })

    /// The language with this name (case-insensitive), or nil.
    public static func named(_ name: String) -> Language? { byLowercasedName[Bytes.lowercased(name)] }

    private static let byName = WordMap<Language>(Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) }))

    static func n(_ name: String) -> Language { byName[name] ?? byLowercasedName[Bytes.lowercased(name)] ?? .unknown }
}

/// ISO 639 codes (two and three letters, with optional region such as `en-US`).
public enum IsoLanguages {
    struct Entry {
        let two: String
        let three: [String]
        let regions: [String]
        let language: String
    }

    static let entries: [Entry] = [
        Entry(two: "en", three: ["eng"], regions: ["us", "gb", "au", "ca", "nz", "ie"], language: "English"),
        Entry(two: "fr", three: ["fra", "fre"], regions: ["fr"], language: "French"),
        Entry(two: "es", three: ["spa"], regions: ["es"], language: "Spanish"),
        Entry(two: "de", three: ["deu", "ger"], regions: ["de"], language: "German"),
        Entry(two: "it", three: ["ita"], regions: ["it"], language: "Italian"),
        Entry(two: "da", three: ["dan"], regions: ["dk"], language: "Danish"),
        Entry(two: "nl", three: ["nld", "dut"], regions: ["nl"], language: "Dutch"),
        Entry(two: "ja", three: ["jpn"], regions: ["jp"], language: "Japanese"),
        Entry(two: "is", three: ["isl", "ice"], regions: ["is"], language: "Icelandic"),
        Entry(two: "zh", three: ["zho", "chi"], regions: ["cn", "tw", "hk"], language: "Chinese"),
        Entry(two: "ru", three: ["rus"], regions: ["ru"], language: "Russian"),
        Entry(two: "pl", three: ["pol"], regions: ["pl"], language: "Polish"),
        Entry(two: "vi", three: ["vie"], regions: ["vn"], language: "Vietnamese"),
        Entry(two: "sv", three: ["swe"], regions: ["se"], language: "Swedish"),
        Entry(two: "no", three: ["nor"], regions: ["no"], language: "Norwegian"),
        Entry(two: "nb", three: ["nob"], regions: ["no"], language: "Norwegian"),
        Entry(two: "fi", three: ["fin"], regions: ["fi"], language: "Finnish"),
        Entry(two: "tr", three: ["tur"], regions: ["tr"], language: "Turkish"),
        Entry(two: "pt", three: ["por"], regions: ["pt"], language: "Portuguese"),
        Entry(two: "el", three: ["ell", "gre"], regions: ["gr"], language: "Greek"),
        Entry(two: "ko", three: ["kor"], regions: ["kr"], language: "Korean"),
        Entry(two: "hu", three: ["hun"], regions: ["hu"], language: "Hungarian"),
        Entry(two: "he", three: ["heb"], regions: ["il"], language: "Hebrew"),
        Entry(two: "lt", three: ["lit"], regions: ["lt"], language: "Lithuanian"),
        Entry(two: "cs", three: ["ces", "cze"], regions: ["cz"], language: "Czech"),
        Entry(two: "hi", three: ["hin"], regions: ["in"], language: "Hindi"),
        Entry(two: "ro", three: ["ron", "rum"], regions: ["ro"], language: "Romanian"),
        Entry(two: "th", three: ["tha"], regions: ["th"], language: "Thai"),
        Entry(two: "bg", three: ["bul"], regions: ["bg"], language: "Bulgarian"),
        Entry(two: "ar", three: ["ara"], regions: [], language: "Arabic"),
        Entry(two: "uk", three: ["ukr"], regions: ["ua"], language: "Ukrainian"),
        Entry(two: "fa", three: ["fas", "per"], regions: ["ir"], language: "Persian"),
        Entry(two: "bn", three: ["ben"], regions: ["bd", "in"], language: "Bengali"),
        Entry(two: "sk", three: ["slk", "slo"], regions: ["sk"], language: "Slovak"),
        Entry(two: "lv", three: ["lav"], regions: ["lv"], language: "Latvian"),
        Entry(two: "ca", three: ["cat"], regions: ["es", "ad"], language: "Catalan"),
        Entry(two: "hr", three: ["hrv"], regions: ["hr"], language: "Croatian"),
        Entry(two: "sr", three: ["srp"], regions: ["rs"], language: "Serbian"),
        Entry(two: "bs", three: ["bos"], regions: ["ba"], language: "Bosnian"),
        Entry(two: "et", three: ["est"], regions: ["ee"], language: "Estonian"),
        Entry(two: "ta", three: ["tam"], regions: ["in", "lk"], language: "Tamil"),
        Entry(two: "id", three: ["ind"], regions: ["id"], language: "Indonesian"),
        Entry(two: "te", three: ["tel"], regions: ["in"], language: "Telugu"),
        Entry(two: "mk", three: ["mkd", "mac"], regions: ["mk"], language: "Macedonian"),
        Entry(two: "sl", three: ["slv"], regions: ["si"], language: "Slovenian"),
        Entry(two: "ml", three: ["mal"], regions: ["in"], language: "Malayalam"),
        Entry(two: "kn", three: ["kan"], regions: ["in"], language: "Kannada"),
        Entry(two: "sq", three: ["sqi", "alb"], regions: ["al"], language: "Albanian"),
        Entry(two: "af", three: ["afr"], regions: ["za"], language: "Afrikaans"),
        Entry(two: "mr", three: ["mar"], regions: ["in"], language: "Marathi"),
        Entry(two: "tl", three: ["tgl"], regions: ["ph"], language: "Tagalog"),
        Entry(two: "ur", three: ["urd"], regions: ["pk"], language: "Urdu"),
        Entry(two: "rm", three: ["roh"], regions: ["ch"], language: "Romansh"),
        Entry(two: "mn", three: ["mon", "khk", "mvf"], regions: ["cyrl", "mn"], language: "Mongolian"),
        Entry(two: "ka", three: ["kat", "geo"], regions: ["ge"], language: "Georgian"),
        Entry(two: "az", three: ["aze"], regions: ["az"], language: "Azerbaijani"),
        Entry(two: "uz", three: ["uzb"], regions: ["uz"], language: "Uzbek"),
        Entry(two: "ms", three: ["msa", "may"], regions: ["my"], language: "Malay"),
    ]

    private static let byTwo: [String: Entry] = Dictionary(entries.map { ($0.two, $0) }, uniquingKeysWith: { a, _ in a })
    private static let byThree: [String: Entry] = Dictionary(
        entries.flatMap { e in e.three.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })

    /// The language of an ISO 639-1/639-2 code, optionally with a region (`pt-BR`), or nil.
    public static func find(_ code: String) -> Language? {
        let lower = Bytes.lowercased(code)
        let parts = lower.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2 {
            switch lower {
            case "pt-br": return Language.n("Portuguese (Brazil)")
            case "es-mx", "es-419": return Language.n("Spanish (Latino)")
            default: break
            }
            guard let e = byTwo[parts[0]], e.regions.contains(parts[1]) else { return nil }
            return Language.n(e.language)
        }
        guard parts.count == 1 else { return nil }
        if lower.utf8.count == 2, let e = byTwo[lower] { return Language.n(e.language) }
        if lower.utf8.count == 3, let e = byThree[lower] { return Language.n(e.language) }
        return nil
    }
}
