import Foundation
import IdkarrDomain
import IdkarrStore

/// What an admin may change on a user; nil leaves it as it is.
public struct UserChanges: Sendable {
    public var role: Role?
    public var permissions: [Permission]?
    public var disabled: Bool?
    public var password: String?

    public init(role: Role? = nil, permissions: [Permission]? = nil, disabled: Bool? = nil, password: String? = nil) {
        self.role = role
        self.permissions = permissions
        self.disabled = disabled
        self.password = password
    }
}

/// A new API key: the stored record and the secret, which exists only in this value.
public struct NewApiKey: Sendable {
    public var stored: Stored<ApiKey>
    public var key: String
}

extension Accounts {
    // MARK: users (admin)

    public func createUser(username: String, password: String, role: Role, permissions: [Permission]?, by admin: Stored<User>) async throws
        -> Stored<User>
    {
        try Self.validateCredentials(username: username, password: password)
        let hash = try await hasher.hash(password)
        let created = try await gate.run { () async throws -> Stored<User> in
            guard self.user(named: username) == nil else {
                throw ServiceError(.conflict, "The username \"\(username)\" is taken.",
                                   fieldErrors: [FieldError(field: "username", message: "Taken.")])
            }
            let perms = permissions ?? (role == .admin ? Permission.allCases : [.request])
            return try await self.users.create(User(username: username, passwordHash: hash, role: role, permissions: perms))
        }
        await record("user.create", user: admin, detail: "created \(username) as \(role.rawValue)")
        return created
    }

    public func updateUser(_ id: Int, ifVersion: Int?, _ changes: UserChanges, by admin: Stored<User>) async throws -> Stored<User> {
        if let password = changes.password, !(8...256).contains(password.count) {
            throw ServiceError.invalid("password", "A password is 8 to 256 characters.")
        }
        let hash: String? = if let password = changes.password { try await hasher.hash(password) } else { nil }
        let updated = try await gate.run { () async throws -> Stored<User> in
            guard let current = self.users.get(id) else { throw ServiceError.notFound("User", id) }
            var user = current.body
            if let r = changes.role { user.role = r }
            if let p = changes.permissions { user.permissions = Array(Set(p)).sorted { $0.rawValue < $1.rawValue } }
            if let d = changes.disabled { user.disabled = d }
            if let hash { user.passwordHash = hash }
            if current.body.isAdmin && !current.body.disabled && (!user.isAdmin || user.disabled) {
                try self.requireAnotherAdmin(than: id)
            }
            return try await self.users.update(id, ifVersion: ifVersion ?? current.version, user)
        }
        if updated.body.disabled || hash != nil { await endSessions(of: id) }
        await record("user.update", user: admin, detail: "changed \(updated.body.username)")
        return updated
    }

    public func deleteUser(_ id: Int, ifVersion: Int?, by admin: Stored<User>) async throws {
        let name = try await gate.run { () async throws -> String in
            guard let current = self.users.get(id) else { throw ServiceError.notFound("User", id) }
            if current.body.isAdmin && !current.body.disabled { try self.requireAnotherAdmin(than: id) }
            try await self.users.delete(id, ifVersion: ifVersion)
            return current.body.username
        }
        await endSessions(of: id)
        for key in apiKeys.lookup("user", String(id)) { try? await apiKeys.delete(key) }
        await record("user.delete", user: admin, detail: "deleted \(name)")
    }

    private func requireAnotherAdmin(than id: Int) throws {
        let others = users.all().filter { $0.id != id && $0.body.isAdmin && !$0.body.disabled }
        if others.isEmpty { throw ServiceError(.conflict, "This is the last enabled admin; make another admin first.") }
    }

    /// A user changing their own password (the current one is checked). Other sessions end.
    public func changePassword(of principal: Principal, current: String, new: String) async throws {
        guard try await hasher.verify(current, against: principal.user.body.passwordHash) else {
            throw ServiceError.invalid("currentPassword", "The current password is wrong.")
        }
        guard (8...256).contains(new.count) else { throw ServiceError.invalid("newPassword", "A password is 8 to 256 characters.") }
        let hash = try await hasher.hash(new)
        let user = try await users.update(principal.user.id) { (u: inout User) in u.passwordHash = hash }
        if case .session(let sid) = principal.via { await endSessions(of: user.id, except: sid) } else { await endSessions(of: user.id) }
        await record("password.change", user: user)
    }

    /// Recovery from a shell (`idkarr user reset-password`): no current password needed.
    public func resetPassword(username: String, to new: String) async throws -> Stored<User> {
        guard let found = user(named: username) else { throw ServiceError(.notFound, "No user named \"\(username)\".") }
        guard (8...256).contains(new.count) else { throw ServiceError.invalid("password", "A password is 8 to 256 characters.") }
        let hash = try await hasher.hash(new)
        let user = try await users.update(found.id) { (u: inout User) in u.passwordHash = hash; u.disabled = false }
        await endSessions(of: user.id)
        await record("password.reset", user: user, detail: "from the command line")
        return user
    }

    /// Creates a user from a shell (`idkarr user create`): the first one is admin whatever the role asked.
    public func createUserFromShell(username: String, password: String, role: Role) async throws -> Stored<User> {
        try Self.validateCredentials(username: username, password: password)
        let hash = try await hasher.hash(password)
        let user = try await gate.run { () async throws -> Stored<User> in
            guard self.user(named: username) == nil else { throw ServiceError(.conflict, "The username \"\(username)\" is taken.") }
            let r: Role = self.setupRequired ? .admin : role
            return try await self.users.create(User(username: username, passwordHash: hash, role: r,
                                                    permissions: r == .admin ? Permission.allCases : [.request]))
        }
        await record("user.create", user: user, detail: "from the command line")
        return user
    }

    // MARK: API keys

    public func apiKeys(of userId: Int) -> [Stored<ApiKey>] {
        apiKeys.lookup("user", String(userId)).compactMap(apiKeys.get)
    }

    public func createApiKey(name: String, for user: Stored<User>) async throws -> NewApiKey {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard (1...100).contains(trimmed.count) else { throw ServiceError.invalid("name", "A key name is 1 to 100 characters.") }
        guard apiKeys(of: user.id).count < 50 else { throw ServiceError(.conflict, "A user holds at most 50 API keys.") }
        let token = SecretToken.generate(encoding: .hex)
        let stored = try await apiKeys.create(ApiKey(userId: user.id, name: trimmed, keyHash: token.hash,
                                                     prefix: String(token.value.prefix(6))))
        await record("apikey.create", user: user, detail: trimmed)
        return NewApiKey(stored: stored, key: token.value)
    }

    public func revokeApiKey(_ id: Int, by principal: Principal) async throws {
        guard let key = apiKeys.get(id), key.body.userId == principal.user.id || principal.isAdmin else {
            throw ServiceError.notFound("API key", id)
        }
        try await apiKeys.delete(id)
        await record("apikey.revoke", user: principal.user, detail: key.body.name)
    }
}
