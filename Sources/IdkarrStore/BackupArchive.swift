import Foundation

/// A backup of a data folder: a gzip'd tar of every document and log, without the lock file and
/// without half-written temp files. Restoring is unpacking it into an empty folder.
///
/// Documents are replaced by atomic rename, so each file in the archive is a whole version of
/// its document even while the server keeps writing.
public enum BackupArchive {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes the archive of `folder` to `destination` (which must not be inside the folder).
    public static func write(folder: URL, to destination: URL) throws {
        let source = folder.standardizedFileURL.path
        let target = destination.standardizedFileURL.path
        guard !target.hasPrefix(source + "/") else { throw Failure(description: "The archive cannot be written inside the data folder.") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/tar")
        process.arguments = ["--create", "--gzip", "--file", target, "--directory", source,
                             "--exclude", "./.lock", "--exclude", ".*.tmp-*", "."]
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch { throw Failure(description: "Could not start tar: \(error)") }
        process.waitUntilExit()
        // Exit 1 means "a file changed while being read": a document was replaced mid-copy; the
        // archive still holds a whole version of it (atomic rename), so that is not a failure.
        guard process.terminationStatus == 0 || process.terminationStatus == 1 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failure(description: "tar failed (\(process.terminationStatus)): \(message.prefix(500))")
        }
    }
}
