import IdkarrDomain

/// Why an outbound request got no HTTP response.
///
/// `message` names the host and says what to check; it never holds the URL's query, user
/// info or headers (it is built from the host and passed through `Redaction`), so it can be
/// logged and shown in the UI as it is.
public struct NetError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        case dnsFailure
        case connectionRefused
        case timeout
        case tls
        case tooLarge
        case tooManyRedirects
        case invalidURL
        /// The request itself is unusable (a header with a line break, an odd method).
        case invalidRequest
        case cancelled
        case other
    }

    public let code: Code
    /// `host` or `host:port` of the request ("" when the URL didn't parse).
    public let host: String
    public let message: String
    /// libcurl's own words for the failure, redacted; for logs.
    public let detail: String?
    /// The libcurl error number, when the failure came from libcurl.
    public let curlCode: Int?

    public init(_ code: Code, host: String, message: String, detail: String? = nil, curlCode: Int? = nil) {
        self.code = code
        self.host = host
        self.message = Redaction.text(message)
        self.detail = detail.map(Redaction.text)
        self.curlCode = curlCode
    }

    public var description: String {
        guard let detail, !detail.isEmpty else { return message }
        return "\(message) (\(detail))"
    }

    /// A transient failure worth retrying later (with backoff), as opposed to a setting to fix.
    public var isTransient: Bool {
        switch code {
        case .timeout, .connectionRefused, .dnsFailure, .other: true
        case .tls, .tooLarge, .tooManyRedirects, .invalidURL, .invalidRequest, .cancelled: false
        }
    }

    static func cancelled(host: String) -> NetError {
        NetError(.cancelled, host: host, message: "The request to \(host) was cancelled.")
    }
}
