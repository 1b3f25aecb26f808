import ArgumentParser
import Foundation
import Hummingbird
import NIOCore
import Logging

/// `idkarr bench trivial-server` — the baseline for `bench-app.sh`: a separate, tiny Hummingbird
/// application in this same binary, with the server configuration `serve` uses, answering
/// `GET /ping` with "pong". The media list's throughput is compared against this route's, so the
/// comparison is the same machine, the same framework and the same build. `GET /bytes/N` sends a
/// ready-made body of N bytes: the cost of the transport alone for a response of that size.
struct BenchTrivialServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "trivial-server", abstract: "Serve GET /ping → pong (a baseline for wrk).")

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 7980

    func run() async throws {
        var logger = Logger(label: "idkarr.bench.trivial")
        logger.logLevel = .warning
        let router = Router()
        router.get("ping") { _, _ in "pong" }
        // The transport floor: a ready-made body of n bytes (≤ 4 MiB), to compare a list page with
        // a route that sends as many bytes but does no work.
        let blob = ByteBuffer(repeating: UInt8(ascii: "x"), count: 4 << 20)
        router.get("bytes/:n") { _, context -> Response in
            let n = min(4 << 20, max(0, context.parameters.get("n", as: Int.self) ?? 0))
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: blob.getSlice(at: 0, length: n)!))
        }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "idkarr"),
            onServerRunning: { _ in FileHandle.standardOutput.write(Data("ready\n".utf8)) },
            logger: logger
        )
        try await app.runService()
    }
}
