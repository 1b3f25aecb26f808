import Foundation
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// IdkarrStore — the generic versioned-JSON document store (ARCHITECTURE §3). In short:
//
//   <data>/.lock                        flock'd by the one writer process for its life
//   <data>/<collection>/<id>.json       {"id","version","schemaVersion","createdAt","updatedAt","body"}, mode 0600
//   <data>/.quarantine/<collection>/    damaged files moved aside (`<file>~<UTC time>` + `.reason`)
//   <data>/logs/<name>/YYYY-MM.jsonl    append-only logs, one fsync'd JSON line per record
//
// Writes: encode (JSONEncoder) → temp file → fsync → rename → fsync directory → publish the new
// snapshot to readers. A failed fsync turns the store read-only until restart (FolderState).
// Loads: every file read and parsed in parallel (one task per core) by the store's own
// validating parser (JSONTape) feeding a Codable `Decoder` (TapeDecoder); see CollectionLoader.

/// The data folder: one writer process (an exclusive `flock` held for the life of this object),
/// its collections and append-only logs, and its health.
public final class DataFolder: Sendable {
    public let url: URL
    let path: String
    let logger: Logger
    let state: FolderState
    private let lockFD: Int32
    private let collections = Mutex<[String: any Sendable]>([:])
    private let logs = Mutex<[String: AppendLog]>([:])

    static let lockFileName = ".lock"
    static let quarantineDirectory = ".quarantine"
    static let logsDirectory = "logs"

    private init(url: URL, readOnly: Bool, lockFD: Int32, logger: Logger) {
        self.url = url
        self.path = url.path
        self.logger = logger
        self.lockFD = lockFD
        self.state = FolderState(openedReadOnly: readOnly, logger: logger)
    }

    deinit {
        if lockFD >= 0 { close(lockFD) }  // releases the flock
    }

    /// Opens (creating it if needed) a data folder for writing: takes the exclusive lock (fails at
    /// once with `.locked` if another process holds it), removes temp files left by a crash, and
    /// checks the file system.
    public static func open(at url: URL, logger: Logger) throws -> DataFolder {
        let url = url.standardizedFileURL
        try FileIO.makeDirectory(url.path)
        let fd = try lock(url.path)
        let folder = DataFolder(url: url, readOnly: false, lockFD: fd, logger: logger)
        folder.sweepTempFiles(remove: true)
        folder.checkFileSystem(probeRename: true)
        folder.loadQuarantineList()
        return folder
    }

    /// Opens a data folder to look at it (`idkarr check`): no lock, no file is written, moved or
    /// migrated on disk. Damaged documents and leftover temp files are only reported.
    public static func openReadOnly(at url: URL, logger: Logger) throws -> DataFolder {
        let url = url.standardizedFileURL
        guard FileIO.isDirectory(url.path) else {
            throw StoreError(.notFound, "the data folder \(url.path) does not exist")
        }
        let folder = DataFolder(url: url, readOnly: true, lockFD: -1, logger: logger)
        folder.sweepTempFiles(remove: false)
        folder.checkFileSystem(probeRename: false)
        folder.loadQuarantineList()
        return folder
    }

    public var isReadOnly: Bool { state.openedReadOnly }

    /// The collection of `Body`, loaded from disk on the first call; later calls return the same
    /// instance (indexes they declare that it lacks are added).
    public func collection<Body: StoredDocument>(
        _ type: Body.Type, indexes: [SecondaryIndex<Body>] = []
    ) async throws -> DocumentCollection<Body> {
        let name = Body.collection
        try Names.validate(name, what: "collection")
        let task: Task<DocumentCollection<Body>, any Error> = try collections.withLock { slots in
            if let existing = slots[name] {
                guard let task = existing as? Task<DocumentCollection<Body>, any Error> else {
                    throw StoreError(.invalid, "collection \"\(name)\" is already open with another document type")
                }
                return task
            }
            // Weak: the task sits in `collections`, and must not keep the folder (and its lock) alive.
            let task = Task { [weak self] in
                guard let self else { throw StoreError(.invalid, "the data folder was closed while \(name) was loading") }
                return try await CollectionLoader<Body>(folder: self, indexes: indexes).load()
            }
            slots[name] = task
            return task
        }
        do {
            let collection = try await task.value
            await collection.addIndexes(indexes)
            return collection
        } catch {
            collections.withLock { _ = $0.removeValue(forKey: name) }  // a later call may retry
            throw error
        }
    }

    /// The append-only log `<data>/logs/<name>/` (one instance per name).
    public func appendLog(_ name: String) -> AppendLog {
        logs.withLock { logs in
            if let log = logs[name] { return log }
            let log = AppendLog(name: name, folder: self)
            logs[name] = log
            return log
        }
    }

    public func health() -> [StoreHealthIssue] { state.health }

    public func quarantined() -> [QuarantinedFile] { state.quarantined }

    // MARK: - Opening

    private static func lock(_ folder: String) throws -> Int32 {
        let path = folder + "/" + lockFileName
        let fd = FileIO.openFile(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.io("opening the lock file", path: path, errno: errno) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            var holder = ""
            if let bytes = try? FileIO.readFile(path), let pid = Int(String(decoding: bytes, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)) { holder = " (process \(pid))" }
            close(fd)
            if code == EWOULDBLOCK || code == EAGAIN {
                throw StoreError(.locked, "the data folder \(folder) is in use by another idkarr process\(holder); stop it first, or use another --data folder")
            }
            throw StoreError.io("locking", path: path, errno: code)
        }
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(fd, 0) == 0 { _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) } }
        return fd
    }

    /// Temp files of interrupted atomic replaces (`.<name>.tmp-…`) in the collection folders.
    private func sweepTempFiles(remove: Bool) {
        for dir in collectionDirectories() {
            let dirPath = path + "/" + dir
            guard let names = try? FileIO.list(dirPath) else { continue }
            let temps = names.filter(Names.isTemp)
            guard !temps.isEmpty else { continue }
            if remove {
                for name in temps { unlink(dirPath + "/" + name) }
                try? FileIO.syncDirectory(dirPath)
                logger.info("removed \(temps.count) temp file(s) left by an interrupted write in \(dir)")
            } else {
                state.report(StoreHealthIssue(severity: .warning, source: dir,
                    message: "\(temps.count) temp file(s) left by an interrupted write; they are removed when idkarr next starts"))
            }
        }
    }

    /// Names of the collection directories present on disk.
    func collectionDirectories() -> [String] {
        guard let names = try? FileIO.list(path) else { return [] }
        return names.filter { !$0.hasPrefix(".") && $0 != Self.logsDirectory && FileIO.isDirectory(path + "/" + $0) }.sorted()
    }
}
