/// Writes `IndexerCaps` as a `t=caps` answer, the inverse of `CapsReader`: reading the document
/// gives back the same caps. Pure.
///
/// Every mode is listed, unavailable ones with `available="no"`, as Prowlarr does (which also
/// writes `music-search` beside `audio-search` for Lidarr). `supportedParams` is written when
/// the caps listed their parameters or when they differ from the mode's defaults, so a reader
/// assumes nothing the caps do not say.
public enum CapsWriter {
    public static func write(_ caps: IndexerCaps) -> [UInt8] {
        var xml = XMLWriter()
        xml.open("caps")
        xml.element("server", [("title", caps.serverTitle), ("version", caps.serverVersion)])
        xml.element("limits", [("max", String(caps.maxPageSize)), ("default", String(caps.defaultPageSize))])
        xml.open("searching")
        for mode in IndexerCaps.Mode.allCases {
            let attributes = modeAttributes(caps.modes[mode], mode)
            xml.element(mode.rawValue, attributes)
            if mode == .audioSearch { xml.element("music-search", attributes) }
        }
        xml.close("searching")
        xml.open("categories")
        for category in caps.categories { write(category, element: "category", into: &xml) }
        xml.close("categories")
        xml.close("caps")
        return xml.bytes
    }

    private static func modeAttributes(_ caps: IndexerCaps.ModeCaps?, _ mode: IndexerCaps.Mode) -> [XMLWriter.Attribute] {
        guard let caps else { return [("available", "no")] }
        let defaults = mode.defaultParameters
        let listed = caps.parametersListed || caps.parameters != Set(defaults)
        // The defaults' order first (q first), then the rest sorted: the same caps, the same bytes.
        let ordered = defaults.filter(caps.parameters.contains) + caps.parameters.subtracting(defaults).sorted()
        return [
            ("available", "yes"), ("supportedParams", listed ? ordered.joined(separator: ",") : nil),
            ("searchEngine", caps.searchEngine),
        ]
    }

    /// A category and its subcategories (`<subcat>`, nested as deep as the caps go).
    private static func write(_ category: IndexerCaps.Category, element: String, into xml: inout XMLWriter) {
        let attributes: [XMLWriter.Attribute] = [("id", String(category.id)), ("name", category.name)]
        guard !category.subcategories.isEmpty else {
            xml.element(element, attributes)
            return
        }
        xml.open(element, attributes)
        for subcategory in category.subcategories { write(subcategory, element: "subcat", into: &xml) }
        xml.close(element)
    }
}
