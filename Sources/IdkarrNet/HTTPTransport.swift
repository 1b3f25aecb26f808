/// Sends outbound HTTP requests. `CurlHTTPClient` is the real one; the composition root builds
/// one and passes it (as `some HTTPTransport`) to the indexer, download-client and metadata
/// modules. Tests of those modules use the real client against local servers; a custom
/// transport is for configuration (e.g. a client with other limits for one provider).
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the final response; any HTTP status is a response.
    /// - Throws: `NetError` when there is no response (DNS, connect, TLS, timeout, limits,
    ///   cancellation of the calling task).
    func send(_ request: NetRequest) async throws(NetError) -> NetResponse
}

/// Defaults for every request of one client; a `NetRequest` may override most of them.
public struct NetConfiguration: Sendable, Hashable {
    public var connectTimeout: Duration
    public var timeout: Duration
    /// For GET and HEAD; other methods follow redirects only when the request asks.
    public var maxRedirects: Int
    /// Larger responses are cut off and fail with `.tooLarge` (the limit counts decoded bytes).
    public var maxResponseBytes: Int
    /// Minimum time between the starts of two requests to one host; later ones wait.
    public var minimumHostInterval: Duration
    /// Per-host overrides of `minimumHostInterval`, keyed by lower-case host name.
    public var hostIntervals: [String: Duration]
    public var userAgent: String

    public init(
        connectTimeout: Duration = .seconds(10),
        timeout: Duration = .seconds(60),
        maxRedirects: Int = 5,
        maxResponseBytes: Int = 10 * 1024 * 1024,
        minimumHostInterval: Duration = .zero,
        hostIntervals: [String: Duration] = [:],
        userAgent: String = "idkarr"
    ) {
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.maxRedirects = maxRedirects
        self.maxResponseBytes = maxResponseBytes
        self.minimumHostInterval = minimumHostInterval
        self.hostIntervals = hostIntervals
        self.userAgent = userAgent
    }
}
