/// Provider text that arrives as HTML (TVmaze summaries) → plain text for a UI that renders text
/// only: tags dropped (block ends become line breaks), entities decoded, spaces collapsed.
///
/// Read as UTF-8 bytes (`<`, `>`, `&`, `;` and the spaces are ASCII, never part of a longer
/// sequence): a refresh reads one summary per episode, 5,000 for a long daily show.
enum HTMLText {
    static func plain(_ html: String?) -> String? {
        guard var html, !html.isEmpty else { return nil }
        let text = html.withUTF8 { decode($0) }
        let result = tidy(text)
        return result.isEmpty ? nil : String(decoding: result, as: UTF8.self)
    }

    /// Tags dropped (a break or a block's end becomes "\n"), entities decoded, no-break spaces made spaces.
    private static func decode(_ u: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            let b = u[i]
            if b == UInt8(ascii: "<"), let close = u[(i + 1)...].firstIndex(of: UInt8(ascii: ">")) {
                if isBreak(UnsafeBufferPointer(rebasing: u[(i + 1)..<close])) { out.append(10) }
                i = close + 1
            } else if b == UInt8(ascii: "&"), let (decoded, next) = entity(u, at: i) {
                out.append(contentsOf: decoded.utf8)
                i = next
            } else if b == 0xC2, i + 1 < u.count, u[i + 1] == 0xA0 {
                out.append(32)
                i += 2
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }

    private static let blockEnds: Set<String> = ["p", "div", "li", "h1", "h2", "h3", "h4"]

    /// `br` anywhere (`<br>`, `<br/>`, `</br>`), or the end of a block (`</p>`).
    private static func isBreak(_ tag: UnsafeBufferPointer<UInt8>) -> Bool {
        let lower = String(decoding: tag, as: UTF8.self).lowercased()
        let name = lower.split(whereSeparator: { $0 == " " || $0 == "/" }).first.map(String.init) ?? ""
        return name == "br" || (lower.hasPrefix("/") && blockEnds.contains(String(lower.dropFirst())))
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "eacute": "é", "egrave": "è",
        "aacute": "á", "oacute": "ó", "iacute": "í", "uacute": "ú", "ntilde": "ñ", "uuml": "ü", "ouml": "ö",
        "auml": "ä", "ccedil": "ç", "copy": "©", "reg": "®", "trade": "™", "deg": "°",
    ]

    /// The entity starting at `start` (`&amp;`, `&#39;`, `&#x27;`) and the index after it; a name
    /// is at most 11 ASCII bytes before its `;`.
    private static func entity(_ u: UnsafeBufferPointer<UInt8>, at start: Int) -> (String, Int)? {
        let end = min(u.count, start + 13)
        guard let semi = u[(start + 1)..<end].firstIndex(of: UInt8(ascii: ";")) else { return nil }
        let name = u[(start + 1)..<semi]
        guard name.allSatisfy({ $0 < 0x80 }) else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: name), as: UTF8.self)
        if text.hasPrefix("#") {
            let digits = text.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (value == 0xa0 ? " " : String(Character(scalar)), semi + 1)
        }
        guard let decoded = named[text] else { return nil }
        return (decoded, semi + 1)
    }

    /// Each line trimmed with its runs of spaces, tabs and returns made one space; runs of blank
    /// lines made one; no blank line first or last.
    private static func tidy(_ text: [UInt8]) -> [UInt8] {
        var lines: [Range<Int>] = []  // in `collapsed`
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(text.count)
        for raw in text.split(separator: 10, omittingEmptySubsequences: false) {
            let start = collapsed.count
            var pendingSpace = false
            for b in raw {
                if b == 32 || b == 9 || b == 13 {
                    pendingSpace = collapsed.count > start
                } else {
                    if pendingSpace { collapsed.append(32) }
                    pendingSpace = false
                    collapsed.append(b)
                }
            }
            let line = start..<collapsed.count
            if line.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        var out: [UInt8] = []
        out.reserveCapacity(collapsed.count + lines.count)
        for (k, line) in lines.enumerated() {
            if k > 0 { out.append(10) }
            out.append(contentsOf: collapsed[line])
        }
        return out
    }
}
