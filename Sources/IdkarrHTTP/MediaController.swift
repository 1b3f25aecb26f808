import Foundation
import Hummingbird
import NIOCore
import Synchronization
import IdkarrStore
import IdkarrDomain
import IdkarrLibrary
import IdkarrParsing

/// `/api/v1/media`: the titles of every instance.
struct MediaController {
    let library: Library
    let rows = MediaRowCache()
    let pages = MediaPageCache()

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: list)
        group.post(use: create)
        group.get(":id", use: get)
        group.put(":id", use: update)
        group.delete(":id", use: delete)
        group.put(":id/monitor", use: monitor)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireUser()
        let query = try Self.query(from: request.formQuery)
        let page = library.listMediaPositions(query)
        let buffer = try pages.body(for: query, in: page.docs) ?? {
            let built = try listBody(page)
            pages.store(built, for: query, in: page.docs)
            return built
        }()
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: buffer))
    }

    /// The same JSON `PageResource` of `MediaResource(withEpisodes: false)` gives, with each row
    /// encoded once per document version, in one allocation.
    private func listBody(_ page: MediaPagePositions) throws -> ByteBuffer {
        let encoded = try page.positions.map { try rows.row(page.docs, Int($0)) }
        var buffer = ByteBuffer()
        buffer.reserveCapacity(encoded.reduce(96) { $0 + $1.count + 1 })
        buffer.writeString("{\"page\":\(page.page),\"pageSize\":\(page.pageSize),\"totalRecords\":\(page.totalRecords),\"records\":[")
        for (i, row) in encoded.enumerated() {
            if i > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
            buffer.writeBytes(row)
        }
        buffer.writeString("]}")
        return buffer
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireUser()
        let s = try found(library.media.get(try request.id(context)), "Media")
        var resource = MediaResource(s, withEpisodes: true)
        resource.otherVersions = otherVersions(of: s)
        return try JSONBody.response(resource, version: s.version)
    }

    /// The same title (by a shared provider id) in the library's other instances: "Movies" and
    /// "Movies 4K" each keep their own copy, and each copy's page shows the others.
    private func otherVersions(of s: Stored<Media>) -> [MediaVersionResource] {
        library.instances.all().compactMap { instance in
            guard instance.id != s.body.instanceId, instance.body.mediaType == s.body.mediaType,
                  let other = library.existingMedia(in: instance.id, matching: s.body.externalIds) else { return nil }
            let file = other.body.movieFile
            return MediaVersionResource(mediaId: other.id, instanceId: instance.id, instanceName: instance.body.name,
                                        monitored: other.body.monitored, hasFile: file != nil || other.body.statistics.episodeFileCount > 0,
                                        quality: file?.qualityId.flatMap(Quality.withID).map(QualityResource.init))
        }
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        let input = try await JSONBody.decode(MediaInputResource.self, from: request, context: context)
        let s = try await library.createMedia(input.changes)
        return try JSONBody.response(MediaResource(s, withEpisodes: true), status: .created, version: s.version)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        let input = try await JSONBody.decode(MediaInputResource.self, from: request, context: context)
        let s = try await library.updateMedia(try request.id(context), ifVersion: try request.ifMatchVersion() ?? input.version, input.changes)
        return try JSONBody.response(MediaResource(s, withEpisodes: true), version: s.version)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        try await library.deleteMedia(try request.id(context), ifVersion: try request.ifMatchVersion())
        return JSONBody.noContent()
    }

    @Sendable func monitor(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        let input = try await JSONBody.decode(MonitorInputResource.self, from: request, context: context)
        let s = try await library.setMonitored(try request.id(context), monitored: input.monitored,
                                               seasonNumber: input.seasonNumber, episodeIds: input.episodeIds)
        return try JSONBody.response(MediaResource(s, withEpisodes: true), version: s.version)
    }

    /// Reads the list query; a value that does not parse is a 400 naming the parameter.
    static func query(from params: FormQuery) throws -> MediaQuery {
        var q = MediaQuery()
        func int(_ name: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let text = params.get(name) else { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw APIError.invalid(name, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound).")
            }
            return value
        }
        func choice<T: RawRepresentable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String, T: CaseIterable {
            guard let text = params.get(name) else { return nil }
            guard let value = T(rawValue: text) else {
                throw APIError.invalid(name, "\(name) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return value
        }
        q.page = try int("page", 1...1_000_000) ?? 1
        q.pageSize = try int("pageSize", 1...MediaQuery.maxPageSize) ?? 50
        q.sortKey = try choice("sortKey", MediaQuery.SortKey.self) ?? .title
        switch params.get("sortDirection") {
        case nil, "ascending", "asc": q.ascending = true
        case "descending", "desc": q.ascending = false
        default: throw APIError.invalid("sortDirection", "sortDirection must be ascending or descending.")
        }
        q.mediaType = try choice("mediaType", MediaType.self)
        q.status = try choice("status", MediaStatus.self)
        switch params.get("monitored") {
        case nil: break
        case "true": q.monitored = true
        case "false": q.monitored = false
        default: throw APIError.invalid("monitored", "monitored must be true or false.")
        }
        q.instanceId = try int("instanceId", 1...Int.max)
        if let tags = params.get("tags"), !tags.isEmpty {
            q.tags = try tags.split(separator: ",").map {
                guard let id = Int($0.trimmingCharacters(in: .whitespaces)) else {
                    throw APIError.invalid("tags", "tags is a comma-separated list of tag ids.")
                }
                return id
            }
        }
        q.search = params.get("search")
        return q
    }
}

/// Encoded list rows (`MediaResource(withEpisodes: false)`) by document id, valid for one version:
/// a version changes with every write, so a row is never served stale. Bounded (about 1.3 KB a
/// row at the design size; the bound holds 20,000 titles).
final class MediaRowCache: Sendable {
    private struct Row {
        var version: Int
        var bytes: [UInt8]
    }

    static let capacity = 20_000
    private let rows = Mutex<[Int: Row]>([:])

    /// The row of `docs[at]` (read in place: a document is copied only to encode it).
    func row(_ docs: [Stored<Media>], _ at: Int) throws -> [UInt8] {
        let id = docs[at].id, version = docs[at].version
        if let row = rows.withLock({ $0[id] }), row.version == version { return row.bytes }
        let doc = docs[at]
        let encoded = try StoreJSON.encodeWholeSeconds(MediaResource(doc, withEpisodes: false))
        // The encoder's buffer starts at 16 KiB; a cached row keeps only its own bytes.
        let bytes = [UInt8](unsafeUninitializedCapacity: encoded.count) { buffer, count in
            count = buffer.initialize(from: encoded).index
        }
        rows.withLock { rows in
            if rows.count >= Self.capacity { rows.removeAll(keepingCapacity: true) }
            rows[doc.id] = Row(version: doc.version, bytes: bytes)
        }
        return bytes
    }
}
