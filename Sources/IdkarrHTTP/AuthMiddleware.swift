import Foundation
import HTTPTypes
import Hummingbird
import IdkarrStore
import IdkarrAuth
import IdkarrDomain

/// Recognises the caller (API key header or query, else session cookie), works out the real
/// client address behind a trusted proxy, and refuses cross-site mutating requests that ride on
/// a cookie (CSRF). It never rejects an anonymous request: routes decide what they need.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let accounts: Accounts

    static let cookieName = "idkarr_session"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let trusted = accounts.currentSettings.trustedProxies
        if trusted.contains(context.peerAddress) {
            context.clientAddress = Self.forwardedClient(request, trusted: trusted) ?? context.peerAddress
            context.isSecure = request.headers[.xForwardedProto]?.lowercased() == "https"
        }
        if let key = request.headers[.xApiKey] ?? request.uri.queryParameters.get("apikey") {
            let principal = await accounts.authenticate(apiKey: key)
            // The indexer feed answers a bad key itself, as the Newznab error its clients read.
            guard principal != nil || FeedController.isFeedPath(request.uri.path) else {
                throw APIError(.unauthorized, "The API key is not valid.")
            }
            context.principal = principal
        } else if let token = request.cookies[Self.cookieName]?.value, !token.isEmpty,
                  let principal = await accounts.authenticate(sessionToken: token) {
            try Self.checkSameOrigin(request, required: true)
            context.principal = principal
        } else {
            // Unauthenticated: a cross-site form may still try to log a victim in; refuse a foreign Origin.
            try Self.checkSameOrigin(request, required: false)
        }
        return try await next(request, context)
    }

    /// The rightmost address in `X-Forwarded-For` that is not one of our proxies, else `X-Real-IP`.
    static func forwardedClient(_ request: Request, trusted: [String]) -> String? {
        if let chain = request.headers[.xForwardedFor] {
            let hops = chain.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if let client = hops.last(where: { !trusted.contains($0) && !$0.isEmpty }) { return client }
        }
        return request.headers[.xRealIP]
    }

    /// For unsafe methods: the `Origin` (or `Referer`) must name this host. `required` makes a
    /// request with neither header fail too (cookie-authenticated requests always come from a browser).
    static func checkSameOrigin(_ request: Request, required: Bool) throws {
        guard ![.get, .head, .options].contains(request.method) else { return }
        let source = request.headers[.origin] ?? request.headers[.referer]
        guard let source, source != "null" else {
            if required { throw APIError(.forbidden, "Cross-site request refused: an Origin header is required.") }
            return
        }
        guard let host = request.head.authority,
              let url = URL(string: source), let originHost = url.host else {
            throw APIError(.forbidden, "Cross-site request refused.")
        }
        let originAuthority = url.port.map { "\(originHost):\($0)" } ?? originHost
        let hostOnly = host.split(separator: ":").first.map(String.init) ?? host
        guard originAuthority.lowercased() == host.lowercased() || (url.port == nil && originHost.lowercased() == hostOnly.lowercased())
        else { throw APIError(.forbidden, "Cross-site request refused: Origin \(originAuthority) is not \(host).") }
    }
}

extension HTTPField.Name {
    static let xApiKey = Self("X-Api-Key")!
    static let xForwardedFor = Self("X-Forwarded-For")!
    static let xForwardedProto = Self("X-Forwarded-Proto")!
    static let xRealIP = Self("X-Real-IP")!
    static let origin = Self("Origin")!
    static let referer = Self("Referer")!
}

/// Headers that make the browser strict: no inline script or style, no framing, no sniffing.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
        + "base-uri 'self'; frame-ancestors 'none'; form-action 'self'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        if request.uri.path.hasPrefix("/api/"), response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}
