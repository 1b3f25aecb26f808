import Foundation
import IdkarrNet
import IdkarrTestSupport
import Testing

@testable import IdkarrIndexers

/// `NewznabClient` over real HTTP (libcurl → a local Hummingbird server replaying the fixtures).
@Suite("client over HTTP")
struct ClientTests {
    static let transport = CurlHTTPClient(configuration: NetConfiguration(connectTimeout: .seconds(5), timeout: .seconds(30)))
    static let key = "0123456789abcdef0123456789abcdef"

    /// Indexers by first path segment; every one checks the API key as Newznab servers do.
    static let route: FakeIndexer.Route = { path, query in
        let indexer = path.split(separator: "/").first.map(String.init) ?? ""
        guard query["apikey"] == key else {
            return indexer == "status401" ? .status(401, "Unauthorized") : .ok("indexers/newznab/unauthorized.xml")
        }
        if query["t"] == "caps" { return .ok("indexers/newznab/newznab_caps.xml") }
        switch indexer {
        case "nzbsu": return .ok("indexers/newznab/newznab_nzb_su.xml")
        case "tpb": return .ok("indexers/torznab/torznab_tpb.xml")
        case "animetosho": return .ok("indexers/torznab/torznab_animetosho.xml")
        case "relative": return .ok("indexers/rss/relative_urls.xml")
        case "html": return .status(200, "<!DOCTYPE html><html><body>Sign in</body></html>")
        case "limited": return .status(429, "", headers: ["Retry-After": "120"])
        case "limitedxml":
            return .status(200, "<error code=\"500\" description=\"Request limit reached\"/>")
        case "forbidden": return .status(403, "<error code=\"101\" description=\"Account suspended\"/>")
        case "broken": return .status(503, "upstream down")
        case "huge": return Canned(status: 200, body: [UInt8](repeating: 0x20, count: 3_000_000))
        case "slow": return Canned(status: 200, body: Fixtures.bytes("indexers/torznab/torznab_tpb.xml"), delay: .seconds(5))
        default: return .status(404, "not found")
        }
    }

    func client(_ base: String, _ indexer: String, key: String = Self.key, dialect: FeedDialect = .newznab,
                logs: CapturedLogs = CapturedLogs(), timeout: Duration = .seconds(20), maxBytes: Int = FeedReader.defaultMaxBytes)
        -> NewznabClient<CurlHTTPClient>
    {
        let endpoint = IndexerEndpoint(name: "Fake \(indexer)", baseURL: "\(base)/\(indexer)", apiKey: key, dialect: dialect,
                                       timeout: timeout, maxResponseBytes: maxBytes)
        return NewznabClient(endpoint: endpoint, transport: Self.transport, logger: logs.logger)
    }

    @Test func capsAndSearchOverHTTP() async throws {
        let logs = CapturedLogs()
        try await FakeIndexer.run(Self.route) { base, requests in
            let nzbsu = client(base, "nzbsu", logs: logs)
            let caps = try await nzbsu.caps()
            #expect(caps.maxPageSize == 60)
            let result = try await nzbsu.search(
                SearchRequest(.episode(titles: ["White Collar"], ids: SearchIds(tvdb: 108611), season: 3, episode: 5), categories: [5040]),
                caps: caps)
            #expect(result.releases.count == 100)
            #expect(result.releases.first?.title == "White.Collar.S03E05.720p.HDTV.X264-DIMENSION")
            #expect(result.releases.first?.size == 1_183_105_773)
            #expect(requests() == [
                "/nzbsu/api?apikey=\(Self.key)&t=caps",
                "/nzbsu/api?apikey=\(Self.key)&cat=5040&ep=5&extended=1&limit=25&q=White Collar&season=3&t=tvsearch",
            ])
        }
        #expect(!logs.all.isEmpty)
        #expect(logs.all.allSatisfy { !$0.contains(Self.key) }, "\(logs.all)")
    }

    @Test func torznabFeedsOverHTTP() async throws {
        try await FakeIndexer.run(Self.route) { base, _ in
            let tpb = try await client(base, "tpb", dialect: .torznab).fetch(IndexerQuery(function: "search", []))
            #expect(tpb.releases.count == 5)
            #expect(tpb.releases.first?.seeders == 34128)
            #expect(tpb.releases.first?.peers == 36724)
            #expect(tpb.releases.first?.infoHash == "9fb267cff5ae5603f07a347676ec3bf3e35f75e1")
            let tosho = try await client(base, "animetosho", dialect: .newznab).fetch(IndexerQuery(function: "search", []))
            #expect(tosho.releases.map(\.downloadURL) == ["http://storage.localhost/nzb/123452.nzb"])
            #expect(tosho.skipped.map(\.reason) == [.wrongProtocol])
            let relative = try await client(base, "relative").fetch(IndexerQuery(function: "search", []))
            #expect(relative.releases.first?.downloadURL == "\(base)/relative/getnzb/123.nzb&i=123&r=123")
        }
    }

    struct Failure: Sendable, CustomTestStringConvertible {
        let indexer: String
        var key: String = ClientTests.key
        let code: IndexerError.Code
        let says: String
        var testDescription: String { indexer }
    }

    static let failures: [Failure] = [
        Failure(indexer: "nzbsu", key: "wrong-key", code: .unauthorized, says: "Newznab error 100"),
        Failure(indexer: "status401", key: "wrong-key", code: .unauthorized, says: "HTTP 401"),
        Failure(indexer: "forbidden", code: .unauthorized, says: "suspended"),
        Failure(indexer: "html", code: .notAnIndexer, says: "HTML page"),
        Failure(indexer: "nothing-here", code: .notAnIndexer, says: "HTTP 404"),
        Failure(indexer: "limited", code: .rateLimited(retryAfter: .seconds(120)), says: "retry after 120 s"),
        Failure(indexer: "limitedxml", code: .rateLimited(retryAfter: nil), says: "request limit"),
        Failure(indexer: "broken", code: .unavailable, says: "HTTP 503"),
    ]

    @Test("classified failures", arguments: failures)
    func failure(_ failure: Failure) async throws {
        let logs = CapturedLogs()
        try await FakeIndexer.run(Self.route) { base, _ in
            let error = await #expect(throws: IndexerError.self) {
                try await client(base, failure.indexer, key: failure.key, logs: logs).fetch(IndexerQuery(function: "search", []))
            }
            #expect(error?.code == failure.code)
            #expect(error?.message.contains(failure.says) == true, "\(error?.message ?? "")")
            #expect(error?.message.contains(failure.key) == false)
        }
        #expect(logs.all.allSatisfy { !$0.contains(failure.key) })
    }

    @Test func responseSizeLimit() async throws {
        try await FakeIndexer.run(Self.route) { base, _ in
            let error = await #expect(throws: IndexerError.self) {
                try await client(base, "huge", maxBytes: 1_000_000).fetch(IndexerQuery(function: "search", []))
            }
            #expect(error?.code == .tooLarge)
        }
    }

    @Test func timeout() async throws {
        try await FakeIndexer.run(Self.route) { base, _ in
            let error = await #expect(throws: IndexerError.self) {
                try await client(base, "slow", timeout: .milliseconds(500)).fetch(IndexerQuery(function: "search", []))
            }
            #expect(error?.code == .unreachable)
            #expect(error?.underlying?.code == .timeout)
        }
    }

    @Test func unreachableAndTLS() async throws {
        // Port 1 (tcpmux): privileged and unused, so the connection is refused.
        let refused = await #expect(throws: IndexerError.self) { try await client("http://127.0.0.1:1", "nzbsu").caps() }
        #expect(refused?.code == .unreachable)
        #expect(refused?.isTransient == true)
        try await FakeIndexer.run(Self.route) { base, _ in
            let https = base.replacingOccurrences(of: "http://", with: "https://")
            let error = await #expect(throws: IndexerError.self) { try await client(https, "nzbsu").caps() }
            #expect(error?.code == .tls)
            #expect(error?.message.contains("TLS") == true)
        }
    }

    @Test func retryAfterAsAnHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_445_412_400)  // 2015-10-21 07:26:40 UTC
        #expect(IndexerResponses.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now: now) == .seconds(80))
        #expect(IndexerResponses.retryAfter("30", now: now) == .seconds(30))
        #expect(IndexerResponses.retryAfter("soon", now: now) == nil)
    }
}
