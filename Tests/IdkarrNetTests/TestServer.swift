import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A real HTTP server on 127.0.0.1 and a free port, for the length of one test.
struct TestServer: Sendable {
    let port: Int
    let events: Events

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// What the server saw, for assertions.
    final class Events: Sendable {
        let hits = Mutex<[ContinuousClock.Instant]>([])
        let hangStarted: AsyncStream<Void>
        let hangContinuation: AsyncStream<Void>.Continuation

        init() {
            (hangStarted, hangContinuation) = AsyncStream<Void>.makeStream()
        }
    }

    static func run<T: Sendable>(_ body: @Sendable (TestServer) async throws -> T) async throws -> T {
        let events = Events()
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "test-server")
        logger.logLevel = .critical
        let app = Application(
            router: makeRouter(events),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) },
            logger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await app.run()
                return nil
            }
            guard let port = await ports.first(where: { _ in true }) else { throw CancellationError() }
            let result = try await body(TestServer(port: port, events: events))
            group.cancelAll()
            return result
        }
    }

    static let gzipBody: [UInt8] = [
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xed, 0xc8, 0xc1, 0x09, 0x00, 0x10, 0x14, 0x00,
        0xd0, 0xbb, 0x29, 0x0c, 0x47, 0xa8, 0x5f, 0xe4, 0xa2, 0x4c, 0x6f, 0x03, 0x13, 0xbc, 0x77, 0x7c, 0xbd, 0x46,
        0xcc, 0xdc, 0xee, 0x58, 0xf9, 0xcc, 0x1d, 0x25, 0x75, 0x21, 0x84, 0x10, 0x42, 0x08, 0x21, 0x84, 0x10, 0xbf,
        0x78, 0xec, 0x60, 0xc7, 0x18, 0x48, 0x0d, 0x00, 0x00,
    ]
    /// What `gzipBody` decodes to.
    static let gzipText = String(repeating: "hello gzip world\n", count: 200)

    private static func makeRouter(_ events: Events) -> Router<BasicRequestContext> {
        let router = Router()
        // Method, one request header and the body, reflected back.
        router.on("/echo", method: .get) { request, context in try await echo(request) }
        router.on("/echo", method: .post) { request, context in try await echo(request) }
        router.on("/echo", method: .put) { request, context in try await echo(request) }
        router.get("/status/{code}") { _, context in
            Response(status: .init(code: try context.parameters.require("code", as: Int.self)))
        }
        router.on("/redirect/{n}", method: .get) { request, context in try redirect(context) }
        router.on("/redirect/{n}", method: .post) { request, context in try redirect(context) }
        // `/redirect-to?status=307&to=<url>`: one redirect with the given status to any URL.
        router.on("/redirect-to", method: .get) { request, _ in redirectTo(request) }
        router.on("/redirect-to", method: .post) { request, _ in redirectTo(request) }
        router.get("/big/{n}") { _, context in
            let count = try context.parameters.require("n", as: Int.self)
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(repeating: 0x61, count: count)))
        }
        router.get("/chunked/{n}") { _, context in
            let count = try context.parameters.require("n", as: Int.self)
            return Response(status: .ok, body: .init { writer in
                var left = count
                while left > 0 {
                    let size = min(left, 64 * 1024)
                    try await writer.write(ByteBuffer(repeating: 0x62, count: size))
                    left -= size
                }
                try await writer.finish(nil)
            })
        }
        router.get("/slow/{ms}") { _, context in
            try await Task.sleep(for: .milliseconds(try context.parameters.require("ms", as: Int.self)))
            return "slow"
        }
        router.get("/hang") { _, _ in
            events.hangContinuation.yield()
            try await Task.sleep(for: .seconds(10))
            return "too late"
        }
        router.get("/gzip") { _, _ in
            var headers = HTTPFields()
            headers[.contentEncoding] = "gzip"
            headers[.contentType] = "text/plain"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: gzipBody)))
        }
        router.get("/headers") { _, _ in
            var headers = HTTPFields()
            headers[HTTPField.Name("X-Custom-Header")!] = "custom value"
            headers.append(HTTPField(name: .setCookie, value: "a=1"))
            headers.append(HTTPField(name: .setCookie, value: "b=2"))
            return Response(status: .ok, headers: headers)
        }
        router.get("/hit") { _, _ in
            events.hits.withLock { $0.append(.now) }
            return "hit"
        }
        return router
    }

    private static func echo(_ request: Request) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 20)
        var headers = HTTPFields()
        headers[HTTPField.Name("X-Method")!] = request.method.rawValue
        headers[HTTPField.Name("X-Echo-Test")!] = request.headers[HTTPField.Name("X-Test")!] ?? "-"
        headers[HTTPField.Name("X-Echo-Content-Type")!] = request.headers[.contentType] ?? "-"
        headers[HTTPField.Name("X-Echo-Accept-Encoding")!] = request.headers[.acceptEncoding] ?? "-"
        headers[HTTPField.Name("X-Echo-Api-Key")!] = request.headers[HTTPField.Name("X-Api-Key")!] ?? "-"
        headers[HTTPField.Name("X-Echo-Authorization")!] = request.headers[.authorization] ?? "-"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }

    private static func redirectTo(_ request: Request) -> Response {
        var headers = HTTPFields()
        headers[.location] = request.uri.queryParameters.get("to") ?? "/"
        let status = request.uri.queryParameters.get("status").flatMap { Int($0) } ?? 302
        return Response(status: .init(code: status), headers: headers)
    }

    private static func redirect(_ context: BasicRequestContext) throws -> Response {
        let left = try context.parameters.require("n", as: Int.self)
        guard left > 0 else { return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "arrived"))) }
        var headers = HTTPFields()
        headers[.location] = "/redirect/\(left - 1)"
        return Response(status: .found, headers: headers)
    }
}
