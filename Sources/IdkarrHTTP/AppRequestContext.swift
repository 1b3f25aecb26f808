import Hummingbird
import IdkarrAuth
import NIOCore

/// Per-request state: who is asking (filled in by `AuthMiddleware`) and from where.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The direct TCP peer (not a forwarded address).
    public let peerAddress: String
    /// The signed-in user, when a session cookie or API key was recognised.
    public var principal: Principal?
    /// The client address: the peer, or the forwarded address when the peer is a trusted proxy.
    public var clientAddress: String
    /// Whether the client reached us over HTTPS (directly or through a trusted proxy).
    public var isSecure = false

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
        clientAddress = peerAddress
    }

    /// Request bodies are small JSON documents.
    public var maxUploadSize: Int { 1024 * 1024 }

    @discardableResult
    public func requireUser() throws -> Principal {
        guard let principal else { throw APIError(.unauthorized, "Sign in, or send an API key in the X-Api-Key header.") }
        return principal
    }

    @discardableResult
    public func requireAdmin() throws -> Principal {
        let principal = try requireUser()
        guard principal.isAdmin else { throw APIError(.forbidden, "This needs an admin account.") }
        return principal
    }
}
