import ArgumentParser
import Foundation
import Hummingbird
import IdkarrApp
import IdkarrAuth
import IdkarrAutomation
import IdkarrDomain
import IdkarrIndexers
import IdkarrNet
import Logging
import NIOCore

/// `idkarr bench search` — one search fanned out to `--indexers` local fake Newznab indexers, end
/// to end: `GET /api/v1/search` on the real application (HTTP, auth, JSON) → every indexer asked
/// in parallel over loopback HTTP through libcurl → 100-item feeds read and every release parsed →
/// merged → JSON. The fake indexers are one Hummingbird server in this process answering caps and
/// a 100-item feed built from the recorded nzb.su items (Tests/Fixtures/indexers). Also timed in
/// process without the HTTP front (IndexerService.search), to split the cost.
struct BenchSearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "A search across N fake indexers, end to end.")

    @Option(help: "Folder holding the newznab/ fixtures.") var fixtures = "Tests/Fixtures/indexers"
    @Option(help: "Fake indexers.") var indexers = 20
    @Option(help: "Timed searches (after one warm-up that also fetches every caps).") var searches = 30

    func run() async throws {
        let logger = { var l = Logger(label: "idkarr.bench"); l.logLevel = .critical; return l }()
        let feed = try BenchFeed.buildFeeds(fixtures: fixtures, items: 100)[0].body
        let caps = Array("""
            <caps><limits max="100" default="100"/><searching><search available="yes"/><tv-search available="yes"/>\
            <movie-search available="yes"/></searching><categories><category id="5000" name="TV"/></categories></caps>
            """.utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("idkarr-bench-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let services = try await AppServices.open(dataFolder: folder, logger: logger)
        let admin = try await services.accounts.createUserFromShell(username: "bench", password: "bench password 1", role: .admin)
        let key = try await services.accounts.createApiKey(name: "bench", for: admin)

        try await withThrowingTaskGroup(of: Void.self) { group in
            let (fakePort, fakeStarted) = AsyncStream<Int>.makeStream()
            group.addTask { try await Self.fakeIndexers(feed: feed, caps: caps, logger: logger) { fakePort in fakeStarted.yield(fakePort) } }
            guard let fake = await fakePort.first(where: { _ in true }) else { throw CancellationError() }
            for n in 1...indexers {
                var d = IndexerDefinition(name: "fake \(n)", kind: .newznab, baseURL: "http://127.0.0.1:\(fake)/\(n)", apiKey: "bench")
                d.tvCategories = [5000]
                _ = try await services.indexers.create(d)
            }
            let (appPort, appStarted) = AsyncStream<Int>.makeStream()
            let config = AppConfiguration(host: "127.0.0.1", port: 0, dataFolder: folder, webRoot: folder)
            let app = buildApplication(config, services: services, logger: logger) { port in appStarted.yield(port) }
            group.addTask { try await app.runService() }
            guard let port = await appPort.first(where: { _ in true }) else { throw CancellationError() }
            try await measure(port: port, key: key.key, services: services)
            group.cancelAll()
        }
    }

    private func measure(port: Int, key: String, services: AppServices) async throws {
        let client = CurlHTTPClient(configuration: NetConfiguration(timeout: .seconds(120), maxResponseBytes: 64 << 20))
        var request = NetRequest.get("http://127.0.0.1:\(port)/api/v1/search?query=white+collar&type=search")
        request.headers["X-Api-Key"] = key
        let warm = try await client.send(request)
        let answer = (try? JSONSerialization.jsonObject(with: Data(warm.body))) as? [String: Any]
        let releases = (answer?["releases"] as? [Any])?.count ?? 0
        let failed = ((answer?["indexers"] as? [[String: Any]]) ?? []).filter { $0["state"] as? String != "ok" }
        guard warm.status == 200, failed.isEmpty, releases == indexers * 100 else {
            throw ValidationError("warm-up search: HTTP \(warm.status), \(releases) releases, failures: \(failed)")
        }
        var http: [Double] = []
        for _ in 0..<searches {
            let start = ContinuousClock.now
            let reply = try await client.send(request)
            http.append(Self.ms(ContinuousClock.now - start))
            guard reply.status == 200 else { throw ValidationError("search answered HTTP \(reply.status)") }
        }
        var inProcess: [Double] = []
        for _ in 0..<searches {
            let start = ContinuousClock.now
            let result = await services.indexers.search(.text("white collar"), scope: .interactive, categories: .all)
            inProcess.append(Self.ms(ContinuousClock.now - start))
            guard result.releases.count == indexers * 100 else { throw ValidationError("in-process search: \(result.releases.count) releases") }
        }
        print("idkarr search across \(indexers) fake indexers (100-item feeds, \(releases) releases parsed and merged, "
            + "\(warm.body.count / 1024) KiB of JSON), \(searches) searches each:")
        print("  GET /api/v1/search end to end:   \(Self.summary(http))")
        print("  IndexerService.search in process: \(Self.summary(inProcess))")
    }

    /// `/{n}/api?t=caps` → the caps, any other `t` → the feed.
    private static func fakeIndexers(feed: [UInt8], caps: [UInt8], logger: Logger, started: @escaping @Sendable (Int) -> Void) async throws {
        let router = Router()
        let feedBuffer = ByteBuffer(bytes: feed), capsBuffer = ByteBuffer(bytes: caps)
        router.get("**") { request, _ -> Response in
            let body = request.uri.queryParameters.get("t") == "caps" ? capsBuffer : feedBuffer
            return Response(status: .ok, headers: [.contentType: "application/rss+xml"], body: .init(byteBuffer: body))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { started($0.localAddress?.port ?? 0) }, logger: logger)
        try await app.runService()
    }

    static func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }

    static func summary(_ samples: [Double]) -> String {
        let sorted = samples.sorted()
        let pick = { (q: Double) in sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
        return String(format: "median %.1f ms, p90 %.1f ms, best %.1f ms", pick(0.5), pick(0.9), sorted[0])
    }
}
