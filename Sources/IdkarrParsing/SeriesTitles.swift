/// Titles of series: normalization and the title/year split.
enum SeriesTitles {
    static func normalize(_ raw: String, keepTrailing: UInt8?) -> String {
        var u: [UInt8] = []
        for b in raw.utf8 { u.append(b == UInt8(ascii: "_") || b == UInt8(ascii: ".") ? 32 : b) }
        var s = Text.collapseSpaces(Text.string(u))
        s = Text.trim(s, [32, UInt8(ascii: "-"), UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "|"), UInt8(ascii: "/"), UInt8(ascii: ",")])
        for (open, close) in [(UInt8(ascii: "("), UInt8(ascii: ")")), (UInt8(ascii: "["), UInt8(ascii: "]"))] where keepTrailing == close || open == UInt8(ascii: "(") {
            let opens = s.utf8.filter { $0 == open }.count
            let closes = s.utf8.filter { $0 == close }.count
            if opens > closes { s += String(UnicodeScalar(close)) }
        }
        return s
    }

    static func info(_ title: String) -> SeriesTitleInfo {
        let t = TokenizedName(title)
        var withoutYear = title
        var year = 0
        if t.count >= 2, let last = t.tokens.last, last.digitCount == 4, let y = last.number, y >= 1900, y <= 2100 {
            year = y
            withoutYear = SeriesTitles.normalize(Text.string(t.bytes[0..<t[t.count - 2].end]), keepTrailing: nil)
        }
        var all: [String] = []
        if let (a, b) = Text.split(withoutYear, around: " aka ") {
            all = [a, b]
        } else {
            all = [withoutYear]
        }
        return SeriesTitleInfo(title: title, titleWithoutYear: withoutYear, year: year, allTitles: all)
    }
}

/// `[ABCD1234]` CRC tags of anime releases.
enum ReleaseHash {
    static func find(_ t: TokenizedName) -> String? {
        var found: String?
        for i in 0..<t.count where t[i].length == 8 {
            let u = t.bytes[t[i].start..<t[i].end]
            guard u.allSatisfy({ Bytes.isDigit($0) || (Bytes.upper($0) >= 65 && Bytes.upper($0) <= 70) }) else { continue }
            let before = t.gap(before: i).last
            let after: UInt8? = t[i].end < t.bytes.count ? t.bytes[t[i].end] : nil
            if (before == UInt8(ascii: "[") && after == UInt8(ascii: "]")) || (before == UInt8(ascii: "(") && after == UInt8(ascii: ")")) {
                found = Text.string(u)
            }
        }
        return found
    }
}

/// Names written backwards (`50E50S.denorD`).
enum Reversal {
    static func extensionOf(_ s: String) -> String? {
        let t = TokenizedName(s)
        guard let last = t.tokens.last, Extensions.video.contains(last.text), t.gap(before: t.count - 1) == [UInt8(ascii: ".")] else { return nil }
        return last.text
    }

    static func unreverse(_ s: String) -> String? {
        // Cheap test first: a digit followed by "S" (the end of a reversed "S01").
        let sawDigitS = Text.withBytes(s) { u in
            var prevDigit = false
            for b in u {
                if (b == UInt8(ascii: "S") || b == UInt8(ascii: "s")) && prevDigit { return true }
                prevDigit = Bytes.isDigit(b)
            }
            return false
        }
        guard sawDigitS else { return nil }
        let t = TokenizedName(s)
        for tok in t.tokens {
            let u = Array(tok.text.utf8)
            guard u.count >= 6, u.last == UInt8(ascii: "s"), let e = u.firstIndex(of: UInt8(ascii: "e")) else { continue }
            if u[..<e].allSatisfy(Bytes.isDigit) && u[(e + 1)..<(u.count - 1)].allSatisfy(Bytes.isDigit) && e >= 2 {
                // Keep the file extension where it is.
                var body = s
                var ext = ""
                if let last = t.tokens.last, Extensions.video.contains(last.text), t.gap(before: t.count - 1) == [UInt8(ascii: ".")] {
                    body = Text.string(Array(s.utf8)[..<(last.start - 1)])
                    ext = "." + Text.string(Array(s.utf8)[last.start...])
                }
                return String(String.UnicodeScalarView(body.unicodeScalars.reversed())) + ext
            }
        }
        return nil
    }
}
