/// Small string helpers used by the rules (ASCII-aware, no Foundation).
enum Text {
    /// At most `ReleaseParser.maxInputLength` bytes: the start of a title, the end of a path.
    static func bounded(_ s: String) -> String {
        let limit = ReleaseParser.maxInputLength
        guard s.utf8.count > limit else { return s }
        let all = Array(s.utf8)
        var u: [UInt8]
        if all.prefix(limit * 4).contains(where: PathText.isSeparator) {
            u = Array(all.suffix(limit))
            while let f = u.first, f & 0xC0 == 0x80 { u.removeFirst() }
        } else {
            u = Array(all.prefix(limit))
            // Do not cut a UTF-8 sequence in half.
            while let last = u.last, last & 0xC0 == 0x80 { u.removeLast() }
            if let last = u.last, last >= 0xC0 { u.removeLast() }
        }
        return string(u)
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }

    static func trimmed(_ s: String) -> String { keeping(s, trimmedRange) }

    /// The bytes of `u` without white space at either end.
    static func trimmedRange(_ u: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var a = 0
        var b = u.count
        while a < b, isSpace(u[a]) { a += 1 }
        while b > a, isSpace(u[b - 1]) { b -= 1 }
        return a..<b
    }

    /// The part of `s` at the byte range `keep` picks from its bytes (`s` itself when that is all
    /// of it: most clean-ups change nothing, and then no string is made).
    static func keeping(_ s: String, _ keep: (UnsafeBufferPointer<UInt8>) -> Range<Int>) -> String {
        let part: String? = withBytes(s) { u in
            let r = keep(u)
            return r.count == u.count ? nil : String(decoding: Bytes.part(u, r), as: UTF8.self)
        }
        return part ?? s
    }

    static func trim(_ s: String, _ set: [UInt8]) -> String {
        let u = Array(s.utf8)
        var a = 0
        var b = u.count
        while a < b, set.contains(u[a]) { a += 1 }
        while b > a, set.contains(u[b - 1]) { b -= 1 }
        return String(decoding: u[a..<b], as: UTF8.self)
    }

    /// Replaces every byte in `set` with `with`.
    static func replace(_ s: String, _ set: [UInt8], with: UInt8) -> String {
        var u = Array(s.utf8)
        var changed = false
        for i in u.indices where set.contains(u[i]) {
            u[i] = with
            changed = true
        }
        return changed ? String(decoding: u, as: UTF8.self) : s
    }

    /// Collapses runs of spaces into one and trims.
    static func collapseSpaces(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var lastSpace = true
        for b in s.utf8 {
            if b == 32 {
                if !lastSpace { out.append(b) }
                lastSpace = true
            } else {
                out.append(b)
                lastSpace = false
            }
        }
        while out.last == 32 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// `s.hasPrefix(prefix)` for an ASCII `prefix`, comparing bytes. When a byte ≥ 0x80 (which may
    /// be a combining mark joined to the prefix's last letter) follows, the library decides.
    @inline(__always) static func hasPrefix(_ s: String, _ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        let p = prefix.utf8Start
        let verdict: Bool? = withBytes(s) { u in
            guard u.count >= n else { return false }
            for j in 0..<n where u[j] != p[j] { return false }
            return u.count > n && u[n] >= 0x80 ? nil : true
        }
        return verdict ?? s.hasPrefix(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
    }

    /// Runs `body` on the UTF-8 bytes of `s` without copying them (native strings are contiguous).
    @inline(__always) static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(s.utf8).withUnsafeBufferPointer(body)
    }

    /// True when the bytes of `s` end with the bytes of ASCII `suffix`.
    static func hasSuffix(_ s: String, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        let p = suffix.utf8Start
        return withBytes(s) { u in
            guard u.count >= n else { return false }
            let from = u.count - n
            for j in 0..<n where u[from + j] != p[j] { return false }
            return true
        }
    }

    /// `s.contains(needle)` for a needle of CJK ideographs or ASCII: the library's Character search
    /// runs only when the bytes are there at all.
    static func holds(_ s: String, _ needle: StaticString) -> Bool {
        let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        let found = withBytes(s) { u in
            guard n.count <= u.count else { return false }
            for i in 0...(u.count - n.count) where u[i] == n[0] {
                var k = 1
                while k < n.count, u[i + k] == n[k] { k += 1 }
                if k == n.count { return true }
            }
            return false
        }
        return found && s.contains(needle.description)
    }

    /// True when `s` holds the byte sequence `needle` (a short, non-empty needle: each place its
    /// first byte occurs is compared in full, so needles that overlap themselves are found too).
    static func containsBytes(_ s: String, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { n in
            withBytes(s) { u in
                guard n.count <= u.count, Bytes.contains(u, n[0], or: n[0]) else { return false }
                for i in 0...(u.count - n.count) where u[i] == n[0] {
                    var k = 1
                    while k < n.count, u[i + k] == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                return false
            }
        }
    }

    /// `s.split(separator: " ").map(String.init)`: the parts between spaces, none empty. A space
    /// between ASCII bytes is a character of its own, so such names are split as bytes; a space
    /// beside other bytes may join a character (a combining mark), and the library decides.
    static func spaceSeparated(_ s: String) -> [String] {
        let parts: [String]? = withBytes(s) { u in
            for k in 0..<u.count where u[k] == 32 && (k > 0 && u[k - 1] >= 0x80 || k + 1 < u.count && u[k + 1] >= 0x80) { return nil }
            var parts: [String] = []
            var a = 0
            while a < u.count {
                var z = a
                while z < u.count, u[z] != 32 { z += 1 }
                if z > a { parts.append(String(decoding: Bytes.part(u, a..<z), as: UTF8.self)) }
                a = z + 1
            }
            return parts
        }
        return parts ?? s.split(separator: " ").map(String.init)
    }

    /// The value of the Unicode scalar that starts at byte `i` of valid UTF-8 `u`.
    static func scalar(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32 {
        let b = UInt32(u[i])
        if b < 0x80 { return b }
        if b < 0xE0 { return (b & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F) }
        if b < 0xF0 { return (b & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F) }
        return (b & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12 | UInt32(u[i + 2] & 0x3F) << 6 | UInt32(u[i + 3] & 0x3F)
    }

    static func string(_ b: ArraySlice<UInt8>) -> String { String(decoding: b, as: UTF8.self) }
    static func string(_ b: [UInt8]) -> String { String(decoding: b, as: UTF8.self) }

    static func hasPrefixCaseInsensitive(_ s: [UInt8], _ prefix: String, at: Int = 0) -> Bool {
        var k = at
        for b in prefix.utf8 {
            guard k < s.count, Bytes.lower(s[k]) == b else { return false }
            k += 1
        }
        return true
    }

    /// Byte offset of the last case-insensitive occurrence of ASCII `needle`.
    static func lastIndex(of needle: StaticString, in s: String) -> Int? {
        withBytes(s) { lastIndex(of: needle, in: $0) }
    }

    static func lastIndex(of needle: StaticString, in u: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard n.count <= u.count else { return nil }
        var i = u.count - n.count
        while i >= 0 {
            if matches(u, n, at: i) { return i }
            i -= 1
        }
        return nil
    }

    /// The lower-cased bytes at `at` equal `needle` (lower-case ASCII).
    @inline(__always) static func matches(_ u: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, at: Int) -> Bool {
        for k in 0..<needle.count where Bytes.lower(u[at + k]) != needle[k] { return false }
        return true
    }

    /// What follows the last case-insensitive occurrence of `needle`.
    static func after(last needle: StaticString, in s: String) -> String? {
        withBytes(s) { u in
            guard let i = lastIndex(of: needle, in: u) else { return nil }
            return String(decoding: Bytes.part(u, (i + needle.utf8CodeUnitCount)..<u.count), as: UTF8.self)
        }
    }

    /// Splits around the first case-insensitive occurrence of `needle` (lower-case ASCII).
    static func split(_ s: String, around needle: StaticString) -> (String, String)? {
        let n = needle.utf8CodeUnitCount
        let p = needle.utf8Start
        let found: Int? = withBytes(s) { u in
            guard n <= u.count else { return nil }
            // Every byte of the needle other than a space must be there (in either case).
            for k in 0..<n where p[k] != 32 && !Bytes.contains(u, p[k], or: Bytes.upper(p[k])) { return nil }
            // Test the needle's first byte that is not a space first (spaces are everywhere).
            var pivot = 0
            while pivot < n - 1, p[pivot] == 32 { pivot += 1 }
            let key = p[pivot]
            var i = 0
            while i <= u.count - n {
                if Bytes.lower(u[i + pivot]) == key {
                    var k = 0
                    while k < n, Bytes.lower(u[i + k]) == p[k] { k += 1 }
                    if k == n { return i }
                }
                i += 1
            }
            return nil
        }
        guard let i = found else { return nil }
        return withBytes(s) { u in
            (String(decoding: UnsafeBufferPointer(rebasing: u[..<i]), as: UTF8.self), String(decoding: UnsafeBufferPointer(rebasing: u[(i + n)...]), as: UTF8.self))
        }
    }
}

extension String {
    /// `self == word` for a lower-case ASCII `word`, without a library call when the lengths differ
    /// (most comparisons of a name's words with rule words fail on the length alone).
    @inline(__always) func isWord(_ word: String) -> Bool { utf8.count == word.utf8.count && self == word }
}
