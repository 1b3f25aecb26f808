#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IdkarrDomain
import IdkarrNet
import Logging

/// Where a Newznab or Torznab API is and how to talk to it. The indexer definitions (settings
/// with their form schema, stored secrets) build one of these.
public struct IndexerEndpoint: Sendable, Hashable {
    /// For messages and logs ("NZBgeek").
    public var name: String
    /// `https://api.nzbgeek.info`, `http://jackett:9117/api/v2.0/indexers/x/results/torznab`.
    public var baseURL: String
    /// Appended to `baseURL`: `/api` for Newznab, "" when `baseURL` is the whole API URL.
    public var apiPath: String
    /// A secret: sent as `apikey`, never logged nor put in a message.
    public var apiKey: String?
    public var dialect: FeedDialect
    /// The whole request, connection included.
    public var timeout: Duration
    public var maxResponseBytes: Int
    /// false accepts any certificate (a self-signed indexer on the home network).
    public var verifyTLS: Bool

    public init(
        name: String, baseURL: String, apiPath: String = "/api", apiKey: String?, dialect: FeedDialect,
        timeout: Duration = .seconds(30), maxResponseBytes: Int = FeedReader.defaultMaxBytes, verifyTLS: Bool = true
    ) {
        self.name = name
        self.baseURL = baseURL
        self.apiPath = apiPath
        self.apiKey = apiKey
        self.dialect = dialect
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
        self.verifyTLS = verifyTLS
    }
}

/// The releases of a search across its queries, de-duplicated by guid, in answer order.
public struct SearchResult: Sendable, Hashable {
    public var releases: [IndexerRelease]
    public var skipped: [SkippedItem]
    public var queries: [IndexerQuery]
}

/// A Newznab/Torznab API over `HTTPTransport`: caps and searches, with every failure classified
/// into an `IndexerError` (see `IndexerResponses`). No retries and no backoff here: the caller
/// (health and backoff, RSS sync) decides when to try again, from `IndexerError.code`.
public struct NewznabClient<Transport: HTTPTransport>: Sendable {
    public let endpoint: IndexerEndpoint
    let transport: Transport
    let logger: Logger
    let now: @Sendable () -> Date

    public init(
        endpoint: IndexerEndpoint, transport: Transport, logger: Logger = Logger(label: "idkarr.indexers"),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.endpoint = endpoint
        self.transport = transport
        self.logger = logger
        self.now = now
    }

    /// `t=caps`.
    public func caps() async throws(IndexerError) -> IndexerCaps {
        let response = try await get(.caps)
        return try CapsReader.read(response.body, indexer: endpoint.name, maxBytes: endpoint.maxResponseBytes)
    }

    /// One query, read as a feed in the endpoint's dialect; relative links resolve against the URL
    /// that answered.
    public func fetch(_ query: IndexerQuery) async throws(IndexerError) -> Feed {
        let response = try await get(query)
        return try FeedReader.read(
            response.body, dialect: endpoint.dialect, baseURL: response.url, indexer: endpoint.name,
            maxBytes: endpoint.maxResponseBytes)
    }

    /// Every query `QueryBuilder` makes of `request` for these caps, one after another, each paged
    /// while the indexer returns full pages, up to `maxPages` pages per query (and never past the
    /// total the feed states, nor after a page `continuePaging` refuses); the first failure ends
    /// the search with its error.
    public func search(
        _ request: SearchRequest, caps: IndexerCaps, maxPages: Int = 1, continuePaging: (Feed) -> Bool = { _ in true }
    ) async throws(IndexerError) -> SearchResult {
        let queries = try QueryBuilder.queries(for: request, caps: caps)
        var result = SearchResult(releases: [], skipped: [], queries: [])
        var seen = Set<String>()
        for first in queries {
            var next: IndexerQuery? = first
            var pages = 0
            while let query = next, pages < max(1, maxPages) {
                let feed = try await fetch(query)
                result.queries.append(query)
                let fresh = feed.releases.filter { seen.insert($0.guid).inserted }
                result.releases += fresh
                result.skipped += feed.skipped
                pages += 1
                // A page with nothing new means the indexer ignores `offset`: stop rather than loop.
                next = fresh.isEmpty || !continuePaging(feed) ? nil : query.nextPage(after: feed)
            }
        }
        return result
    }

    /// GETs `query` and returns a 2xx answer; every other outcome is thrown as an `IndexerError`.
    private func get(_ query: IndexerQuery) async throws(IndexerError) -> NetResponse {
        var request = NetRequest.get(query.url(baseURL: endpoint.baseURL, apiPath: endpoint.apiPath, apiKey: endpoint.apiKey))
        request.headers["Accept"] = "application/rss+xml, application/xml, text/xml;q=0.9, */*;q=0.1"
        request.timeout = endpoint.timeout
        request.maxResponseBytes = endpoint.maxResponseBytes
        request.verifyTLS = endpoint.verifyTLS
        let started = ContinuousClock.now
        let response: NetResponse
        do {
            response = try await transport.send(request)
        } catch {
            logger.info("indexer unreachable", metadata: ["indexer": "\(endpoint.name)", "query": "\(query)", "error": "\(error)"])
            throw IndexerResponses.networkError(error, indexer: endpoint.name)
        }
        logger.debug(
            "indexer answered",
            metadata: [
                "indexer": "\(endpoint.name)", "url": "\(Redaction.url(request.url))", "status": "\(response.status)",
                "bytes": "\(response.body.count)", "elapsed": "\(ContinuousClock.now - started)",
            ])
        if let error = IndexerResponses.statusError(response, indexer: endpoint.name, now: now()) { throw error }
        return response
    }
}
