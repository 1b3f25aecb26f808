import ArgumentParser

/// `idkarr parse [--json] [TITLE...]` — owned by the parser work (issue 3).
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Read release titles or file paths and print what idkarr understands.")
    @Argument var titles: [String] = []
    @Flag var json = false
    func run() throws { throw ValidationError("not yet implemented") }
}
