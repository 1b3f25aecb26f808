import Foundation
import HTTPTypes
import Testing

@Suite("Indexers API") struct IndexersAPITests {
    @Test func lifecycleWithTheKeyKeptSecret() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let made = try await c.send(.post, "/api/v1/indexers", [
                "name": "NZBgeek", "kind": "newznab", "baseURL": "https://api.nzbgeek.info", "apiKey": "s3cr3t-indexer-key",
                "tvCategories": [5030, 5040],
            ], auth: .apiKey(key))
            #expect(made.status == .created)
            let id = try #require(made.object["id"] as? Int)
            #expect(made.object["apiKeySet"] as? Bool == true && !made.text.contains("s3cr3t"))
            #expect(made.object["tvCategories"] as? [Int] == [5030, 5040])
            #expect((made.object["status"] as? [String: Any])?["queries"] as? Int == 0)

            let torrent = try await c.send(.post, "/api/v1/indexers", ["name": "Jackett", "kind": "torznab",
                                                                        "baseURL": "http://127.0.0.1:9117/api/v2.0/indexers/all/results/torznab"],
                                           auth: .apiKey(key))
            #expect(torrent.status == .created && torrent.object["minimumSeeders"] as? Int == 1)
            // Optional numbers: a value sets, absent keeps, null clears.
            let torrentId = try #require(torrent.object["id"] as? Int)
            let ratio = try await c.send(.put, "/api/v1/indexers/\(torrentId)", ["seedRatio": 2.5, "seedTimeMinutes": 600], auth: .apiKey(key))
            #expect(ratio.object["seedRatio"] as? Double == 2.5 && ratio.object["seedTimeMinutes"] as? Int == 600)
            let kept = try await c.send(.put, "/api/v1/indexers/\(torrentId)", ["priority": 3], auth: .apiKey(key))
            #expect(kept.object["seedRatio"] as? Double == 2.5)
            let nulled = try await c.send(.put, "/api/v1/indexers/\(torrentId)", ["seedRatio": NSNull(), "minimumSeeders": NSNull()],
                                          auth: .apiKey(key))
            #expect(nulled.status == .ok && nulled.object["seedRatio"] == nil && nulled.object["minimumSeeders"] == nil)
            #expect(nulled.object["seedTimeMinutes"] as? Int == 600)

            let list = try await c.send(.get, "/api/v1/indexers", auth: .apiKey(key))
            #expect(list.records.count == 2 && !list.text.contains("s3cr3t"))
            // PUT the resource back as GET gave it: the key stays.
            let got = try await c.send(.get, "/api/v1/indexers/\(id)", auth: .apiKey(key))
            var edited = got.object
            edited["priority"] = 10
            let put = try await c.send(.put, "/api/v1/indexers/\(id)", edited, auth: .apiKey(key))
            #expect(put.status == .ok && put.object["priority"] as? Int == 10 && put.object["apiKeySet"] as? Bool == true)
            let stale = try await c.send(.put, "/api/v1/indexers/\(id)", ["priority": 5], auth: .apiKey(key), headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .conflict)
            let cleared = try await c.send(.put, "/api/v1/indexers/\(id)", ["apiKey": ""], auth: .apiKey(key))
            #expect(cleared.object["apiKeySet"] as? Bool == false)

            let duplicate = try await c.send(.post, "/api/v1/indexers", ["name": "nzbgeek", "kind": "newznab", "baseURL": "https://x.example"],
                                             auth: .apiKey(key))
            #expect(duplicate.status == .conflict)
            #expect(try await c.send(.delete, "/api/v1/indexers/\(id)", auth: .apiKey(key)).status == .noContent)
            #expect(try await c.send(.get, "/api/v1/indexers/\(id)", auth: .apiKey(key)).status == .notFound)
        }
    }

    @Test func badInputAndTheForm() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let missing = try await c.send(.post, "/api/v1/indexers", ["name": "x"], auth: .apiKey(key))
            #expect(missing.status == .badRequest)
            let fields = (missing.object["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
            #expect(Set(fields) == ["kind", "baseURL"])
            let bad = try await c.send(.post, "/api/v1/indexers", ["name": "x", "kind": "newznab", "baseURL": "javascript:alert(1)",
                                                                    "priority": 99, "tags": [42]], auth: .apiKey(key))
            #expect(bad.status == .badRequest && bad.isProblem)
            #expect(try await c.send(.post, "/api/v1/indexers", ["name": "x", "kind": "gopher", "baseURL": "https://x"],
                                     auth: .apiKey(key)).status == .badRequest)
            let schema = try await c.send(.get, "/api/v1/indexers/schema?kind=torznab", auth: .apiKey(key))
            let names = (schema.object["fields"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
            #expect(names.contains("apiKey") && names.contains("minimumSeeders"))
            #expect(try await c.send(.get, "/api/v1/indexers/schema?kind=rss", auth: .apiKey(key)).status == .badRequest)
        }
    }
}
