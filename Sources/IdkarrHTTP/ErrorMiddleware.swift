import Foundation
import Hummingbird
import IdkarrAuth
import IdkarrDomain
import IdkarrMetadata
import IdkarrStore
import Logging

/// The one place errors become responses: every error turns into a problem document, and only a
/// real server fault is a 500 — logged in full here, answered without internals.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return problemResponse(for: error, request: request, context: context)
        }
    }

    func problemResponse(for error: any Error, request: Request, context: Context) -> Response {
        var (status, detail, fields, headers) = classify(error)
        if status == .internalServerError {
            context.logger.error("request failed", metadata: [
                "method": "\(request.method)", "path": "\(Redaction.url(request.uri.description))",
                "error": "\(Redaction.text(String(describing: error)))",
            ])
            detail = "An internal error occurred. The server log has the details (request \(context.id))."
        }
        let existingId = (error as? ServiceError)?.existingId
        let problem = Problem(status: status, detail: detail, errors: fields, existingId: existingId)
        let body = (try? JSONBody.encoder.encode(problem)) ?? Data()
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    private func classify(_ error: any Error) -> (HTTPResponse.Status, String, [FieldError], HTTPFields) {
        switch error {
        case let e as APIError:
            return (e.status, e.detail, e.fieldErrors, e.headers)
        case let e as ServiceError:
            switch e.code {
            case .validation: return (.badRequest, e.message, e.fieldErrors, [:])
            case .notFound: return (.notFound, e.message, [], [:])
            case .conflict: return (.conflict, e.message, e.fieldErrors, [:])
            case .unauthorized: return (.unauthorized, e.message, [], [:])
            case .forbidden: return (.forbidden, e.message, [], [:])
            case .rateLimited(let seconds): return (.tooManyRequests, e.message, [], [.retryAfter: String(max(1, seconds))])
            }
        case let e as MetadataError:
            return Self.classify(e)
        case let e as StoreError:
            switch e.code {
            case .notFound: return (.notFound, "No such resource.", [], [:])
            case .conflict(let current):
                return (.conflict, "The resource changed since you read it (it is now at version \(current)). Reload and try again.", [], [:])
            case .readOnly: return (.serviceUnavailable, "The data folder is read-only after a write failure; see System > Health.", [], [:])
            case .invalid: return (.badRequest, e.message, [], [:])
            default: return (.internalServerError, e.message, [], [:])
            }
        case let e as PasswordHasherError:
            switch e.code {
            // 256 characters can be more than the hasher's 4096 bytes (combining marks): a bad password, not a fault.
            case .passwordTooLong:
                return (.badRequest, e.message, [FieldError(field: "password", message: e.message)], [:])
            case .busy: return (.serviceUnavailable, e.message, [], [.retryAfter: "1"])
            case .cancelled, .internalFailure: return (.internalServerError, e.message, [], [:])
            }
        case let e as DecodingError:
            let api = JSONBody.describe(e)
            return (api.status, api.detail, api.fieldErrors, [:])
        case let e as HTTPError:
            let detail = e.body ?? e.status.reasonPhrase
            return (e.status, detail, [], e.headers)
        case let e as any HTTPResponseError:
            return (e.status, e.status.reasonPhrase, [], [:])
        default:
            return (.internalServerError, "", [], [:])
        }
    }

    /// A provider's failure: the caller's input (400), a title the provider does not have (404),
    /// slow down (503 + Retry-After), or the provider failed us (502). `message` names the provider.
    private static func classify(_ e: MetadataError) -> (HTTPResponse.Status, String, [FieldError], HTTPFields) {
        switch e.code {
        case .invalidQuery, .unsupported: return (.badRequest, e.message, [FieldError(field: "term", message: e.message)], [:])
        case .notFound: return (.notFound, e.message, [], [:])
        case .rateLimited(let wait):
            let seconds = wait.map { max(1, Int($0.components.seconds)) } ?? 60
            return (.serviceUnavailable, e.message, [], [.retryAfter: String(seconds)])
        case .unauthorized, .unavailable, .badResponse, .network: return (.badGateway, e.message, [], [:])
        }
    }
}
