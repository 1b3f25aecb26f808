import Foundation
import IdkarrDomain
import IdkarrStore

/// A page of the media list: filters, sort and paging, as the API's query parameters give them.
public struct MediaQuery: Sendable, Equatable {
    public enum SortKey: String, Sendable, CaseIterable { case title, year, added, updated, sizeOnDisk }

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

extension Library {
    /// Runs a media query against the in-memory snapshot.
    public func listMedia(_ query: MediaQuery) -> Page<Stored<Media>> {
        let candidates: [Stored<Media>]
        if let instanceId = query.instanceId {
            candidates = media.lookup(MediaIndex.instance, String(instanceId)).compactMap(media.get)
        } else {
            candidates = media.all()
        }
        let needle = query.search.map(TextMatch.fold).flatMap { $0.isEmpty ? nil : $0 }
        let tagSet = Set(query.tags)
        var matches = candidates.filter { doc in
            let m = doc.body
            if let t = query.mediaType, m.mediaType != t { return false }
            if let s = query.status, m.status != s { return false }
            if let mon = query.monitored, m.monitored != mon { return false }
            if !tagSet.isEmpty, !m.tags.contains(where: tagSet.contains) { return false }
            if let needle, !TextMatch.matches(m, needle) { return false }
            return true
        }
        sort(&matches, by: query.sortKey, ascending: query.ascending)
        let size = max(1, min(query.pageSize, MediaQuery.maxPageSize))
        let page = max(1, query.page)
        let start = min(matches.count, (page - 1) * size)
        let end = min(matches.count, start + size)
        return Page(page: page, pageSize: size, totalRecords: matches.count, records: Array(matches[start..<end]))
    }

    private func sort(_ docs: inout [Stored<Media>], by key: MediaQuery.SortKey, ascending: Bool) {
        func ordered<T: Comparable>(_ a: T, _ b: T, _ tie: Bool) -> Bool {
            a == b ? tie : (ascending ? a < b : a > b)
        }
        docs.sort { a, b in
            let tie = a.body.sortTitle == b.body.sortTitle ? a.id < b.id : a.body.sortTitle < b.body.sortTitle
            switch key {
            case .title: return ordered(a.body.sortTitle, b.body.sortTitle, a.id < b.id)
            case .year: return ordered(a.body.year ?? 0, b.body.year ?? 0, tie)
            case .added: return ordered(a.body.added, b.body.added, tie)
            case .updated: return ordered(a.updatedAt, b.updatedAt, tie)
            case .sizeOnDisk: return ordered(a.body.statistics.sizeOnDisk, b.body.statistics.sizeOnDisk, tie)
            }
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
