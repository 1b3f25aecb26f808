import IdkarrDomain
import IdkarrNet

/// Why a metadata call failed. `message` names the provider and the cause in words a person can
/// act on; it never holds an API key (it passes through `Redaction`).
public struct MetadataError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// The provider rejected the credentials (HTTP 401): fix the API key in settings.
        case unauthorized
        /// The title or id does not exist at the provider (HTTP 404, or an empty lookup).
        case notFound
        /// The provider asked us to slow down for longer than we are willing to wait.
        case rateLimited(retryAfter: Duration?)
        /// The provider answered 5xx (after the retries) or another unexpected status.
        case unavailable
        /// The body was not what the provider documents: HTML, malformed or truncated JSON,
        /// a required field missing.
        case badResponse
        /// No HTTP answer at all (DNS, refused, timeout, TLS, too large); see `underlying`.
        case network
        /// This provider cannot answer this call (TVmaze has no movies, TMDB no TVmaze ids).
        case unsupported
        /// The caller's input is unusable (a lookup id such as `tmdb:abc`, an empty title).
        case invalidQuery
    }

    public let code: Code
    /// "TMDB", "TVmaze", or "lookup" for input checks made before any provider is asked.
    public let provider: String
    public let message: String
    /// The HTTP status of the answer that caused the error, when there was one.
    public let status: Int?
    public let underlying: NetError?

    public init(_ code: Code, provider: String, message: String, status: Int? = nil, underlying: NetError? = nil) {
        self.code = code
        self.provider = provider
        self.message = Redaction.text(message)
        self.status = status
        self.underlying = underlying
    }

    public var description: String { message }

    /// Worth trying again later without changing any setting.
    public var isTransient: Bool {
        switch code {
        case .rateLimited, .unavailable: true
        case .network: underlying?.isTransient ?? true
        case .unauthorized, .notFound, .badResponse, .unsupported, .invalidQuery: false
        }
    }
}
