import Foundation
import IdkarrDomain
import IdkarrStore

/// Who a request comes from, once a session cookie or an API key was recognised.
public struct Principal: Sendable {
    public enum Via: Sendable, Equatable { case session(id: Int), apiKey(id: Int) }
    public var user: Stored<User>
    public var via: Via

    public var isAdmin: Bool { user.body.isAdmin }
}

/// A signed-in result: the user and the session token to put in the cookie (shown only here).
public struct SignIn: Sendable {
    public var user: Stored<User>
    public var token: String
    public var expiresAt: Date
}

extension Accounts {
    public static func validateCredentials(username: String, password: String) throws {
        var v = Validator()
        let nameOK = (1...64).contains(username.count) && username.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "._@-".unicodeScalars.contains($0)
        }
        v.check(nameOK, "username", "A username is 1 to 64 of A-Z, a-z, 0-9 and . _ @ -")
        v.check((8...256).contains(password.count), "password", "A password is 8 to 256 characters.")
        try v.throwIfInvalid()
    }

    /// Creates an account from the public register call: the first account becomes admin; later
    /// ones only while an admin has opened registration.
    public func register(username: String, password: String, address: String?) async throws -> SignIn {
        try Self.validateCredentials(username: username, password: password)
        let hash = try await hasher.hash(password)
        let user = try await gate.run { () async throws -> Stored<User> in
            let first = self.setupRequired
            guard first || self.currentSettings.registrationOpen else {
                throw ServiceError(.forbidden, "Registration is closed. Ask an admin for an account.")
            }
            guard self.user(named: username) == nil else {
                throw ServiceError(.conflict, "The username \"\(username)\" is taken.",
                                   fieldErrors: [FieldError(field: "username", message: "Taken.")])
            }
            let role: Role = first ? .admin : .user
            let perms: [Permission] = first ? Permission.allCases : [.request]
            return try await self.users.create(User(username: username, passwordHash: hash, role: role, permissions: perms))
        }
        await record(user.body.isAdmin && user.id == users.all().first?.id ? "setup.admin" : "register", user: user, address: address)
        return try await startSession(for: user)
    }

    /// Checks a password, with rate limiting per account and per address. Failures look the same
    /// whether or not the account exists, and take the same time.
    public func login(username: String, password: String, address: String) async throws -> SignIn {
        let key = username.lowercased()
        let decision = await limiter.check(account: key, address: address)
        if !decision.isAllowed {
            await record("login.blocked", username: username, address: address)
            throw ServiceError(.rateLimited(retryAfterSeconds: decision.retryAfterSeconds), "Too many failed sign-ins. Try again later.")
        }
        let found = user(named: username)
        let ok: Bool
        if let found {
            ok = try await hasher.verify(password, against: found.body.passwordHash)
        } else {
            try await hasher.verifyAbsentAccount(password)
            ok = false
        }
        guard ok, let found, !found.body.disabled else {
            _ = await limiter.recordFailure(account: key, address: address)
            await record("login.failure", username: username, address: address, detail: found?.body.disabled == true ? "disabled" : nil)
            throw ServiceError(.unauthorized, "Wrong username or password.")
        }
        await limiter.recordSuccess(account: key)
        let updated = (try? await users.update(found.id) { (u: inout User) in u.lastLoginAt = self.now() }) ?? found
        await record("login", user: updated, address: address)
        return try await startSession(for: updated)
    }

    private func startSession(for user: Stored<User>) async throws -> SignIn {
        let token = SecretToken.generate()
        let expires = now().addingTimeInterval(Self.sessionLifetime)
        _ = try await sessions.create(Session(userId: user.id, tokenHash: token.hash, expiresAt: expires, lastSeenAt: now()))
        return SignIn(user: user, token: token.value, expiresAt: expires)
    }

    public func logout(sessionToken: String) async {
        guard let id = sessions.lookup("token", SecretToken.hash(sessionToken)).first else { return }
        try? await sessions.delete(id)
        await record("logout", user: sessions.get(id).flatMap { users.get($0.body.userId) })
    }

    /// The user behind a session token, if the session is live and the user enabled.
    public func authenticate(sessionToken: String) async -> Principal? {
        guard SecretToken.isWellFormed(sessionToken),
              let id = sessions.lookup("token", SecretToken.hash(sessionToken)).first,
              let session = sessions.get(id) else { return nil }
        let t = now()
        guard session.body.expiresAt > t else {
            try? await sessions.delete(id)
            return nil
        }
        guard let user = users.get(session.body.userId), !user.body.disabled else { return nil }
        if t.timeIntervalSince(session.body.lastSeenAt) > Self.touchInterval {
            _ = try? await sessions.update(id) { (s: inout Session) in
                s.lastSeenAt = t
                s.expiresAt = t.addingTimeInterval(Self.sessionLifetime)
            }
        }
        return Principal(user: user, via: .session(id: id))
    }

    /// The user behind an API key, if the key exists and the user is enabled.
    public func authenticate(apiKey: String) async -> Principal? {
        guard SecretToken.isWellFormed(apiKey, encoding: .hex),
              let id = apiKeys.lookup("key", SecretToken.hash(apiKey)).first,
              let key = apiKeys.get(id),
              let user = users.get(key.body.userId), !user.body.disabled else { return nil }
        let t = now()
        if key.body.lastUsedAt.map({ t.timeIntervalSince($0) > Self.touchInterval }) ?? true {
            _ = try? await apiKeys.update(id) { (k: inout ApiKey) in k.lastUsedAt = t }
        }
        return Principal(user: user, via: .apiKey(id: id))
    }

    /// Ends every session of a user (password change, disable, delete).
    func endSessions(of userId: Int, except keep: Int? = nil) async {
        for id in sessions.lookup("user", String(userId)) where id != keep {
            try? await sessions.delete(id)
        }
    }
}
