import Foundation
import IdkarrDomain
import IdkarrIndexers
import IdkarrLibrary
import IdkarrStore
import Logging

extension IndexerDefinition: StoredDocument {
    public static let collection = "indexers"
    public static let schemaVersion = 1
}

/// An indexer's health and statistics, one document per indexer (written on every query, so
/// kept apart from the definition the user edits).
public struct IndexerStatusRecord: Codable, Sendable, Equatable, StoredDocument {
    public static let collection = "indexer-status"
    public static let schemaVersion = 1
    public var indexerId: Int
    public var status: IndexerStatus

    public init(indexerId: Int, status: IndexerStatus = IndexerStatus()) {
        self.indexerId = indexerId
        self.status = status
    }
}

/// The configured indexers: validated writes, the key kept secret, status and statistics.
public final class IndexerService: Sendable {
    public let definitions: DocumentCollection<IndexerDefinition>
    let statuses: DocumentCollection<IndexerStatusRecord>
    let library: Library
    let logger: Logger

    public static func open(in folder: DataFolder, library: Library, logger: Logger) async throws -> IndexerService {
        IndexerService(
            definitions: try await folder.collection(IndexerDefinition.self),
            statuses: try await folder.collection(IndexerStatusRecord.self, indexes: [SecondaryIndex("indexer") { [String($0.indexerId)] }]),
            library: library, logger: logger)
    }

    init(definitions: DocumentCollection<IndexerDefinition>, statuses: DocumentCollection<IndexerStatusRecord>, library: Library, logger: Logger) {
        self.definitions = definitions
        self.statuses = statuses
        self.library = library
        self.logger = logger
    }

    public func status(of indexerId: Int) -> IndexerStatus {
        statuses.lookup("indexer", String(indexerId)).first.flatMap { statuses.get($0)?.body.status } ?? IndexerStatus()
    }

    public func create(_ definition: IndexerDefinition) async throws -> Stored<IndexerDefinition> {
        try check(definition, id: nil)
        let saved = try await definitions.create(definition)
        logger.info("indexer added: \(definition.name) (\(definition.kind.rawValue))")
        return saved
    }

    public func update(_ id: Int, ifVersion: Int?, _ change: (inout IndexerDefinition) -> Void) async throws -> Stored<IndexerDefinition> {
        guard let current = definitions.get(id) else { throw ServiceError.notFound("Indexer", id) }
        var updated = current.body
        change(&updated)
        try check(updated, id: id)
        return try await definitions.update(id, ifVersion: ifVersion ?? current.version, updated)
    }

    public func delete(_ id: Int, ifVersion: Int?) async throws {
        guard definitions.get(id) != nil else { throw ServiceError.notFound("Indexer", id) }
        try await definitions.delete(id, ifVersion: ifVersion)
        for statusId in statuses.lookup("indexer", String(id)) { try? await statuses.delete(statusId) }
    }

    /// Records a query's outcome: a success resets the backoff, a failure extends it.
    public func record(_ indexerId: Int, _ change: @Sendable (IndexerStatus) -> IndexerStatus) async throws {
        if let existing = statuses.lookup("indexer", String(indexerId)).first {
            _ = try await statuses.update(existing) { (r: inout IndexerStatusRecord) in r.status = change(r.status) }
        } else {
            _ = try await statuses.create(IndexerStatusRecord(indexerId: indexerId, status: change(IndexerStatus())))
        }
    }

    private func check(_ definition: IndexerDefinition, id: Int?) throws {
        try definition.validate()
        var v = Validator()
        if let missing = definition.tags.first(where: { library.tags.get($0) == nil }) { v.check(false, "tags", "Tag \(missing) does not exist.") }
        let taken = definitions.all().contains { $0.id != id && $0.body.name.lowercased() == definition.name.lowercased() }
        try v.throwIfInvalid()
        if taken { throw ServiceError(.conflict, "An indexer named \"\(definition.name)\" exists already.") }
    }
}
