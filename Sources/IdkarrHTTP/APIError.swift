import Foundation
import HTTPTypes
import IdkarrDomain

/// An error the HTTP layer raises itself (bad query, missing auth, bad path…). Feature modules
/// throw `ServiceError` and the store `StoreError`; `ErrorMiddleware` maps all of them.
public struct APIError: Error, Sendable {
    public let status: HTTPResponse.Status
    public let detail: String
    public let fieldErrors: [FieldError]
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, _ detail: String, fieldErrors: [FieldError] = [], headers: HTTPFields = [:]) {
        self.status = status
        self.detail = detail
        self.fieldErrors = fieldErrors
        self.headers = headers
    }

    public static func invalid(_ field: String, _ message: String) -> APIError {
        APIError(.badRequest, message, fieldErrors: [FieldError(field: field, message: message)])
    }
}

/// An RFC 9457 problem document.
struct Problem: Codable, Sendable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var errors: [FieldError]?
    /// A conflict with an existing resource names it (e.g. the title already in the instance).
    var existingId: Int?

    init(status: HTTPResponse.Status, detail: String, errors: [FieldError] = [], existingId: Int? = nil) {
        self.type = "about:blank"
        self.title = status.reasonPhrase
        self.status = status.code
        self.detail = detail
        self.errors = errors.isEmpty ? nil : errors
        self.existingId = existingId
    }
}
