import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A canned answer a test puts ahead of the recorded ones (429, 500, HTML, truncated JSON…).
struct Canned: Sendable {
    var status: Int
    var headers: [String: String] = [:]
    var body: [UInt8] = []

    static func status(_ code: Int, _ text: String = "", headers: [String: String] = [:]) -> Canned {
        Canned(status: code, headers: headers, body: Array(text.utf8))
    }
}

/// What a fake provider answers for one request: `route` decides from path and query.
typealias FakeRoute = @Sendable (_ path: String, _ query: [String: String], _ server: FakeServer) -> Canned

/// A real HTTP server on 127.0.0.1 and a free port for one test, answering every GET through
/// `route` (recorded fixtures), unless a canned answer was scripted for the path.
struct FakeServer: Sendable {
    let port: Int
    let state: State

    var base: String { "http://127.0.0.1:\(port)" }

    final class State: Sendable {
        let requests = Mutex<[String]>([])
        let scripted = Mutex<[String: [Canned]]>([:])
    }

    /// Answers the next `answers.count` requests to `path` with `answers`, in order.
    func script(_ path: String, _ answers: [Canned]) {
        state.scripted.withLock { $0[path, default: []] += answers }
    }

    /// Every request seen, as `path?query` (decoded), in order.
    var requests: [String] { state.requests.withLock { $0 } }

    func count(_ prefix: String) -> Int { requests.filter { $0.hasPrefix(prefix) }.count }

    static func run<T: Sendable>(_ route: @escaping FakeRoute, _ body: @Sendable (FakeServer) async throws -> T) async throws -> T {
        let state = State()
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let portBox = Mutex<Int>(0)
        let router = Router()
        router.get("**") { request, _ in
            let server = FakeServer(port: portBox.withLock { $0 }, state: state)
            return server.answer(request, route)
        }
        var logger = Logger(label: "fake-metadata-server")
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

    private func answer(_ request: Request, _ route: FakeRoute) -> Response {
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
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        for (name, value) in canned.headers { headers[HTTPField.Name(name)!] = value }
        return Response(status: .init(code: canned.status), headers: headers,
                        body: .init(byteBuffer: ByteBuffer(bytes: canned.body)))
    }
}

/// The recorded provider responses in Tests/Fixtures/metadata (copied from ../shared/fixtures).
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/metadata")

    static func bytes(_ name: String) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else {
            fatalError("missing fixture \(name)")
        }
        return Array(data)
    }

    static func ok(_ name: String) -> Canned { Canned(status: 200, body: bytes(name)) }

    /// A recorded body with other recorded bodies added under keys, as `append_to_response` does.
    static func merged(_ name: String, adding parts: [String: String]) -> Canned {
        var object = (try? JSONSerialization.jsonObject(with: Data(bytes(name)))) as? [String: Any] ?? [:]
        for (key, file) in parts where object[key] == nil {
            object[key] = try? JSONSerialization.jsonObject(with: Data(bytes(file)))
        }
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return Canned(status: 200, body: Array(data))
    }

    static func json(_ value: Any, status: Int = 200) -> Canned {
        Canned(status: status, body: Array((try? JSONSerialization.data(withJSONObject: value)) ?? Data()))
    }
}
