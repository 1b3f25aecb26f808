import ArgumentParser

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Verify a data folder.")
    func run() async throws { throw ValidationError("not yet implemented") }
}
