/// Names made only of bracketed parts (`[Group][中文][English Title][02][1080p]`).
extension EpisodeParser {
    /// `[Group][中文][English Title][2019][02][1080p]` — every part in brackets.
    static func bracketOnly(_ name: String, _ bodyStart: Int) -> (EpisodeMarker, Int)? {
        // The parts are read from the start: a name that starts with another byte has none.
        guard let f = name.utf8.first, f == UInt8(ascii: "[") || f == 32 || f == UInt8(ascii: ".") || f == UInt8(ascii: "_") || f >= 0x80 else { return nil }
        // Most names have fewer than three such parts: they are counted before any is made.
        let parts: [String]? = Text.withBytes(name) { u in
            guard bracketParts(u, { _ in }) >= 3 else { return nil }
            var parts: [String] = []
            _ = bracketParts(u) { parts.append(String(decoding: Bytes.part(u, $0), as: UTF8.self)) }
            return parts
        }
        guard let parts else { return nil }
        var title: String?
        var titleMixed = false
        var fallback: String?
        for p in parts.dropFirst() {
            if let numbers = bracketEpisode(p), let t = title ?? fallback {
                var m = EpisodeMarker(.bracketTitle, 0, 0)
                m.absolutes = numbers
                m.bracketTitle = t
                return (m, 0)
            }
            if Text.holds(p, "新番") || Text.holds(p, "国漫") || Bytes.number(p) != nil { continue }
            let tokens = TokenizedName(p)
            if tokens.tokens.indices.allSatisfy({ QualityFeatures.singleSources[tokens, $0] != nil || QualityFeatures.resolutions[tokens, $0] != nil }) && tokens.count > 0 { continue }
            if let latin = latinTitle(p), title == nil || (!p.utf8.contains(where: { $0 >= 0x80 }) && titleMixed) {
                titleMixed = p.utf8.contains(where: { $0 >= 0x80 })
                title = animeTitle(latin, shortenSeason: true)
            }
            if p.utf8.contains(where: { $0 >= 0x80 }) { fallback = Text.trimmed(p) }
        }
        return nil
    }

    /// Runs `body` on the byte range inside each leading bracketed part of a name (`[Group][Title]…`,
    /// parts apart from spaces, dots and underscores) and returns how many there are.
    static func bracketParts(_ u: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) -> Int {
        var count = 0
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "["), let c = Bytes.part(u, i..<u.count).firstIndex(of: UInt8(ascii: "]")).map({ $0 + i }) {
                body((i + 1)..<c)
                count += 1
                i = c + 1
            } else if u[i] == 32 || u[i] == UInt8(ascii: ".") || u[i] == UInt8(ascii: "_") {
                i += 1
            } else if u[i] >= 0x80 && count < 2 {
                // "★10月新番★" between tags
                var j = i
                while j < u.count, u[j] != UInt8(ascii: "[") { j += 1 }
                i = j
            } else {
                break
            }
        }
        return count
    }

    /// `02`, `12END`, `13完`, `215 Fin`, `第05话`, `第1008話`, `857集`, `88-91`, `01-24完` → episode numbers.
    static func bracketEpisode(_ p: String) -> [Int]? {
        var s = Text.trimmed(p)
        // (A part that starts with an ASCII byte cannot start with the character 第.)
        if (s.utf8.first ?? 0) >= 0x80, s.hasPrefix("第") { s.removeFirst() }
        guard let (a, end) = Text.withBytes(s, { NumberWords.digits($0, 0, max: 4) }), !(end == 4 && a >= 1900 && a <= 2100) else { return nil }
        let u = Array(s.utf8)
        var rest = Text.trimmed(Text.string(u[end...]))
        var numbers = [a]
        if rest.hasPrefix("-"), let (b, e2) = NumberWords.digits(Array(rest.utf8), 1, max: 4), b > a {
            numbers = NumberWords.expand(a, b)
            rest = Text.trimmed(Text.string(Array(rest.utf8)[e2...]))
        }
        let lower = Bytes.lowercased(rest)
        guard rest.isEmpty || ["end", "fin", "完", "话", "話", "集", "v2", "v3"].contains(lower) else { return nil }
        return numbers
    }

    /// The Latin-script part of a bracketed title (`名侦探柯南·Series Title` → `Series Title`).
    static func latinTitle(_ p: String) -> String? {
        guard p.utf8.contains(where: Bytes.isLetter) else { return nil }
        var s = p
        for sep: StaticString in ["/", "_", "·", "|"] {
            if let after = Text.after(last: sep, in: s), after.utf8.contains(where: Bytes.isLetter),
                sep.utf8Start[0] != UInt8(ascii: "_") || Text.withBytes(s, { Bytes.hasHighByte(Bytes.part($0, 0..<($0.count - after.utf8.count))) })
            {
                s = after
            }
        }
        s = Text.replace(s, [UInt8(ascii: "_")], with: 32)
        // Drop CJK words at either end.
        let words = Text.spaceSeparated(s).filter { w in !w.utf8.allSatisfy({ $0 >= 0x80 }) }
        let out = words.joined(separator: " ")
        // Then the scalars from U+2E80 on at the start, and separators at either end.
        let trimmed = Text.keeping(out) { u in
            var a = 0
            while a < u.count, Text.scalar(u, at: a) >= 0x2E80 { a += u[a] < 0xF0 ? 3 : 4 }
            var z = u.count
            func isEdge(_ b: UInt8) -> Bool { b == 32 || b == UInt8(ascii: "-") || b == UInt8(ascii: "~") }
            while a < z, isEdge(u[a]) { a += 1 }
            while z > a, isEdge(u[z - 1]) { z -= 1 }
            return a..<z
        }
        return trimmed.isEmpty ? nil : trimmed
    }
}
