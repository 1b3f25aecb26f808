/// Known groups: groups that tag their releases in unusual ways (spaces, dots, inside the last
/// bracket), found at the end of a name.
extension ReleaseGroupParser {
    /// Groups that tag their releases in unusual ways (spaces, dots, inside the last bracket).
    static let knownGroups: [String] = [
        "Silence", "afm72", "Panda", "Ghost", "MONOLITH", "Tigole", "Joy", "ImE", "UTR", "t3nzin", "Anime Time",
        "Project Angel", "Hakata Ramen", "HONE", "Vyndros", "SEV", "Garshasp", "Kappa", "Natty", "RCVR", "SAMPA",
        "YOGI", "r00t", "EDGE2020", "RZeroX", "FreetheFish", "Anna", "Bandi", "Qman", "theincognito", "HDO",
        "DusIctv", "DHD", "CtrlHD", "-ZR-", "ADC", "XZVN", "RH", "Kametsu", "r0b0t", "Vialle", "BEN THE MEN",
        "DataLass", "YIFY", "ZR", "YTS.MX", "YTS.LT", "YTS.AG", "YTS", "QxR", "TAoE", "D-Z0N3", "VH-PROD", "FTW-HS", "DX-TV",
        "Blu-bits", "4K4U", "E.N.D", "KRaLiMaRKo", "BluDragon", "Eml HDTeam", "TMd", "PSA", "DarQ", "Kappa",
        "Koten_Gars", "BEN.THE.MEN", "LMain", "Erai-raws", "NC-Raws", "LostYears", "SMURF", "HQMUX", "Chotab",
    ]

    /// Known groups that also appear after a dot (scene style).
    static let dotGroups: WordSet = ["TAoE", "KRaLiMaRKo", "BluDragon", "E.N.D", "D-Z0N3", "PSA", "TMd", "FTW-HS", "VH-PROD", "YTS.MX", "YTS.LT"]

    /// The known groups' lower-cased bytes one after another, grouped by last byte, so that a
    /// look-up reads integers and bytes only (no string or array per candidate).
    struct KnownGroupTable {
        struct Span {
            let offset: Int
            let count: Int
            /// One of `dotGroups`.
            let afterDot: Bool
        }
        var bytes: [UInt8] = []
        var spans: [Span] = []
        /// The spans of groups whose last byte is `b` are `spans[last[b]..<last[b + 1]]`.
        var last = [Int](repeating: 0, count: 257)

        init(_ groups: [String]) {
            let sorted = groups.map { Array($0.utf8) }.enumerated().sorted { (Bytes.lower($0.element.last!), $0.offset) < (Bytes.lower($1.element.last!), $1.offset) }
            for (index, g) in sorted {
                spans.append(Span(offset: bytes.count, count: g.count, afterDot: dotGroups.contains(groups[index])))
                bytes += g.map(Bytes.lower)
            }
            var k = 0
            for b in 0...256 {
                while k < spans.count, Int(bytes[spans[k].offset + spans[k].count - 1]) < b { k += 1 }
                last[b] = k
            }
        }

        /// The group of `span` is at `i` of `u` (ignoring case).
        func matches(_ u: UnsafeBufferPointer<UInt8>, at i: Int, _ span: Span) -> Bool {
            for k in 0..<span.count where Bytes.lower(u[i + k]) != bytes[span.offset + k] { return false }
            return true
        }
    }

    static let knownGroupTable = KnownGroupTable(knownGroups)

    /// One of the bytes before a group: space [ - ( _ .
    @inline(__always) static func isGroupOpener(_ b: UInt8) -> Bool {
        b == 32 || b == UInt8(ascii: "[") || b == UInt8(ascii: "-") || b == UInt8(ascii: "(") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
    }

    /// The known group that starts last in the tail of `s` (the longest of those that start
    /// there), after an opener and where a group may end.
    static func knownGroup(_ s: String) -> String? {
        // Known groups sit at the end (possibly inside the last brackets): only the groups whose
        // last byte is the byte before one of the few places where a group may end are compared.
        let table = knownGroupTable
        let found: Range<Int>? = Text.withBytes(s) { u in
            let floor = max(0, u.count - 80)
            var best: Range<Int>?
            GroupEnds(u, from: floor).forEach { e in
                guard e > floor else { return }
                let b = Int(Bytes.lower(u[e - 1]))
                for span in table.spans[table.last[b]..<table.last[b + 1]] where span.count <= e - floor {
                    let i = e - span.count
                    if let best, i < best.lowerBound || (i == best.lowerBound && span.count <= best.count) { continue }
                    let before = i == 0 ? UInt8(ascii: " ") : u[i - 1]
                    guard i == 0 || isGroupOpener(before), table.matches(u, at: i, span) else { continue }
                    let after = e < u.count ? u[e] : UInt8(ascii: "]")
                    if before != UInt8(ascii: ".") || span.afterDot || after == UInt8(ascii: ")") { best = i..<e }
                }
            }
            return best
        }
        guard let found else { return nil }
        return Text.withBytes(s) { String(decoding: UnsafeBufferPointer(rebasing: $0[found]), as: UTF8.self) }
    }

    /// Where a known group may end in the tail `from...` of a name: at the end, or before "]",
    /// ")" or " " when only a closing tail follows.
    struct GroupEnds {
        let from: Int
        /// Bit `e - from` for each end `e` (the tail is at most 80 bytes).
        var bits: (UInt64, UInt64) = (0, 0)

        init(_ u: UnsafeBufferPointer<UInt8>, from: Int) {
            self.from = from
            // Without a "[" in the tail, the ends are the end and the run of "]", ")" and " " before it.
            if !Bytes.contains(UnsafeBufferPointer(rebasing: u[from...]), UInt8(ascii: "["), or: UInt8(ascii: "[")) {
                var r = u.count
                while r > from, u[r - 1] == UInt8(ascii: "]") || u[r - 1] == UInt8(ascii: ")") || u[r - 1] == 32 { r -= 1 }
                for e in r...u.count { add(e) }
                return
            }
            for e in from...u.count {
                guard e == u.count || ((u[e] == UInt8(ascii: "]") || u[e] == UInt8(ascii: ")") || u[e] == 32) && isClosingTail(u, e)) else { continue }
                add(e)
            }
        }

        private mutating func add(_ e: Int) {
            let k = e - from
            if k < 64 { bits.0 |= 1 << UInt64(k) } else { bits.1 |= 1 << UInt64(k - 64) }
        }

        /// Runs `body` on each end.
        func forEach(_ body: (Int) -> Void) {
            func each(_ word: UInt64, _ base: Int) {
                var w = word
                while w != 0 {
                    body(base + w.trailingZeroBitCount)
                    w &= w - 1
                }
            }
            each(bits.0, from)
            each(bits.1, from + 64)
        }
    }

    /// Only closing brackets, spaces and more bracketed tags follow.
    static func isClosingTail(_ u: UnsafeBufferPointer<UInt8>, _ from: Int) -> Bool {
        var depth = 0
        for k in from..<u.count {
            let b = u[k]
            if b == UInt8(ascii: "[") { depth += 1; continue }
            if b == UInt8(ascii: "]") { if depth > 0 { depth -= 1 }; continue }
            if depth > 0 { continue }
            if b == UInt8(ascii: ")") || b == UInt8(ascii: " ") { continue }
            return false
        }
        return true
    }
}
