import Foundation
import Hummingbird
import IdkarrLibrary

/// `GET /api/v1/wanted/missing` and `GET /api/v1/wanted/cutoff`: paged, sortable lists of what
/// the library still wants.
struct WantedController {
    let library: Library

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("missing") { request, context in try self.list(.missing, request, context) }
        group.get("cutoff") { request, context in try self.list(.cutoffUnmet, request, context) }
    }

    func list(_ list: WantedQuery.List, _ request: Request, _ context: AppRequestContext) throws -> Response {
        try context.requireUser()
        let query = try Self.query(list, from: request.formQuery)
        let page = library.wanted(query)
        return try JSONBody.response(PageResource(page: page.page, pageSize: page.pageSize, totalRecords: page.totalRecords,
                                                  records: page.records.map(WantedRecordResource.init)))
    }

    /// `page`, `pageSize`, `sortKey` (airDateUtc, title, year), `sortDirection` (default
    /// descending: the latest first), `instanceId`, `monitored` (default true).
    static func query(_ list: WantedQuery.List, from form: FormQuery) throws -> WantedQuery {
        let params = QueryReader(form)
        var q = WantedQuery(list)
        q.page = try params.int("page", 1...1_000_000) ?? 1
        q.pageSize = try params.int("pageSize", 1...WantedQuery.maxPageSize) ?? 50
        if let key = params.text("sortKey") {
            guard let sortKey = WantedQuery.SortKey(rawValue: key) else {
                let keys = WantedQuery.SortKey.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError.invalid("sortKey", "sortKey must be one of \(keys).")
            }
            q.sortKey = sortKey
        }
        q.ascending = try params.sortDirection(default: q.sortKey != .airDateUtc)
        q.instanceId = try params.int("instanceId", 1...Int.max)
        q.monitored = try params.bool("monitored") ?? true
        return q
    }
}
