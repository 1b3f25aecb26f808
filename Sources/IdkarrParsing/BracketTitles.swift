/// Names made only of bracketed parts (`[Group][中文][English Title][02][1080p]`).
extension EpisodeParser {
    /// `[Group][中文][English Title][2019][02][1080p]` — every part in brackets.
    static func bracketOnly(_ name: String, _ bodyStart: Int) -> (EpisodeMarker, Int)? {
        // The parts are read from the start: a name that starts with another byte has none.
        guard let f = Text.withBytes(name, { $0.first }), f == UInt8(ascii: "[") || f == 32 || f == UInt8(ascii: ".") || f == UInt8(ascii: "_") || f >= 0x80 else { return nil }
        let u = Array(name.utf8)
        var parts: [String] = []
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "["), let c = u[i...].firstIndex(of: UInt8(ascii: "]")) {
                parts.append(Text.string(u[(i + 1)..<c]))
                i = c + 1
            } else if u[i] == 32 || u[i] == UInt8(ascii: ".") || u[i] == UInt8(ascii: "_") {
                i += 1
            } else if u[i] >= 0x80 && parts.count < 2 {
                // "★10月新番★" between tags
                var j = i
                while j < u.count, u[j] != UInt8(ascii: "[") { j += 1 }
                i = j
            } else {
                break
            }
        }
        guard parts.count >= 3 else { return nil }
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

    /// `02`, `12END`, `13完`, `215 Fin`, `第05话`, `第1008話`, `857集`, `88-91`, `01-24完` → episode numbers.
    static func bracketEpisode(_ p: String) -> [Int]? {
        var s = Text.trimmed(p)
        for prefix in ["第"] where s.hasPrefix(prefix) { s.removeFirst() }
        let u = Array(s.utf8)
        guard let (a, end) = NumberWords.digits(u, 0, max: 4), !(end == 4 && a >= 1900 && a <= 2100) else { return nil }
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
        for sep in ["/", "_", "·", "|"] {
            if let after = Text.after(last: sep, in: s), after.utf8.contains(where: Bytes.isLetter),
                sep != "_" || Text.string(Array(s.utf8)[..<(s.utf8.count - after.utf8.count)]).utf8.contains(where: { $0 >= 0x80 })
            {
                s = after
            }
        }
        s = Text.replace(s, [UInt8(ascii: "_")], with: 32)
        // Drop CJK words at either end.
        let words = s.split(separator: " ").map(String.init).filter { w in !w.utf8.allSatisfy({ $0 >= 0x80 }) }
        var out = words.joined(separator: " ")
        while let first = out.unicodeScalars.first, first.value >= 0x2E80 { out.unicodeScalars.removeFirst() }
        let trimmed = Text.trim(out, [32, UInt8(ascii: "-"), UInt8(ascii: "~")])
        return trimmed.isEmpty ? nil : trimmed
    }
}
