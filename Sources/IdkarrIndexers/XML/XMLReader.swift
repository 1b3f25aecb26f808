#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a document is not well-formed XML: what was wrong, and the line it was found on.
struct XMLSyntaxError: Error, Sendable, Equatable {
    let message: String
    let line: Int
}

/// A small, strict, non-validating XML reader for indexer answers: bytes → `XMLNode` tree.
///
/// Written by hand rather than over FoundationXML's `XMLParser` (libxml2): building this tree
/// of a 100-item feed took ~0.55 ms where a bare `XMLParser` pass with a no-op delegate took
/// ~0.94 ms (release build, 2025-11 dev VM; see Benchmarks/RESULTS.md), it needs no FoundationXML
/// (so no libxml2 at run time), and its behaviour on hostile input is all in this file. What it accepts: UTF-8 (a BOM is skipped), the XML
/// declaration, processing instructions, comments, CDATA, a DOCTYPE without an internal subset.
/// What it refuses, with the line: a DTD internal subset (no entity expansion, ever), mismatched
/// or unclosed tags, an empty or invalid name, text outside the root element, nesting deeper than
/// `maxDepth`. It never traps: every index is checked against the end of the input.
struct XMLReader {
    static let maxDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i: Int

    private init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int) {
        self.bytes = bytes
        self.i = start
    }

    /// Parses a whole document and returns its root element.
    static func parse(_ data: [UInt8]) throws(XMLSyntaxError) -> XMLNode {
        let result: Result<XMLNode, XMLSyntaxError> = data.withUnsafeBufferPointer { buffer in
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            var reader = XMLReader(buffer, start: buffer.starts(with: bom) ? 3 : 0)
            do throws(XMLSyntaxError) {
                return .success(try reader.document())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    // MARK: document structure

    private mutating func document() throws(XMLSyntaxError) -> XMLNode {
        try skipMisc()
        guard i < bytes.count else { throw fail("the document has no root element") }
        guard bytes[i] == UInt8(ascii: "<") else { throw fail("text before the root element") }
        let root = try element()
        try skipMisc()
        guard i >= bytes.count else { throw fail("content after the end of the root element <\(root.name)>") }
        return root
    }

    /// White space, processing instructions, comments and a DOCTYPE between top-level parts.
    private mutating func skipMisc() throws(XMLSyntaxError) {
        while true {
            skipSpace()
            if starts("<?") {
                try skip(past: "?>", what: "a processing instruction")
            } else if starts("<!--") {
                try skip(past: "-->", what: "a comment")
            } else if startsIgnoringCase("<!doctype") {
                try skipDoctype()
            } else {
                return
            }
        }
    }

    private mutating func skipDoctype() throws(XMLSyntaxError) {
        while i < bytes.count, bytes[i] != UInt8(ascii: ">") {
            if bytes[i] == UInt8(ascii: "[") { throw fail("a DOCTYPE with an internal subset (entity declarations) is not accepted") }
            i += 1
        }
        guard i < bytes.count else { throw fail("the document ends inside its DOCTYPE") }
        i += 1
    }

    /// The element starting at `<`, with everything inside it. Iterative, so nesting depth costs
    /// no stack (it is still capped at `maxDepth`).
    private mutating func element() throws(XMLSyntaxError) -> XMLNode {
        var stack: [XMLNode] = []
        var (node, closed) = try startTag()
        if closed { return node }
        stack.append(node)
        while let top = stack.last {
            try appendText(to: &stack[stack.count - 1])
            guard i < bytes.count else { throw fail("the document ends inside <\(top.name)> (truncated?)") }
            if starts("</") {
                try endTag(top.name)
                let done = stack.removeLast()
                if stack.isEmpty { return done }
                stack[stack.count - 1].children.append(done)
            } else if starts("<!--") {
                try skip(past: "-->", what: "a comment")
            } else if starts("<![CDATA[") {
                i += 9
                let start = i
                try skip(past: "]]>", what: "a CDATA section")
                stack[stack.count - 1].text += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(i - 3)]), as: UTF8.self)
            } else if starts("<?") {
                try skip(past: "?>", what: "a processing instruction")
            } else if starts("<!") {
                throw fail("unexpected markup \"<!\" inside <\(top.name)>")
            } else {
                (node, closed) = try startTag()
                if closed {
                    stack[stack.count - 1].children.append(node)
                } else {
                    guard stack.count < Self.maxDepth else { throw fail("elements nested deeper than \(Self.maxDepth) levels") }
                    stack.append(node)
                }
            }
        }
        throw fail("unbalanced elements")
    }

    /// Character data up to the next `<`, added to `node.text` unless it is only white space.
    private mutating func appendText(to node: inout XMLNode) throws(XMLSyntaxError) {
        let start = i
        i = find(UInt8(ascii: "<"), from: i)
        var cursor = start
        while cursor < i, XMLBytes.isSpace(bytes[cursor]) { cursor += 1 }
        if cursor < i { node.text += XMLEntities.decode(bytes, start..<i) }
    }

    /// `<name attr="value" …>` or `<name … />`; returns the node and whether it closed itself.
    private mutating func startTag() throws(XMLSyntaxError) -> (XMLNode, Bool) {
        i += 1
        let name = try readName(what: "element")
        var attributes: [XMLNode.Attribute] = []
        while true {
            skipSpace()
            guard i < bytes.count else { throw fail("the document ends inside the tag <\(name)") }
            switch bytes[i] {
            case UInt8(ascii: ">"):
                i += 1
                return (XMLNode(name: name, attributes: attributes), false)
            case UInt8(ascii: "/"):
                guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ">") else { throw fail("a stray \"/\" in the tag <\(name)>") }
                i += 2
                return (XMLNode(name: name, attributes: attributes), true)
            default:
                attributes.append(try attribute(in: name))
            }
        }
    }

    private mutating func attribute(in element: String) throws(XMLSyntaxError) -> XMLNode.Attribute {
        let name = try readName(what: "attribute in <\(element)>")
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw fail("the attribute \(name) in <\(element)> has no value") }
        i += 1
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
            throw fail("the value of \(name) in <\(element)> is not quoted")
        }
        let quote = bytes[i]
        i += 1
        let start = i
        i = find(quote, from: i)
        guard i < bytes.count else { throw fail("the document ends inside the value of \(name) in <\(element)>") }
        if find(UInt8(ascii: "<"), from: start, to: i) < i { throw fail("a \"<\" in the value of \(name) in <\(element)>") }
        let value = XMLEntities.decode(bytes, start..<i)
        i += 1
        return XMLNode.Attribute(name: name, value: value)
    }

    private mutating func endTag(_ expected: String) throws(XMLSyntaxError) {
        i += 2
        let name = try readName(what: "closing tag")
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw fail("the closing tag </\(name) is not ended by \">\"") }
        guard name == expected else { throw fail("</\(name)> closes <\(expected)>") }
        i += 1
    }

    // MARK: lexical helpers

    private mutating func readName(what: String) throws(XMLSyntaxError) -> String {
        let start = i
        while i < bytes.count {
            let byte = bytes[i]
            if XMLBytes.isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            {
                break
            }
            i += 1
        }
        guard i > start else { throw fail(i < bytes.count ? "an empty \(what) name" : "the document ends inside a tag") }
        let first = bytes[start]
        let letter = (first | 0x20) >= UInt8(ascii: "a") && (first | 0x20) <= UInt8(ascii: "z")
        guard letter || first == UInt8(ascii: "_") || first == UInt8(ascii: ":") || first >= 0x80 else {
            throw fail("an invalid \(what) name")
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }

    private mutating func skipSpace() {
        while i < bytes.count, XMLBytes.isSpace(bytes[i]) { i += 1 }
    }

    private func starts(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for k in 0..<count where bytes[i + k] != pointer[k] { return false }
        return true
    }

    private func startsIgnoringCase(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for k in 0..<count where bytes[i + k] | 0x20 != pointer[k] | 0x20 { return false }
        return true
    }

    /// Moves past the next `terminator`; fails when the document ends first.
    private mutating func skip(past terminator: StaticString, what: String) throws(XMLSyntaxError) {
        while i < bytes.count {
            if starts(terminator) {
                i += terminator.utf8CodeUnitCount
                return
            }
            i += 1
        }
        throw fail("the document ends inside \(what)")
    }

    private func fail(_ message: String) -> XMLSyntaxError {
        XMLSyntaxError(message: message, line: line(at: min(i, bytes.count)))
    }

    /// The index of the first `byte` in `from..<to` (default: the end), or `to` when there is none.
    /// memchr: the scans over text run at C speed even in debug builds.
    private func find(_ byte: UInt8, from start: Int, to end: Int? = nil) -> Int {
        let end = end ?? bytes.count
        guard start < end, let base = bytes.baseAddress else { return end }
        guard let found = memchr(base + start, Int32(byte), end - start) else { return end }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// The 1-based line of `offset` (memchr: errors in large documents stay cheap in debug builds).
    private func line(at offset: Int) -> Int {
        guard var cursor = bytes.baseAddress.map(UnsafeRawPointer.init) else { return 1 }
        let end = cursor + offset
        var line = 1
        while cursor < end, let found = memchr(cursor, 0x0A, end - cursor) {
            line += 1
            cursor = UnsafeRawPointer(found) + 1
        }
        return line
    }
}
