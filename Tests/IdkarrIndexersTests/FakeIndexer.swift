import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A canned answer of the fake indexer.
struct Canned: Sendable {
    var status: Int
    var headers: [String: String] = [:]
    var body: [UInt8] = []
    /// Wait this long before answering (for timeouts).
    var delay: Duration = .zero

    static func ok(_ fixture: String) -> Canned { Canned(status: 200, body: Fixtures.bytes(fixture)) }

    static func status(_ code: Int, _ text: String = "", headers: [String: String] = [:]) -> Canned {
        Canned(status: code, headers: headers, body: Array(text.utf8))
    }
}

/// A real HTTP server on 127.0.0.1 (Hummingbird, as Tests/IdkarrMetadataTests/FakeServer.swift)
/// that answers every GET through `route`: several fake indexers, one per first path segment,
/// replaying the recorded feeds.
enum FakeIndexer {
    typealias Route = @Sendable (_ path: String, _ query: [String: String]) -> Canned

    /// Runs `body` with the server's base URL and a function returning the requests seen so far
    /// (`path?query`, parameters sorted), then stops the server.
    static func run<T: Sendable>(_ route: @escaping Route, _ body: @Sendable (String, @Sendable () -> [String]) async throws -> T)
        async throws -> T
    {
        let seen = Mutex<[String]>([])
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let router = Router()
        router.get("**") { request, _ in
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
            let shown = query.keys.sorted().map { "\($0)=\(query[$0]!)" }.joined(separator: "&")
            seen.withLock { $0.append("\(request.uri.path)?\(shown)") }
            let canned = route(request.uri.path, query)
            if canned.delay > .zero { try? await Task.sleep(for: canned.delay) }
            var headers = HTTPFields()
            headers[.contentType] = "application/rss+xml; charset=utf-8"
            for (name, value) in canned.headers { headers[HTTPField.Name(name)!] = value }
            return Response(status: .init(code: canned.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: canned.body)))
        }
        var logger = Logger(label: "fake-indexer")
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await app.run()
                return nil
            }
            guard let port = await ports.first(where: { _ in true }) else { throw CancellationError() }
            let result = try await body("http://127.0.0.1:\(port)", { seen.withLock { $0 } })
            group.cancelAll()
            return result
        }
    }
}

/// Log lines kept in memory, to check that no API key is ever written.
final class CapturedLogs: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }

    var logger: Logger {
        var logger = Logger(label: "idkarr.indexers.test") { _ in Handler(logs: self) }
        logger.logLevel = .trace
        return logger
    }

    struct Handler: LogHandler {
        let logs: CapturedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            logs.lines.withLock { $0.append("\(event.message) \(all)") }
        }
    }
}
