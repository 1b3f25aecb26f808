/// One element of a small XML document tree, as `XMLReader` builds it.
///
/// Names keep their prefix as written (`newznab:attr`); `localName` drops it. `text` is the
/// element's own character data (text and CDATA, entities decoded), children's text excluded.
/// Feeds are small (a page of 100 items is ~100 KB), so a tree is simpler than a streaming
/// reader and costs little (see `idkarr bench feed`).
struct XMLNode: Sendable {
    struct Attribute: Sendable {
        let name: String
        let value: String
    }

    let name: String
    var attributes: [Attribute]
    var children: [XMLNode]
    var text: String

    init(name: String, attributes: [Attribute] = [], children: [XMLNode] = [], text: String = "") {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The name without its namespace prefix.
    var localName: Substring {
        guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }

    /// The prefix (`newznab`, `torznab`, `atom`), or "" without one.
    var prefix: Substring {
        guard let colon = name.lastIndex(of: ":") else { return "" }
        return name[..<colon]
    }

    /// The value of the attribute `name` (exact name, prefix included), nil when absent.
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The first child element called `name` (exact name, prefix included).
    func child(_ name: String) -> XMLNode? {
        children.first { $0.name == name }
    }

    /// Every child element called `name`.
    func children(_ name: String) -> [XMLNode] {
        children.filter { $0.name == name }
    }

    /// The trimmed text of the first child called `name`; nil when absent or blank.
    func childText(_ name: String) -> String? {
        guard let text = child(name)?.text.trimmedXMLSpace, !text.isEmpty else { return nil }
        return text
    }
}

extension String {
    /// Without leading and trailing XML white space (space, tab, CR, LF).
    var trimmedXMLSpace: String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { !XMLBytes.isSpace($0) }) else { return "" }
        let last = utf8.lastIndex(where: { !XMLBytes.isSpace($0) })!
        if first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) { return self }
        return String(self[first...last])
    }
}

enum XMLBytes {
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
