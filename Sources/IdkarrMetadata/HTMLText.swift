/// Provider text that arrives as HTML (TVmaze summaries) → plain text for a UI that renders text
/// only: tags dropped (block ends become line breaks), entities decoded, spaces collapsed.
enum HTMLText {
    static func plain(_ html: String?) -> String? {
        guard let html, !html.isEmpty else { return nil }
        var text = ""
        var index = html.startIndex
        while index < html.endIndex {
            let char = html[index]
            if char == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close].lowercased()
                if isBreak(tag) { text += "\n" }
                index = html.index(after: close)
            } else if char == "&", let (decoded, next) = entity(in: html, at: index) {
                text += decoded
                index = next
            } else {
                text.append(char)
                index = html.index(after: index)
            }
        }
        let result = tidy(text)
        return result.isEmpty ? nil : result
    }

    private static func isBreak(_ tag: String) -> Bool {
        let name = tag.split(whereSeparator: { $0 == " " || $0 == "/" }).first.map(String.init) ?? ""
        return name == "br" || (tag.hasPrefix("/") && ["p", "div", "li", "h1", "h2", "h3", "h4"].contains(String(tag.dropFirst())))
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "eacute": "é", "egrave": "è",
        "aacute": "á", "oacute": "ó", "iacute": "í", "uacute": "ú", "ntilde": "ñ", "uuml": "ü", "ouml": "ö",
        "auml": "ä", "ccedil": "ç", "copy": "©", "reg": "®", "trade": "™", "deg": "°",
    ]

    /// The entity starting at `start` (`&amp;`, `&#39;`, `&#x27;`) and the index after it.
    private static func entity(in html: String, at start: String.Index) -> (String, String.Index)? {
        let rest = html[html.index(after: start)...].prefix(12)
        guard let semi = rest.firstIndex(of: ";") else { return nil }
        let name = rest[rest.startIndex..<semi]
        let next = html.index(after: semi)
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (value == 0xa0 ? " " : String(Character(scalar)), next)
        }
        guard let decoded = named[String(name)] else { return nil }
        return (decoded, next)
    }

    /// Trims each line, collapses runs of spaces and of blank lines.
    private static func tidy(_ text: String) -> String {
        let lines = text.replacingAll("\u{a0}", " ").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        }
        var out: [String] = []
        for line in lines where !(line.isEmpty && (out.last?.isEmpty ?? true)) { out.append(line) }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n")
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, _ replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
