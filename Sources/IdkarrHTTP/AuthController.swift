import Foundation
import Hummingbird
import IdkarrStore
import IdkarrAuth
import IdkarrDomain

/// `/api/v1/auth/…`: setup, sign-in, sessions and the caller's own API keys.
struct AuthController {
    let accounts: Accounts

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("status", use: status)
        group.post("register", use: register)
        group.post("login", use: login)
        group.post("logout", use: logout)
        group.get("me", use: me)
        group.put("me/password", use: changePassword)
        group.get("api-keys", use: listKeys)
        group.post("api-keys", use: createKey)
        group.delete("api-keys/:id", use: deleteKey)
    }

    @Sendable func status(_ request: Request, context: AppRequestContext) async throws -> Response {
        try JSONBody.response(AuthStatusResource(setupRequired: accounts.setupRequired,
                                                 registrationOpen: accounts.currentSettings.registrationOpen,
                                                 authenticated: context.principal != nil))
    }

    @Sendable func register(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await JSONBody.decode(CredentialsResource.self, from: request, context: context)
        let signIn = try await accounts.register(username: input.username, password: input.password, address: context.clientAddress)
        return try signedIn(signIn, status: .created, context: context)
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await JSONBody.decode(CredentialsResource.self, from: request, context: context)
        let signIn = try await accounts.login(username: input.username, password: input.password, address: context.clientAddress)
        return try signedIn(signIn, status: .ok, context: context)
    }

    private func signedIn(_ signIn: SignIn, status: HTTPResponse.Status, context: AppRequestContext) throws -> Response {
        var response = try JSONBody.response(UserResource(signIn.user), status: status, version: signIn.user.version)
        response.setCookie(Cookie(name: AuthMiddleware.cookieName, value: signIn.token, expires: signIn.expiresAt,
                                  path: "/", secure: context.isSecure, httpOnly: true, sameSite: .lax))
        return response
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let token = request.cookies[AuthMiddleware.cookieName]?.value {
            await accounts.logout(sessionToken: token)
        }
        var response = JSONBody.noContent()
        response.setCookie(Cookie(name: AuthMiddleware.cookieName, value: "", maxAge: 0, path: "/",
                                  secure: context.isSecure, httpOnly: true, sameSite: .lax))
        return response
    }

    @Sendable func me(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser().user
        return try JSONBody.response(UserResource(user), version: user.version)
    }

    @Sendable func changePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireUser()
        let input = try await JSONBody.decode(PasswordChangeResource.self, from: request, context: context)
        try await accounts.changePassword(of: principal, current: input.currentPassword, new: input.newPassword)
        return JSONBody.noContent()
    }

    @Sendable func listKeys(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireUser()
        return try JSONBody.response(PageResource(all: accounts.apiKeys(of: principal.user.id).map { ApiKeyResource($0) }))
    }

    @Sendable func createKey(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireUser()
        let input = try await JSONBody.decode(ApiKeyInputResource.self, from: request, context: context)
        let created = try await accounts.createApiKey(name: input.name, for: principal.user)
        return try JSONBody.response(ApiKeyResource(created.stored, key: created.key), status: .created)
    }

    @Sendable func deleteKey(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireUser()
        try await accounts.revokeApiKey(try request.id(context), by: principal)
        return JSONBody.noContent()
    }
}

/// `/api/v1/users` (admin) and `/api/v1/settings/general`.
struct UsersController {
    let accounts: Accounts

    func addRoutes(users: RouterGroup<AppRequestContext>, settings: RouterGroup<AppRequestContext>) {
        users.get(use: list)
        users.post(use: create)
        users.get(":id", use: get)
        users.put(":id", use: update)
        users.delete(":id", use: delete)
        settings.get("general", use: getSettings)
        settings.put("general", use: putSettings)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireAdmin()
        return try JSONBody.response(PageResource(all: accounts.users.all().map(UserResource.init)))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.requireAdmin()
        let input = try await JSONBody.decode(UserInputResource.self, from: request, context: context)
        var v = Validator()
        v.check(input.username != nil, "username", "username is required.")
        v.check(input.password != nil, "password", "password is required.")
        try v.throwIfInvalid()
        let user = try await accounts.createUser(username: input.username!, password: input.password!, role: input.role ?? .user,
                                                 permissions: input.permissions, by: admin.user)
        return try JSONBody.response(UserResource(user), status: .created, version: user.version)
    }

    /// An admin sees anyone; a user only themself (anything else is "not found", not "forbidden").
    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireUser()
        let id = try request.id(context)
        guard principal.isAdmin || principal.user.id == id, let user = accounts.users.get(id) else {
            throw ServiceError.notFound("User", id)
        }
        return try JSONBody.response(UserResource(user), version: user.version)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.requireAdmin()
        let input = try await JSONBody.decode(UserInputResource.self, from: request, context: context)
        let changes = UserChanges(role: input.role, permissions: input.permissions, disabled: input.disabled, password: input.password)
        let user = try await accounts.updateUser(try request.id(context), ifVersion: try request.ifMatchVersion() ?? input.version,
                                                 changes, by: admin.user)
        return try JSONBody.response(UserResource(user), version: user.version)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.requireAdmin()
        try await accounts.deleteUser(try request.id(context), ifVersion: try request.ifMatchVersion(), by: admin.user)
        return JSONBody.noContent()
    }

    @Sendable func getSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireAdmin()
        let stored = accounts.settings
        let s = stored?.body ?? GeneralSettings()
        return try JSONBody.response(GeneralSettingsResource(registrationOpen: s.registrationOpen, trustedProxies: s.trustedProxies,
                                                             version: stored?.version))
    }

    @Sendable func putSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.requireAdmin()
        let input = try await JSONBody.decode(GeneralSettingsResource.self, from: request, context: context)
        let saved = try await accounts.updateSettings(GeneralSettings(registrationOpen: input.registrationOpen, trustedProxies: input.trustedProxies),
                                                      ifVersion: try request.ifMatchVersion() ?? input.version, by: admin.user)
        return try JSONBody.response(GeneralSettingsResource(registrationOpen: saved.body.registrationOpen,
                                                             trustedProxies: saved.body.trustedProxies, version: saved.version),
                                     version: saved.version)
    }
}
