#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

public enum Role: String, Codable, Sendable, CaseIterable {
    case admin, user
}

/// Fine-grained rights for the request workflow (Overseerr's job).
public enum Permission: String, Codable, Sendable, CaseIterable {
    case request, autoApprove, manageRequests
}

/// A person who signs in. The password hash is Argon2id in PHC form and never leaves the server.
public struct User: Codable, Sendable, Equatable {
    public var username: String
    public var passwordHash: String
    public var role: Role
    public var permissions: [Permission]
    public var disabled: Bool
    public var lastLoginAt: Date?

    public init(username: String, passwordHash: String, role: Role, permissions: [Permission] = [.request], disabled: Bool = false) {
        self.username = username
        self.passwordHash = passwordHash
        self.role = role
        self.permissions = permissions
        self.disabled = disabled
    }

    public var isAdmin: Bool { role == .admin }
}

/// A browser session. Only the SHA-256 of the token is stored.
public struct Session: Codable, Sendable, Equatable {
    public var userId: Int
    public var tokenHash: String
    public var expiresAt: Date
    public var lastSeenAt: Date

    public init(userId: Int, tokenHash: String, expiresAt: Date, lastSeenAt: Date) {
        self.userId = userId
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
        self.lastSeenAt = lastSeenAt
    }
}

/// A key for scripts and other apps. Shown once at creation; only its SHA-256 is stored.
public struct ApiKey: Codable, Sendable, Equatable {
    public var userId: Int
    public var name: String
    public var keyHash: String
    /// The first characters of the key, so a user can tell keys apart.
    public var prefix: String
    public var lastUsedAt: Date?

    public init(userId: Int, name: String, keyHash: String, prefix: String) {
        self.userId = userId
        self.name = name
        self.keyHash = keyHash
        self.prefix = prefix
    }
}

/// Server-wide settings an admin changes in the UI. Missing means defaults in memory; defaults are
/// never written on load.
public struct GeneralSettings: Codable, Sendable, Equatable {
    public var registrationOpen: Bool
    /// Peers whose `X-Forwarded-For` / `X-Real-IP` headers are believed (exact IP addresses).
    public var trustedProxies: [String]

    public init(registrationOpen: Bool = false, trustedProxies: [String] = []) {
        self.registrationOpen = registrationOpen
        self.trustedProxies = trustedProxies
    }
}

/// One line of the audit log: who did what, from where.
public struct AuditRecord: Codable, Sendable, Equatable {
    public var time: Date
    public var action: String
    public var username: String?
    public var userId: Int?
    public var address: String?
    public var detail: String?

    public init(time: Date, action: String, username: String? = nil, userId: Int? = nil, address: String? = nil, detail: String? = nil) {
        self.time = time
        self.action = action
        self.username = username
        self.userId = userId
        self.address = address
        self.detail = detail
    }
}
