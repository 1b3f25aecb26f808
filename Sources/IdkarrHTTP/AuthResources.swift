import Foundation
import IdkarrDomain
import IdkarrStore

struct AuthStatusResource: Codable {
    var setupRequired: Bool
    var registrationOpen: Bool
    var authenticated: Bool
}

struct CredentialsResource: Codable {
    var username: String
    var password: String
}

struct PasswordChangeResource: Codable {
    var currentPassword: String
    var newPassword: String
}

struct UserResource: Codable {
    var id: Int
    var version: Int
    var username: String
    var role: Role
    var permissions: [Permission]
    var disabled: Bool
    var createdAt: Date
    var lastLoginAt: Date?

    init(_ s: Stored<User>) {
        id = s.id
        version = s.version
        username = s.body.username
        role = s.body.role
        permissions = s.body.permissions
        disabled = s.body.disabled
        createdAt = s.createdAt
        lastLoginAt = s.body.lastLoginAt
    }
}

/// Admin create (`username`, `password` required) and update (all optional; read-only fields of a
/// `UserResource` sent back are ignored).
struct UserInputResource: Codable {
    var username: String?
    var password: String?
    var role: Role?
    var permissions: [Permission]?
    var disabled: Bool?
    var version: Int?
}

struct ApiKeyResource: Codable {
    var id: Int
    var name: String
    var prefix: String
    var createdAt: Date
    var lastUsedAt: Date?
    /// Present only in the answer to the create call.
    var key: String?

    init(_ s: Stored<ApiKey>, key: String? = nil) {
        id = s.id
        name = s.body.name
        prefix = s.body.prefix
        createdAt = s.createdAt
        lastUsedAt = s.body.lastUsedAt
        self.key = key
    }
}

struct ApiKeyInputResource: Codable {
    var name: String
}

struct GeneralSettingsResource: Codable {
    var registrationOpen: Bool
    var trustedProxies: [String]
    var version: Int?
}

/// The list envelope every list answers with.
struct PageResource<Record: Encodable>: Encodable {
    var page: Int
    var pageSize: Int
    var totalRecords: Int
    var records: [Record]

    /// A whole small collection as one page.
    init(all records: [Record]) {
        page = 1
        pageSize = max(records.count, 1)
        totalRecords = records.count
        self.records = records
    }

    init(page: Int, pageSize: Int, totalRecords: Int, records: [Record]) {
        self.page = page
        self.pageSize = pageSize
        self.totalRecords = totalRecords
        self.records = records
    }
}
