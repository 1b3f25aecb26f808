/// Why a Newznab API call to idkarr's feed cannot be answered (`FeedRequest.parse`). Each is a
/// Newznab error: `document` is what to answer with, `message` says what to fix.
public struct FeedRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The Newznab error code.
    public enum Code: Int, Sendable, Hashable {
        /// 200: `t` (or `season`, when `ep` is given) is absent.
        case missingParameter = 200
        /// 201: a value that is not a number, out of range, or not a date or an IMDb id.
        case incorrectParameter = 201
        /// 202: `t` names no Newznab function.
        case noSuchFunction = 202
        /// 203: a Newznab function idkarr or this indexer does not offer (`t=music`, `t=book`, …).
        case functionNotAvailable = 203
    }

    public let code: Code
    /// The parameter at fault (`t` for 202 and 203).
    public let parameter: String
    /// The error document's description: `Incorrect parameter (season): "x" is not a whole number`.
    public let message: String

    init(_ document: NewznabErrorDocument, parameter: String) {
        self.code = Code(rawValue: document.code) ?? .incorrectParameter
        self.parameter = parameter
        self.message = document.description
    }

    public var description: String { message }

    /// The Newznab error document to answer with (see `NewznabErrorDocument.xml`).
    public var document: NewznabErrorDocument { NewznabErrorDocument(code: code.rawValue, description: message) }

    static func missing(_ name: String) -> Self {
        Self(.missingParameter(name), parameter: name)
    }

    static func incorrect(_ name: String, _ detail: String) -> Self {
        Self(.incorrectParameter(name, detail), parameter: name)
    }

    static func noSuchFunction(_ function: String) -> Self {
        Self(.noSuchFunction(function), parameter: "t")
    }

    static func functionNotAvailable(_ function: String) -> Self {
        Self(.functionNotAvailable(function), parameter: "t")
    }
}
