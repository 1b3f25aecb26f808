import ArgumentParser
import Foundation
import IdkarrStore
import Logging

/// `idkarr check [--data DIR]`: reads every document without changing anything and says whether
/// the folder is healthy. Exit 0 healthy, 1 problems found, 2 the folder cannot be read.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Verify a data folder (exit code 0 when healthy).")

    @Option(help: "The data folder (env IDKARR_DATA; default ./data).") var data: String?

    func run() async throws {
        let url = URL(fileURLWithPath: data ?? ProcessInfo.processInfo.environment["IDKARR_DATA"] ?? "./data").standardizedFileURL
        let folder: DataFolder
        do {
            folder = try DataFolder.openReadOnly(at: url, logger: Logger(label: "idkarr.check"))
        } catch {
            FileHandle.standardError.write(Data("idkarr check: cannot read \(url.path): \(error)\n".utf8))
            throw ExitCode(2)
        }
        let report = folder.verify()
        for (collection, count) in report.documents.sorted(by: { $0.key < $1.key }) {
            print("\(collection): \(count) document(s)")
        }
        for (log, count) in report.logRecords.sorted(by: { $0.key < $1.key }) {
            print("log \(log): \(count) record(s)")
        }
        for file in folder.quarantined() {
            print("quarantined: \(file.collection)/\(file.fileName) at \(file.url.path) (\(file.reason))")
        }
        for problem in report.problems { print(problem.description) }
        print(report.isHealthy ? "healthy" : "NOT healthy: \(report.problems.filter { $0.severity == .error }.count) error(s)")
        if !report.isHealthy { throw ExitCode(1) }
    }
}
