import Foundation
import IdkarrDomain
import IdkarrStore
import Synchronization

/// A page of the media list: filters, sort and paging, as the API's query parameters give them.
public struct MediaQuery: Sendable, Hashable {
    public enum SortKey: String, Sendable, CaseIterable, Hashable { case title, year, added, updated, sizeOnDisk }

    public var page = 1
    public var pageSize = 50
    public var sortKey = SortKey.title
    public var ascending = true
    public var mediaType: MediaType?
    public var status: MediaStatus?
    public var monitored: Bool?
    public var instanceId: Int?
    /// Matches titles with any of these tag ids.
    public var tags: [Int] = []
    public var search: String?

    public static let maxPageSize = 1000

    public init() {}
}

public struct Page<Record: Sendable>: Sendable {
    public var page: Int
    public var pageSize: Int
    public var totalRecords: Int
    public var records: [Record]

    public init(page: Int, pageSize: Int, totalRecords: Int, records: [Record]) {
        self.page = page
        self.pageSize = pageSize
        self.totalRecords = totalRecords
        self.records = records
    }
}

/// A page of a media query: the snapshot and the positions of the page's records in it.
public struct MediaPagePositions: Sendable {
    public var page: Int
    public var pageSize: Int
    public var totalRecords: Int
    public var docs: [Stored<Media>]
    public var positions: ArraySlice<Int32>
}

extension Library {
    /// Runs a media query against the in-memory snapshot. The filtered, sorted order of a query
    /// (everything but the paging) is cached while the snapshot stays the same, so paging through
    /// a list, or many clients asking for the same page, costs a slice instead of a sort.
    public func listMedia(_ query: MediaQuery) -> Page<Stored<Media>> {
        let page = listMediaPositions(query)
        return Page(page: page.page, pageSize: page.pageSize, totalRecords: page.totalRecords,
                    records: page.positions.map { page.docs[Int($0)] })
    }

    /// A page of a media query as positions into the snapshot it was taken from: for callers that
    /// read a few fields of each record and need not copy whole documents (the HTTP list).
    public func listMediaPositions(_ query: MediaQuery) -> MediaPagePositions {
        let docs = media.all()
        let order = mediaListCache.order(for: MediaListCache.Key(query), in: docs) { Self.filteredOrder(docs, query) }
        let size = max(1, min(query.pageSize, MediaQuery.maxPageSize))
        let page = max(1, query.page)
        let start = min(order.count, (page - 1) * size)
        let end = min(order.count, start + size)
        return MediaPagePositions(page: page, pageSize: size, totalRecords: order.count, docs: docs, positions: order[start..<end])
    }

    /// Positions in `docs` of the matches, in the query's order.
    static func filteredOrder(_ docs: [Stored<Media>], _ query: MediaQuery) -> [Int32] {
        let needle = query.search.map(TextMatch.fold).flatMap { $0.isEmpty ? nil : $0 }
        let tagSet = Set(query.tags)
        var matches: [Int32] = []
        matches.reserveCapacity(docs.count)
        for i in docs.indices {
            let m = docs[i].body
            if let id = query.instanceId, m.instanceId != id { continue }
            if let t = query.mediaType, m.mediaType != t { continue }
            if let s = query.status, m.status != s { continue }
            if let mon = query.monitored, m.monitored != mon { continue }
            if !tagSet.isEmpty, !m.tags.contains(where: tagSet.contains) { continue }
            if let needle, !TextMatch.matches(m, needle) { continue }
            matches.append(Int32(i))
        }
        // Sort keys pulled out once, so the comparisons do not copy documents.
        let titles = docs.map(\.body.sortTitle)
        let ids = docs.map(\.id)
        let ascending = query.ascending
        func ordered<T: Comparable>(_ a: T, _ b: T, _ tie: Bool) -> Bool { a == b ? tie : (ascending ? a < b : a > b) }
        func tie(_ a: Int, _ b: Int) -> Bool { titles[a] == titles[b] ? ids[a] < ids[b] : titles[a] < titles[b] }
        func sort<T: Comparable>(by key: [T]) {
            matches.sort { x, y in
                let a = Int(x), b = Int(y)
                return ordered(key[a], key[b], tie(a, b))
            }
        }
        switch query.sortKey {
        case .title: matches.sort { x, y in let a = Int(x), b = Int(y); return ordered(titles[a], titles[b], ids[a] < ids[b]) }
        case .year: sort(by: docs.map { $0.body.year ?? 0 })
        case .added: sort(by: docs.map(\.body.added))
        case .updated: sort(by: docs.map(\.updatedAt))
        case .sizeOnDisk: sort(by: docs.map(\.body.statistics.sizeOnDisk))
        }
        return matches
    }
}

/// Orders of recent media queries over one snapshot of the collection. A snapshot is recognised
/// by its array storage: the cache keeps the array alive, so any write to the collection (which
/// copies on write) yields a different storage, and the cache starts over. No write path needs
/// to know about it, so it cannot go stale.
final class MediaListCache: Sendable {
    struct Key: Hashable {
        var instanceId: Int?
        var mediaType: MediaType?
        var status: MediaStatus?
        var monitored: Bool?
        var tags: [Int]
        var search: String?
        var sortKey: MediaQuery.SortKey
        var ascending: Bool

        init(_ q: MediaQuery) {
            instanceId = q.instanceId
            mediaType = q.mediaType
            status = q.status
            monitored = q.monitored
            tags = q.tags
            search = q.search
            sortKey = q.sortKey
            ascending = q.ascending
        }
    }

    private struct State {
        var docs: [Stored<Media>] = []
        var orders: [Key: [Int32]] = [:]
    }

    /// Queries remembered per snapshot.
    static let capacity = 32
    private let state = Mutex(State())

    func order(for key: Key, in docs: [Stored<Media>], compute: () -> [Int32]) -> [Int32] {
        state.withLock { s in
            if docs.isEmpty { return [] }
            if !s.docs.isSameSnapshot(as: docs) {
                s.docs = docs
                s.orders.removeAll(keepingCapacity: true)
            }
            if let order = s.orders[key] { return order }
            let order = compute()
            if s.orders.count >= Self.capacity { s.orders.removeAll(keepingCapacity: true) }
            s.orders[key] = order
            return order
        }
    }
}

/// Case- and accent-insensitive title search.
enum TextMatch {
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    static func matches(_ media: Media, _ needle: String) -> Bool {
        if fold(media.title).contains(needle) { return true }
        return media.alternateTitles.contains { fold($0).contains(needle) }
    }
}
