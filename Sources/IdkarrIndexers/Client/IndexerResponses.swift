#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IdkarrNet

/// Failures on the wire → `IndexerError`, in words that say what to check.
enum IndexerResponses {
    static func networkError(_ error: NetError, indexer: String) -> IndexerError {
        let code: IndexerError.Code
        let advice: String
        switch error.code {
        case .tls:
            code = .tls
            advice = "the TLS connection failed (a self-signed or expired certificate, or http:// served as https://?)"
        case .tooLarge:
            code = .tooLarge
            advice = "the answer is larger than the limit"
        case .dnsFailure, .connectionRefused, .timeout, .cancelled, .other:
            code = .unreachable
            advice = "it could not be reached"
        case .tooManyRedirects, .invalidURL, .invalidRequest:
            code = .badRequest
            advice = "the request could not be made (check the URL and API path)"
        }
        return IndexerError(code, message: "\(indexer): \(advice): \(error.message)", underlying: error)
    }

    /// nil for a 2xx answer; otherwise the error the status (or a Newznab error body) means.
    static func statusError(_ response: NetResponse, indexer: String, now: Date) -> IndexerError? {
        let status = response.status
        guard !(200..<300).contains(status) else { return nil }
        let retryAfter = retryAfter(response.headers["Retry-After"], now: now)
        // Many indexers explain a refusal with a Newznab error document; its code says more.
        if let document = newznabError(response.body) {
            let error = document.error(indexer: indexer, status: status)
            guard case .rateLimited = error.code else { return error }
            return IndexerError(.rateLimited(retryAfter: retryAfter), message: error.message, status: status, newznab: document)
        }
        switch status {
        case 401, 403:
            return IndexerError(
                .unauthorized, message: "\(indexer) refused the request (HTTP \(status)): check the API key in the indexer's settings.",
                status: status)
        case 429:
            let wait = retryAfter.map { ", retry after \($0.components.seconds) s" } ?? ""
            return IndexerError(
                .rateLimited(retryAfter: retryAfter), message: "\(indexer) is rate limiting requests (HTTP 429\(wait)).", status: status)
        case 404:
            return IndexerError(
                .notAnIndexer, message: "\(indexer) answered HTTP 404: no API at this URL; check the URL and API path.", status: status)
        case 500..<600:
            return IndexerError(.unavailable, message: "\(indexer) failed to answer (HTTP \(status)).", status: status)
        default:
            return IndexerError(.badRequest, message: "\(indexer) refused the request (HTTP \(status)).", status: status)
        }
    }

    /// The body as a Newznab `<error>` document, when it is one.
    private static func newznabError(_ body: [UInt8]) -> NewznabErrorDocument? {
        guard body.count < 64 * 1024, body.contains(UInt8(ascii: "<")) else { return nil }
        do {
            _ = try IndexerDocument.root(body, expectedRoot: "rss", indexer: "", maxBytes: 64 * 1024)
        } catch {
            return error.newznab
        }
        return nil
    }

    /// `Retry-After`: delta-seconds or an HTTP date, relative to `now`; nil when unusable.
    static func retryAfter(_ value: String?, now: Date) -> Duration? {
        guard let value = value?.trimmedXMLSpace, !value.isEmpty else { return nil }
        if let seconds = Int(value) { return seconds >= 0 ? .seconds(seconds) : nil }
        guard let date = FeedDate.parse(value) else { return nil }
        return .seconds(max(0, Int(date.timeIntervalSince(now).rounded(.up))))
    }
}
