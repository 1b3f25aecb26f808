import Foundation
import IdkarrIndexers
import IdkarrStore

/// An indexer's caps as last fetched, one document per indexer.
public struct IndexerCapsRecord: Codable, Sendable, Equatable, StoredDocument {
    public static let collection = "indexer-caps"
    public static let schemaVersion = 1
    public var indexerId: Int
    public var fetchedAt: Date
    public var caps: IndexerCaps
}

/// Caps are asked once and kept for 7 days (Sonarr and Prowlarr keep them as long), so a search
/// costs no extra request; the Test action and `refresh` ask again.
struct IndexerCapsCache: Sendable {
    static let index = "indexer"
    static let maxAge: TimeInterval = 7 * 24 * 3600

    let documents: DocumentCollection<IndexerCapsRecord>
    let now: @Sendable () -> Date

    func entry(_ indexerId: Int) -> IndexerCapsRecord? {
        documents.lookup(Self.index, String(indexerId)).first.flatMap { documents.get($0)?.body }
    }

    /// The cached caps when younger than `maxAge`.
    func fresh(_ indexerId: Int) -> IndexerCaps? {
        guard let entry = entry(indexerId), now().timeIntervalSince(entry.fetchedAt) < Self.maxAge else { return nil }
        return entry.caps
    }

    func store(_ caps: IndexerCaps, for indexerId: Int) async {
        let record = IndexerCapsRecord(indexerId: indexerId, fetchedAt: now(), caps: caps)
        if let id = documents.lookup(Self.index, String(indexerId)).first {
            _ = try? await documents.update(id, record)
        } else {
            _ = try? await documents.create(record)
        }
    }

    func forget(_ indexerId: Int) async {
        for id in documents.lookup(Self.index, String(indexerId)) { try? await documents.delete(id) }
    }
}
