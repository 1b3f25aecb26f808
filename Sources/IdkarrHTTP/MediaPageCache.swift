import IdkarrDomain
import IdkarrLibrary
import IdkarrStore
import NIOCore
import Synchronization

/// Whole answers of recent media-list queries over one snapshot of the collection, so a page that
/// several clients (or one refreshing UI) ask for again is sent from a ready buffer.
///
/// A snapshot is recognised by its array storage, as `MediaListCache` in IdkarrLibrary does: the
/// cache keeps the array alive, any write to the collection yields new storage, and the cache
/// starts over — no write path needs to know about it, so an answer is never stale.
/// Bounded in bytes; large pages (over 256 KiB) are not kept.
final class MediaPageCache: Sendable {
    private struct State {
        var docs: [Stored<Media>] = []
        var bodies: [MediaQuery: ByteBuffer] = [:]
        var bytes = 0
    }

    static let maxBytes = 4 << 20
    static let maxBody = 256 << 10
    private let state = Mutex(State())

    /// The cached answer of `query` over exactly this snapshot, or nil.
    func body(for query: MediaQuery, in docs: [Stored<Media>]) -> ByteBuffer? {
        state.withLock { s in
            guard s.docs.isSameSnapshot(as: docs) else { return nil }
            return s.bodies[query]
        }
    }

    func store(_ body: ByteBuffer, for query: MediaQuery, in docs: [Stored<Media>]) {
        guard body.readableBytes <= Self.maxBody, !docs.isEmpty else { return }
        state.withLock { s in
            if !s.docs.isSameSnapshot(as: docs) {
                s = State(docs: docs)
            }
            if s.bytes + body.readableBytes > Self.maxBytes {
                s.bodies.removeAll(keepingCapacity: true)
                s.bytes = 0
            }
            if s.bodies.updateValue(body, forKey: query) == nil { s.bytes += body.readableBytes }
        }
    }
}
