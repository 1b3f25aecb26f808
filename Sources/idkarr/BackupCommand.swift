import ArgumentParser
import Foundation
import IdkarrStore

/// `idkarr backup --to FILE`: a gzip'd tar of the data folder. Restore by unpacking it into an
/// empty folder and pointing `--data` at it. Safe while the server runs.
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write an archive (.tar.gz) of the data folder.")

    @Option(help: "The data folder (env IDKARR_DATA; default ./data).") var data: String?
    @Option(help: "The archive to write.") var to: String

    func run() async throws {
        let folder = URL(fileURLWithPath: data ?? ProcessInfo.processInfo.environment["IDKARR_DATA"] ?? "./data").standardizedFileURL
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
            throw CLIFailure("\(folder.path) is not a data folder.")
        }
        let target = URL(fileURLWithPath: to).standardizedFileURL
        do {
            try BackupArchive.write(folder: folder, to: target)
        } catch {
            throw CLIFailure("backup failed: \(error)")
        }
        print("wrote \(target.path)")
    }
}
