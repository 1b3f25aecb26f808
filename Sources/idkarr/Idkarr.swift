import ArgumentParser

/// The `idkarr` command line. `serve` is the default; every subcommand lives in its own file.
@main
struct Idkarr: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "idkarr",
        abstract: "TV, movies, indexers and requests for a home, in one server.",
        subcommands: [Serve.self, Parse.self, UserCommand.self, Check.self, Backup.self, Bench.self],
        defaultSubcommand: Serve.self
    )
}
