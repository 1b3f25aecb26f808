import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IdkarrApp
import IdkarrAuth
import Logging
import NIOCore
import Testing

/// Builds the real application over a fresh temporary data folder, as `serve` does, and runs a
/// test against it over real HTTP (Hummingbird's live test client).
struct TestApp {
    let dataFolder: URL
    let services: AppServices

    /// Argon2id with small memory so the suite stays quick; the production parameters are tested in IdkarrAuthTests.
    static let fastHasher = PasswordHasher(parameters: .init(memoryKiB: 256, iterations: 1, parallelism: 1))

    static func make() async throws -> TestApp {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("idkarr-http-\(UUID().uuidString)")
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let services = try await AppServices.open(dataFolder: folder, logger: logger, hasher: fastHasher)
        return TestApp(dataFolder: folder, services: services)
    }

    func run(_ test: @escaping @Sendable (Client) async throws -> Void) async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let webRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("web")
        let config = AppConfiguration(host: "127.0.0.1", port: 0, dataFolder: dataFolder, webRoot: webRoot)
        let app = buildApplication(config, services: services, logger: logger)
        try await app.test(.live) { client in try await test(Client(client: client)) }
    }
}

/// A thin JSON client over the live test client, with the cookie or API key of a signed-in user.
struct Client: Sendable {
    let client: any TestClientProtocol & Sendable

    init(client: some TestClientProtocol & Sendable) { self.client = client }

    struct Reply: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: ByteBuffer

        var text: String { String(buffer: body) }
        var json: Any { (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView), options: [.fragmentsAllowed])) ?? [:] }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        var records: [[String: Any]] { object["records"] as? [[String: Any]] ?? [] }
        var isProblem: Bool { headers[.contentType]?.hasPrefix("application/problem+json") == true }
        var sessionCookie: String? {
            headers[values: .setCookie].first { $0.hasPrefix("idkarr_session=") }
                .map { String($0.dropFirst("idkarr_session=".count).prefix { $0 != ";" }) }
        }
    }

    enum Auth: Sendable {
        case none
        case cookie(String)
        case apiKey(String)
    }

    @discardableResult
    func send(_ method: HTTPRequest.Method, _ uri: String, _ body: Any? = nil, auth: Auth = .none, headers extra: HTTPFields = [:])
        async throws -> Reply
    {
        var headers = extra
        switch auth {
        case .none: break
        case .cookie(let token):
            headers[.cookie] = "idkarr_session=\(token)"
            if headers[HTTPField.Name("Origin")!] == nil { headers[HTTPField.Name("Origin")!] = "http://localhost" }
        case .apiKey(let key): headers[HTTPField.Name("X-Api-Key")!] = key
        }
        var buffer: ByteBuffer?
        if let body {
            if let raw = body as? String {
                buffer = ByteBuffer(string: raw)
            } else {
                buffer = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body, options: [.fragmentsAllowed]))
            }
            headers[.contentType] = "application/json"
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: buffer)
        return Reply(status: response.status, headers: response.headers, body: response.body)
    }

    /// Creates the first account (the admin) and returns its session token.
    func setUpAdmin(_ username: String = "admin", password: String = "correct horse battery") async throws -> String {
        let reply = try await send(.post, "/api/v1/auth/register", ["username": username, "password": password])
        #expect(reply.status == .created)
        return try #require(reply.sessionCookie)
    }

    /// An admin API key, the way scripts use the API.
    func adminKey() async throws -> String {
        let cookie = try await setUpAdmin()
        let reply = try await send(.post, "/api/v1/auth/api-keys", ["name": "tests"], auth: .cookie(cookie))
        return try #require(reply.object["key"] as? String)
    }
}
