#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import IdkarrDomain

/// A video file found in a title's folder.
public struct ScannedFile: Sendable, Equatable, Hashable {
    /// Relative to the title's folder, `/`-separated (`Season 01/Show - S01E01.mkv`).
    public var relativePath: String
    public var size: Int64

    public init(relativePath: String, size: Int64) {
        self.relativePath = relativePath
        self.size = size
    }
}

/// What a walk of a title's folder found.
public struct FolderListing: Sendable, Equatable {
    /// Video files, ordered by relative path.
    public var files: [ScannedFile]
    /// Entries passed over on purpose: hidden entries, extras and NAS folders, samples, folders
    /// deeper than `maxDepth`, video-file symlinks that point out of the folder. (Symlinks to
    /// folders are never entered and not counted.)
    public var skipped: Int

    public init(files: [ScannedFile], skipped: Int) {
        self.files = files
        self.skipped = skipped
    }
}

/// The filesystem half of a disk scan: lists the video files under a title's folder. Symlinks
/// are not followed out of the folder (a link to a file inside it is listed under the link's
/// name; a link to a folder is never entered, so there are no loops). Any folder that cannot be
/// read fails the whole walk: a partial listing would clear files that are still on disk.
public enum FolderWalker {
    /// Deeper folders are not entered (and counted as skipped).
    public static let maxDepth = 16
    /// More entries than this is not one title's folder (a path set to `/` or a whole share):
    /// the walk stops with an error instead of reading the whole disk.
    public static let maxEntries = 250_000

    public static func list(_ root: String) throws(ServiceError) -> FolderListing {
        let root = trimmed(root)
        var st = stat()
        guard stat(root, &st) == 0 else {
            let e = errno
            throw ServiceError(.conflict, e == ENOENT || e == ENOTDIR
                ? "The folder \(root) does not exist." : "The folder \(root) cannot be read: \(reason(e)).")
        }
        guard st.st_mode & S_IFMT == S_IFDIR else { throw ServiceError(.conflict, "\(root) is not a folder.") }
        guard let real = realpath(root, nil) else { throw ServiceError(.conflict, "The folder \(root) cannot be read: \(reason(errno)).") }
        var walk = Walk(root: root, realRoot: String(cString: real))
        free(real)
        try walk.visit(relative: "", depth: 0)
        walk.files.sort { $0.relativePath < $1.relativePath }
        return FolderListing(files: walk.files, skipped: walk.skipped)
    }

    static func trimmed(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission denied"
        case ENOENT: "it does not exist"
        case EIO: "the device reported an I/O error"
        case ENOTDIR: "a part of the path is not a folder"
        default: String(cString: strerror(code))
        }
    }
}

/// One walk's state: the listing so far.
private struct Walk {
    let root: String
    let realRoot: String
    var files: [ScannedFile] = []
    var skipped = 0
    var entries = 0

    init(root: String, realRoot: String) {
        self.root = root
        self.realRoot = realRoot
    }

    mutating func visit(relative: String, depth: Int) throws(ServiceError) {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard let dir = opendir(path) else {
            let e = errno
            if e == ENOENT && depth > 0 { return }  // removed while we walked
            throw ServiceError(.conflict, "The folder \(path) cannot be read: \(FolderWalker.reason(e)).")
        }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var folders: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(validatingCString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard let name, name != ".", name != ".." else {
                if entry.pointee.d_name.0 != 0x2E { skipped += 1 }  // a name that is not UTF-8
                continue
            }
            entries += 1
            if entries > FolderWalker.maxEntries {
                throw ServiceError(.conflict, "The folder \(root) holds more than \(FolderWalker.maxEntries) entries; that is not one title's folder.")
            }
            let rel = relative.isEmpty ? name : relative + "/" + name
            switch kind(of: entry.pointee.d_type, name, fd) {
            case .folder:
                if VideoFiles.isExcludedFolder(name) || depth + 1 > FolderWalker.maxDepth { skipped += 1 } else { folders.append(rel) }
            case .file(let size):
                guard VideoFiles.isVideo(name) else { continue }
                if VideoFiles.isHidden(name) || VideoFiles.isSample(name) { skipped += 1; continue }
                files.append(ScannedFile(relativePath: rel, size: size))
            case .link:
                guard VideoFiles.isVideo(name), !VideoFiles.isHidden(name), !VideoFiles.isSample(name) else { continue }
                if let size = linkedFileInside(root + "/" + rel) { files.append(ScannedFile(relativePath: rel, size: size)) } else { skipped += 1 }
            case .other:
                continue
            }
        }
        for folder in folders { try visit(relative: folder, depth: depth + 1) }
    }

    enum Kind { case folder, file(Int64), link, other }

    func kind(of type: UInt8, _ name: String, _ fd: Int32) -> Kind {
        if type == UInt8(DT_DIR) { return .folder }
        if type == UInt8(DT_LNK) { return .link }
        if type != UInt8(DT_REG) && type != UInt8(DT_UNKNOWN) { return .other }
        // Size (and, on file systems without d_type, the kind) from the entry itself, not a link's target.
        if type == UInt8(DT_REG) && !VideoFiles.isVideo(name) { return .file(0) }
        var st = stat()
        guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return .other }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        case S_IFREG: return .file(Int64(st.st_size))
        default: return .other
        }
    }

    /// The size of the regular file a symlink points at, when that file lies inside the title's folder.
    func linkedFileInside(_ path: String) -> Int64? {
        guard let real = realpath(path, nil) else { return nil }
        let target = String(cString: real)
        free(real)
        guard target.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") else { return nil }
        var st = stat()
        guard stat(target, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int64(st.st_size)
    }
}
