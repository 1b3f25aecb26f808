import Foundation
import HTTPTypes
import IdkarrDomain
import IdkarrLibrary
import IdkarrParsing
import Testing

/// The served OpenAPI document parses, is 3.1, and documents exactly the routes of Routes.swift.
/// (Whether what it says is true is the job of Tests/python/test_openapi_fuzz.py.)
@Suite("OpenAPI document")
struct OpenAPITests {
    /// Every route the server has, as Routes.swift and the controllers register them
    /// (`:id` written as `{id}`). A route added there must be added here and to the document
    /// (Tools/openapi/build.py).
    static let routes: [(method: String, path: String)] = [
        ("get", "/api/v1/auth/status"),
        ("post", "/api/v1/auth/register"),
        ("post", "/api/v1/auth/login"),
        ("post", "/api/v1/auth/logout"),
        ("get", "/api/v1/auth/me"),
        ("put", "/api/v1/auth/me/password"),
        ("get", "/api/v1/auth/api-keys"),
        ("post", "/api/v1/auth/api-keys"),
        ("delete", "/api/v1/auth/api-keys/{id}"),
        ("get", "/api/v1/users"),
        ("post", "/api/v1/users"),
        ("get", "/api/v1/users/{id}"),
        ("put", "/api/v1/users/{id}"),
        ("delete", "/api/v1/users/{id}"),
        ("get", "/api/v1/settings/general"),
        ("put", "/api/v1/settings/general"),
        ("get", "/api/v1/instances"),
        ("post", "/api/v1/instances"),
        ("get", "/api/v1/instances/{id}"),
        ("put", "/api/v1/instances/{id}"),
        ("delete", "/api/v1/instances/{id}"),
        ("get", "/api/v1/rootfolders"),
        ("post", "/api/v1/rootfolders"),
        ("get", "/api/v1/rootfolders/{id}"),
        ("delete", "/api/v1/rootfolders/{id}"),
        ("get", "/api/v1/tags"),
        ("post", "/api/v1/tags"),
        ("get", "/api/v1/tags/{id}"),
        ("put", "/api/v1/tags/{id}"),
        ("delete", "/api/v1/tags/{id}"),
        ("get", "/api/v1/qualitydefinitions"),
        ("get", "/api/v1/qualitydefinitions/{id}"),
        ("put", "/api/v1/qualitydefinitions/{id}"),
        ("get", "/api/v1/qualityprofiles"),
        ("post", "/api/v1/qualityprofiles"),
        ("get", "/api/v1/qualityprofiles/{id}"),
        ("put", "/api/v1/qualityprofiles/{id}"),
        ("delete", "/api/v1/qualityprofiles/{id}"),
        ("get", "/api/v1/media"),
        ("post", "/api/v1/media"),
        ("get", "/api/v1/media/{id}"),
        ("put", "/api/v1/media/{id}"),
        ("delete", "/api/v1/media/{id}"),
        ("put", "/api/v1/media/{id}/monitor"),
        ("get", "/api/v1/media/lookup"),
        ("post", "/api/v1/media/add"),
        ("post", "/api/v1/media/{id}/refresh"),
        ("get", "/api/v1/media/{id}/image/{coverType}"),
        ("get", "/api/v1/images/remote"),
        ("get", "/api/v1/import/folders"),
        ("post", "/api/v1/import"),
        ("get", "/api/v1/indexers"),
        ("post", "/api/v1/indexers"),
        ("get", "/api/v1/indexers/schema"),
        ("get", "/api/v1/indexers/{id}"),
        ("put", "/api/v1/indexers/{id}"),
        ("delete", "/api/v1/indexers/{id}"),
        ("post", "/api/v1/indexers/test"),
        ("get", "/api/v1/indexers/rss"),
        ("post", "/api/v1/indexers/rss"),
        ("get", "/api/v1/indexers/{id}/caps"),
        ("get", "/api/v1/settings/indexers"),
        ("put", "/api/v1/settings/indexers"),
        ("get", "/api/v1/search"),
        ("get", "/api/v1/releases"),
        ("get", "/api/v1/settings/metadata"),
        ("put", "/api/v1/settings/metadata"),
        ("post", "/api/v1/media/{id}/rescan"),
        ("get", "/api/v1/system/status"),
        ("get", "/api/v1/system/health"),
        ("get", "/api/v1/system/backup"),
        ("get", "/api/v1/system/audit"),
        ("get", "/api/v1/parse"),
        ("get", "/api/v1/openapi.json"),
        ("get", "/api/v1/calendar"),
        ("get", "/feed/v1/calendar.ics"),
        ("get", "/api/v1/wanted/missing"),
        ("get", "/api/v1/wanted/cutoff"),
    ]

    static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]

    /// The served document, fetched anonymously through the live app.
    static func fetch() async throws -> [String: Any] {
        let box = Box()
        try await TestApp.make().run { c in
            let reply = try await c.send(.get, "/api/v1/openapi.json")
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType]?.hasPrefix("application/json") == true)
            let parsed = try JSONSerialization.jsonObject(with: Data(reply.text.utf8))
            box.set(try #require(parsed as? [String: Any]))
        }
        return try #require(box.get())
    }

    @Test func parsesAndIs31() async throws {
        let doc = try await Self.fetch()
        let version = try #require(doc["openapi"] as? String)
        #expect(version.hasPrefix("3.1."))
        let info = try #require(doc["info"] as? [String: Any])
        #expect(info["title"] is String && info["version"] is String)
        let schemes = try #require((doc["components"] as? [String: Any])?["securitySchemes"] as? [String: [String: Any]])
        let declared = Set(schemes.values.map { "\($0["in"] ?? "")/\($0["name"] ?? "")" })
        #expect(declared == ["header/X-Api-Key", "query/apikey", "cookie/idkarr_session"])
    }

    @Test func everyRouteIsDocumentedAndNothingElse() async throws {
        let doc = try await Self.fetch()
        let paths = try #require(doc["paths"] as? [String: [String: Any]])
        for route in Self.routes {
            let item = paths[route.path]
            #expect(item != nil, "no path entry for \(route.path)")
            #expect(item?[route.method] is [String: Any], "no \(route.method.uppercased()) under \(route.path)")
        }
        let known = Set(Self.routes.map { "\($0.method) \($0.path)" })
        for (path, item) in paths {
            for method in item.keys where Self.methods.contains(method) {
                #expect(known.contains("\(method) \(path)"), "documented but not a route: \(method.uppercased()) \(path)")
            }
        }
    }

    @Test func operationsAreWellFormed() async throws {
        let doc = try await Self.fetch()
        let paths = try #require(doc["paths"] as? [String: [String: Any]])
        var operationIds = Set<String>()
        for (path, item) in paths {
            for (method, value) in item where Self.methods.contains(method) {
                let op = try #require(value as? [String: Any])
                let id = try #require(op["operationId"] as? String, "\(method) \(path) has no operationId")
                #expect(operationIds.insert(id).inserted, "operationId \(id) twice")
                let responses = try #require(op["responses"] as? [String: Any])
                #expect(responses.keys.contains { $0.hasPrefix("2") }, "\(method) \(path) documents no success")
                if path.contains("{id}") { #expect(responses["404"] != nil, "\(method) \(path) lacks 404") }
                if method != "get" { #expect(responses["403"] != nil, "\(method) \(path) lacks 403 (cross-site check)") }
            }
        }
        #expect(operationIds.count == Self.routes.count)
        // Every $ref resolves.
        var refs: [String] = []
        func walk(_ node: Any) {
            if let object = node as? [String: Any] {
                if let ref = object["$ref"] as? String { refs.append(ref) }
                object.values.forEach(walk)
            } else if let array = node as? [Any] {
                array.forEach(walk)
            }
        }
        walk(doc)
        #expect(!refs.isEmpty)
        for ref in refs {
            #expect(ref.hasPrefix("#/"), "external $ref \(ref)")
            var node: Any? = doc
            for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] }
            #expect(node != nil, "unresolved $ref \(ref)")
        }
    }

    /// The enums of the document are the Swift enums' raw values.
    @Test func enumsMatchTheSwiftTypes() async throws {
        let doc = try await Self.fetch()
        let schemas = try #require((doc["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        func values(_ schema: String, _ property: String, items: Bool = false) -> [String]? {
            var node = (schemas[schema]?["properties"] as? [String: Any])?[property] as? [String: Any]
            if items { node = node?["items"] as? [String: Any] }
            return node?["enum"] as? [String]
        }
        #expect(values("User", "role") == Role.allCases.map(\.rawValue))
        #expect(values("User", "permissions", items: true) == Permission.allCases.map(\.rawValue))
        #expect(values("Media", "mediaType") == MediaType.allCases.map(\.rawValue))
        #expect(values("Instance", "mediaType") == MediaType.allCases.map(\.rawValue))
        #expect(values("Media", "status") == MediaStatus.allCases.map(\.rawValue))
        #expect(values("Media", "seriesType") == SeriesType.allCases.map(\.rawValue))
        #expect(values("MediaImage", "coverType") == MediaImage.CoverType.allCases.map(\.rawValue))
        #expect(values("Quality", "source") == QualitySource.allCases.map(\.rawValue))
        #expect(values("Quality", "modifier") == QualityModifier.allCases.map(\.rawValue))
        let paths = try #require(doc["paths"] as? [String: [String: Any]])
        let list = try #require(paths["/api/v1/media"]?["get"] as? [String: Any])
        let sortKey = (list["parameters"] as? [[String: Any]])?.first { $0["name"] as? String == "sortKey" }
        #expect((sortKey?["schema"] as? [String: Any])?["enum"] as? [String] == MediaQuery.SortKey.allCases.map(\.rawValue))
    }
}

/// Carries the document out of the test closure.
private final class Box: @unchecked Sendable {
    private let lock = NSLock()
    private var value: [String: Any]?
    func set(_ v: [String: Any]) { lock.withLock { value = v } }
    func get() -> [String: Any]? { lock.withLock { value } }
}
