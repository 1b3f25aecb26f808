import ArgumentParser

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write an archive of the data folder.")
    func run() async throws { throw ValidationError("not yet implemented") }
}
