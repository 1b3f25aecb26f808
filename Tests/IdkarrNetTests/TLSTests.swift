import Foundation
import Testing

@testable import IdkarrNet

/// TLS against a real HTTPS server with a self-signed certificate: `openssl s_server -www`.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")))
struct TLSTests {
    let client = CurlHTTPClient(configuration: NetConfiguration(connectTimeout: .seconds(5), timeout: .seconds(20)))

    @Test func selfSignedCertificateIsRefusedUnlessTheRequestOptsOut() async throws {
        let server = try SelfSignedServer()
        defer { server.stop() }
        let port = try await server.port()
        let url = "https://127.0.0.1:\(port)/?apikey=secret"

        let error = await #expect(throws: NetError.self) { try await client.send(.get(url)) }
        #expect(error?.code == .tls)
        #expect(error.map { "\($0)".contains("secret") } == false)

        var insecure = NetRequest.get(url)
        insecure.verifyTLS = false
        let response = try await client.send(insecure)
        #expect(response.status == 200)
        #expect(response.text.contains("<HTML>"))
    }
}

/// Runs `openssl s_server` on 127.0.0.1 and a free port with a fresh self-signed certificate.
private final class SelfSignedServer: Sendable {
    let folder: URL
    let process: Process

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("idkarr-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let key = folder.appendingPathComponent("key.pem").path
        let cert = folder.appendingPathComponent("cert.pem").path
        try Self.openssl([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost",
        ]).waitUntilExit()
        let log = folder.appendingPathComponent("server.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process = try Self.openssl(
            ["s_server", "-accept", "127.0.0.1:0", "-cert", cert, "-key", key, "-www"],
            output: try FileHandle(forWritingTo: log))
    }

    /// Waits (up to 10 s) for the "ACCEPT 127.0.0.1:<port>" line.
    func port() async throws -> Int {
        let log = folder.appendingPathComponent("server.log")
        for _ in 0..<200 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT") }),
                let port = line.split(separator: ":").last.flatMap({ Int($0) }) {
                return port
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CancellationError()
    }

    func stop() {
        // SIGKILL: s_server may not stop on SIGTERM while it waits in accept().
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    private static func openssl(_ arguments: [String], output: FileHandle? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = output ?? FileHandle.nullDevice
        try process.run()
        return process
    }
}
