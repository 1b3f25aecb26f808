/// Clean-up done before any rule reads a name: file extensions, website prefixes and suffixes.
enum TitlePrep {
    static let otherExtensions: WordSet = ["nzb", "torrent", "par2", "rar", "nfo", "srt", "sub", "ass", "ssa", "idx", "sfv", "txt"]

    static func removeExtension(_ s: String) -> String {
        let u = Array(s.utf8)
        guard let dot = u.lastIndex(of: UInt8(ascii: ".")), dot > 0, u.count - dot - 1 <= 7 else { return s }
        let ext = Bytes.lowercased(Text.string(u[(dot + 1)...]))
        if Extensions.video.contains(ext) || otherExtensions.contains(ext) {
            // "Series.S01E01.TS" is a telesync, not a transport stream: keep it when more than a word follows a dot.
            return Text.string(u[..<dot])
        }
        return s
    }

    /// `[www.site.com] - `, `www.site.org - `, `[ www.Torrenting.com ] - `
    static func removeWebsitePrefix(_ s: String) -> String {
        let u = Array(s.utf8)
        var i = 0
        while i < u.count, u[i] == 32 { i += 1 }
        let bracketed = i < u.count && (u[i] == UInt8(ascii: "[") || u[i] == UInt8(ascii: "("))
        let closer = i < u.count && u[i] == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
        var j = bracketed ? i + 1 : i
        while j < u.count, u[j] == 32 { j += 1 }
        let hostStart = j
        var dots = 0
        while j < u.count, Bytes.isWordByte(u[j]) || u[j] == UInt8(ascii: ".") || u[j] == UInt8(ascii: "-") {
            if u[j] == UInt8(ascii: ".") { dots += 1 }
            j += 1
        }
        guard dots >= 1, j > hostStart else { return s }
        // A website prefix is followed by " - ", "]" or ")"; scene names with dots are not.
        guard bracketed || (j + 1 < u.count && u[j] == 32 && (u[j + 1] == UInt8(ascii: "-") || u[j + 1] == 32)) || (j < u.count && u[j] == 32 && j + 2 < u.count && u[j + 1] == UInt8(ascii: "-")) else { return s }
        let host = Bytes.lowercased(Text.string(u[hostStart..<j]))
        let tld = host.split(separator: ".").last.map(String.init) ?? ""
        guard host.hasPrefix("www.") || ["com", "org", "net", "uk", "nz", "za", "de", "ca", "io", "to", "tv", "cc", "info", "me", "gov", "au", "tc", "ru", "se", "nl", "fr", "es", "it", "pl", "eu", "ws", "cx", "xyz", "club", "onl", "st", "li", "is"].contains(tld) else { return s }
        if bracketed {
            while j < u.count, u[j] == 32 { j += 1 }
            guard j < u.count, u[j] == closer else { return s }
            j += 1
        }
        var k = j
        while k < u.count, u[k] == 32 || u[k] == UInt8(ascii: "-") { k += 1 }
        guard k > j || bracketed, k < u.count else { return s }
        return Text.string(u[k...])
    }

    static let siteTags: WordSet = ["eztv", "rartv", "rarbg", "cttv", "publichd", "ettv", "tgx", "eztv.re", "rarbg.com", "rarbg.to"]

    /// ` [eztv]`, `-[rarbg.com]`, `[www.abbott.gov]`, `[rartv]` at the end.
    static func removeSiteSuffixes(_ s: String) -> String {
        guard s.utf8.last == UInt8(ascii: "]") else { return s }
        var u = Array(s.utf8)
        while u.last == UInt8(ascii: "]"), let open = u.lastIndex(of: UInt8(ascii: "[")) {
            let inner = Bytes.lowercased(Text.string(u[(open + 1)..<(u.count - 1)]))
            let isSite = siteTags.contains(inner) || inner.hasPrefix("www.") || inner.hasSuffix(".com") || inner.hasSuffix(".org") || inner.hasSuffix(".to")
            guard isSite else { break }
            u.removeSubrange(open...)
            while let l = u.last, l == 32 || l == UInt8(ascii: "-") || l == UInt8(ascii: "_") { u.removeLast() }
        }
        return Text.string(u)
    }

    /// All of the above, in order.
    /// Full-width digits, letters and brackets (１５８, 【】) as ASCII.
    static func foldFullWidth(_ s: String) -> String {
        guard Text.anyByte(s, { $0 == 0xEF || $0 == 0xE3 || $0 == 0xD9 }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0xFF10...0xFF19: out.append(Unicode.Scalar(u.value - 0xFEE0)!)
            case 0x0660...0x0669: out.append(Unicode.Scalar(u.value - 0x0660 + 0x30)!)
            case 0x3010: out.append("[")
            case 0x3011: out.append("]")
            default: out.append(u)
            }
        }
        return String(out)
    }

    static func prepare(_ s: String) -> String {
        var t = Text.trimmed(foldFullWidth(s))
        t = removeExtension(t)
        t = removeWebsitePrefix(t)
        t = removeSiteSuffixes(t)
        return Text.trimmed(t)
    }

    /// A name with no separators that looks like a hash or random characters.
    static func looksLikeHash(_ s: String) -> Bool {
        return Text.withBytes(s) { u in
            if u.count >= 20, u.allSatisfy({ Bytes.isDigit($0) || (Bytes.lower($0) >= 97 && Bytes.lower($0) <= 102) }) { return true }
            // At most two words, the longest at least 20 bytes with many letter/digit changes.
            var words = 0
            var longest = (start: 0, count: 0)
            var i = 0
            while i < u.count {
                guard Bytes.isWordByte(u[i]) else { i += 1; continue }
                let start = i
                while i < u.count, Bytes.isWordByte(u[i]) { i += 1 }
                words += 1
                if words > 2 { return false }
                if i - start > longest.count { longest = (start, i - start) }
            }
            guard longest.count >= 20 else { return false }
            var transitions = 0
            var digits = 0
            for k in longest.start..<(longest.start + longest.count) {
                if Bytes.isDigit(u[k]) { digits += 1 }
                if k > longest.start, Bytes.isDigit(u[k]) != Bytes.isDigit(u[k - 1]) { transitions += 1 }
            }
            return transitions >= 4 || digits >= 6
        }
    }
}

/// Paths: both `/` and `\` separate folders.
enum PathText {
    static func isSeparator(_ b: UInt8) -> Bool { b == UInt8(ascii: "/") || b == UInt8(ascii: "\\") }

    /// Separator positions: every `\\`, and every `/` that does not have a space on both sides
    /// (`Title / Other Title` and `[MKV / H.264]` are not paths).
    static func separatorIndices(_ u: [UInt8]) -> [Int] {
        var out: [Int] = []
        for k in u.indices where u[k] == UInt8(ascii: "\\") || (u[k] == UInt8(ascii: "/") && !(k > 0 && u[k - 1] == 32 && k + 1 < u.count && u[k + 1] == 32)) {
            out.append(k)
        }
        return out
    }

    static func components(_ s: String) -> [String] {
        let u = Array(s.utf8)
        var parts: [String] = []
        var start = 0
        for k in separatorIndices(u) + [u.count] {
            if k > start { parts.append(Text.string(u[start..<k])) }
            start = k + 1
        }
        return parts
    }

    /// The file name of a path. A slash with spaces around it (`Title / Other Title`) is not a separator.
    static func lastComponent(_ s: String) -> String {
        guard Text.anyByte(s, isSeparator) else { return s }
        let u = Array(s.utf8)
        var k = u.count - 1
        var found: Int?
        while k >= 0 {
            if u[k] == UInt8(ascii: "\\") || (u[k] == UInt8(ascii: "/") && !(k > 0 && u[k - 1] == 32 && k + 1 < u.count && u[k + 1] == 32)) {
                found = k
                break
            }
            k -= 1
        }
        guard let i = found else { return s }
        return Text.string(u[(i + 1)...])
    }

    static func isPath(_ s: String) -> Bool { Text.anyByte(s, isSeparator) && !separatorIndices(Array(s.utf8)).isEmpty }

    /// A file path rather than a release title that happens to hold a slash ("Ukr/Eng"):
    /// a backslash, a leading slash or `./`, or a last component with a video extension.
    static func looksLikePath(_ s: String) -> Bool {
        guard isPath(s) else { return false }
        let u = Array(s.utf8)
        if u.contains(UInt8(ascii: "\\")) || u.first == UInt8(ascii: "/") || s.hasPrefix("./") || s.hasPrefix("~/") { return true }
        return Extensions.videoExtension(of: TokenizedName(lastComponent(s))) != nil
    }
}
