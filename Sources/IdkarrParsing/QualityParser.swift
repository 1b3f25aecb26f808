/// Reads the quality of a release from its name (and, failing that, from the file extension).
public enum QualityParser {
    /// The quality of a release title or file name.
    public static func parse(_ name: String) -> QualityModel {
        let trimmed = Text.trimmed(Text.bounded(name))
        let tokens = TokenizedName(trimmed)
        return parse(tokens)
    }

    static func parse(_ t: TokenizedName) -> QualityModel {
        parseName(t, extensionWord: Extensions.videoExtensionWord(of: t))
    }

    /// The quality the words of a name say; when they say none, the one a video extension at
    /// word `extensionWord` implies. (Built once: a model copied as it is filled in copies its
    /// strings.)
    static func parseName(_ t: TokenizedName, extensionWord ext: Int? = nil) -> QualityModel {
        let f = QualityFeatures(t)
        var quality = decide(f, t)
        let named = quality.id != Quality.unknown.id
        var source: QualityDetectionSource = f.source != nil || f.animeBluray || f.animeWeb || (named && f.resolution == nil) ? .name : .unknown
        var resolution: QualityDetectionSource = f.resolution != nil ? .name : .unknown
        if let ext {
            if !named { quality = Extensions.quality(ofExtension: t, ext) }
            if source == .unknown || !named { source = .extension }
            if resolution == .unknown || !named { resolution = .extension }
        }
        return QualityModel(
            quality: quality, revision: RevisionParser.parse(t), sourceDetectionSource: source, resolutionDetectionSource: resolution,
            hardcodedSubs: RevisionParser.hardcodedSubs(t))
    }

    // swiftlint:disable:next cyclomatic_complexity
    static func decide(_ f: QualityFeatures, _ t: TokenizedName) -> Quality {
        let res = f.resolution
        if (f.rawHD || (f.mpeg2 && (f.source == .hdtv || f.source == nil) && !f.remux)) && !f.brDisk { return .rawHD }
        if let source = f.source {
            switch source {
            case .bluray:
                if f.brDisk { return .brdisk }
                if f.codec == .xvid || f.codec == .divx { return .bluray480p }
                switch res {
                case 2160: return f.remux ? .remux2160p : .bluray2160p
                case 1080: return f.remux ? .remux1080p : .bluray1080p
                case 720: return .bluray720p
                case 576: return .bluray576p
                case 480, 360: return .bluray480p
                default: return f.remux ? .remux1080p : .bluray720p
                }
            case .webdl:
                let sd: Quality = f.bracketWEBDL || (f.animeWeb && res == nil) ? .webdl720p : .webdl480p
                return byResolution(res, uhd: .webdl2160p, fhd: .webdl1080p, hd: .webdl720p, sd: sd)
            case .webrip:
                return byResolution(res, uhd: .webrip2160p, fhd: .webrip1080p, hd: .webrip720p, sd: .webrip480p)
            case .hdtv:
                if f.mpeg2 { return .rawHD }
                return byResolution(res, uhd: .hdtv2160p, fhd: .hdtv1080p, hd: .hdtv720p, sd: f.bracketHDTV ? .hdtv720p : .sdtv)
            case .bdrip:
                switch res {
                case 2160: return .bluray2160p
                case 1080: return .bluray1080p
                case 720: return .bluray720p
                case 576: return .bluray576p
                default: return .bluray480p
                }
            case .workprint: return .workprint
            case .dvd: return f.remux || f.dvdR ? .dvdR : .dvd
            case .dvdR: return .dvdR
            case .screener: return .dvdscr
            case .regional: return .regional
            case .cam: return .cam
            case .telesync: return .telesync
            case .telecine: return .telecine
            case .pdtv:
                if res == 2160 { return .hdtv2160p }
                if res == 1080 { return .hdtv1080p }
                if res == 720 || f.highDefPDTV { return .hdtv720p }
                return .sdtv
            }
        }
        if f.animeBluray {
            switch res {
            case 480, 576: return .dvd
            case 1080: return f.remux ? .remux1080p : .bluray1080p
            case 2160: return f.remux ? .remux2160p : .bluray2160p
            default: return f.remux ? .remux1080p : .bluray720p
            }
        }
        if f.animeWeb {
            return byResolution(res, uhd: .webdl2160p, fhd: .webdl1080p, hd: .webdl720p, sd: res == 480 ? .webdl480p : .webdl720p)
        }
        if let res {
            switch res {
            case 2160: return f.remux ? .remux2160p : .hdtv2160p
            case 1080: return f.remux ? .remux1080p : .hdtv1080p
            case 720: return f.remux ? .bluray720p : .hdtv720p
            case 540: return .webdl480p
            case 576, 480, 360: return f.remux ? .bluray480p : .sdtv
            default: break
            }
        }
        if f.remux { return .remux1080p }
        if f.codec == .x264 { return .sdtv }
        if f.otherHDTV { return .hdtv720p }
        if f.otherSDTV { return .sdtv }
        return .unknown
    }

    static func byResolution(_ res: Int?, uhd: Quality, fhd: Quality, hd: Quality, sd: Quality) -> Quality {
        switch res {
        case 2160: uhd
        case 1080: fhd
        case 720: hd
        default: sd
        }
    }
}

/// Version, repack, REAL and hardcoded-subtitle tags.
enum RevisionParser {
    static func parse(_ t: TokenizedName) -> Revision {
        var rev = Revision()
        for i in 0..<t.count {
            // Every tag below starts with "p" or "r", or ends in a digit (v2).
            let tok = t[i]
            guard tok.first == UInt8(ascii: "p") || tok.first == UInt8(ascii: "r") || (tok.digitCount == 0 && Bytes.isDigit(t.byte(tok.end - 1))) else { continue }
            if t.isWord(i, "proper") {
                rev.version = max(rev.version, 2)
            } else if t.isWord(i, "repack") || t.isWord(i, "rerip") {
                rev.version = max(rev.version, 2)
                rev.isRepack = true
            } else if t.isWord(i, "real") {
                if t.originalText(i) == "REAL" { rev.real += 1 }
            } else if (t.hasPrefix(i, "repack") || t.hasPrefix(i, "rerip")), let d = t.lastByte(i), Bytes.isDigit(d),
                Bytes.isAllDigits(String(t.text(i).drop(while: { !$0.isNumber })))
            {
                rev.version = max(rev.version, Int(d - 48) + 1)
                rev.isRepack = true
            } else if let v = animeVersion(t, i) {
                rev.version = v
            }
        }
        return rev
    }

    /// `01v2`, `S01E01v2`, `2018v2`, `01 v2`, `[v2]`, `1080p v2`.
    static func animeVersion(_ t: TokenizedName, _ i: Int) -> Int? {
        guard Bytes.isDigit(t.byte(t[i].end - 1)), t[i].digitCount == 0, t[i].length >= 2 else { return nil }
        return t.withWord(i) { u in
            guard u.count >= 2, let d = u.last, Bytes.isDigit(d), u[u.count - 2] == UInt8(ascii: "v") else { return nil }
            if u.count == 2 {
                let gap = t.gap(before: i)
                if gap.last == UInt8(ascii: "[") { return Int(d - 48) }
                if i > 0, gap.count == 1, let p = t.lastByte(i - 1), Bytes.isDigit(p) || p == UInt8(ascii: "p") {
                    return Int(d - 48)
                }
                return nil
            }
            return u.count >= 3 && Bytes.isDigit(u[u.count - 3]) ? Int(d - 48) : nil
        }
    }

    static let hardcodedTags: WordSet = ["hc", "korsub", "korsubs", "subbed", "hardsub", "hardsubs", "hardcoded"]

    static let softSubWords: WordSet = ["dubsub", "subs", "sub", "softsub", "softsubs", "multisub", "multisubs", "vostsub"]

    static func hardcodedSubs(_ t: TokenizedName) -> String? {
        var found: String?
        for i in 0..<t.count {
            // "…sub", "…subs", "hc", "subbed": the last byte is one of b, s, c, d.
            let l = Bytes.lower(t.byte(t[i].end - 1))
            guard l == UInt8(ascii: "b") || l == UInt8(ascii: "s") || l == UInt8(ascii: "c") || l == UInt8(ascii: "d") else { continue }
            guard t.hasSuffix(i, "sub") || t.hasSuffix(i, "subs") || t.isWord(i, "hc") || t.isWord(i, "subbed") else { continue }
            if t.isWord(i, "hc") || t.isWord(i, "subbed") { found = "Generic Hardcoded Subs"; continue }
            let characters = t[i].hash != 0 ? t[i].length : t.text(i).count
            if characters > 3, characters <= 8, !softSubWords.contains(t, i) {
                found = t.originalText(i)
            }
        }
        return found
    }
}
