/// One request to a Newznab/Torznab API: `t=` and its parameters, without the API key (which
/// only `url(baseURL:apiPath:apiKey:)` adds, so a query can be logged and compared safely).
public struct IndexerQuery: Sendable, Hashable, CustomStringConvertible {
    /// In order; `t` first.
    public private(set) var parameters: [QueryParameter]

    public init(function: String, _ parameters: [QueryParameter]) {
        self.parameters = [QueryParameter("t", function)] + parameters.filter { $0.name != "t" && $0.name != "apikey" }
    }

    /// The `t=` value: `search`, `tvsearch`, `movie`, `caps`, …
    public var function: String { self["t"] ?? "" }

    /// The first value of `name`.
    public subscript(_ name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    public var description: String { parameters.map(\.description).joined(separator: "&") }

    /// The caps request.
    public static let caps = IndexerQuery(function: "caps", [])

    /// The full URL: `baseURL` + `apiPath` (Sonarr's split: `https://indexer.example` + `/api`)
    /// + the query, percent-encoded, `apikey` last. It holds the key: log it only through `Redaction`.
    public func url(baseURL: String, apiPath: String = "/api", apiKey: String?) -> String {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        var path = apiPath.trimmedXMLSpace
        while path.hasSuffix("/") { path.removeLast() }
        if !path.isEmpty { url += path.hasPrefix("/") ? path : "/" + path }
        var all = parameters
        if let apiKey, !apiKey.isEmpty { all.append(QueryParameter("apikey", apiKey)) }
        let query = all.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
        return url + (url.contains("?") ? "&" : "?") + query
    }

    /// The same query one page further, or nil when `feed` (the answer to this query) was the
    /// last page: fewer items than asked for, or `offset + count` reaches the stated total.
    public func nextPage(after feed: Feed) -> IndexerQuery? {
        let count = feed.releases.count + feed.skipped.count
        guard count > 0, let limit = self["limit"].flatMap({ Int($0) }), count >= limit else { return nil }
        let offset = (self["offset"].flatMap { Int($0) } ?? 0) + count
        if let total = feed.channel.total, offset >= total { return nil }
        var next = self
        next.parameters.removeAll { $0.name == "offset" }
        next.parameters.append(QueryParameter("offset", String(offset)))
        return next
    }

    /// RFC 3986 unreserved characters and `,` (category lists) stay; every other byte is encoded.
    static func encode(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ","):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
            }
        }
        return out
    }
}
