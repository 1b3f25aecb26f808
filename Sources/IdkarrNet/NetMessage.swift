import IdkarrDomain

// Request and response values for outbound HTTP.
//
// Named `Net…` rather than `HTTPRequest`/`HTTPResponse`: Hummingbird re-exports swift-http-types'
// `HTTPRequest` and `HTTPResponse`, and a module that imports both would see two of each.

/// Header fields in order, names compared case-insensitively (as HTTP says they are).
public struct NetHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    public struct Field: Sendable, Hashable {
        public let name: String
        public let value: String
    }

    public private(set) var fields: [Field] = []

    public init() {}

    public init(_ pairs: [(String, String)]) {
        for (name, value) in pairs { add(name: name, value: value) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The first value for `name`, any case; setting replaces all values (nil removes them).
    public subscript(name: String) -> String? {
        get { fields.first { Self.same($0.name, name) }?.value }
        set {
            remove(name: name)
            if let newValue { add(name: name, value: newValue) }
        }
    }

    /// All values for `name` in order (e.g. several `Set-Cookie`).
    public func values(for name: String) -> [String] {
        fields.filter { Self.same($0.name, name) }.map(\.value)
    }

    public func contains(_ name: String) -> Bool {
        fields.contains { Self.same($0.name, name) }
    }

    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    public mutating func remove(name: String) {
        fields.removeAll { Self.same($0.name, name) }
    }

    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }

    /// Suitable for logs: values of credential headers are masked.
    public var description: String {
        fields.map { "\($0.name): \(Redaction.headerValue(name: $0.name, value: $0.value))" }
            .joined(separator: "\n")
    }

    static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.lowercased() == b.lowercased()
    }
}

public struct NetRequest: Sendable {
    public struct Method: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let get = Method(rawValue: "GET")
        public static let head = Method(rawValue: "HEAD")
        public static let post = Method(rawValue: "POST")
        public static let put = Method(rawValue: "PUT")
        public static let patch = Method(rawValue: "PATCH")
        public static let delete = Method(rawValue: "DELETE")
        public static let options = Method(rawValue: "OPTIONS")

        public var description: String { rawValue }
    }

    public enum Redirects: Sendable, Hashable {
        /// 3xx responses are returned as they are. (Not named `none`: `redirects` is optional,
        /// and `.none` there would mean nil, the default.)
        case never
        /// Follow up to `max` redirects; more fail with `.tooManyRedirects`.
        case follow(max: Int)
    }

    public var method: Method
    /// An absolute `http` or `https` URL. It may carry secrets (API keys): it is never logged or
    /// put in an error message without `Redaction`.
    public var url: String
    public var headers: NetHeaders
    public var body: [UInt8]?

    // Per-request overrides of `NetConfiguration`; nil takes the client's setting.

    public var connectTimeout: Duration?
    /// Whole transfer, connection included.
    public var timeout: Duration?
    /// nil: follow (`NetConfiguration.maxRedirects`) for GET and HEAD, none for other methods.
    public var redirects: Redirects?
    public var maxResponseBytes: Int?
    /// Minimum time between the starts of two requests to this request's host.
    public var minimumHostInterval: Duration?
    /// false accepts any certificate: only for a self-signed server on the home network.
    public var verifyTLS = true

    public init(method: Method = .get, url: String, headers: NetHeaders = NetHeaders(), body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// Sets `Authorization: Basic …` (RFC 7617, UTF-8). Like every credential header, it is not
    /// sent on after a redirect to another origin.
    public mutating func setBasicAuthorization(user: String, password: String) {
        headers["Authorization"] = "Basic " + Self.base64(Array("\(user):\(password)".utf8))
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        for start in stride(from: 0, to: bytes.count, by: 3) {
            let chunk = bytes[start..<min(start + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << UInt32(16 - 8 * $1.offset) }
            for position in 0..<4 {
                out.append(position <= chunk.count ? alphabet[Int((value >> UInt32(18 - 6 * position)) & 0x3f)] : UInt8(ascii: "="))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func get(_ url: String, headers: NetHeaders = NetHeaders()) -> NetRequest {
        NetRequest(method: .get, url: url, headers: headers)
    }

    public static func post(
        _ url: String, body: [UInt8], contentType: String, headers: NetHeaders = NetHeaders()
    ) -> NetRequest {
        var request = NetRequest(method: .post, url: url, headers: headers, body: body)
        if !request.headers.contains("Content-Type") { request.headers["Content-Type"] = contentType }
        return request
    }
}

public struct NetResponse: Sendable {
    /// The HTTP status of the final response. 4xx and 5xx are responses, not errors.
    public let status: Int
    /// Headers of the final response (those of redirects before it are dropped).
    public let headers: NetHeaders
    /// The body, already decoded if it came gzip/deflate/brotli/zstd-encoded.
    public let body: [UInt8]
    /// The URL that answered, after redirects. May hold secrets, like the request's URL.
    public let url: String
    public let redirectCount: Int

    public init(status: Int, headers: NetHeaders, body: [UInt8], url: String, redirectCount: Int = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.url = url
        self.redirectCount = redirectCount
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body as UTF-8 text (invalid sequences replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }
}
