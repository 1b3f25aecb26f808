/// Byte helpers for ASCII text.
enum Bytes {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) || b >= 0x80 }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }
    @inline(__always) static func upper(_ b: UInt8) -> UInt8 { b >= 97 && b <= 122 ? b & ~0x20 : b }

    /// The bytes `r` of `u`, indexed from 0.
    @inline(__always) static func part(_ u: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: u[r])
    }

    /// `u` starts with the lower-case ASCII `p` when its letters are lower-cased.
    static func startsLowercased(_ u: UnsafeBufferPointer<UInt8>, with p: StaticString) -> Bool {
        let n = p.utf8CodeUnitCount
        guard u.count >= n else { return false }
        for k in 0..<n where lower(u[k]) != p.utf8Start[k] { return false }
        return true
    }

    /// `u` ends with the lower-case ASCII `p` when its letters are lower-cased.
    static func endsLowercased(_ u: UnsafeBufferPointer<UInt8>, with p: StaticString) -> Bool {
        u.count >= p.utf8CodeUnitCount && startsLowercased(part(u, (u.count - p.utf8CodeUnitCount)..<u.count), with: p)
    }

    /// The first `count` bytes of `a` and `b` are the same (compared eight at a time).
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, count: Int) -> Bool {
        guard count > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        let ra = UnsafeRawPointer(pa)
        let rb = UnsafeRawPointer(pb)
        var k = 0
        while k + 8 <= count {
            if ra.loadUnaligned(fromByteOffset: k, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: k, as: UInt64.self) { return false }
            k += 8
        }
        while k < count {
            if pa[k] != pb[k] { return false }
            k += 1
        }
        return true
    }

    /// The high bit of each zero byte of `v` is set (and maybe of bytes above one: a borrow only
    /// runs above a zero byte, so the result is 0 exactly when no byte is).
    @inline(__always) private static func zeroBytes(_ v: UInt64) -> UInt64 { (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080 }

    /// True when some byte of `u` is `a` or `b` (read eight bytes at a time).
    static func contains(_ u: UnsafeBufferPointer<UInt8>, _ a: UInt8, or b: UInt8) -> Bool {
        guard let base = u.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let sa = UInt64(a) &* 0x0101_0101_0101_0101
        let sb = UInt64(b) &* 0x0101_0101_0101_0101
        let n = u.count
        @inline(__always) func hit(_ k: Int) -> Bool {
            let v = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            return zeroBytes(v ^ sa) | zeroBytes(v ^ sb) != 0
        }
        guard n >= 8 else {
            for k in 0..<n where u[k] == a || u[k] == b { return true }
            return false
        }
        var k = 0
        while k + 8 <= n {
            if hit(k) { return true }
            k += 8
        }
        // The last bytes: the last eight, read again in part.
        return k < n && hit(n - 8)
    }

    /// True when some byte of `u` is ≥ 0x80 (read eight bytes at a time).
    static func hasHighByte(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = u.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let n = u.count
        var any: UInt64 = 0
        guard n >= 8 else {
            for k in 0..<n { any |= UInt64(u[k]) }
            return any & 0x80 != 0
        }
        var k = 0
        while k + 8 <= n {
            any |= raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            k += 8
        }
        // The last bytes: the last eight, read again in part.
        if k < n { any |= raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) }
        return any & 0x8080_8080_8080_8080 != 0
    }

    /// Length of a zero-width space, no-break space, BOM or ideographic space at `i` (0 if none).
    @inline(__always) static func invisibleSeparatorLength(_ b: [UInt8], _ i: Int) -> Int {
        let c = b[i]
        guard c >= 0xC2 else { return 0 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] >= 0x8B && b[i + 2] <= 0x8F { return 3 }
        if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return 3 }
        if c == 0xE3, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        return 0
    }

    static func lowercased(_ s: String) -> String {
        Text.withBytes(s) { u in
            guard u.contains(where: { $0 >= 65 && $0 <= 90 }) else { return s }
            return String(unsafeUninitializedCapacity: u.count) { out in
                for k in 0..<u.count { out[k] = lower(u[k]) }
                return u.count
            }
        }
    }

    /// All digits, 1...9 of them.
    static func number<C: Collection<UInt8>>(_ s: C) -> Int? {
        guard !s.isEmpty, s.count <= 9 else { return nil }
        var v = 0
        for b in s {
            guard isDigit(b) else { return nil }
            v = v * 10 + Int(b - 48)
        }
        return v
    }

    static func number(_ s: String) -> Int? { number(Substring(s).utf8) }

    static func isAllDigits(_ s: String) -> Bool { !s.isEmpty && s.utf8.allSatisfy(isDigit) }
}

