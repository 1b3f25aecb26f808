import Foundation
import Hummingbird
import IdkarrStore
import IdkarrDomain
import IdkarrLibrary

/// `/api/v1/media`: the titles of every instance.
struct MediaController {
    let library: Library

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
        let query = try Self.query(from: request.uri.queryParameters)
        let page = library.listMedia(query)
        return try JSONBody.response(PageResource(page: page.page, pageSize: page.pageSize, totalRecords: page.totalRecords,
                                                  records: page.records.map { MediaResource($0, withEpisodes: false) }))
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireUser()
        let s = try found(library.media.get(try request.id(context)), "Media")
        return try JSONBody.response(MediaResource(s, withEpisodes: true), version: s.version)
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
    static func query(from params: Parameters) throws -> MediaQuery {
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
