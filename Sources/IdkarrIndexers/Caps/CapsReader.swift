/// Reads a `t=caps` answer into `IndexerCaps`. Pure: no I/O.
///
/// Lenient where Sonarr is (a missing `<limits>` gives 100/100, a category whose id is not a
/// number is left out, unknown elements are ignored) and strict where it is (malformed XML, a
/// Newznab error document or another root element throw).
public enum CapsReader {
    public static func read(_ body: [UInt8], indexer: String = "The indexer", maxBytes: Int = FeedReader.defaultMaxBytes)
        throws(IndexerError) -> IndexerCaps
    {
        let root = try IndexerDocument.root(body, expectedRoot: "caps", indexer: indexer, maxBytes: maxBytes)
        var caps = IndexerCaps(modes: [:])
        if let server = root.child("server") {
            caps.serverTitle = server.attribute("title").map(\.trimmedXMLSpace).flatMap { $0.isEmpty ? nil : $0 }
            caps.serverVersion = server.attribute("version").map(\.trimmedXMLSpace).flatMap { $0.isEmpty ? nil : $0 }
        }
        if let limits = root.child("limits") {
            let max = limits.attribute("max").flatMap { Int($0.trimmedXMLSpace) }.flatMap { $0 > 0 ? $0 : nil }
            let standard = limits.attribute("default").flatMap { Int($0.trimmedXMLSpace) }.flatMap { $0 > 0 ? $0 : nil }
            caps.maxPageSize = max ?? standard ?? 100
            caps.defaultPageSize = min(standard ?? caps.maxPageSize, caps.maxPageSize)
        }
        if let searching = root.child("searching") {
            for mode in IndexerCaps.Mode.allCases {
                if let node = searching.child(mode.rawValue), let modeCaps = modeCaps(node, mode) { caps.modes[mode] = modeCaps }
            }
        }
        caps.categories = root.child("categories")?.children("category").compactMap(category) ?? []
        return caps
    }

    private static func modeCaps(_ node: XMLNode, _ mode: IndexerCaps.Mode) -> IndexerCaps.ModeCaps? {
        guard node.attribute("available")?.trimmedXMLSpace.lowercased() == "yes" else { return nil }
        let engine = node.attribute("searchEngine")?.trimmedXMLSpace.lowercased()
        let listed = node.attribute("supportedParams").map { text in
            text.split(separator: ",").map { String($0).trimmedXMLSpace.lowercased() }.filter { !$0.isEmpty }
        }
        return IndexerCaps.ModeCaps(
            parameters: Set(listed ?? mode.defaultParameters), parametersListed: listed != nil,
            searchEngine: engine.flatMap { $0.isEmpty ? nil : $0 } ?? "sphinx")
    }

    private static func category(_ node: XMLNode) -> IndexerCaps.Category? {
        guard let id = node.attribute("id").flatMap({ Int($0.trimmedXMLSpace) }) else { return nil }
        let subcategories = node.children("subcat").compactMap(category)
        return IndexerCaps.Category(id: id, name: node.attribute("name")?.trimmedXMLSpace ?? "", subcategories: subcategories)
    }
}
