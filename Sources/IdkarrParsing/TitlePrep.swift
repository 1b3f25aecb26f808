/// Clean-up done before any rule reads a name: file extensions, website prefixes and suffixes.
enum TitlePrep {
    static let otherExtensions: WordSet = ["nzb", "torrent", "par2", "rar", "nfo", "srt", "sub", "ass", "ssa", "idx", "sfv", "txt"]

    static func removeExtension(_ s: String) -> String { Text.keeping(s) { 0..<extensionStart($0) } }

    /// Where the extension of a name starts (its dot), or the end when it has none.
    static func extensionStart(_ u: UnsafeBufferPointer<UInt8>) -> Int {
        // The last dot, if it is among the last eight bytes (an extension has at most seven).
        guard let dot = Bytes.part(u, max(0, u.count - 8)..<u.count).lastIndex(of: UInt8(ascii: ".")).map({ $0 + max(0, u.count - 8) }),
            dot > 0, u.count - dot - 1 <= 7
        else { return u.count }
        let ext = Bytes.part(u, (dot + 1)..<u.count)
        return Extensions.video.contains(lowercasing: ext) || otherExtensions.contains(lowercasing: ext) ? dot : u.count
    }

    /// `[www.site.com] - `, `www.site.org - `, `[ www.Torrenting.com ] - `
    static func removeWebsitePrefix(_ s: String) -> String { Text.keeping(s) { websitePrefixEnd($0)..<$0.count } }

    /// Where the name starts after a website prefix (0 when it has none).
    static func websitePrefixEnd(_ u: UnsafeBufferPointer<UInt8>) -> Int {
        // Most names start with a letter of their title and hold no " - ", "]" or ")" after a
        // dotted host: the scan below stops at once for them.
        guard mayStartWithWebsite(u) else { return 0 }
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
        guard dots >= 1, j > hostStart else { return 0 }
        // A website prefix is followed by " - ", "]" or ")"; scene names with dots are not.
        guard bracketed || (j + 1 < u.count && u[j] == 32 && (u[j + 1] == UInt8(ascii: "-") || u[j + 1] == 32)) || (j < u.count && u[j] == 32 && j + 2 < u.count && u[j + 1] == UInt8(ascii: "-")) else { return 0 }
        let host = Bytes.lowercased(String(decoding: Bytes.part(u, hostStart..<j), as: UTF8.self))
        let tld = lastLabel(host)
        guard host.hasPrefix("www.") || ["com", "org", "net", "uk", "nz", "za", "de", "ca", "io", "to", "tv", "cc", "info", "me", "gov", "au", "tc", "ru", "se", "nl", "fr", "es", "it", "pl", "eu", "ws", "cx", "xyz", "club", "onl", "st", "li", "is"].contains(tld) else { return 0 }
        if bracketed {
            while j < u.count, u[j] == 32 { j += 1 }
            guard j < u.count, u[j] == closer else { return 0 }
            j += 1
        }
        var k = j
        while k < u.count, u[k] == 32 || u[k] == UInt8(ascii: "-") { k += 1 }
        guard k > j || bracketed, k < u.count else { return 0 }
        return k
    }

    /// `host.split(separator: ".").last ?? ""` (an ASCII host's last run of bytes other than dots;
    /// a character of another host may join a dot to what follows, so the library splits those).
    private static func lastLabel(_ host: String) -> String {
        let label: String? = Text.withBytes(host) { u in
            guard !Bytes.hasHighByte(u) else { return nil }
            var z = u.count
            while z > 0, u[z - 1] == UInt8(ascii: ".") { z -= 1 }
            var a = z
            while a > 0, u[a - 1] != UInt8(ascii: ".") { a -= 1 }
            return String(decoding: Bytes.part(u, a..<z), as: UTF8.self)
        }
        return label ?? host.split(separator: ".").last.map(String.init) ?? ""
    }

    /// A name can start with a website only when it starts with "[" or "(", or (after spaces)
    /// with a dotted word followed by a space.
    private static func mayStartWithWebsite(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        // Without a space the name must start with "[" or "(".
        if !Bytes.contains(u, 32, or: 32) { return u.first == UInt8(ascii: "[") || u.first == UInt8(ascii: "(") }
        var i = 0
        while i < u.count, u[i] == 32 { i += 1 }
        guard i < u.count else { return false }
        if u[i] == UInt8(ascii: "[") || u[i] == UInt8(ascii: "(") { return true }
        var dots = 0
        while i < u.count, Bytes.isWordByte(u[i]) || u[i] == UInt8(ascii: ".") || u[i] == UInt8(ascii: "-") {
            if u[i] == UInt8(ascii: ".") { dots += 1 }
            i += 1
        }
        return dots >= 1 && i + 1 < u.count && u[i] == 32
    }

    static let siteTags: WordSet = ["eztv", "rartv", "rarbg", "cttv", "publichd", "ettv", "tgx", "eztv.re", "rarbg.com", "rarbg.to"]

    /// ` [eztv]`, `-[rarbg.com]`, `[www.abbott.gov]`, `[rartv]` at the end.
    static func removeSiteSuffixes(_ s: String) -> String { Text.keeping(s) { 0..<siteSuffixStart($0) } }

    /// Where the site tags at the end of a name start (the end when it has none).
    static func siteSuffixStart(_ u: UnsafeBufferPointer<UInt8>) -> Int {
        var end = u.count
        while end > 0, u[end - 1] == UInt8(ascii: "]"), let open = Bytes.part(u, 0..<end).lastIndex(of: UInt8(ascii: "[")) {
            guard isSiteTag(Bytes.part(u, (open + 1)..<(end - 1))) else { break }
            end = open
            while end > 0, u[end - 1] == 32 || u[end - 1] == UInt8(ascii: "-") || u[end - 1] == UInt8(ascii: "_") { end -= 1 }
        }
        return end
    }

    /// The bytes between the brackets of a site tag.
    private static func isSiteTag(_ inner: UnsafeBufferPointer<UInt8>) -> Bool {
        if siteTags.contains(lowercasing: inner) { return true }
        // The tests below compare characters; they can only hold when the bytes start with "www."
        // or end with ".com", ".org" or ".to" (in either case).
        func ends(_ p: StaticString) -> Bool { Bytes.endsLowercased(inner, with: p) }
        guard Bytes.startsLowercased(inner, with: "www.") || ends(".com") || ends(".org") || ends(".to") else { return false }
        let s = Bytes.lowercased(String(decoding: inner, as: UTF8.self))
        return s.hasPrefix("www.") || s.hasSuffix(".com") || s.hasSuffix(".org") || s.hasSuffix(".to")
    }

    /// Full-width digits, letters and brackets (１５８, 【】) as ASCII.
    static func foldFullWidth(_ s: String) -> String {
        let found = Text.withBytes(s) { u in
            guard Bytes.hasHighByte(u) else { return false }
            for b in u where b >= 0xD9 && (b == 0xEF || b == 0xE3 || b == 0xD9) { return true }
            return false
        }
        guard found else { return s }
        // The same in UTF-8: U+FF10…FF19 are EF BC 90…99, U+0660…0669 are D9 A0…A9, U+3010/3011 are E3 80 90/91.
        var out: [UInt8] = []
        Text.withBytes(s) { u in
            out.reserveCapacity(u.count)
            var i = 0
            while i < u.count {
                let b = u[i]
                if b == 0xEF, i + 2 < u.count, u[i + 1] == 0xBC, u[i + 2] >= 0x90 && u[i + 2] <= 0x99 {
                    out.append(u[i + 2] - 0x90 + 0x30)
                    i += 3
                } else if b == 0xD9, i + 1 < u.count, u[i + 1] >= 0xA0 && u[i + 1] <= 0xA9 {
                    out.append(u[i + 1] - 0xA0 + 0x30)
                    i += 2
                } else if b == 0xE3, i + 2 < u.count, u[i + 1] == 0x80, u[i + 2] == 0x90 || u[i + 2] == 0x91 {
                    out.append(u[i + 2] == 0x90 ? UInt8(ascii: "[") : UInt8(ascii: "]"))
                    i += 3
                } else {
                    out.append(b)
                    i += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// All of the clean-ups, in order: full-width characters folded, white space, extension,
    /// website prefix and site suffixes removed, white space again.
    static func prepare(_ s: String) -> String {
        // Each step keeps a part of the bytes; one string is made at the end (none when the
        // name was clean already).
        Text.keeping(foldFullWidth(s), preparedRange)
    }

    /// The bytes of a (full-width folded) name that `prepare` keeps.
    static func preparedRange(_ u: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var r = Text.trimmedRange(u)
        r = r.lowerBound..<(r.lowerBound + extensionStart(Bytes.part(u, r)))
        r = (r.lowerBound + websitePrefixEnd(Bytes.part(u, r)))..<r.upperBound
        r = r.lowerBound..<(r.lowerBound + siteSuffixStart(Bytes.part(u, r)))
        let t = Text.trimmedRange(Bytes.part(u, r))
        return (r.lowerBound + t.lowerBound)..<(r.lowerBound + t.upperBound)
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
        guard hasSeparator(s) else { return s }
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

    /// Some byte of `s` is `/` or `\\`.
    static func hasSeparator(_ s: String) -> Bool { Text.withBytes(s) { Bytes.contains($0, UInt8(ascii: "/"), or: UInt8(ascii: "\\")) } }

    static func isPath(_ s: String) -> Bool { hasSeparator(s) && !separatorIndices(Array(s.utf8)).isEmpty }

    /// A file path rather than a release title that happens to hold a slash ("Ukr/Eng"):
    /// a backslash, a leading slash or `./`, or a last component with a video extension.
    static func looksLikePath(_ s: String) -> Bool {
        guard isPath(s) else { return false }
        let u = Array(s.utf8)
        if u.contains(UInt8(ascii: "\\")) || u.first == UInt8(ascii: "/") || s.hasPrefix("./") || s.hasPrefix("~/") { return true }
        return Extensions.videoExtensionWord(of: TokenizedName(lastComponent(s))) != nil
    }
}

/// A release name prepared once (clean-up, leading `[Group]`, words) and read by both the episode
/// and the movie parser, so a name that is not an episode is not prepared a second time.
struct PreparedName {
    /// The input as given.
    let title: String
    /// `TitlePrep.prepare(title)` (or a name derived from it, such as an un-reversed one).
    let name: String
    /// Empty, or a hash rather than a name: neither parser reads it.
    let rejected: Bool
    /// The leading `[Group]` and the byte offset where the rest starts.
    let group: String?
    let bodyStart: Int
    /// The words of `name`.
    let full: TokenizedName
    /// The words of the trimmed title when `full` is they or their first words (the name is the
    /// title, or the title without its extension): the quality is read from them.
    private let titleWords: TokenizedName?

    init(_ title: String) {
        let folded = TitlePrep.foldFullWidth(title)
        let (name, words, longer) = Text.withBytes(folded) { u in
            let r = TitlePrep.preparedRange(u)
            let name = r.count == u.count ? folded : String(decoding: Bytes.part(u, r), as: UTF8.self)
            // A name that is the trimmed title or its start (the title without its extension) is
            // split as part of the title, so that the quality, read from the title, splits
            // nothing again (a folded title is not the title).
            let t = folded.utf8.count == title.utf8.count ? Text.trimmedRange(u) : 0..<0
            let (words, longer) = TokenizedName.split(u, r, within: t)
            return (name, words, longer)
        }
        self.init(title: title, name: name, words: words, titleWords: longer, screen: true)
    }

    /// `screen`: reject empty and hash-like names (an un-reversed name is read whatever it looks like).
    init(title: String, name: String, screen: Bool = true) {
        self.init(title: title, name: name, words: TokenizedName(name), titleWords: nil, screen: screen)
    }

    /// `words`: the words of `name`; `titleWords`: the words of the trimmed title when `words`
    /// are they or their first words.
    private init(title: String, name: String, words: TokenizedName, titleWords longer: TokenizedName?, screen: Bool) {
        self.title = title
        self.name = name
        // An ASCII name of more than two words is no hash (`looksLikeHash` reads at most two).
        let plainWords = words.count > 2 && !words.bytes.withUnsafeBufferPointer(Bytes.hasHighByte)
        rejected = screen && (name.isEmpty || !plainWords && TitlePrep.looksLikeHash(name))
        if rejected {
            (group, bodyStart) = (nil, 0)
            full = TokenizedName(bytes: [])
            titleWords = nil
        } else {
            (group, bodyStart) = EpisodeParser.leadingGroup(name, words)
            full = words
            titleWords = longer
        }
    }

    /// The words the quality is read from when its source is `source` (the title, or a name made
    /// from it): `TokenizedName.reusing(full, for: Text.trimmed(source))`, or `full` for a long source.
    func qualityWords(_ source: String) -> TokenizedName {
        guard source.utf8.count < 400 else { return full }
        if let titleWords, source == title { return titleWords }
        return TokenizedName.reusing(full, for: Text.trimmed(source))
    }

    /// The words after the leading group tags (or after byte `from`).
    func body(from: Int? = nil) -> TokenizedName {
        let start = from ?? bodyStart
        return full.suffix(from: start)
    }
}
