/// Titles of series: normalization and the title/year split.
enum SeriesTitles {
    static func normalize(_ raw: String, keepTrailing: UInt8?) -> String {
        Text.withBytes(raw) { normalize($0, keepTrailing: keepTrailing) }
    }

    /// `normalize` of the bytes `range` of a name's words.
    static func normalize(_ t: TokenizedName, _ range: Range<Int>, keepTrailing: UInt8?, skip: (UInt8) -> Bool = { _ in false }) -> String {
        t.withBytes(range) { normalize($0, keepTrailing: keepTrailing, skip: skip) }
    }

    /// Dots and underscores become spaces, runs of spaces one space, separators at either end go,
    /// and an unclosed `(` (or `[` when `keepTrailing` is `]`) is closed. `skip`: bytes left out.
    static func normalize(_ raw: UnsafeBufferPointer<UInt8>, keepTrailing: UInt8?, skip: (UInt8) -> Bool = { _ in false }) -> String {
        // Written into a buffer on the stack (the result is never longer than `raw`).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: raw.count) { out in
            // Dots and underscores as spaces, runs of spaces as one, none at the start or end.
            var n = 0
            var lastSpace = true
            for var b in raw where !skip(b) {
                if b == UInt8(ascii: "_") || b == UInt8(ascii: ".") { b = 32 }
                if b == 32 {
                    if !lastSpace {
                        out[n] = b
                        n += 1
                    }
                    lastSpace = true
                } else {
                    out[n] = b
                    n += 1
                    lastSpace = false
                }
            }
            while n > 0, out[n - 1] == 32 { n -= 1 }
            func isEdge(_ b: UInt8) -> Bool {
                b == 32 || b == UInt8(ascii: "-") || b == UInt8(ascii: "[") || b == UInt8(ascii: "(") || b == UInt8(ascii: "|") || b == UInt8(ascii: "/") || b == UInt8(ascii: ",")
            }
            var a = 0
            var z = n
            while a < z, isEdge(out[a]) { a += 1 }
            while z > a, isEdge(out[z - 1]) { z -= 1 }
            var parens = 0
            var brackets = 0
            for k in a..<z {
                switch out[k] {
                case UInt8(ascii: "("): parens += 1
                case UInt8(ascii: ")"): parens -= 1
                case UInt8(ascii: "["): brackets += 1
                case UInt8(ascii: "]"): brackets -= 1
                default: break
                }
            }
            var s = String(decoding: UnsafeBufferPointer(rebasing: out[a..<z]), as: UTF8.self)
            if parens > 0 { s += ")" }
            if keepTrailing == UInt8(ascii: "]"), brackets > 0 { s += "]" }
            return s
        }
    }

    static func info(_ title: String) -> SeriesTitleInfo {
        var withoutYear = title
        var year = 0
        // Only a title whose last word ends in a digit can end in a year: look at the words then
        // (when it ends in a digit, only if its last four bytes are digits after no letter or digit).
        let yearLike: Bool = Text.withBytes(title) { u in
            guard let e = u.lastIndex(where: Bytes.isWordByte) else { return false }
            guard Bytes.isDigit(u[e]) else { return u[e] >= 0x80 }
            return e >= 3 && u[(e - 3)...e].allSatisfy(Bytes.isDigit) && (e == 3 || !(Bytes.isDigit(u[e - 4]) || Bytes.isLetter(u[e - 4])))
        }
        if yearLike {
            let t = TokenizedName(title)
            if t.count >= 2, let last = t.tokens.last, last.digitCount == 4, let y = last.number, y >= 1900, y <= 2100 {
                year = y
                withoutYear = SeriesTitles.normalize(t, 0..<t[t.count - 2].end, keepTrailing: nil)
            }
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
            let after: UInt8? = t[i].end < t.byteCount ? t.byte(t[i].end) : nil
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
        guard t.count > 0, Extensions.video.contains(t, t.count - 1), t.gap(before: t.count - 1) == [UInt8(ascii: ".")] else { return nil }
        return t.text(t.count - 1)
    }

    /// A digit followed by "S" or "s" (the end of a reversed "S01").
    static func digitThenS(_ s: String) -> Bool {
        Text.withBytes(s) { u in
            var prevDigit = false
            for b in u {
                if (b == UInt8(ascii: "S") || b == UInt8(ascii: "s")) && prevDigit { return true }
                prevDigit = Bytes.isDigit(b)
            }
            return false
        }
    }

    /// The name read backwards when it holds a reversed `SxxEyy`; `t`: the words of `s`.
    static func unreverse(_ s: String, _ t: TokenizedName) -> String? {
        // A word "<digits>e<digits>s" (a reversed "S01E05"), in a name where a digit precedes an "S".
        for i in 0..<t.count where t[i].length >= 6 && t.lastByte(i) == UInt8(ascii: "s") {
            let reversedMarker = t.withWord(i) { u in
                guard let e = u.firstIndex(of: UInt8(ascii: "e")) else { return false }
                return u[..<e].allSatisfy(Bytes.isDigit) && u[(e + 1)..<(u.count - 1)].allSatisfy(Bytes.isDigit) && e >= 2
            }
            guard reversedMarker else { continue }
            guard digitThenS(s) else { return nil }
            // Keep the file extension where it is.
            var body = s
            var ext = ""
            if let last = t.tokens.last, Extensions.video.contains(t, t.count - 1), t.gap(before: t.count - 1) == [UInt8(ascii: ".")] {
                body = Text.string(Array(s.utf8)[..<(last.start - 1)])
                ext = "." + Text.string(Array(s.utf8)[last.start...])
            }
            return String(String.UnicodeScalarView(body.unicodeScalars.reversed())) + ext
        }
        return nil
    }
}
