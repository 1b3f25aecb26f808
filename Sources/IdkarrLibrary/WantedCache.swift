import IdkarrDomain
import IdkarrStore
import Synchronization

/// The sorted missing and cutoff-unmet lists of recent queries, so that paging through a big
/// library's wanted list scans the 250,000 episodes once instead of once per page.
///
/// A list stays right while three things hold: the media snapshot is the same array (recognised by
/// its storage, as `MediaListCache` does: any write yields new storage), the quality profiles are
/// the same, and no air or release time between when it was made and now has passed — the list
/// records the earliest such time (`validUntil`). A clock moved backwards also starts over.
final class WantedCache: Sendable {
    struct Key: Hashable {
        var list: WantedQuery.List
        var sortKey: WantedQuery.SortKey
        var ascending: Bool
        var instanceId: Int?
        var monitored: Bool

        init(_ q: WantedQuery) {
            list = q.list
            sortKey = q.sortKey
            ascending = q.ascending
            instanceId = q.instanceId
            monitored = q.monitored
        }
    }

    private struct Entry {
        var hits: [WantedQuery.Hit]
        var madeAt: Double
        var validUntil: Double
    }

    private struct State {
        var docs: [Stored<Media>] = []
        var profiles: [Stored<QualityProfile>] = []
        var entries: [Key: Entry] = [:]
    }

    /// Lists remembered per snapshot (the largest at the design size is ~62,000 items, 1.5 MB).
    static let capacity = 4
    private let state = Mutex(State())

    /// The sorted list of `query` at `now`, from the cache or made by `compute`.
    func hits(for query: WantedQuery, in docs: [Stored<Media>], profiles: [Stored<QualityProfile>], now: Double,
              compute: () -> (hits: [WantedQuery.Hit], validUntil: Double)) -> [WantedQuery.Hit] {
        let key = Key(query)
        return state.withLock { s in
            if !s.docs.isSameSnapshot(as: docs) || !s.profiles.isSameSnapshot(as: profiles) {
                s = State(docs: docs, profiles: profiles)
            }
            if let entry = s.entries[key], entry.madeAt <= now, now <= entry.validUntil { return entry.hits }
            let made = compute()
            if s.entries.count >= Self.capacity { s.entries.removeAll(keepingCapacity: true) }
            if !docs.isEmpty { s.entries[key] = Entry(hits: made.hits, madeAt: now, validUntil: made.validUntil) }
            return made.hits
        }
    }
}
