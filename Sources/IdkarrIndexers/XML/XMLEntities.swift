/// Character and entity references: the five XML entities and numeric references, plus a few
/// HTML ones for titles that were entity-encoded twice (`&amp;amp;`, `&amp;#39;`).
///
/// Unknown or malformed references are kept as they were written (a bare `&` in a title is
/// common in feeds); a numeric reference to an invalid code point becomes U+FFFD.
enum XMLEntities {
    /// Decodes `bytes[range]` as UTF-8 text with its references resolved.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, html: Bool = false) -> String {
        guard let firstAmp = bytes[range].firstIndex(of: UInt8(ascii: "&")) else {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        out.append(contentsOf: bytes[range.lowerBound..<firstAmp])
        var i = firstAmp
        while i < range.upperBound {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "&"),
                let semicolon = bytes[(i + 1)..<min(range.upperBound, i + 12)].firstIndex(of: UInt8(ascii: ";")),
                let scalar = reference(bytes, (i + 1)..<semicolon, html: html)
            else {
                out.append(byte)
                i += 1
                continue
            }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
            i = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes the references left in already-decoded text (one more level), HTML names included.
    static func decodeAgain(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { decode($0, 0..<$0.count, html: true) }
    }

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
    ]

    private static let htmlNamed: [String: Unicode.Scalar] = [
        "nbsp": "\u{A0}", "ndash": "\u{2013}", "mdash": "\u{2014}", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
        "ldquo": "\u{201C}", "rdquo": "\u{201D}", "hellip": "\u{2026}", "eacute": "é", "egrave": "è", "aacute": "á",
        "agrave": "à", "ouml": "ö", "uuml": "ü", "auml": "ä", "szlig": "ß", "ccedil": "ç", "ntilde": "ñ", "copy": "©",
        "reg": "®", "trade": "™",
    ]

    private static func reference(_ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>, html: Bool) -> Unicode.Scalar? {
        guard !name.isEmpty else { return nil }
        if bytes[name.lowerBound] == UInt8(ascii: "#") {
            return numeric(bytes, (name.lowerBound + 1)..<name.upperBound)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self)
        return named[text] ?? (html ? htmlNamed[text] : nil)
    }

    private static func numeric(_ bytes: UnsafeBufferPointer<UInt8>, _ digits: Range<Int>) -> Unicode.Scalar? {
        guard !digits.isEmpty else { return nil }
        var start = digits.lowerBound
        var radix: UInt32 = 10
        if bytes[start] == UInt8(ascii: "x") || bytes[start] == UInt8(ascii: "X") {
            radix = 16
            start += 1
        }
        guard start < digits.upperBound else { return nil }
        var value: UInt32 = 0
        for i in start..<digits.upperBound {
            guard let digit = hexValue(bytes[i]), digit < radix else { return nil }
            value = value &* radix &+ digit
            if value > 0x10FFFF { return "\u{FFFD}" }
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
