import IdkarrDomain
import IdkarrNet

/// Why an indexer call or the reading of its answer failed. `code` is for programs (health,
/// backoff, the Test action); `message` is for people: it names the indexer and what to check,
/// and never holds an API key (it passes through `Redaction`).
public struct IndexerError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// No answer: DNS, connection refused, timeout (see `underlying`).
        case unreachable
        /// The TLS handshake or certificate check failed.
        case tls
        /// The indexer refused the API key or the account (HTTP 401/403, Newznab 100–102).
        case unauthorized
        /// Too many requests (HTTP 429, Newznab 429/500/501); wait `retryAfter` when known.
        case rateLimited(retryAfter: Duration?)
        /// The indexer failed (HTTP 5xx, Newznab 900/910 "unknown error", "API disabled").
        case unavailable
        /// The answer is not a Newznab/Torznab document: HTML, JSON, another XML root.
        case notAnIndexer
        /// A Newznab/Torznab document that cannot be read: malformed or truncated XML, empty.
        case badResponse
        /// The answer is larger than the limit.
        case tooLarge
        /// The indexer rejected the request (Newznab 200–203, other HTTP 4xx).
        case badRequest
        /// Newznab 300: no such item.
        case notFound
        /// Newznab 103–107: registration errors, which a search should never see.
        case accountError
        /// The indexer's caps allow no query for this search (no mode, no usable parameter).
        case unsupportedSearch
    }

    public let code: Code
    public let message: String
    /// The HTTP status of the answer, when there was one.
    public let status: Int?
    /// The Newznab error document's `code` and `description`, when the answer was one.
    public let newznab: NewznabErrorDocument?
    public let underlying: NetError?

    public init(_ code: Code, message: String, status: Int? = nil, newznab: NewznabErrorDocument? = nil, underlying: NetError? = nil) {
        self.code = code
        self.message = Redaction.text(message)
        self.status = status
        self.newznab = newznab
        self.underlying = underlying
    }

    public var description: String { message }

    /// The code as a stable word for programs and the API: `unreachable`, `tls`, `unauthorized`,
    /// `rateLimited`, `unavailable`, `notAnIndexer`, `badResponse`, `tooLarge`, `badRequest`,
    /// `notFound`, `accountError`, `unsupportedSearch`.
    public var codeName: String {
        switch code {
        case .unreachable: "unreachable"
        case .tls: "tls"
        case .unauthorized: "unauthorized"
        case .rateLimited: "rateLimited"
        case .unavailable: "unavailable"
        case .notAnIndexer: "notAnIndexer"
        case .badResponse: "badResponse"
        case .tooLarge: "tooLarge"
        case .badRequest: "badRequest"
        case .notFound: "notFound"
        case .accountError: "accountError"
        case .unsupportedSearch: "unsupportedSearch"
        }
    }

    /// How long the indexer asked to be left alone (HTTP `Retry-After`), when it said.
    public var retryAfter: Duration? {
        if case .rateLimited(let wait) = code { return wait }
        return nil
    }

    /// Worth trying again later without changing a setting (the backoff decides when).
    public var isTransient: Bool {
        switch code {
        case .rateLimited, .unavailable: true
        case .unreachable: underlying?.isTransient ?? true
        case .tls, .unauthorized, .notAnIndexer, .badResponse, .tooLarge, .badRequest, .notFound, .accountError,
            .unsupportedSearch:
            false
        }
    }
}

/// A Newznab error document: `<error code="100" description="Incorrect user credentials"/>`.
public struct NewznabErrorDocument: Sendable, Hashable {
    public let code: Int
    public let description: String

    public init(code: Int, description: String) {
        self.code = code
        self.description = description
    }

    /// The error's meaning by its code (the Newznab API's table; 429 as nZEDb and others send).
    public var meaning: String {
        switch code {
        case 100: "incorrect user credentials"
        case 101: "account suspended"
        case 102: "insufficient privileges or not authorized"
        case 103...107: "registration error"
        case 200: "missing parameter"
        case 201: "incorrect parameter"
        case 202: "no such function"
        case 203: "function not available"
        case 300: "no such item"
        case 429, 500: "request limit reached"
        case 501: "download limit reached"
        case 910: "API disabled"
        default: "unknown error"
        }
    }

    /// How the code is classified.
    public var errorCode: IndexerError.Code {
        switch code {
        case 100...102: .unauthorized
        case 103...107: .accountError
        case 200...299: .badRequest
        case 300: .notFound
        case 429, 500, 501: .rateLimited(retryAfter: nil)
        default: .unavailable
        }
    }

    /// The `IndexerError` for this document, naming `indexer`.
    public func error(indexer: String, status: Int? = nil) -> IndexerError {
        var message = "\(indexer) answered with Newznab error \(code) (\(meaning))"
        let said = description.trimmedXMLSpace
        if !said.isEmpty, said.lowercased() != meaning.lowercased() { message += ": \(said)" }
        switch errorCode {
        case .unauthorized: message += ". Check the API key and the account in the indexer's settings."
        case .rateLimited: message += ". The indexer's request limit is reached; it will be retried later."
        default: message += "."
        }
        return IndexerError(errorCode, message: message, status: status, newznab: self)
    }
}
