import ArgumentParser

/// `idkarr bench parse` — owned by the parser work (issue 3).
struct BenchParse: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "Titles per second of the release parser.")
    func run() throws { throw ValidationError("not yet implemented") }
}
