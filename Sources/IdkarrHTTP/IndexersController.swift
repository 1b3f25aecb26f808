import Foundation
import Hummingbird
import IdkarrAutomation
import IdkarrDomain
import IdkarrIndexers
import IdkarrStore

/// `/api/v1/indexers`: Newznab and Torznab indexers, their settings form and status.
struct IndexersController {
    let indexers: IndexerService

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: list)
        group.post(use: create)
        group.get("schema", use: schema)
        group.get(":id", use: get)
        group.put(":id", use: update)
        group.delete(":id", use: delete)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireUser()
        let records = indexers.definitions.all().map { IndexerResource($0, status: indexers.status(of: $0.id)) }
        return try JSONBody.response(RecordsResource(records: records))
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireUser()
        let id = try request.id(context)
        guard let s = indexers.definitions.get(id) else { throw ServiceError.notFound("Indexer", id) }
        return try JSONBody.response(IndexerResource(s, status: indexers.status(of: id)), version: s.version)
    }

    @Sendable func schema(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireUser()
        let text = request.formQuery.get("kind") ?? "newznab"
        guard let kind = IndexerKind(rawValue: text) else { throw APIError.invalid("kind", "kind is newznab or torznab.") }
        return try JSONBody.response(IndexerSchemaResource(fields: IndexerFields.fields(for: kind)))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        let input = try await JSONBody.decode(IndexerInputResource.self, from: request, context: context)
        let s = try await indexers.create(try input.newDefinition())
        return try JSONBody.response(IndexerResource(s, status: indexers.status(of: s.id)), status: .created, version: s.version)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        let input = try await JSONBody.decode(IndexerInputResource.self, from: request, context: context)
        let id = try request.id(context)
        let s = try await indexers.update(id, ifVersion: try request.ifMatchVersion() ?? input.version) { input.apply(to: &$0) }
        return try JSONBody.response(IndexerResource(s, status: indexers.status(of: id)), version: s.version)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        try await indexers.delete(try request.id(context), ifVersion: try request.ifMatchVersion())
        return JSONBody.noContent()
    }
}

struct IndexerSchemaResource: Encodable {
    var fields: [SettingField]
}

/// An indexer as the API shows it: the key only as "set" or not.
struct IndexerResource: Encodable {
    struct Status: Encodable {
        var consecutiveFailures: Int
        var disabledUntil: Date?
        var lastFailure: Date?
        var lastFailureReason: String?
        var queries: Int
        var grabs: Int
        var failures: Int
        var averageResponseMilliseconds: Int?
    }
    var id: Int
    var version: Int
    var name: String
    var kind: IndexerKind
    var baseURL: String
    var apiPath: String
    var apiKeySet: Bool
    var movieCategories: [Int]
    var tvCategories: [Int]
    var animeCategories: [Int]
    var enableRss: Bool
    var enableAutomaticSearch: Bool
    var enableInteractiveSearch: Bool
    var priority: Int
    var tags: [Int]
    var minimumSeeders: Int?
    var seedRatio: Double?
    var seedTimeMinutes: Int?
    var additionalParameters: String?
    var status: Status

    init(_ s: Stored<IndexerDefinition>, status st: IndexerStatus) {
        let d = s.body
        id = s.id
        version = s.version
        name = d.name
        kind = d.kind
        baseURL = d.baseURL
        apiPath = d.apiPath
        apiKeySet = !(d.apiKey ?? "").isEmpty
        movieCategories = d.movieCategories
        tvCategories = d.tvCategories
        animeCategories = d.animeCategories
        enableRss = d.enableRss
        enableAutomaticSearch = d.enableAutomaticSearch
        enableInteractiveSearch = d.enableInteractiveSearch
        priority = d.priority
        tags = d.tags
        minimumSeeders = d.minimumSeeders
        seedRatio = d.seedRatio
        seedTimeMinutes = d.seedTimeMinutes
        additionalParameters = d.additionalParameters
        status = Status(consecutiveFailures: st.consecutiveFailures, disabledUntil: st.disabledUntil, lastFailure: st.lastFailure,
                        lastFailureReason: st.lastFailureReason, queries: st.queries, grabs: st.grabs, failures: st.failures,
                        averageResponseMilliseconds: st.averageResponseMilliseconds)
    }
}

/// Create and update input: absent fields stay as they are (create fills defaults); `apiKey`
/// absent keeps the key, "" removes it; `null` clears the optional numbers (minimum seeders, seed
/// ratio and time). Read-only fields of a resource sent back are ignored.
struct IndexerInputResource: Decodable {
    var name: String?
    var kind: IndexerKind?
    var baseURL: String?
    var apiPath: String?
    var apiKey: String?
    var movieCategories: [Int]?
    var tvCategories: [Int]?
    var animeCategories: [Int]?
    var enableRss: Bool?
    var enableAutomaticSearch: Bool?
    var enableInteractiveSearch: Bool?
    var priority: Int?
    var tags: [Int]?
    /// Absent: unchanged; `null`: cleared.
    var minimumSeeders: Int??
    var seedRatio: Double??
    var seedTimeMinutes: Int??
    var additionalParameters: String?
    var version: Int?
    /// Test only: the saved indexer the form edits.
    var id: Int?

    enum CodingKeys: String, CodingKey {
        case name, kind, baseURL, apiPath, apiKey, movieCategories, tvCategories, animeCategories, enableRss, enableAutomaticSearch,
             enableInteractiveSearch, priority, tags, minimumSeeders, seedRatio, seedTimeMinutes, additionalParameters, version, id
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        kind = try c.decodeIfPresent(IndexerKind.self, forKey: .kind)
        baseURL = try c.decodeIfPresent(String.self, forKey: .baseURL)
        apiPath = try c.decodeIfPresent(String.self, forKey: .apiPath)
        apiKey = try c.decodeIfPresent(String.self, forKey: .apiKey)
        movieCategories = try c.decodeIfPresent([Int].self, forKey: .movieCategories)
        tvCategories = try c.decodeIfPresent([Int].self, forKey: .tvCategories)
        animeCategories = try c.decodeIfPresent([Int].self, forKey: .animeCategories)
        enableRss = try c.decodeIfPresent(Bool.self, forKey: .enableRss)
        enableAutomaticSearch = try c.decodeIfPresent(Bool.self, forKey: .enableAutomaticSearch)
        enableInteractiveSearch = try c.decodeIfPresent(Bool.self, forKey: .enableInteractiveSearch)
        priority = try c.decodeIfPresent(Int.self, forKey: .priority)
        tags = try c.decodeIfPresent([Int].self, forKey: .tags)
        minimumSeeders = try c.nullable(Int.self, .minimumSeeders)
        seedRatio = try c.nullable(Double.self, .seedRatio)
        seedTimeMinutes = try c.nullable(Int.self, .seedTimeMinutes)
        additionalParameters = try c.decodeIfPresent(String.self, forKey: .additionalParameters)
        version = try c.decodeIfPresent(Int.self, forKey: .version)
        id = try c.decodeIfPresent(Int.self, forKey: .id)
    }

    func newDefinition() throws -> IndexerDefinition {
        var v = Validator()
        v.check(name != nil, "name", "name is required.")
        v.check(kind != nil, "kind", "kind is required: newznab or torznab.")
        v.check(baseURL != nil, "baseURL", "baseURL is required.")
        try v.throwIfInvalid()
        var d = IndexerDefinition(name: name!, kind: kind!, baseURL: baseURL!)
        if kind!.isTorrent { d.minimumSeeders = 1 }
        apply(to: &d)
        return d
    }

    func apply(to d: inout IndexerDefinition) {
        if let name { d.name = name.trimmingCharacters(in: .whitespaces) }
        if let baseURL { d.baseURL = baseURL.trimmingCharacters(in: .whitespaces) }
        if let apiPath { d.apiPath = apiPath }
        if let apiKey { d.apiKey = apiKey.isEmpty ? nil : apiKey }
        if let movieCategories { d.movieCategories = movieCategories }
        if let tvCategories { d.tvCategories = tvCategories }
        if let animeCategories { d.animeCategories = animeCategories }
        if let enableRss { d.enableRss = enableRss }
        if let enableAutomaticSearch { d.enableAutomaticSearch = enableAutomaticSearch }
        if let enableInteractiveSearch { d.enableInteractiveSearch = enableInteractiveSearch }
        if let priority { d.priority = priority }
        if let tags { d.tags = Array(Set(tags)).sorted() }
        if let minimumSeeders { d.minimumSeeders = minimumSeeders }
        if let seedRatio { d.seedRatio = seedRatio }
        if let seedTimeMinutes { d.seedTimeMinutes = seedTimeMinutes }
        if let additionalParameters { d.additionalParameters = additionalParameters.isEmpty ? nil : additionalParameters }
    }
}
