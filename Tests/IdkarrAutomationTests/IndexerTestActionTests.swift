import Foundation
import IdkarrAutomation
import IdkarrDomain
import IdkarrIndexers
import IdkarrStore
import IdkarrTestSupport
import Testing

/// The Test action: each way an indexer can be wrong is named, and a success reads the caps.
@Suite("indexer test action")
struct IndexerTestActionTests {
    func definition(_ base: String, _ name: String, kind: IndexerKind = .newznab, key: String? = goodKey) -> IndexerDefinition {
        IndexerDefinition(name: name, kind: kind, baseURL: "\(base)/\(name)", apiKey: key)
    }

    @Test func reportsWhatIsWrong() async throws {
        let world = try await World.make()
        try await FakeServer.run(contentType: "application/rss+xml", IndexerSearchTests.route) { server in
            let good = try await world.indexers.test(definition(server.base, "nzbsu"), savedId: nil)
            #expect(good.ok && good.code == nil)
            #expect(good.releases == 100)
            #expect(good.caps?.allCategoryIds.contains(5080) == true)
            #expect(good.message.hasPrefix("nzbsu works: 13 categories, searches search, tvsearch, movie, music"), "\(good.message)")

            let wrongKey = try await world.indexers.test(definition(server.base, "nzbsu", key: "wrong"), savedId: nil)
            #expect(!wrongKey.ok && wrongKey.code == "unauthorized")
            #expect(wrongKey.message.contains("API key"))
            #expect(!wrongKey.message.contains("wrong"), "the key is never in a message")

            let html = try await world.indexers.test(definition(server.base, "html"), savedId: nil)
            #expect(html.code == "notAnIndexer" && html.message.contains("HTML"))
            let missing = try await world.indexers.test(definition(server.base, "nothing-here"), savedId: nil)
            #expect(missing.code == "notAnIndexer" && missing.message.contains("404"))
            let limited = try await world.indexers.test(definition(server.base, "limited"), savedId: nil)
            #expect(limited.code == "rateLimited")
            let empty = try await world.indexers.test(definition(server.base, "empty"), savedId: nil)
            #expect(empty.code == "noResults" && empty.message.contains("categories"))
        }
        // Nothing listens on port 9 of this host.
        let closed = try await world.indexers.test(definition("http://127.0.0.1:9", "closed"), savedId: nil)
        #expect(closed.code == "unreachable" && closed.message.contains("could not be reached"))
        let tls = try await world.indexers.test(definition("https://127.0.0.1:9", "tls"), savedId: nil)
        #expect(tls.code == "unreachable" || tls.code == "tls")
    }

    @Test func anInvalidDefinitionIsAFieldError() async throws {
        let world = try await World.make()
        await #expect(throws: ServiceError.self) {
            _ = try await world.indexers.test(IndexerDefinition(name: "x", kind: .newznab, baseURL: "ftp://nope"), savedId: nil)
        }
    }

    @Test func aSavedIndexerKeepsItsCapsAndLeavesBackoff() async throws {
        let world = try await World.make()
        try await FakeServer.run(contentType: "application/rss+xml", IndexerSearchTests.route) { server in
            let id = try await world.addIndexer("nzbsu", server.base)
            let now = world.clock.now
            await world.indexers.record(id) { IndexerBackoff.failed($0, at: now, reason: "it failed") }
            #expect(world.indexers.status(of: id).disabledUntil != nil)
            let result = try await world.indexers.test(world.indexers.definitions.get(id)!.body, savedId: id)
            #expect(result.ok)
            #expect(world.indexers.status(of: id).disabledUntil == nil && world.indexers.status(of: id).consecutiveFailures == 0)
            #expect(world.indexers.capsFetched(id) == world.clock.now)
            let caps = try await world.indexers.caps(of: id)
            #expect(caps.maxPageSize == 60)
            #expect(server.count("/nzbsu/api?apikey=\(goodKey)&t=caps") == 1, "the test's caps were kept")
        }
    }
}
