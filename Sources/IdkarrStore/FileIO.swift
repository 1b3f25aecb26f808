import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A test hook: makes one step of the write path fail with a chosen errno.
///
/// Why: the tests run as root, for whom permission bits do not stop writes, and a full disk or a
/// failing fsync cannot be provoked on demand. The failure is injected at the system-call
/// boundary (after the real call would run), so every line of the error handling above it is
/// the production code. Unarmed, each check is one uncontended lock.
final class FaultInjector: Sendable {
    enum Step: Hashable, Sendable { case write, fsyncFile, rename, fsyncDirectory, append }
    private let armed = Mutex<[Step: Int32]>([:])

    func arm(_ step: Step, errno: Int32) { armed.withLock { $0[step] = errno } }
    func disarm() { armed.withLock { $0.removeAll() } }
    func check(_ step: Step) -> Int32? { armed.withLock { $0[step] } }
}

/// The few system calls of the store, with errors as `StoreError`.
enum FileIO {
    private static let tempCounter = Atomic<Int>(0)

    /// `open(2)` (a named wrapper: inside types with an `open` method the bare name is shadowed).
    static func openFile(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
        open(path, flags, mode)
    }

    static func readFile(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io("reading", path: path, errno: errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw StoreError.io("reading", path: path, errno: errno) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw StoreError(.corrupt, "\(path) is not a regular file") }
        // Exactly the size fstat reported: documents are replaced by rename, never changed in
        // place, and log segments are appended only by their own actor, which is also the reader.
        let size = Int(st.st_size)
        if size == 0 { return try readToEnd(fd, path: path) }  // empty, or a /proc file of unknown size
        var failure: Int32 = 0
        let result = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
            count = 0
            while count < size {
                let n = read(fd, buf.baseAddress! + count, size - count)
                if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                if n == 0 { return }
                count += n
            }
        }
        if failure != 0 { throw StoreError.io("reading", path: path, errno: failure) }
        return result
    }

    private static func readToEnd(_ fd: Int32, path: String) throws -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw StoreError.io("reading", path: path, errno: errno) }
            if n == 0 { return result }
            result += chunk[0..<n]
        }
    }

    /// Names of the entries of a directory (not `.` and `..`); nil if it does not exist.
    static func list(_ path: String) throws -> [String]? {
        guard let dir = opendir(path) else {
            if errno == ENOENT { return nil }
            throw StoreError.io("listing", path: path, errno: errno)
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates a directory (and its parents) and makes its entry durable.
    static func makeDirectory(_ path: String) throws {
        if isDirectory(path) { return }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try makeDirectory(parent) }
        if mkdir(path, 0o700) != 0 && errno != EEXIST { throw StoreError.io("creating the directory", path: path, errno: errno) }
        if !parent.isEmpty { try syncDirectory(parent) }
    }

    static func openDirectory(_ path: String) throws -> Int32 {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io("opening the directory", path: path, errno: errno) }
        return fd
    }

    static func syncDirectory(_ path: String) throws {
        let fd = try openDirectory(path)
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw StoreError.io("syncing the directory", path: path, errno: errno) }
    }

    /// The outcome of a failed durable write: `durabilityLost` when an fsync failed, after which
    /// the kernel may have dropped the dirty pages and nothing written can be trusted.
    struct WriteFailure: Error {
        let error: StoreError
        let durabilityLost: Bool
    }

    /// Atomic replace: temp file in the same directory, write, fsync, rename, fsync directory.
    /// On failure the temp file is removed and the old file is untouched (unless the directory
    /// fsync failed after the rename: then either version may survive a power loss).
    static func replace(directory: String, directoryFD: Int32, name: String, bytes: UnsafeRawBufferPointer,
                        faults: FaultInjector) throws(WriteFailure) {
        let n = tempCounter.wrappingAdd(1, ordering: .relaxed).oldValue
        let tempPath = directory + "/.\(name).tmp-\(getpid())-\(n)"
        let target = directory + "/" + name
        let fd = open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw WriteFailure(error: .io("creating", path: tempPath, errno: errno), durabilityLost: false) }
        func abandon(_ what: String, _ code: Int32, lost: Bool) -> WriteFailure {
            close(fd)
            unlink(tempPath)
            return WriteFailure(error: .io(what, path: target, errno: code), durabilityLost: lost)
        }
        var written = 0
        while written < bytes.count {
            if let injected = faults.check(.write) { throw abandon("writing", injected, lost: false) }
            let w = write(fd, bytes.baseAddress! + written, bytes.count - written)
            if w < 0 { if errno == EINTR { continue }; throw abandon("writing", errno, lost: false) }
            written += w
        }
        if fsync(fd) != 0 { throw abandon("syncing", errno, lost: true) }
        if let injected = faults.check(.fsyncFile) { throw abandon("syncing", injected, lost: true) }
        close(fd)
        var renameError = rename(tempPath, target) == 0 ? 0 : errno
        if renameError == 0, let injected = faults.check(.rename) { renameError = injected }
        if renameError != 0 {
            unlink(tempPath)
            throw WriteFailure(error: .io("replacing", path: target, errno: renameError), durabilityLost: false)
        }
        if fsync(directoryFD) != 0 { throw WriteFailure(error: .io("syncing the directory of", path: target, errno: errno), durabilityLost: true) }
        if let injected = faults.check(.fsyncDirectory) {
            throw WriteFailure(error: .io("syncing the directory of", path: target, errno: injected), durabilityLost: true)
        }
    }

    /// Removes a file and makes the removal durable.
    static func remove(directory: String, directoryFD: Int32, name: String, faults: FaultInjector) throws(WriteFailure) {
        let target = directory + "/" + name
        guard unlink(target) == 0 else { throw WriteFailure(error: .io("removing", path: target, errno: errno), durabilityLost: false) }
        if fsync(directoryFD) != 0 { throw WriteFailure(error: .io("syncing the directory of", path: target, errno: errno), durabilityLost: true) }
        if let injected = faults.check(.fsyncDirectory) {
            throw WriteFailure(error: .io("syncing the directory of", path: target, errno: injected), durabilityLost: true)
        }
    }
}
