/// Builds a small XML document as UTF-8 bytes, indented by two spaces: the writing side of
/// `XMLReader`, for the feed and caps idkarr serves to other apps.
///
/// Element and attribute names are the caller's constants; every text and attribute value is
/// escaped (`&`, `<`, `>`, `"`; CR, and in attributes tab and LF, as character references so
/// parsers do not normalize them away) and characters XML 1.0 cannot carry (U+0000–U+001F other
/// than tab, LF and CR, U+FFFE, U+FFFF) are dropped. Text is escaped once: `&amp;` in a value is
/// written `&amp;amp;`, so a parser gives back the value as it was.
struct XMLWriter {
    /// An attribute; a nil value leaves the attribute out.
    typealias Attribute = (name: String, value: String?)

    private(set) var bytes: [UInt8]
    private var depth = 0

    init() {
        bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
        bytes.reserveCapacity(4096)
    }

    /// `<name attributes>`; the elements after it are its children until `close(name)`.
    mutating func open(_ name: String, _ attributes: [Attribute] = []) {
        startTag(name, attributes)
        bytes.append(contentsOf: ">\n".utf8)
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        indent()
        bytes.append(contentsOf: "</\(name)>\n".utf8)
    }

    /// `<name attributes>text</name>`, or `<name attributes/>` when `text` is empty.
    mutating func element(_ name: String, _ attributes: [Attribute] = [], text: String = "") {
        startTag(name, attributes)
        if text.isEmpty {
            bytes.append(contentsOf: "/>\n".utf8)
            return
        }
        bytes.append(UInt8(ascii: ">"))
        Self.escape(text, attribute: false, into: &bytes)
        bytes.append(contentsOf: "</\(name)>\n".utf8)
    }

    private mutating func startTag(_ name: String, _ attributes: [Attribute]) {
        indent()
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: name.utf8)
        for attribute in attributes {
            guard let value = attribute.value else { continue }
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: attribute.name.utf8)
            bytes.append(contentsOf: "=\"".utf8)
            Self.escape(value, attribute: true, into: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * max(0, depth)))
    }

    // MARK: escaping

    /// Whether XML 1.0 can carry `scalar` (its `Char` production; surrogates cannot occur in a
    /// Swift string).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// `text` without the characters XML cannot carry: what a parser reads back.
    static func sanitized(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(isAllowed) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return String(scalars)
    }

    /// Appends `text` escaped for element content or a double-quoted attribute value.
    static func escape(_ text: String, attribute: Bool, into out: inout [UInt8]) {
        // Most values (numbers, URLs without `&`, plain titles) need no escaping at all.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 && $0 != 0xEF }) {
            out.append(contentsOf: text.utf8)
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".utf8)
            case "<": out.append(contentsOf: "&lt;".utf8)
            case ">": out.append(contentsOf: "&gt;".utf8)
            case "\"" where attribute: out.append(contentsOf: "&quot;".utf8)
            case "\t" where attribute: out.append(contentsOf: "&#9;".utf8)
            case "\n" where attribute: out.append(contentsOf: "&#10;".utf8)
            case "\r": out.append(contentsOf: "&#13;".utf8)
            default:
                guard isAllowed(scalar) else { continue }
                UTF8.encode(scalar) { out.append($0) }
            }
        }
    }
}
