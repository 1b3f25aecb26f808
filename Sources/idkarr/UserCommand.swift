import ArgumentParser

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Create users or reset passwords from a shell.")
    func run() async throws { throw ValidationError("not yet implemented") }
}
