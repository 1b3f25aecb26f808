import Foundation
import IdkarrDomain
import IdkarrStore
import Logging
import Synchronization

/// An indexer's health and statistics, one document per indexer (kept apart from the definition
/// the user edits, which this never touches).
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

/// Every indexer's status, held in memory and written to its document. A change of health (a
/// failure, the end of a backoff) is written at once, before the caller goes on; a success of a
/// healthy indexer only moves counters, so it is written with the next health change or at most
/// `flushDelay` later: a search across 20 indexers costs no 20 fsync'd writes, and a crash loses
/// at most a few seconds of counters, never a backoff.
final class IndexerStatusBook: Sendable {
    private let documents: DocumentCollection<IndexerStatusRecord>
    private let live: Mutex<[Int: IndexerStatus]>
    private let pending: Mutex<(dirty: Set<Int>, flushScheduled: Bool)> = Mutex(([], false))
    private let flushDelay: Duration
    private let logger: Logger

    static let index = "indexer"

    init(documents: DocumentCollection<IndexerStatusRecord>, flushDelay: Duration = .seconds(15), logger: Logger) {
        self.documents = documents
        self.flushDelay = flushDelay
        self.logger = logger
        var statuses: [Int: IndexerStatus] = [:]
        for record in documents.all() { statuses[record.body.indexerId] = record.body.status }
        self.live = Mutex(statuses)
    }

    func status(of indexerId: Int) -> IndexerStatus {
        live.withLock { $0[indexerId] } ?? IndexerStatus()
    }

    /// Applies `change`; health changes are durable when this returns.
    func record(_ indexerId: Int, _ change: (IndexerStatus) -> IndexerStatus) async {
        let (old, new) = live.withLock { statuses in
            let old = statuses[indexerId] ?? IndexerStatus()
            let new = change(old)
            statuses[indexerId] = new
            return (old, new)
        }
        if old.consecutiveFailures != new.consecutiveFailures || old.disabledUntil != new.disabledUntil {
            await write(indexerId)
        } else if old != new {
            scheduleFlush(indexerId)
        }
    }

    /// Writes every status not written yet (called on shutdown, and by the scheduled flush).
    func flush() async {
        let dirty = pending.withLock { state in
            defer { state = ([], false) }
            return state.dirty
        }
        for id in dirty.sorted() { await write(id) }
    }

    func remove(_ indexerId: Int) async {
        _ = live.withLock { $0.removeValue(forKey: indexerId) }
        for id in documents.lookup(Self.index, String(indexerId)) { try? await documents.delete(id) }
    }

    private func scheduleFlush(_ indexerId: Int) {
        let start = pending.withLock { state in
            state.dirty.insert(indexerId)
            defer { state.flushScheduled = true }
            return !state.flushScheduled
        }
        guard start else { return }
        Task { [self] in
            try? await Task.sleep(for: flushDelay)
            await flush()
        }
    }

    private func write(_ indexerId: Int) async {
        do {
            if let existing = documents.lookup(Self.index, String(indexerId)).first {
                // Read inside the writer, so of two overlapping writes the later one holds the newest status.
                _ = try await documents.update(existing) { [self] (r: inout IndexerStatusRecord) in r.status = status(of: indexerId) }
            } else if live.withLock({ $0[indexerId] != nil }) {
                _ = try await documents.create(IndexerStatusRecord(indexerId: indexerId, status: status(of: indexerId)))
            }
        } catch {
            logger.error("could not save the status of indexer \(indexerId): \(error)")
        }
    }
}
