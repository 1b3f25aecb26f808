import ArgumentParser

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the web UI and the API (the default).")
    func run() async throws { throw ValidationError("not yet implemented") }
}
