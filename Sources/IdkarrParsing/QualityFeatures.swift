/// The quality-relevant facts found in a name's words, gathered in one pass.
struct QualityFeatures {
    enum Source { case bluray, webdl, webrip, hdtv, bdrip, dvd, dvdR, pdtv, regional, screener, telesync, telecine, cam, workprint }
    enum Codec { case x264, h264, xvidhd, xvid, divx }

    /// The last source word (later words win, as in Sonarr/Radarr).
    var source: Source?
    /// The first resolution found.
    var resolution: Int?
    var codec: Codec?
    /// 2160 from "4K"/"UHD" words, used only when no explicit resolution is written.
    var alternativeResolution: Int?
    var hasExtension = false
    var brDiskCodec = false
    var brDiskBlocker = false
    var encoder = false
    var german = false
    var multiLanguage = false
    var remux = false
    var brDisk = false
    var rawHD = false
    var mpeg2 = false
    var dvdR = false
    var highDefPDTV = false
    var animeBluray = false
    var animeWeb = false
    var otherHDTV = false
    var otherSDTV = false
    var bracketWEBDL = false
    var bracketHDTV = false

    static let singleSources: WordMap<Source> = [
        "bluray": .bluray, "mbluray": .bluray, "hddvd": .bluray, "bd": .bluray, "uhdbd": .bluray, "bdiso": .bluray,
        "bdmux": .bluray, "bd25": .bluray, "bd50": .bluray, "brdisk": .bluray, "bluray1080p": .bluray,
        "bluray720p": .bluray, "bluray2160p": .bluray, "bd1080p": .bluray, "bd720p": .bluray, "bd2160p": .bluray,
        "bdremux": .bluray, "uhdbluray": .bluray, "blurayrip": .bdrip, "uhd2bd": .bluray, "bd66": .bluray, "bd100": .bluray,
        "hddvdrip": .bdrip, "uhdbdrip": .bdrip, "mdvdr": .dvdR, "dvd5": .dvdR, "2dvd5": .dvdR, "2xdvd9": .dvdR, "2xdvd5": .dvdR, "2dvd9": .dvdR,
        "webdl": .webdl, "amazonhd": .webdl, "amazonsd": .webdl, "ituneshd": .webdl, "maxdomehd": .webdl,
        "netflixhd": .webdl, "netflixuhd": .webdl, "webhd": .webdl, "hbomaxhd": .webdl, "disneyhd": .webdl,
        "webdlmux": .webdl, "webdlrip": .webrip,
        "webrip": .webrip, "webmux": .webrip,
        "hdtv": .hdtv, "bdrip": .bdrip, "bdlight": .bdrip, "brrip": .bdrip,
        "dvdr": .dvdR, "dvd": .dvd, "dvdrip": .dvd, "ntsc": .dvd, "pal": .dvd, "xvidvd": .dvd, "dvd9": .dvdR,
        "dsr": .pdtv, "dsrip": .pdtv, "pdtv": .pdtv, "sdtv": .pdtv, "tvrip": .pdtv, "satrip": .pdtv, "dthrip": .pdtv, "dvbrip": .pdtv,
        "regional": .regional, "scr": .screener, "screener": .screener, "dvdscr": .screener, "dvdscreener": .screener,
        "telesync": .telesync, "telesynch": .telesync, "hdts": .telesync, "pdvd": .telesync, "tsrip": .telesync,
        "hdtsrip": .telesync, "tc": .telecine, "telecine": .telecine, "hdtc": .telecine,
        "camrip": .cam, "cam": .cam, "newcam": .cam, "hdcam": .cam, "hdcamrip": .cam, "hqcam": .cam,
        "workprint": .workprint, "wp": .workprint,
    ]

    static let resolutions: WordMap<Int> = [
        "360p": 360, "480p": 480, "480i": 480, "640x480": 480, "848x480": 480, "540p": 540, "576p": 576, "576i": 576,
        "720p": 720, "1280x720": 720, "960p": 720, "720i": 720, "1080p": 1080, "1920x1080": 1080, "1440p": 1080,
        "fhd": 1080, "1080i": 1080, "4kto1080p": 1080, "2160p": 2160, "3840x2160": 2160, "4096x2160": 2160,
        "bluray720p": 720, "bluray1080p": 1080, "bluray2160p": 2160, "bd720p": 720, "bd1080p": 1080, "bd2160p": 2160,
        "1920x800": 1080, "1920x816": 1080, "1920x804": 1080, "1280x534": 720, "1024x576": 576,
        "720x480": 480, "720x576": 576, "704x396": 480, "640x360": 360,
    ]

    static let codecs: WordMap<Codec> = ["x264": .x264, "h264": .h264, "xvidhd": .xvidhd, "xvid": .xvid, "divx": .divx]
    static let webContext: WordSet = [
        "x264", "h264", "x265", "h265", "avc", "hevc", "dd5", "ddp5", "ddp", "dd", "aac", "aac2", "ddp2", "opus", "eac3", "atmos",
        "proper", "repack", "480p", "720p", "1080p", "2160p", "amzn", "nf", "dp", "dsnp", "hmax", "atvp", "hulu", "pcok",
        "it", "stan", "max", "cr", "sdr", "hdr", "hdr10", "dv", "mkv", "mp4", "10bit", "h", "x", "vp9", "av1", "flac",
    ]

    /// Every word any quality rule looks at; other words are skipped with one lookup.
    static let relevant: WordSet = {
        var s = Set(singleSources.keys).union(resolutions.keys).union(codecs.keys)
        s.formUnion([
            "remux", "bdremux", "uhdremux", "rawhd", "raw", "mpeg2", "mpeg", "brdisk", "bdiso", "bd25", "bd50", "bd66", "bd100",
            "bdmv", "avc", "vc1", "mpls", "br", "complete", "iso", "hr", "hd", "sd", "hdtv", "webdl", "hevc", "mvc", "vc",
            "m2ts", "untouched", "bd", "bdrip", "mkv", "xvid", "wmv", "d3g", "brrip", "webrip", "dvd", "x264", "h264", "x265",
            "h265", "x", "h", "german", "dl", "ml", "4k", "uhd", "8k", "ultrahd", "web", "ts", "blu", "ws", "sat", "dvb", "bd",
            "dsr", "ultrahd",
        ])
        return WordSet(s)
    }()

    /// What a word of `relevant` is to each rule, so that one lookup serves them all.
    struct Facets: Sendable {
        var source: Source?
        var resolution: Int?
        var codec: Codec?
        var modifier: ModifierWord?
        var disk: DiskWord?
        var pairFirst: Bool
    }

    static let facets = WordMap<Facets>(Dictionary(uniqueKeysWithValues: relevant.map { w in
        (w, Facets(source: singleSources[w], resolution: resolutions[w], codec: codecs[w], modifier: modifierWords[w], disk: diskWords[w], pairFirst: pairFirsts.contains(w)))
    }))

    init(_ t: borrowing TokenizedName) {
        let n = t.count
        var i = 0
        // Words inside a leading "[Group]" tag name the group, not the quality.
        if t.bytes.first == UInt8(ascii: "["), let close = t.bytes.firstIndex(of: UInt8(ascii: "]")) {
            while i < n, t[i].end <= close { i += 1 }
            if i == n { i = 0 }
        }
        while i < n {
            guard let word = Self.facets[t, i] else {
                // Only regional codes (R5) and glued resolutions ("web1080p") remain possible.
                if resolution == nil, t[i].length > 4, t.lastByte(i) == UInt8(ascii: "p") {
                    scanResolution(t, i, nil)
                }
                if t[i].length == 2, t[i].first == UInt8(ascii: "r"), let s = singleSource(t, i, nil, next: -1) { source = s }
                i += 1
                continue
            }
            let glued = i + 1 < n && t.gap(before: i + 1).count == 1
            if resolution == nil { scanResolution(t, i, word) }
            if codec == nil, let c = word.codec { codec = c }
            if let s = pairSource(t, i, word, glued) {
                source = s
                i += 2
                continue
            }
            if let s = singleSource(t, i, word, next: i + 1), !(source == .dvdR && s == .dvd) { source = s }
            scanModifiers(t, i, word, glued)
            i += 1
        }
        if resolution == nil, let alt = alternativeResolution { resolution = alt }
        finishBRDisk(t)
    }

    private mutating func scanResolution(_ t: TokenizedName, _ i: Int, _ word: Facets?) {
        if t.isWord(i, "4k") || t.isWord(i, "uhd") || t.isWord(i, "8k") || t.isWord(i, "ultrahd") {
            if i > 0 { alternativeResolution = 2160 }
            return
        }
        if let r = word?.resolution {
            resolution = r
            return
        }
        // 1920x1080 style tokens not in the table, and words ending in a resolution (e.g. "web1080p").
        // (ASCII words compare bytes; the library compares characters, which is the same for them.)
        let ascii = t[i].hash != 0
        func ends(_ s: StaticString) -> Bool { ascii ? t.hasSuffix(i, s) : t.text(i).hasSuffix(s.description) }
        if ends("1080p") { resolution = 1080 } else if ends("720p") { resolution = 720 } else if ends("2160p") {
            resolution = 2160
        } else if ends("480p") { resolution = 480 } else if ends("576p") { resolution = 576 }
    }

    /// The source word at `i`; `next`: the word after it that the rules may read (-1: none).
    private func singleSource(_ t: TokenizedName, _ i: Int, _ word: Facets?, next: Int) -> Source? {
        if let s = word?.source {
            if i == t.count - 1, i > 0, t.gap(before: i).last == UInt8(ascii: "-"), t[i].length <= 3,
                !(t.isWord(i - 1, "sd") || t.isWord(i - 1, "hd") || t.isWord(i - 1, "web") || t.isWord(i - 1, "blu"))
            {
                return nil
            }
            if s == .workprint && t.isWord(i, "wp") && i == 0 { return nil }
            if t.isWord(i, "bd") && t.count > i + 1 && t.isWord(next, "rip") { return nil }
            if t.isWord(i, "pal") || t.isWord(i, "ntsc") || t.isWord(i, "tc") || t.isWord(i, "cam") || t.isWord(i, "wp") {
                if i == 0 { return nil }
            }
            return s
        }
        if t.isWord(i, "ts") {
            // "TS" followed by a separator, not a file extension.
            if i > 0 && i + 1 < t.count { return .telesync }
            return nil
        }
        if (t[i].hash != 0 ? t[i].length : t.text(i).count) == 2, t.hasPrefix(i, "r"), let d = t.lastByte(i), Bytes.isDigit(d), d != 48, i > 0 { return .regional }
        if t.isWord(i, "web") { return webSource(t, i, next: next) }
        return nil
    }

    private func webSource(_ t: TokenizedName, _ i: Int, next: Int) -> Source? {
        if t.isWord(next, "rip") { return .webrip }
        if t.isWord(next, "dl") || t.isWord(next, "dlmux") || t.isWord(next, "dlrip") { return .webdl }
        if i == 0 { return nil }
        if Self.webContext.contains(t, i + 1) || Self.webContext.contains(t, i - 1) || i == t.count - 1 { return .webdl }
        let before = t.gap(before: i)
        if before.last == UInt8(ascii: "[") || before.last == UInt8(ascii: "(") || before.contains(UInt8(ascii: "/")) {
            return .webdl
        }
        if Self.resolutions[t, i - 1] != nil || Self.resolutions[t, i + 1] != nil { return .webdl }
        return nil
    }

    /// First words of the two-word sources below.
    static let pairFirsts: WordSet = ["blu", "hd", "br", "uhd", "web", "ws", "sat", "dvb", "dvd", "bd"]

    private func pairSource(_ t: TokenizedName, _ i: Int, _ word: Facets, _ glued: Bool) -> Source? {
        guard glued, word.pairFirst else { return nil }
        func pair(_ a: StaticString, _ b: StaticString) -> Bool { t.isWord(i, a) && t.isWord(i + 1, b) }
        if pair("blu", "ray") || pair("hd", "dvd") || pair("br", "disk") || pair("uhd", "bluray") { return .bluray }
        if pair("web", "dl") || pair("web", "dlmux") { return .webdl }
        if pair("web", "rip") { return .webrip }
        if pair("ws", "dsr") || pair("ws", "pdtv") || pair("sat", "rip") || pair("dvb", "rip") { return .pdtv }
        if pair("dvd", "r") { return .dvdR }
        if pair("hd", "ts") { return .telesync }
        if pair("hd", "tc") { return .telecine }
        if pair("hd", "cam") { return .cam }
        if pair("bd", "rip") || pair("br", "rip") { return .bdrip }
        if pair("dvd", "rip") { return .dvd }
        return nil
    }

    private mutating func scanModifiers(_ t: TokenizedName, _ i: Int, _ word: Facets, _ glued: Bool) {
        scanBRDisk(t, i, word.disk)
        guard let kind = word.modifier else { return scanAnime(t, i) }
        let next = i + 1
        switch kind {
        case .remux: remux = true
        case .rawHD: rawHD = true
        case .raw: if t.isWord(next, "hd") && glued { rawHD = true }
        case .mpeg2: mpeg2 = true
        case .mpeg: if t.isWord(next, "2") && glued { mpeg2 = true }
        case .disc: brDisk = true
        case .br: if t.isWord(next, "disk") && glued { brDisk = true }
        case .complete: if t.isWord(next, "bluray") || (t.isWord(next, "uhd") && t.isWord(i + 2, "bluray")) { brDisk = true }
        case .iso: if i < t.count - 1 { brDisk = true }
        case .hr: if t.isWord(next, "ws") && glued { highDefPDTV = true }
        case .hd: if t.isWord(next, "tv") && glued { otherHDTV = true }
        case .sd: if t.isWord(next, "tv") && glued { otherSDTV = true }
        case .hdtv: if t.gap(before: i).last == UInt8(ascii: "[") && t.gap(before: i + 1).first == UInt8(ascii: "]") { bracketHDTV = true }
        case .webdl: if t.gap(before: i).last == UInt8(ascii: "[") && t.gap(before: i + 1).first == UInt8(ascii: "]") { bracketWEBDL = true }
        }
        scanAnime(t, i)
    }

    /// The words `scanModifiers` reacts to, by what they mean.
    enum ModifierWord: Sendable { case remux, rawHD, raw, mpeg2, mpeg, disc, br, complete, iso, hr, hd, sd, hdtv, webdl }

    static let modifierWords: WordMap<ModifierWord> = [
        "remux": .remux, "bdremux": .remux, "uhdremux": .remux, "rawhd": .rawHD, "raw": .raw, "mpeg2": .mpeg2, "mpeg": .mpeg,
        "brdisk": .disc, "bdiso": .disc, "bd25": .disc, "bd50": .disc, "bdmv": .disc, "br": .br, "complete": .complete, "iso": .iso,
        "hr": .hr, "hd": .hd, "sd": .sd, "hdtv": .hdtv, "webdl": .webdl,
    ]

    /// `[BD]`, `BD1080p`, `[WEB]`: anime release tags.
    private mutating func scanAnime(_ t: TokenizedName, _ i: Int) {
        if t.isWord(i, "bd") || (t.hasPrefix(i, "bd") && (t.isWord(i, "bd720") || t.isWord(i, "bd1080") || t.isWord(i, "bd2160") || t.isWord(i, "bd720p") || t.isWord(i, "bd1080p"))) {
            animeBluray = true
        }
        if t.isWord(i, "web") && (t.gap(before: i).last == UInt8(ascii: "[") || t.gap(before: i).last == UInt8(ascii: "(")) {
            animeWeb = true
        }
    }
}

extension QualityFeatures {
    /// Radarr's BR-DISK rule: a Blu-ray (or HD DVD) source with a disc codec (AVC, HEVC, VC-1,
    /// MPEG-2, BDMV, ISO) and no sign of a re-encode; or a disc tag (BD25/50/66/100, BDMV, ISO, COMPLETE).
    /// The words `scanBRDisk` reacts to, by what they mean.
    enum DiskWord: Sendable { case codec, vc, mpeg, iso, discTag, untouched, bd, blocker, dvd, encoder, x, h, german, multi }

    static let diskWords: WordMap<DiskWord> = [
        "avc": .codec, "hevc": .codec, "vc1": .codec, "mvc": .codec, "mpeg2": .codec, "bdmv": .codec, "vc": .vc, "mpeg": .mpeg,
        "iso": .iso, "bd25": .discTag, "bd50": .discTag, "bd66": .discTag, "bd100": .discTag, "bdiso": .discTag, "m2ts": .discTag,
        "untouched": .untouched, "bd": .bd, "bdrip": .blocker, "720p": .blocker, "mkv": .blocker, "xvid": .blocker, "wmv": .blocker,
        "d3g": .blocker, "remux": .blocker, "bdremux": .blocker, "brrip": .blocker, "webrip": .blocker, "webdl": .blocker, "dvd": .dvd,
        "x264": .encoder, "h264": .encoder, "x265": .encoder, "h265": .encoder, "x": .x, "h": .h, "german": .german, "dl": .multi,
        "ml": .multi,
    ]

    mutating func scanBRDisk(_ t: TokenizedName, _ i: Int, _ kind: DiskWord?) {
        guard let kind else { return }
        let next = i + 1
        switch kind {
        case .codec, .untouched: brDiskCodec = true
        case .vc: if t.isWord(next, "1") { brDiskCodec = true }
        case .mpeg: if t.isWord(next, "2") { brDiskCodec = true }
        case .iso: brDiskCodec = true; if i > 0 { brDisk = true }
        case .discTag: if i > 0 { brDisk = true }
        case .bd: if t.isWord(next, "25") || t.isWord(next, "50") || t.isWord(next, "66") || t.isWord(next, "100") { brDisk = true }
        case .blocker: brDiskBlocker = true
        case .dvd: if !t.isWord(i - 1, "hd") { brDiskBlocker = true }
        // "x" always counts; "h" only before 264/265 (the `where` of a two-pattern case binds the last one).
        case .encoder, .x: encoder = true; brDiskBlocker = true
        case .h: if t.isWord(next, "264") || t.isWord(next, "265") { encoder = true; brDiskBlocker = true }
        case .german: german = true
        case .multi: multiLanguage = true
        }
    }

    mutating func finishBRDisk(_ t: TokenizedName) {
        if source == .bluray && brDiskCodec && !brDiskBlocker && !(resolution == 1080 && t.contains("hevc")) && !(german && multiLanguage) {
            brDisk = true
        }
        if brDisk && (brDiskBlocker && !t.contains("iso")) { brDisk = false }
        if brDisk && source != .bluray && source != nil { brDisk = false }
        // German scene: "German.ML.1080p.BluRay.AVC" is an untouched remux.
        if source == .bluray && german && multiLanguage && brDiskCodec && !encoder { remux = true }
    }
}

/// Video file extensions and the quality a bare extension implies.
enum Extensions {
    static let video: WordSet = [
        "webm", "m4v", "3gp", "nsv", "ty", "strm", "rm", "rmvb", "m3u", "ifo", "mov", "qt", "divx", "xvid", "bivx",
        "nrg", "pva", "wmv", "asf", "asx", "ogm", "ogv", "m2v", "avi", "bin", "dat", "dvr-ms", "mpg", "mpeg", "mp4",
        "avc", "vp3", "svq3", "nuv", "viv", "dv", "fli", "flv", "wpl", "img", "iso", "vob", "mkv", "mk3d", "ts",
        "wtv", "m2ts", "f4v",
    ]

    /// The last word of `t` when it is a video extension after a dot at the very end.
    static func videoExtensionWord(of t: TokenizedName) -> Int? {
        guard t.count >= 2, let last = t.tokens.last, t.gap(before: t.count - 1).last == UInt8(ascii: "."),
            last.end == t.byteCount, video.contains(t, t.count - 1)
        else { return nil }
        return t.count - 1
    }

    /// The quality a bare video extension (word `i` of `t`, one of `video`) implies.
    static func quality(ofExtension t: TokenizedName, _ i: Int) -> Quality {
        if t.isWord(i, "webm") { return .unknown }
        if t.isWord(i, "img") || t.isWord(i, "iso") || t.isWord(i, "vob") || t.isWord(i, "ifo") { return .dvd }
        if t.isWord(i, "mkv") || t.isWord(i, "mk3d") || t.isWord(i, "ts") || t.isWord(i, "wtv") { return .hdtv720p }
        if t.isWord(i, "m2ts") { return .bluray720p }
        return .sdtv
    }
}
