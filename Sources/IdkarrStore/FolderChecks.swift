import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DataFolder {
    /// File system types (as `/proc/self/mountinfo` names them) whose locking, fsync and rename
    /// are not what the store relies on: network and FUSE file systems. A warning, not an error:
    /// some work, and the user may know better. (statfs `f_type` would do too, but `sys/vfs.h` is
    /// not in the Glibc module; mountinfo also names the FUSE driver.)
    static func isRemote(fileSystem type: String) -> Bool {
        let remote: Set = ["nfs", "nfs4", "cifs", "smb", "smb3", "smbfs", "9p", "ceph", "afs", "coda", "ncpfs",
                           "lustre", "gpfs", "glusterfs", "virtiofs", "sshfs", "davfs", "fuse", "fuseblk"]
        return remote.contains(type) || type.hasPrefix("fuse.")
    }

    /// The type of the file system holding `path`: the longest mount point that contains it.
    static func fileSystemType(of path: String) -> String? {
        guard let bytes = try? FileIO.readFile("/proc/self/mountinfo") else { return nil }
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var best: (length: Int, type: String)?
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            // id parent major:minor root mountpoint options [optional…] - fstype source superoptions
            let halves = line.components(separatedBy: " - ")
            let left = halves[0].split(separator: " ")
            guard halves.count == 2, left.count >= 5, let type = halves[1].split(separator: " ").first else { continue }
            let mount = left[4].replacingOccurrences(of: "\\040", with: " ")
            let contains = mount == "/" || real == mount || real.hasPrefix(mount + "/")
            if contains && mount.count > (best?.length ?? -1) { best = (mount.count, String(type)) }
        }
        return best?.type
    }

    func checkFileSystem(probeRename: Bool) {
        if let type = Self.fileSystemType(of: path), Self.isRemote(fileSystem: type) {
            state.report(StoreHealthIssue(severity: .warning, source: "filesystem",
                message: "the data folder \(path) is on a \(type) file system (network or FUSE); locking, fsync and atomic rename may not be reliable there — prefer a local disk"))
        }
        if probeRename { probeAtomicRename() }
    }

    /// Renames a fresh file over another one, as every write does.
    private func probeAtomicRename() {
        let a = path + "/.rename-probe-\(getpid())-a", b = path + "/.rename-probe-\(getpid())-b"
        defer { unlink(a); unlink(b) }
        for p in [a, b] {
            let fd = FileIO.openFile(p, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                state.report(StoreHealthIssue(severity: .error, source: "filesystem",
                    message: "cannot create files in the data folder \(path) (\(String(cString: strerror(errno)))); fix its owner or mode"))
                return
            }
            close(fd)
        }
        if rename(a, b) != 0 {
            state.report(StoreHealthIssue(severity: .error, source: "filesystem",
                message: "the file system of \(path) does not support atomic rename (\(String(cString: strerror(errno)))); documents cannot be saved safely — move the data folder to a local disk"))
        }
    }

    // MARK: - Quarantine

    /// Files already in `.quarantine` when the folder was opened: still damaged, still reported.
    func loadQuarantineList() {
        let root = path + "/" + Self.quarantineDirectory
        for collection in (try? FileIO.list(root)) ?? [] where FileIO.isDirectory(root + "/" + collection) {
            let dir = root + "/" + collection
            for name in ((try? FileIO.list(dir)) ?? []).sorted() where !name.hasSuffix(".reason") {
                let reasonBytes = try? FileIO.readFile(dir + "/" + name + ".reason")
                let reason = reasonBytes.map { String(decoding: $0, as: UTF8.self) } ?? "moved aside by an earlier run"
                let original = name.split(separator: "~").first.map(String.init) ?? name
                state.reportQuarantined(QuarantinedFile(url: URL(fileURLWithPath: dir + "/" + name), collection: collection,
                                                        fileName: original, reason: reason, movedAside: true))
            }
        }
    }

    /// Moves a damaged document to `.quarantine/<collection>/<file>~<UTC time>[~n]` with a
    /// `.reason` file beside it (never overwriting an earlier one), and reports it. In a read-only
    /// store, or if the move fails, the file stays where it is and is reported all the same.
    func quarantine(collection: String, fileName: String, reason: String) {
        let source = path + "/" + collection + "/" + fileName
        func keep(_ why: String) {
            state.reportQuarantined(QuarantinedFile(url: URL(fileURLWithPath: source), collection: collection,
                                                    fileName: fileName, reason: reason + why, movedAside: false))
        }
        guard !state.openedReadOnly else { return keep("") }
        let dir = path + "/" + Self.quarantineDirectory + "/" + collection
        do { try FileIO.makeDirectory(dir) } catch { return keep(" (could not be moved aside: \(error))") }
        let stamp = ISODate.format(Date()).replacingOccurrences(of: ":", with: "")
        var target = dir + "/" + fileName + "~" + stamp
        var n = 2
        while FileIO.exists(target) || FileIO.exists(target + ".reason") {
            target = dir + "/" + fileName + "~" + stamp + "~\(n)"
            n += 1
        }
        guard rename(source, target) == 0 else {
            return keep(" (could not be moved aside: \(String(cString: strerror(errno))))")
        }
        let note = Array(reason.utf8)
        let fd = FileIO.openFile(target + ".reason", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 {
            _ = note.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            fsync(fd)
            close(fd)
        }
        try? FileIO.syncDirectory(dir)
        try? FileIO.syncDirectory(path + "/" + collection)
        state.reportQuarantined(QuarantinedFile(url: URL(fileURLWithPath: target), collection: collection,
                                                fileName: fileName, reason: reason, movedAside: true))
    }
}
