import Foundation
import IdkarrDomain
import IdkarrImport
import IdkarrLibrary
import IdkarrMetadata
import IdkarrStore
import Logging

/// One folder of a root folder that no title uses yet, with what idkarr thinks it is.
public struct ImportProposal: Sendable {
    public var folder: ImportFolderName
    public var path: String
    /// Provider answers, best first; `confidence[i]` belongs to `candidates[i]`.
    public var candidates: [LookupResult]
    public var confidence: [Double]
    /// Why no candidate could be looked up (the provider failed for this folder), if so.
    public var error: String?
}

/// The outcome of importing one folder: the new title, or why not.
public struct ImportOutcome: Sendable {
    public var path: String
    public var mediaId: Int?
    public var error: String?
}

extension TitleCatalog {
    /// The unmapped folders of a root folder, each read (title, year, ids written in the name)
    /// and looked up at the provider. A provider failure for one folder is reported on that
    /// folder; the others still get their proposals.
    public func importProposals(rootFolderId: Int, limit: Int = 200) async throws -> [ImportProposal] {
        guard let root = library.rootFolders.get(rootFolderId) else { throw ServiceError.notFound("Root folder", rootFolderId) }
        guard let instance = library.instances.get(root.body.instanceId) else { throw ServiceError.notFound("Instance", root.body.instanceId) }
        let status = library.status(of: root)
        guard status.accessible else { throw ServiceError(.conflict, "\(root.body.path) cannot be read; check that the disk is mounted.") }
        let kind: MediaKind = instance.body.mediaType.isEpisodic ? .series : .movie
        var proposals: [ImportProposal] = []
        for unmapped in status.unmappedFolders.prefix(limit) {
            let folder = ImportFolderName.read(unmapped.name)
            var proposal = ImportProposal(folder: folder, path: unmapped.path, candidates: [], confidence: [])
            do {
                let found = try await lookup(Self.term(for: folder), kind: kind)
                let scored = found.map { result in
                    (result, ImportMatch.confidence(folder: folder, candidate: ImportCandidate(
                        title: result.result.title, year: result.result.year, ids: result.result.externalIds,
                        alternateTitles: result.result.originalTitle.map { [$0] } ?? [])))
                }.sorted { $0.1 > $1.1 }.prefix(5)
                proposal.candidates = scored.map(\.0)
                proposal.confidence = scored.map(\.1)
            } catch {
                proposal.error = (error as? MetadataError)?.message ?? (error as? ServiceError)?.message ?? "\(error)"
            }
            proposals.append(proposal)
        }
        return proposals
    }

    /// What to search for: an id written in the folder name beats its title.
    static func term(for folder: ImportFolderName) -> String {
        let ids = folder.ids
        if let id = ids.tvmazeId { return "tvmaze:\(id)" }
        if let id = ids.tmdbId { return "tmdb:\(id)" }
        if let id = ids.tvdbId { return "tvdb:\(id)" }
        if let id = ids.imdbId { return "imdb:\(id)" }
        return folder.year.map { "\(folder.title) (\($0))" } ?? folder.title
    }

    /// Adds each folder as the title the user confirmed, keeping the folder as the title's path,
    /// then scans it. Each folder succeeds or fails on its own.
    public func importFolders(_ items: [(path: String, lookupId: LookupID)], template: AddTitleRequest) async throws -> [ImportOutcome] {
        guard let rootId = template.rootFolderId, let root = library.rootFolders.get(rootId) else {
            throw ServiceError.invalid("rootFolderId", "Choose the root folder the folders are in.")
        }
        var outcomes: [ImportOutcome] = []
        for item in items {
            guard Self.isDirectChild(item.path, of: root.body.path) else {
                outcomes.append(ImportOutcome(path: item.path, error: "\(item.path) is not a folder directly inside \(root.body.path)."))
                continue
            }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: item.path, isDirectory: &isDir), isDir.boolValue else {
                outcomes.append(ImportOutcome(path: item.path, error: "\(item.path) does not exist or is not a folder."))
                continue
            }
            var request = template
            request.lookupId = item.lookupId
            request.path = item.path
            do {
                let added = try await add(request)
                outcomes.append(ImportOutcome(path: item.path, mediaId: added.id))
            } catch {
                let message = (error as? MetadataError)?.message ?? (error as? ServiceError)?.message ?? "\(error)"
                outcomes.append(ImportOutcome(path: item.path, error: message))
            }
        }
        logger.info("library import: \(outcomes.filter { $0.mediaId != nil }.count) of \(items.count) folders added")
        return outcomes
    }

    /// True for `/root/Name` (no `..`, no deeper folder): import never points a title elsewhere.
    static func isDirectChild(_ path: String, of root: String) -> Bool {
        let base = root.hasSuffix("/") ? root : root + "/"
        guard path.hasPrefix(base) else { return false }
        let name = path.dropFirst(base.count)
        return !name.isEmpty && !name.contains("/") && name != ".." && name != "."
    }
}
