/// The error every feature service throws for a caller's mistake or a state conflict. The HTTP
/// boundary maps `code` to a status and `fieldErrors` to the problem document's `errors`.
public struct ServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        case validation
        case notFound
        case conflict
        case unauthorized
        case forbidden
        case rateLimited(retryAfterSeconds: Int)
    }

    public let code: Code
    public let message: String
    public let fieldErrors: [FieldError]
    /// For a conflict with an existing resource (a title already in the instance): its id.
    public let existingId: Int?

    public init(_ code: Code, _ message: String, fieldErrors: [FieldError] = [], existingId: Int? = nil) {
        self.code = code
        self.message = message
        self.fieldErrors = fieldErrors
        self.existingId = existingId
    }

    public var description: String { message }

    public static func validation(_ errors: [FieldError]) -> ServiceError {
        let message = errors.count == 1 ? errors[0].message : "\(errors.count) fields are invalid."
        return ServiceError(.validation, message, fieldErrors: errors)
    }

    public static func invalid(_ field: String, _ message: String) -> ServiceError {
        validation([FieldError(field: field, message: message)])
    }

    public static func notFound(_ what: String, _ id: Int) -> ServiceError {
        ServiceError(.notFound, "\(what) \(id) does not exist.")
    }
}

public struct FieldError: Codable, Sendable, Equatable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Collects field errors and throws them together, so a form shows every problem at once.
public struct Validator: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public mutating func check(_ condition: Bool, _ field: String, _ message: @autoclosure () -> String) {
        if !condition { errors.append(FieldError(field: field, message: message())) }
    }

    public func throwIfInvalid() throws(ServiceError) {
        if !errors.isEmpty { throw ServiceError.validation(errors) }
    }
}
