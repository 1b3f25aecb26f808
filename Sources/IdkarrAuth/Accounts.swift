import Foundation
import IdkarrDomain
import IdkarrStore
import Logging

/// Users, sessions, API keys and the server's general settings: everything the HTTP layer needs
/// to say who is asking and what they may do. Multi-document rules (the first account becomes
/// admin, the last admin stays) run inside `gate`, one at a time.
public final class Accounts: Sendable {
    public let users: DocumentCollection<User>
    let sessions: DocumentCollection<Session>
    let apiKeys: DocumentCollection<ApiKey>
    let settingsDocs: DocumentCollection<GeneralSettings>
    let audit: AppendLog
    let hasher: PasswordHasher
    let limiter: LoginRateLimiter<ContinuousClock>
    let gate = SerialGate()
    let now: @Sendable () -> Date
    let logger: Logger

    /// Sessions last this long after their last use.
    public static let sessionLifetime: TimeInterval = 30 * 24 * 3600
    /// `lastSeenAt`/`lastUsedAt` are written at most this often, so reads do not become writes.
    static let touchInterval: TimeInterval = 3600

    public static func open(
        in folder: DataFolder, logger: Logger, hasher: PasswordHasher = PasswordHasher(),
        limiter: LoginRateLimiter<ContinuousClock> = LoginRateLimiter(), now: @escaping @Sendable () -> Date = Date.init
    ) async throws -> Accounts {
        let accounts = Accounts(
            users: try await folder.collection(User.self, indexes: [SecondaryIndex("username") { [$0.username.lowercased()] }]),
            sessions: try await folder.collection(Session.self, indexes: [
                SecondaryIndex("token") { [$0.tokenHash] }, SecondaryIndex("user") { [String($0.userId)] },
            ]),
            apiKeys: try await folder.collection(ApiKey.self, indexes: [
                SecondaryIndex("key") { [$0.keyHash] }, SecondaryIndex("user") { [String($0.userId)] },
            ]),
            settingsDocs: try await folder.collection(GeneralSettings.self),
            audit: folder.appendLog("audit"), hasher: hasher, limiter: limiter, now: now, logger: logger
        )
        await accounts.purgeExpiredSessions()
        return accounts
    }

    /// Housekeeping: sessions past their expiry are deleted (at start; a live one is checked at each use).
    func purgeExpiredSessions() async {
        let t = now()
        for session in sessions.all() where session.body.expiresAt <= t {
            try? await sessions.delete(session.id)
        }
    }

    private init(
        users: DocumentCollection<User>, sessions: DocumentCollection<Session>, apiKeys: DocumentCollection<ApiKey>,
        settingsDocs: DocumentCollection<GeneralSettings>, audit: AppendLog, hasher: PasswordHasher,
        limiter: LoginRateLimiter<ContinuousClock>, now: @escaping @Sendable () -> Date, logger: Logger
    ) {
        self.users = users
        self.sessions = sessions
        self.apiKeys = apiKeys
        self.settingsDocs = settingsDocs
        self.audit = audit
        self.hasher = hasher
        self.limiter = limiter
        self.now = now
        self.logger = logger
    }

    /// True until the first account exists.
    public var setupRequired: Bool { users.count == 0 }

    public func user(named name: String) -> Stored<User>? {
        users.lookup("username", name.lowercased()).first.flatMap(users.get)
    }

    // MARK: settings

    /// The stored settings, or defaults in memory when none were ever saved (defaults are not written).
    public var settings: Stored<GeneralSettings>? { settingsDocs.all().first }

    public var currentSettings: GeneralSettings { settings?.body ?? GeneralSettings() }

    public func updateSettings(_ new: GeneralSettings, ifVersion: Int?, by actor: Stored<User>) async throws -> Stored<GeneralSettings> {
        var v = Validator()
        for proxy in new.trustedProxies {
            v.check(IPAddress.isValid(proxy), "trustedProxies", "\"\(proxy)\" is not an IP address.")
        }
        try v.throwIfInvalid()
        let saved: Stored<GeneralSettings>
        if let current = settings {
            saved = try await settingsDocs.update(current.id, ifVersion: ifVersion ?? current.version, new)
        } else {
            saved = try await settingsDocs.create(new)
        }
        await record("settings.update", user: actor, detail: "registrationOpen=\(new.registrationOpen)")
        return saved
    }

    // MARK: audit

    func record(_ action: String, user: Stored<User>? = nil, username: String? = nil, address: String? = nil, detail: String? = nil) async {
        let entry = AuditRecord(time: now(), action: action, username: user?.body.username ?? username, userId: user?.id,
                                address: address, detail: detail)
        do { try await audit.append(entry) } catch { logger.error("audit log write failed: \(error)") }
    }

    public func recentAudit(limit: Int) async throws -> [AuditRecord] {
        try await audit.recent(AuditRecord.self, limit: limit)
    }
}

enum IPAddress {
    static func isValid(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
