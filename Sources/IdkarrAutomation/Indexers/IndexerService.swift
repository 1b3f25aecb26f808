import Foundation
import IdkarrDomain
import IdkarrIndexers
import IdkarrLibrary
import IdkarrNet
import IdkarrStore
import Logging

extension IndexerDefinition: StoredDocument {
    public static let collection = "indexers"
    public static let schemaVersion = 1
}

/// The configured indexers: validated writes with the key kept secret, status and statistics,
/// cached caps, the shared settings, and the client that talks to each (see `IndexerSearch`,
/// `IndexerTest` and `RssSync` for what is done with them).
public final class IndexerService: Sendable {
    public let definitions: DocumentCollection<IndexerDefinition>
    let statusBook: IndexerStatusBook
    let capsCache: IndexerCapsCache
    let settingsDocs: DocumentCollection<IndexerSettings>
    let library: Library
    let transport: CurlHTTPClient
    let logger: Logger
    let now: @Sendable () -> Date
    /// The longest one indexer may take to answer a search (all its queries and pages).
    let searchDeadline: Duration

    public static func open(
        in folder: DataFolder, library: Library, transport: CurlHTTPClient, logger: Logger,
        now: @escaping @Sendable () -> Date = Date.init, searchDeadline: Duration = .seconds(60)
    ) async throws -> IndexerService {
        let statuses = try await folder.collection(
            IndexerStatusRecord.self, indexes: [SecondaryIndex(IndexerStatusBook.index) { [String($0.indexerId)] }])
        let caps = try await folder.collection(
            IndexerCapsRecord.self, indexes: [SecondaryIndex(IndexerCapsCache.index) { [String($0.indexerId)] }])
        return IndexerService(
            definitions: try await folder.collection(IndexerDefinition.self),
            statusBook: IndexerStatusBook(documents: statuses, logger: logger),
            capsCache: IndexerCapsCache(documents: caps, now: now),
            settingsDocs: try await folder.collection(IndexerSettings.self),
            library: library, transport: transport, logger: logger, now: now, searchDeadline: searchDeadline)
    }

    init(
        definitions: DocumentCollection<IndexerDefinition>, statusBook: IndexerStatusBook, capsCache: IndexerCapsCache,
        settingsDocs: DocumentCollection<IndexerSettings>, library: Library, transport: CurlHTTPClient, logger: Logger,
        now: @escaping @Sendable () -> Date, searchDeadline: Duration
    ) {
        self.definitions = definitions
        self.statusBook = statusBook
        self.capsCache = capsCache
        self.settingsDocs = settingsDocs
        self.library = library
        self.transport = transport
        self.logger = logger
        self.now = now
        self.searchDeadline = searchDeadline
    }

    // MARK: status

    public func status(of indexerId: Int) -> IndexerStatus { statusBook.status(of: indexerId) }

    /// Records a query's outcome: a success resets the backoff, a failure extends it.
    public func record(_ indexerId: Int, _ change: @Sendable (IndexerStatus) -> IndexerStatus) async {
        await statusBook.record(indexerId, change)
    }

    /// Writes the statistics not yet written (on shutdown).
    public func flush() async { await statusBook.flush() }

    // MARK: settings

    public var settings: Stored<IndexerSettings>? { settingsDocs.all().first }
    public var currentSettings: IndexerSettings { settings?.body ?? IndexerSettings() }

    /// `ifVersion` 0 expects the defaults (nothing saved yet); a stale version is a conflict.
    public func updateSettings(_ new: IndexerSettings, ifVersion: Int?) async throws -> Stored<IndexerSettings> {
        try new.validate()
        if let current = settings { return try await settingsDocs.update(current.id, ifVersion: ifVersion ?? current.version, new) }
        if let ifVersion, ifVersion != 0 {
            throw ServiceError(.conflict, "The indexer settings were never saved (version 0), not version \(ifVersion). Reload and try again.")
        }
        return try await settingsDocs.create(new)
    }

    // MARK: definitions

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
        let saved = try await definitions.update(id, ifVersion: ifVersion ?? current.version, updated)
        // Another address or key may be another indexer: its caps are asked again.
        if Self.endpointChanged(current.body, updated) { await capsCache.forget(id) }
        return saved
    }

    public func delete(_ id: Int, ifVersion: Int?) async throws {
        guard definitions.get(id) != nil else { throw ServiceError.notFound("Indexer", id) }
        try await definitions.delete(id, ifVersion: ifVersion)
        await statusBook.remove(id)
        await capsCache.forget(id)
    }

    private func check(_ definition: IndexerDefinition, id: Int?) throws {
        try definition.validate()
        var v = Validator()
        if let missing = definition.tags.first(where: { library.tags.get($0) == nil }) { v.check(false, "tags", "Tag \(missing) does not exist.") }
        let taken = definitions.all().contains { $0.id != id && $0.body.name.lowercased() == definition.name.lowercased() }
        try v.throwIfInvalid()
        if taken { throw ServiceError(.conflict, "An indexer named \"\(definition.name)\" exists already.") }
    }

    static func endpointChanged(_ a: IndexerDefinition, _ b: IndexerDefinition) -> Bool {
        a.baseURL != b.baseURL || a.apiPath != b.apiPath || a.apiKey != b.apiKey || a.kind != b.kind
            || a.additionalParameters != b.additionalParameters
    }

    // MARK: clients and caps

    /// The client for a definition (saved or only being tested).
    func client(for definition: IndexerDefinition) -> NewznabClient<CurlHTTPClient> {
        let endpoint = IndexerEndpoint(
            name: definition.name, baseURL: definition.baseURL, apiPath: definition.apiPath, apiKey: definition.apiKey,
            dialect: definition.kind == .torznab ? .torznab : .newznab)
        return NewznabClient(endpoint: endpoint, transport: transport, logger: logger, now: now)
    }

    /// The indexer's caps: cached for 7 days, asked again when older, missing or `refresh`.
    public func caps(of id: Int, refresh: Bool = false) async throws -> IndexerCaps {
        guard let definition = definitions.get(id)?.body else { throw ServiceError.notFound("Indexer", id) }
        return try await caps(of: id, definition, refresh: refresh)
    }

    /// When the cached caps of an indexer were fetched (nil: none cached).
    public func capsFetched(_ id: Int) -> Date? { capsCache.entry(id)?.fetchedAt }

    func caps(of id: Int, _ definition: IndexerDefinition, refresh: Bool = false) async throws(IndexerError) -> IndexerCaps {
        if !refresh, let cached = capsCache.fresh(id) { return cached }
        let caps = try await client(for: definition).caps()
        await capsCache.store(caps, for: id)
        return caps
    }
}
