/// The checks every indexer answer passes before it is read as a feed or caps: size, emptiness,
/// HTML or JSON instead of XML, well-formedness, a Newznab `<error>` document, the root element.
enum IndexerDocument {
    /// The root element of `body`, which must be `<expectedRoot>`.
    /// - Throws: `IndexerError` with `.tooLarge`, `.badResponse` (empty, malformed, truncated),
    ///   `.notAnIndexer` (HTML, JSON, text, another root) or the code of a Newznab error document.
    static func root(_ body: [UInt8], expectedRoot: String, indexer: String, maxBytes: Int, status: Int? = nil)
        throws(IndexerError) -> XMLNode
    {
        guard body.count <= maxBytes else {
            throw IndexerError(
                .tooLarge, message: "\(indexer) sent \(body.count) bytes, more than the limit of \(maxBytes) bytes.", status: status)
        }
        try sniff(body, indexer: indexer, status: status)
        let root: XMLNode
        do {
            root = try XMLReader.parse(body)
        } catch {
            throw IndexerError(
                .badResponse, message: "\(indexer) sent malformed or truncated XML (line \(error.line): \(error.message)).",
                status: status)
        }
        if root.name == "error" {
            let code = root.attribute("code").flatMap { Int($0.trimmedXMLSpace) } ?? 900
            throw NewznabErrorDocument(code: code, description: root.attribute("description") ?? "").error(indexer: indexer, status: status)
        }
        if root.localName.lowercased() == "html" { throw htmlError(indexer, status) }
        guard root.name == expectedRoot else {
            throw IndexerError(
                .notAnIndexer,
                message: "\(indexer) sent an XML document with the root <\(root.name)> where a Newznab/Torznab <\(expectedRoot)> "
                    + "was expected: is the URL or API path that of a Newznab or Torznab API?",
                status: status)
        }
        return root
    }

    /// Rejects, before any parsing, what is plainly not an XML document.
    private static func sniff(_ body: [UInt8], indexer: String, status: Int?) throws(IndexerError) {
        var start = body.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            throw IndexerError(.badResponse, message: "\(indexer) sent UTF-16 text; only UTF-8 feeds are read.", status: status)
        }
        while start < body.count, XMLBytes.isSpace(body[start]) { start += 1 }
        guard start < body.count else {
            throw IndexerError(.badResponse, message: "\(indexer) sent an empty answer (expected a Newznab/Torznab XML document).",
                               status: status)
        }
        let head = String(decoding: body[start..<min(body.count, start + 1024)], as: UTF8.self).lowercased()
        if head.contains("<!doctype html") || head.contains("<html") || head.hasPrefix("<head") || head.hasPrefix("<body") {
            throw htmlError(indexer, status)
        }
        switch body[start] {
        case UInt8(ascii: "<"):
            return
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            throw IndexerError(
                .notAnIndexer, message: "\(indexer) sent JSON, not a Newznab/Torznab XML document: check the URL and API path.",
                status: status)
        default:
            throw IndexerError(
                .notAnIndexer, message: "\(indexer) sent plain text, not a Newznab/Torznab XML document: check the URL and API path.",
                status: status)
        }
    }

    private static func htmlError(_ indexer: String, _ status: Int?) -> IndexerError {
        IndexerError(
            .notAnIndexer,
            message: "\(indexer) sent an HTML page, not a Newznab/Torznab XML document (a login page, a proxy or a wrong URL or "
                + "API path?).",
            status: status)
    }
}
