import Foundation
import IdkarrDomain
import IdkarrStore

/// What the disk says about a root folder right now.
public struct RootFolderStatus: Sendable {
    public var accessible: Bool
    public var freeSpace: Int64
    public var totalSpace: Int64
    public var unmappedFolders: [(name: String, path: String)]
}

extension Library {
    public func createRootFolder(path rawPath: String, instanceId: Int) async throws -> Stored<RootFolder> {
        var v = Validator()
        v.check(instances.get(instanceId) != nil, "instanceId", "Instance \(instanceId) does not exist.")
        let path = Self.normalize(rawPath)
        if let problem = Self.folderProblem(path) { v.check(false, "path", problem) }
        v.check(!rootFolders.all().contains { $0.body.path == path }, "path", "\(path) is already a root folder.")
        try v.throwIfInvalid()
        return try await rootFolders.create(RootFolder(path: path, instanceId: instanceId))
    }

    /// Refused while titles live in the folder.
    public func deleteRootFolder(_ id: Int, ifVersion: Int?) async throws {
        guard rootFolders.get(id) != nil else { throw ServiceError.notFound("Root folder", id) }
        let titles = media.lookup(MediaIndex.rootFolder, String(id)).count
        if titles > 0 { throw ServiceError(.conflict, "Root folder \(id) holds \(titles) title(s); remove or move them first.") }
        try await rootFolders.delete(id, ifVersion: ifVersion)
    }

    public func status(of folder: Stored<RootFolder>) -> RootFolderStatus {
        let path = folder.body.path
        guard Self.folderProblem(path) == nil else {
            return RootFolderStatus(accessible: false, freeSpace: 0, totalSpace: 0, unmappedFolders: [])
        }
        let (free, total) = Self.space(path)
        let mapped = Set(media.lookup(MediaIndex.rootFolder, String(folder.id)).compactMap { media.get($0)?.body.path })
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let unmapped = names.sorted().compactMap { name -> (name: String, path: String)? in
            guard !name.hasPrefix(".") else { return nil }
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: child, isDirectory: &isDir), isDir.boolValue, !mapped.contains(child) else { return nil }
            return (name, child)
        }
        return RootFolderStatus(accessible: true, freeSpace: free, totalSpace: total, unmappedFolders: unmapped)
    }

    static func normalize(_ path: String) -> String {
        var p = path.trimmingCharacters(in: .whitespacesAndNewlines)
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }

    /// Why a path cannot be a root folder, or nil when it can.
    public static func folderProblem(_ path: String) -> String? {
        guard path.hasPrefix("/") else { return "The path must be absolute." }
        guard !path.split(separator: "/").contains("..") else { return "The path must not contain '..'." }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return "\(path) does not exist." }
        guard isDir.boolValue else { return "\(path) is not a folder." }
        // access(2) says yes to root for any folder, so prove it by creating and removing a file.
        let probe = path + "/.idkarr-write-test-\(UInt32.random(in: 0...UInt32.max))"
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else { return "\(path) is not writable." }
        try? FileManager.default.removeItem(atPath: probe)
        return nil
    }

    static func space(_ path: String) -> (free: Int64, total: Int64) {
        var s = statvfs()
        guard statvfs(path, &s) == 0 else { return (0, 0) }
        return (Int64(s.f_bavail) * Int64(s.f_frsize), Int64(s.f_blocks) * Int64(s.f_frsize))
    }
}
