import ArgumentParser

/// `idkarr bench store` — owned by the store work.
struct BenchStore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "store", abstract: "Durable write latency and load throughput of the document store.")
    func run() async throws { throw ValidationError("not yet implemented") }
}
