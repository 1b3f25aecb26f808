import Foundation
import IdkarrDomain
import IdkarrIndexers
import Logging

/// What the Test action found: whether the indexer works, in words that say what to fix.
public struct IndexerTestResult: Sendable {
    public var ok: Bool
    public var message: String
    /// `IndexerError.codeName` of the failure, or `noResults`.
    public var code: String?
    /// The caps, when they could be read.
    public var caps: IndexerCaps?
    /// Releases the test search returned.
    public var releases: Int?
    public var milliseconds: Int
}

extension IndexerService {
    /// Sonarr's Test: read the caps, then ask for the latest releases in the indexer's categories,
    /// and say precisely what failed (unreachable, TLS, wrong API key, not a Newznab/Torznab API,
    /// rate limited, no releases). A saved indexer (`savedId`) keeps the caps read, and a success
    /// ends its backoff: the user has just checked it works.
    /// - Throws: `ServiceError` when the definition itself is invalid (a 400 with the fields).
    public func test(_ definition: IndexerDefinition, savedId: Int?) async throws -> IndexerTestResult {
        try definition.validate()
        let started = ContinuousClock.now
        let client = client(for: definition)
        var result = IndexerTestResult(ok: false, message: "", milliseconds: 0)
        defer { logger.info("indexer test \(definition.name): \(result.ok ? "ok" : result.code ?? "failed")") }
        let outcome = await withDeadline(searchDeadline, indexer: definition.name) { () async -> Result<(IndexerCaps, Feed), IndexerError> in
            do throws(IndexerError) {
                let caps = try await client.caps()
                let request = SearchRequest(
                    .recent, categories: SearchCategories.library.ids(for: definition), limit: min(caps.defaultPageSize, 100),
                    extraParameters: QueryParameter.parse(definition.additionalParameters ?? ""))
                guard let query = try QueryBuilder.queries(for: request, caps: caps).first else {
                    return .failure(IndexerError(.unsupportedSearch, message: "\(definition.name)'s caps offer no search."))
                }
                return .success((caps, try await client.fetch(query)))
            } catch {
                return .failure(error)
            }
        }
        result.milliseconds = Self.milliseconds(since: started)
        switch outcome {
        case .failure(let error):
            result.code = error.codeName
            result.message = error.message
        case .success(let (caps, feed)):
            result.caps = caps
            result.releases = feed.releases.count
            if let savedId { await capsCache.store(caps, for: savedId) }
            if feed.releases.isEmpty {
                result.code = "noResults"
                result.message = "\(definition.name) answered, but returned no releases in its categories "
                    + "(\(Self.categoryList(definition))): check the categories and the account's access."
            } else {
                result.ok = true
                result.message = "\(definition.name) works: \(Self.describe(caps)); the latest search returned "
                    + "\(feed.releases.count) release\(feed.releases.count == 1 ? "" : "s")."
                if let savedId {
                    await record(savedId) { status in
                        var s = status
                        s.consecutiveFailures = 0
                        s.disabledUntil = nil
                        return s
                    }
                }
            }
        }
        return result
    }

    static func describe(_ caps: IndexerCaps) -> String {
        let modes = IndexerCaps.Mode.allCases.filter { caps.modes[$0] != nil }.map(\.function)
        let count = caps.allCategoryIds.count
        return "\(count) categor\(count == 1 ? "y" : "ies"), searches \(modes.joined(separator: ", ")), up to \(caps.maxPageSize) results a page"
    }

    private static func categoryList(_ d: IndexerDefinition) -> String {
        let ids = SearchCategories.library.ids(for: d)
        return ids.isEmpty ? "none chosen" : Array(Set(ids)).sorted().map(String.init).joined(separator: ", ")
    }
}
