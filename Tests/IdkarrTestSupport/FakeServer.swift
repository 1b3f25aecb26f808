import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A canned answer of a fake server: what a route returns, or what a test scripts ahead of the
/// recorded answers (429, 500, HTML, truncated bodies, slow answers…).
public struct Canned: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]
    /// Wait this long before answering (for timeouts).
    public var delay: Duration

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = [], delay: Duration = .zero) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
    }

    public static func status(_ code: Int, _ text: String = "", headers: [String: String] = [:]) -> Canned {
        Canned(status: code, headers: headers, body: Array(text.utf8))
    }
}

/// What a fake server answers for one request: `route` decides from path and query.
public typealias FakeRoute = @Sendable (_ path: String, _ query: [String: String], _ server: FakeServer) -> Canned

/// A real HTTP server (Hummingbird) on 127.0.0.1 and a free port for one test, answering every
/// GET through `route` (the recorded fixtures), unless a canned answer was scripted for the path.
/// The stand-in for an internet service (indexer, TMDB, TVmaze) that the tests cannot reach;
/// the code under test talks to it through its real HTTP client.
public struct FakeServer: Sendable {
    public let port: Int
    let state: State

    public var base: String { "http://127.0.0.1:\(port)" }

    final class State: Sendable {
        let requests = Mutex<[String]>([])
        let scripted = Mutex<[String: [Canned]]>([:])
    }

    /// Answers the next `answers.count` requests to `path` with `answers`, in order.
    public func script(_ path: String, _ answers: [Canned]) {
        state.scripted.withLock { $0[path, default: []] += answers }
    }

    /// Every request seen, as `path?query` (decoded, parameters sorted), in order.
    public var requests: [String] { state.requests.withLock { $0 } }

    public func count(_ prefix: String) -> Int { requests.filter { $0.hasPrefix(prefix) }.count }

    /// Runs `body` against a fresh server, then stops it. `contentType` is sent unless a canned
    /// answer names its own.
    public static func run<T: Sendable>(
        contentType: String = "application/json; charset=utf-8", _ route: @escaping FakeRoute,
        _ body: @Sendable (FakeServer) async throws -> T
    ) async throws -> T {
        let state = State()
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let portBox = Mutex<Int>(0)
        let router = Router()
        router.get("**") { request, _ in
            let server = FakeServer(port: portBox.withLock { $0 }, state: state)
            return await server.answer(request, route, contentType: contentType)
        }
        var logger = Logger(label: "fake-server")
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
            portBox.withLock { $0 = port }
            let result = try await body(FakeServer(port: port, state: state))
            group.cancelAll()
            return result
        }
    }

    private func answer(_ request: Request, _ route: FakeRoute, contentType: String) async -> Response {
        let path = request.uri.path
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
        let shown = query.keys.sorted().map { "\($0)=\(query[$0]!)" }.joined(separator: "&")
        state.requests.withLock { $0.append(shown.isEmpty ? path : "\(path)?\(shown)") }
        let scripted = state.scripted.withLock { queues -> Canned? in
            guard var queue = queues[path], !queue.isEmpty else { return nil }
            let first = queue.removeFirst()
            queues[path] = queue
            return first
        }
        let canned = scripted ?? route(path, query, self)
        if canned.delay > .zero { try? await Task.sleep(for: canned.delay) }
        var headers = HTTPFields()
        headers[.contentType] = contentType
        for (name, value) in canned.headers { headers[HTTPField.Name(name)!] = value }
        return Response(status: .init(code: canned.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: canned.body)))
    }
}

/// The recorded documents in Tests/Fixtures (copied from ../shared/fixtures), for every test target.
public enum FixtureFiles {
    public static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// `indexers/newznab/newznab_caps.xml` etc., relative to Tests/Fixtures.
    public static func bytes(_ path: String) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path) else {
            fatalError("missing fixture \(path)")
        }
        return Array(data)
    }

    /// A 200 answer with the fixture's bytes.
    public static func ok(_ path: String) -> Canned { Canned(status: 200, body: bytes(path)) }
}
