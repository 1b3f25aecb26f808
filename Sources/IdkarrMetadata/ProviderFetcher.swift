import Foundation
import IdkarrNet
import Logging

/// The wire half every provider client shares: GET with retries (`RetryPolicy`), HTTP status →
/// `MetadataError`, and JSON decoding whose errors say what was expected.
struct ProviderFetcher<Transport: HTTPTransport>: Sendable {
    let provider: String
    let transport: Transport
    let retry: RetryPolicy
    /// Minimum time between two requests to the provider's host (its published rate limit).
    let hostInterval: Duration?
    /// True when the provider takes an API key (then a 401 is reported as a key problem).
    let usesAPIKey: Bool
    /// The provider's own words for a failed request, read from its error body.
    let describeError: @Sendable (NetResponse) -> String?
    let logger: Logger

    /// GETs `url` and returns a 2xx response. `what` names the thing asked for in messages
    /// ("movie tmdb:603"). Retries 429 (honouring `Retry-After`), 5xx and transient network
    /// failures up to `retry.maxAttempts` requests. `maxBytes` raises the transport's response
    /// size cap for bodies known to be large (every episode of a daily show).
    func get(_ url: String, what: String, maxBytes: Int? = nil) async throws(MetadataError) -> NetResponse {
        var request = NetRequest.get(url, headers: ["Accept": "application/json"])
        request.minimumHostInterval = hostInterval
        request.maxResponseBytes = maxBytes
        var attempt = 0
        while true {
            attempt += 1
            let response: NetResponse
            do {
                response = try await transport.send(request)
            } catch {
                let failure = MetadataError(
                    .network, provider: provider, message: "\(provider) could not be reached for \(what): \(error.message)",
                    underlying: error)
                guard error.isTransient, attempt < retry.maxAttempts else { throw failure }
                try await pause(retry.backoff(afterAttempt: attempt), after: failure)
                continue
            }
            switch response.status {
            case 200..<300:
                return response
            case 429:
                let wait = RetryPolicy.retryAfter(response.headers["Retry-After"], now: retry.now()) ?? retry.defaultRetryAfter
                let failure = rateLimited(response, wait: wait, what: what)
                guard wait <= retry.maxRetryAfter, attempt < retry.maxAttempts else { throw failure }
                try await pause(wait, after: failure)
            case 500..<600:
                let failure = MetadataError(
                    .unavailable, provider: provider,
                    message: "\(provider) failed to answer for \(what): HTTP \(response.status)\(detail(response)).",
                    status: response.status)
                guard attempt < retry.maxAttempts else { throw failure }
                try await pause(retry.backoff(afterAttempt: attempt), after: failure)
            default:
                throw statusError(response, what: what)
            }
        }
    }

    /// Decodes a 2xx body as `T`. HTML, an empty body, malformed or truncated JSON and missing
    /// required fields all become `.badResponse` naming the provider and what was expected.
    func decode<T: Decodable>(_ type: T.Type, from response: NetResponse, what: String) throws(MetadataError) -> T {
        let first = response.body.first { !($0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09) }
        guard let first else { throw bad("\(provider) returned an empty body for \(what) (expected JSON).") }
        if first == UInt8(ascii: "<") {
            throw bad("\(provider) returned HTML instead of JSON for \(what) (a proxy, captive portal or outage page?).")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(response.body))
        } catch let error as DecodingError {
            throw bad("\(provider) returned an unusable answer for \(what): \(Self.describe(error)).")
        } catch {
            throw bad("\(provider) returned an unusable answer for \(what): \(error).")
        }
    }

    /// GET and decode in one step.
    func fetch<T: Decodable>(_ type: T.Type, _ url: String, what: String, maxBytes: Int? = nil) async throws(MetadataError) -> T {
        let response = try await get(url, what: what, maxBytes: maxBytes)
        return try decode(type, from: response, what: what)
    }

    func bad(_ message: String) -> MetadataError {
        MetadataError(.badResponse, provider: provider, message: message)
    }

    private func pause(_ wait: Duration, after failure: MetadataError) async throws(MetadataError) {
        logger.debug("retrying", metadata: ["provider": "\(provider)", "wait": "\(wait)", "cause": "\(failure.message)"])
        do {
            try await retry.sleep(wait)
        } catch {
            throw failure
        }
    }

    private func rateLimited(_ response: NetResponse, wait: Duration, what: String) -> MetadataError {
        MetadataError(
            .rateLimited(retryAfter: wait), provider: provider,
            message: "\(provider) is rate limiting requests (HTTP 429\(detail(response))); asked for \(what), "
                + "retry after \(wait.components.seconds) s.",
            status: 429)
    }

    private func statusError(_ response: NetResponse, what: String) -> MetadataError {
        let status = response.status
        let detail = detail(response)
        switch status {
        case 401 where usesAPIKey:
            return MetadataError(
                .unauthorized, provider: provider,
                message: "\(provider) rejected the API key (\(describeError(response) ?? "HTTP 401")). Check it in Settings → Metadata.",
                status: status)
        case 401, 403:
            return MetadataError(
                .unauthorized, provider: provider, message: "\(provider) refused access to \(what): HTTP \(status)\(detail).",
                status: status)
        case 404:
            return MetadataError(
                .notFound, provider: provider, message: "\(provider) has no \(what) (HTTP 404\(detail)).", status: status)
        default:
            return MetadataError(
                .badResponse, provider: provider, message: "\(provider) refused the request for \(what): HTTP \(status)\(detail).",
                status: status)
        }
    }

    private func detail(_ response: NetResponse) -> String {
        describeError(response).map { ": \($0)" } ?? ""
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, _ last: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (last.map { [$0] } ?? [])
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            let field = text.replacingOccurrences(of: ".[", with: "[")
            return field.isEmpty ? "(the whole body)" : field
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "the required field \"\(path(context, key))\" is missing"
        case .valueNotFound(_, let context):
            return "the required field \"\(path(context))\" is null"
        case .typeMismatch(let type, let context) where context.codingPath.isEmpty:
            return "the body is not \(typeName(type))"
        case .typeMismatch(let type, let context):
            return "the field \"\(path(context))\" is not \(typeName(type))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "the JSON is malformed or truncated" : "the field \"\(path(context))\" holds an invalid value"
        @unknown default:
            return "the JSON does not have the expected shape"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default: "the expected JSON object"
        }
    }
}

/// Builds request URLs: `base` (no trailing slash needed) + `path` + percent-encoded query.
enum URLBuilder {
    static func url(_ base: String, _ path: String, _ query: [(String, String)] = []) -> String {
        var url = base.hasSuffix("/") ? String(base.dropLast()) : base
        url += path
        if !query.isEmpty {
            url += "?" + query.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        }
        return url
    }

    /// RFC 3986 unreserved characters stay; every other byte is percent-encoded.
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
