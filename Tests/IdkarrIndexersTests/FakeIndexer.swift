import Foundation
import IdkarrTestSupport
import Logging
import Synchronization

extension Canned {
    static func ok(_ fixture: String) -> Canned { Canned(status: 200, body: Fixtures.bytes(fixture)) }
}

/// Several fake indexers on one real HTTP server (`IdkarrTestSupport.FakeServer`), one per
/// first path segment, replaying the recorded feeds.
enum FakeIndexer {
    typealias Route = @Sendable (_ path: String, _ query: [String: String]) -> Canned

    /// Runs `body` with the server's base URL and a function returning the requests seen so far
    /// (`path?query`, parameters sorted), then stops the server.
    static func run<T: Sendable>(_ route: @escaping Route, _ body: @Sendable (String, @Sendable () -> [String]) async throws -> T)
        async throws -> T
    {
        try await FakeServer.run(contentType: "application/rss+xml; charset=utf-8", { path, query, _ in route(path, query) }) { server in
            try await body(server.base, { server.requests })
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
