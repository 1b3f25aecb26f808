/// The error documents idkarr's Newznab API answers with, and their bytes:
/// `<error code="201" description="Incorrect parameter (season): …"/>`. Codes per the Newznab
/// API; `FeedReader` and `CapsReader` read such a document back as the `IndexerError` it names.
extension NewznabErrorDocument {
    /// 100: the API key is missing or wrong.
    public static let incorrectCredentials = Self(code: 100, description: "Incorrect user credentials")
    /// 300: the download (or other item) asked for does not exist.
    public static let noSuchItem = Self(code: 300, description: "No such item")
    /// 910: the API is turned off (the indexer is disabled in idkarr).
    public static let apiDisabled = Self(code: 910, description: "API disabled")

    /// 200: `name` is required and absent.
    public static func missingParameter(_ name: String) -> Self {
        Self(code: 200, description: "Missing parameter (\(name))")
    }

    /// 201: `name` has a value that cannot be used; `detail` says why.
    public static func incorrectParameter(_ name: String, _ detail: String? = nil) -> Self {
        described(201, "Incorrect parameter (\(name))", detail)
    }

    /// 202: `t=function` names no Newznab function.
    public static func noSuchFunction(_ function: String? = nil) -> Self {
        described(202, "No such function", function.map { "t=\($0.prefix(32))" })
    }

    /// 203: a Newznab function idkarr or this indexer does not offer.
    public static func functionNotAvailable(_ function: String? = nil) -> Self {
        described(203, "Function not available", function.map { "t=\($0.prefix(32))" })
    }

    /// 900: anything else (the upstream indexer failed, …); `detail` must hold no secret.
    public static func unknownError(_ detail: String? = nil) -> Self {
        described(900, "Unknown error", detail)
    }

    private static func described(_ code: Int, _ text: String, _ detail: String?) -> Self {
        Self(code: code, description: text + (detail.map { ": \($0)" } ?? ""))
    }

    /// The document as UTF-8 bytes, the description escaped.
    public var xml: [UInt8] {
        var xml = XMLWriter()
        xml.element("error", [("code", String(code)), ("description", description)])
        return xml.bytes
    }
}
