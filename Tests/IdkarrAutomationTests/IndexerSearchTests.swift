import Foundation
import IdkarrAutomation
import IdkarrDomain
import IdkarrIndexers
import IdkarrParsing
import IdkarrTestSupport
import Synchronization
import Testing

/// Searches across several indexers over real HTTP: fan-out, merge, failures isolated, backoff
/// recorded and honoured, caps cached, the deadline.
@Suite("search across indexers")
struct IndexerSearchTests {
    /// Indexers by first path segment, as `IdkarrIndexersTests.ClientTests` has them.
    static let route: FakeRoute = { path, query, _ in
        let indexer = path.split(separator: "/").first.map(String.init) ?? ""
        guard query["apikey"] == goodKey else { return Fixtures.ok("indexers/newznab/unauthorized.xml") }
        if query["t"] == "caps" { return Fixtures.ok("indexers/newznab/newznab_caps.xml") }
        switch indexer {
        case "nzbsu": return Fixtures.ok("indexers/newznab/newznab_nzb_su.xml")
        case "tpb", "tpb2": return Fixtures.ok("indexers/torznab/torznab_tpb.xml")
        case "broken": return .status(503, "upstream down")
        case "limited": return .status(429, "", headers: ["Retry-After": "7200"])
        case "html": return .status(200, "<!DOCTYPE html><html><body>Sign in</body></html>")
        case "slow": return Canned(status: 200, body: Fixtures.bytes("indexers/torznab/torznab_tpb.xml"), delay: .seconds(6))
        case "empty": return .status(200, "<rss version=\"2.0\"><channel><title>x</title></channel></rss>")
        default: return .status(404, "not found")
        }
    }

    @Test func fansOutMergesAndIsolatesAFailure() async throws {
        let world = try await World.make()
        try await FakeServer.run(contentType: "application/rss+xml", Self.route) { server in
            let nzbsu = try await world.addIndexer("nzbsu", server.base, change: { $0.priority = 10 })
            let tpb = try await world.addIndexer("tpb", server.base, kind: .torznab)
            let broken = try await world.addIndexer("broken", server.base)
            let result = await world.indexers.search(.text("white collar"), scope: .interactive, categories: .tv)

            #expect(result.outcomes.map(\.indexerId) == [nzbsu, tpb, broken], "priority order: nzbsu is 10, the others 25")
            #expect(result.outcomes.map(\.state) == [.ok, .ok, .failed])
            #expect(result.outcomes[2].code == "unavailable")
            #expect(result.outcomes[2].message?.contains("HTTP 503") == true)
            // 100 Usenet releases (a second page brought nothing new) and the 5 torrents, every one parsed.
            #expect(result.outcomes[0].releases == 100 && result.outcomes[1].releases == 5)
            #expect(result.releases.count == 105)
            #expect(result.releases.first?.release.title == "White.Collar.S03E05.720p.HDTV.X264-DIMENSION")
            #expect(result.releases.first?.parsed.seasonNumber == 3)
            #expect(result.releases.first?.parsed.quality.quality.name == "HDTV-720p")
            #expect(server.count("/nzbsu/api?apikey=\(goodKey)&cat=5000,5040&extended=1&limit=25&q=white collar&t=search") == 1)

            // The failure rests the indexer 1 minute; the healthy ones count a query each.
            let failed = world.indexers.status(of: broken)
            #expect(failed.consecutiveFailures == 1 && failed.failures == 1)
            #expect(failed.disabledUntil == world.clock.now.addingTimeInterval(60))
            #expect(world.indexers.status(of: nzbsu).queries == 1 && world.indexers.status(of: nzbsu).averageResponseMilliseconds != nil)

            // While it rests it is not asked, and says so.
            let before = server.count("/broken")
            let again = await world.indexers.search(.text("white collar"), scope: .interactive, categories: .tv)
            #expect(again.outcomes[2].state == .skipped && again.outcomes[2].code == "backoff")
            #expect(again.outcomes[2].disabledUntil == failed.disabledUntil && result.outcomes[2].disabledUntil == failed.disabledUntil)
            #expect(server.count("/broken") == before)
            // After the rest it is asked again; a second failure rests it 5 minutes.
            world.clock.advance(61)
            _ = await world.indexers.search(.text("white collar"), scope: .interactive, categories: .tv)
            #expect(world.indexers.status(of: broken).disabledUntil == world.clock.now.addingTimeInterval(300))
            #expect(server.count("/broken") > before)
        }
    }

    @Test func duplicateTorrentsAcrossIndexersAreKeptOnce() async throws {
        let world = try await World.make()
        try await FakeServer.run(contentType: "application/rss+xml", Self.route) { server in
            try await world.addIndexer("tpb", server.base, kind: .torznab, change: { $0.priority = 1 })
            let second = try await world.addIndexer("tpb2", server.base, kind: .torznab)
            let result = await world.indexers.search(.text("series title"), scope: .interactive, categories: .tv)
            #expect(result.outcomes.map(\.releases) == [5, 5])
            #expect(result.releases.count == 5)
            #expect(!result.releases.contains { $0.indexerId == second })
        }
    }

    @Test func retryAfterIsHonouredAndScopesAreRespected() async throws {
        let world = try await World.make()
        try await FakeServer.run(contentType: "application/rss+xml", Self.route) { server in
            let limited = try await world.addIndexer("limited", server.base)
            try await world.addIndexer("tpb", server.base, kind: .torznab, change: { $0.enableInteractiveSearch = false })
            let result = await world.indexers.search(.text("x"), scope: .interactive, categories: .tv)
            #expect(result.outcomes.map(\.name) == ["limited"], "tpb takes no interactive searches")
            #expect(result.outcomes[0].code == "rateLimited")
            // 2 hours asked for, more than the first step's minute.
            #expect(world.indexers.status(of: limited).disabledUntil == world.clock.now.addingTimeInterval(7200))
            let rss = await world.indexers.search(.recent, scope: .rss, categories: .library)
            #expect(rss.outcomes.map(\.name) == ["limited", "tpb"])
        }
    }

    @Test func capsAreAskedOnceThenAgainWhenTheAddressChanges() async throws {
        let world = try await World.make()
        try await FakeServer.run(contentType: "application/rss+xml", Self.route) { server in
            let id = try await world.addIndexer("nzbsu", server.base)
            _ = await world.indexers.search(.text("a"), scope: .interactive, categories: .tv)
            _ = await world.indexers.search(.text("b"), scope: .interactive, categories: .tv)
            #expect(server.count("/nzbsu/api?apikey=\(goodKey)&t=caps") == 1)
            #expect(world.indexers.capsFetched(id) == world.clock.now)
            _ = try await world.indexers.update(id, ifVersion: nil) { $0.additionalParameters = "&attrs=poster" }
            _ = await world.indexers.search(.text("c"), scope: .interactive, categories: .tv)
            #expect(server.count("/nzbsu/api?apikey=\(goodKey)&t=caps") == 2)
            #expect(server.requests.last?.contains("attrs=poster") == true)
            // Seven days later the cache is stale.
            world.clock.advance(7 * 24 * 3600 + 1)
            _ = await world.indexers.search(.text("d"), scope: .interactive, categories: .tv)
            #expect(server.count("/nzbsu/api?apikey=\(goodKey)&t=caps") == 3)
        }
    }

    @Test func anIndexerThatTakesTooLongIsCutOffAlone() async throws {
        let world = try await World.make(searchDeadline: .seconds(1))
        try await FakeServer.run(contentType: "application/rss+xml", Self.route) { server in
            try await world.addIndexer("slow", server.base, kind: .torznab)
            try await world.addIndexer("tpb", server.base, kind: .torznab)
            let result = await world.indexers.search(.text("x"), scope: .interactive, categories: .tv)
            #expect(result.outcomes.map(\.state) == [.failed, .ok])
            #expect(result.outcomes[0].message == "slow did not answer within 1 seconds.")
            #expect(result.releases.count == 5)
        }
    }
}
