import Foundation
import HTTPTypes
import Testing

@Suite("Bad input gets a clear 4xx")
struct BadInputTests {
    @Test func malformedBodies() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let cases: [(String, HTTPResponse.Status, String?)] = [
                ("{not json", .badRequest, nil),
                (#"{"name": 12, "mediaType": "series"}"#, .badRequest, "name"),
                (#"{"name": "TV", "mediaType": "podcast"}"#, .badRequest, "mediaType"),
                (#"{"mediaType": "series"}"#, .badRequest, "name"),
                ("[]", .badRequest, nil),
                ("", .badRequest, nil),
            ]
            for (body, status, field) in cases {
                let reply = try await c.send(.post, "/api/v1/instances", body, auth: .apiKey(key))
                #expect(reply.status == status, "\(body)")
                #expect(reply.isProblem, "\(body)")
                #expect(reply.object["status"] as? Int == Int(status.code))
                if let field {
                    let fields = (reply.object["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
                    #expect(fields.contains(field), "\(body): \(reply.text)")
                }
            }
            #expect(try await c.send(.get, "/api/v1/instances", auth: .apiKey(key)).records.isEmpty)
        }
    }

    @Test func oversizedBodyIs413() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let huge = #"{"label": ""# + String(repeating: "a", count: 1_100_000) + #""}"#
            let reply = try await c.send(.post, "/api/v1/tags", huge, auth: .apiKey(key))
            #expect(reply.status == .contentTooLarge)
        }
    }

    @Test func unknownIdsAndRoutes() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            for uri in ["/api/v1/media/999", "/api/v1/media/abc", "/api/v1/media/-1", "/api/v1/tags/0", "/api/v1/nothing-here"] {
                let reply = try await c.send(.get, uri, auth: .apiKey(key))
                #expect(reply.status == .notFound, "\(uri)")
                #expect(reply.isProblem, "\(uri)")
            }
            #expect(try await c.send(.put, "/api/v1/media/999", ["title": "x"], auth: .apiKey(key)).status == .notFound)
            #expect(try await c.send(.delete, "/api/v1/users/999", auth: .apiKey(key)).status == .notFound)
            #expect(try await c.send(.put, "/api/v1/tags/1", ["label": "x"], auth: .apiKey(key), headers: [.ifMatch: "banana"]).status
                == .badRequest)
        }
    }

    @Test func staticFilesStayInsideWeb() async throws {
        try await TestApp.make().run { c in
            let index = try await c.send(.get, "/")
            #expect(index.status == .ok)
            #expect(index.text.contains("<script type=\"module\""))
            let csp = try #require(index.headers[.contentSecurityPolicy])
            #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"))
            for uri in ["/../Package.swift", "/%2e%2e/Package.swift", "/%2E%2E%2FPackage.swift", "/js/..%2f..%2fPackage.swift",
                        "/..%5c..%5cPackage.swift", "/.%2e/.%2e/etc/passwd"] {
                let reply = try await c.send(.get, uri)
                #expect(reply.status == .badRequest || reply.status == .notFound, "\(uri): \(reply.status)")
                #expect(!reply.text.contains("PackageDescription") && !reply.text.contains("root:"), "\(uri)")
            }
        }
    }

    @Test func internalsNeverLeak() async throws {
        try await TestApp.make().run { c in
            let cookie = try await c.setUpAdmin()
            let users = try await c.send(.get, "/api/v1/users", auth: .cookie(cookie))
            #expect(users.status == .ok)
            #expect(!users.text.contains("argon2"))
            #expect(!users.text.contains("passwordHash"))
        }
    }
}

@Suite("Lenient where the standard allows")
struct LenientInputTests {
    @Test func datesWithOrWithoutFractionalSeconds() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let tv = try await c.send(.post, "/api/v1/instances", ["name": "TV", "mediaType": "series"], auth: .apiKey(key))
            let tvId = try #require(tv.object["id"] as? Int)
            for stamp in ["2026-01-02T03:04:05Z", "2026-01-02T03:04:05.678Z", "2026-01-02T04:04:05+01:00"] {
                let reply = try await c.send(.post, "/api/v1/media", [
                    "instanceId": tvId, "mediaType": "series", "title": "Dated \(stamp)",
                    "episodes": [["seasonNumber": 1, "episodeNumber": 1, "airDateUtc": stamp]],
                ], auth: .apiKey(key))
                #expect(reply.status == .created, "\(stamp): \(reply.text)")
                let episode = (reply.object["episodes"] as? [[String: Any]])?.first
                #expect((episode?["airDateUtc"] as? String)?.hasPrefix("2026-01-02T03:04:05") == true, "\(stamp)")
            }
            let bad = try await c.send(.post, "/api/v1/media", [
                "instanceId": tvId, "mediaType": "series", "title": "Bad date",
                "episodes": [["seasonNumber": 1, "episodeNumber": 1, "airDateUtc": "yesterday"]],
            ], auth: .apiKey(key))
            #expect(bad.status == .badRequest && bad.text.contains("airDateUtc"))
        }
    }
}
