import Logging

/// The real `HTTPTransport`: libcurl, driven from one dedicated thread (see `CurlEngine`).
///
/// Make one at the composition root and share it; each instance owns a thread and a connection
/// cache. Dropping the last reference stops the thread.
///
/// Per request it: validates the URL (http/https only, also for redirects), waits its turn for
/// the host (`minimumHostInterval`), then transfers with connect and total timeouts, TLS
/// verification (unless the request opts out), a response size cap and gzip/deflate/br/zstd
/// decoding. Cancelling the calling task aborts the transfer at once.
public final class CurlHTTPClient: HTTPTransport {
    public let configuration: NetConfiguration
    private let engine = CurlEngine()
    private let hostLimiter: HostRateLimiter
    private let logger: Logger

    public convenience init(configuration: NetConfiguration = NetConfiguration(), logger: Logger = Logger(label: "idkarr.net")) {
        self.init(configuration: configuration, clock: ContinuousClock(), logger: logger)
    }

    /// `clock` paces the per-host rate limit (tests pass their own).
    public init<C: Clock>(configuration: NetConfiguration, clock: C, logger: Logger = Logger(label: "idkarr.net"))
    where C.Duration == Duration {
        self.configuration = configuration
        self.hostLimiter = HostRateLimiter(clock: clock)
        self.logger = logger
    }

    deinit {
        engine.stop()
    }

    public func send(_ request: NetRequest) async throws(NetError) -> NetResponse {
        let target = try TargetURL.parse(request.url)
        do {
            try await hostLimiter.waitForTurn(host: target.host, interval: interval(for: request, target: target))
        } catch {
            throw .cancelled(host: target.label)
        }
        let transfer = try CurlTransfer(request: request, target: target, options: options(for: request))
        logger.debug("HTTP request", metadata: ["method": "\(request.method)", "host": "\(target.label)"])
        let engine = self.engine
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                transfer.attach(continuation)
                engine.submit(transfer)
            }
        } onCancel: {
            transfer.markCancelled()
            engine.wakeForCancellation()
        }
        if case .failure(let error) = result {
            logger.debug("HTTP request failed", metadata: ["host": "\(target.label)", "error": "\(error.code)"])
        }
        return try result.get()
    }

    private func interval(for request: NetRequest, target: TargetURL) -> Duration {
        request.minimumHostInterval ?? configuration.hostIntervals[target.host] ?? configuration.minimumHostInterval
    }

    private func options(for request: NetRequest) -> CurlTransfer.Options {
        let maxRedirects: Int?
        switch request.redirects {
        case .none?: maxRedirects = nil
        case .follow(let max)?: maxRedirects = Swift.max(0, max)
        case nil:
            let safe = request.method == .get || request.method == .head
            maxRedirects = safe ? configuration.maxRedirects : nil
        }
        return CurlTransfer.Options(
            connectTimeout: request.connectTimeout ?? configuration.connectTimeout,
            timeout: request.timeout ?? configuration.timeout,
            maxRedirects: maxRedirects,
            maxResponseBytes: request.maxResponseBytes ?? configuration.maxResponseBytes,
            verifyTLS: request.verifyTLS,
            userAgent: configuration.userAgent)
    }
}
