import IdkarrDomain
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
///
/// Redirects are followed here, not by curl, so that each hop is checked like a new request
/// (scheme, per-host spacing) and so that credential headers (`Authorization`, `Cookie`,
/// `X-Api-Key`, any name `Redaction.isSensitiveName` flags) are dropped when a redirect leaves
/// the origin (curl would forward custom headers such as `X-Api-Key` to any host). Timeouts
/// apply to each hop.
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
        var current = request
        var target = try TargetURL.parse(request.url)
        let maxRedirects = redirectLimit(for: request)
        var hops = 0
        while true {
            let outcome = try await sendOnce(current, to: target)
            let status = outcome.response.status
            guard let maxRedirects, Redirect.statuses.contains(status), let location = outcome.redirectURL else {
                return outcome.response.with(redirectCount: hops)
            }
            guard hops < maxRedirects else {
                throw NetError(.tooManyRedirects, host: target.label,
                               message: "\(target.label) redirected more than \(maxRedirects) times.")
            }
            let next: TargetURL
            do {
                next = try TargetURL.parse(location)
            } catch {
                throw NetError(.invalidURL, host: target.label,
                               message: "\(target.label) redirected to a URL that is not http or https.")
            }
            current = Redirect.follow(current, status: status, to: location, sameOrigin: next.origin == target.origin)
            target = next
            hops += 1
        }
    }

    /// One hop: wait for the host's turn, then transfer without following redirects.
    private func sendOnce(_ request: NetRequest, to target: TargetURL) async throws(NetError) -> CurlTransfer.Outcome {
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

    /// nil: return 3xx responses as they are.
    private func redirectLimit(for request: NetRequest) -> Int? {
        switch request.redirects {
        case .never?: nil
        case .follow(let max)?: Swift.max(0, max)
        case nil: request.method == .get || request.method == .head ? configuration.maxRedirects : nil
        }
    }

    private func options(for request: NetRequest) -> CurlTransfer.Options {
        CurlTransfer.Options(
            connectTimeout: request.connectTimeout ?? configuration.connectTimeout,
            timeout: request.timeout ?? configuration.timeout,
            maxResponseBytes: request.maxResponseBytes ?? configuration.maxResponseBytes,
            verifyTLS: request.verifyTLS,
            userAgent: configuration.userAgent)
    }
}

/// How a request changes when it follows a redirect (RFC 9110 §15.4, as browsers and curl do).
enum Redirect {
    static let statuses: Set<Int> = [301, 302, 303, 307, 308]

    static func follow(_ request: NetRequest, status: Int, to location: String, sameOrigin: Bool) -> NetRequest {
        var next = request
        next.url = location
        // 303 always, and 301/302 after a POST, continue as a GET without the body.
        let becomesGet = (status == 303 && request.method != .head) || ((status == 301 || status == 302) && request.method == .post)
        if becomesGet {
            next.method = .get
            next.body = nil
            for name in ["Content-Type", "Content-Length", "Content-Encoding"] { next.headers.remove(name: name) }
        }
        if !sameOrigin {
            for field in request.headers where Redaction.isSensitiveName(field.name) {
                next.headers.remove(name: field.name)
            }
        }
        return next
    }
}

extension NetResponse {
    fileprivate func with(redirectCount: Int) -> NetResponse {
        NetResponse(status: status, headers: headers, body: body, url: url, redirectCount: redirectCount)
    }
}
