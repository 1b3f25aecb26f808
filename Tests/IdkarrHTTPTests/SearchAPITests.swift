import Foundation
import HTTPTypes
import IdkarrTestSupport
import Testing

/// The search side of the indexers over the real server: Test, the Search page's search, a
/// title's interactive search with decisions, RSS sync, the shared settings, health.
@Suite("Search API") struct SearchAPITests {
    static let key = "0123456789abcdef0123456789abcdef"
    static func fixture(_ name: String) -> Canned { FixtureFiles.ok("indexers/" + name) }

    static let route: FakeRoute = { path, query, _ in
        guard query["apikey"] == key else { return fixture("newznab/unauthorized.xml") }
        if query["t"] == "caps" { return fixture("newznab/newznab_caps.xml") }
        if path.hasPrefix("/broken") { return .status(500, "oops") }
        return path.hasPrefix("/tpb") ? fixture("torznab/torznab_tpb.xml") : fixture("newznab/newznab_nzb_su.xml")
    }

    func addIndexer(_ c: Client, _ admin: String, _ name: String, _ base: String, kind: String = "newznab") async throws -> Int {
        let made = try await c.send(.post, "/api/v1/indexers", ["name": name, "kind": kind, "baseURL": "\(base)/\(name)",
                                                                 "apiKey": Self.key, "tvCategories": [5000]], auth: .apiKey(admin))
        #expect(made.status == .created, "\(made.text)")
        return try #require(made.object["id"] as? Int)
    }

    @Test func testActionSaysWhatIsWrong() async throws {
        try await FakeServer.run(contentType: "application/rss+xml", Self.route) { server in
            try await TestApp.make().run { c in
                let admin = try await c.adminKey()
                let form: [String: Any] = ["name": "nzbsu", "kind": "newznab", "baseURL": "\(server.base)/nzbsu", "apiKey": Self.key]
                let ok = try await c.send(.post, "/api/v1/indexers/test", form, auth: .apiKey(admin))
                #expect(ok.status == .ok && ok.object["ok"] as? Bool == true, "\(ok.text)")
                let categories = ok.object["categories"] as? [[String: Any]] ?? []
                #expect(categories.map { $0["id"] as? Int } == [5000, 7000, 8000])
                #expect(((categories.first?["subcategories"] as? [[String: Any]])?.count) == 8)

                var wrong = form
                wrong["apiKey"] = "nope"
                let refused = try await c.send(.post, "/api/v1/indexers/test", wrong, auth: .apiKey(admin))
                #expect(refused.status == .ok && refused.object["ok"] as? Bool == false && refused.object["code"] as? String == "unauthorized")
                #expect((refused.object["message"] as? String)?.contains("API key") == true)

                // A saved indexer is tested with its stored key; the form's other changes apply.
                let id = try await addIndexer(c, admin, "nzbsu", server.base)
                let saved = try await c.send(.post, "/api/v1/indexers/test", ["id": id], auth: .apiKey(admin))
                #expect(saved.object["ok"] as? Bool == true)
                let moved = try await c.send(.post, "/api/v1/indexers/test", ["id": id, "baseURL": "\(server.base)/broken"], auth: .apiKey(admin))
                #expect(moved.object["ok"] as? Bool == false && moved.object["code"] as? String == "unavailable")
                let caps = try await c.send(.get, "/api/v1/indexers/\(id)/caps", auth: .apiKey(admin))
                #expect(caps.status == .ok && caps.object["maxPageSize"] as? Int == 60 && caps.object["fetchedAt"] != nil)

                let invalid = try await c.send(.post, "/api/v1/indexers/test", ["kind": "newznab", "baseURL": "nope"], auth: .apiKey(admin))
                #expect(invalid.status == .badRequest && invalid.isProblem && invalid.text.contains("baseURL"))
                #expect(try await c.send(.post, "/api/v1/indexers/test", ["id": 999], auth: .apiKey(admin)).status == .notFound)
                #expect(try await c.send(.post, "/api/v1/indexers/test", "[1]", auth: .apiKey(admin)).status == .badRequest)
                #expect(try await c.send(.post, "/api/v1/indexers/test", form).status == .unauthorized)
            }
        }
    }

    @Test func searchAcrossIndexers() async throws {
        try await FakeServer.run(contentType: "application/rss+xml", Self.route) { server in
            try await TestApp.make().run { c in
                let admin = try await c.adminKey()
                let nzbsu = try await addIndexer(c, admin, "nzbsu", server.base)
                _ = try await addIndexer(c, admin, "tpb", server.base, kind: "torznab")
                let broken = try await addIndexer(c, admin, "broken", server.base)
                let reply = try await c.send(.get, "/api/v1/search?query=white+collar&type=tvsearch&season=3", auth: .apiKey(admin))
                #expect(reply.status == .ok, "\(reply.text)")
                let releases = reply.object["releases"] as? [[String: Any]] ?? []
                #expect(releases.count == 105)
                let first = try #require(releases.first)
                #expect(first["title"] as? String == "White.Collar.S03E05.720p.HDTV.X264-DIMENSION")
                #expect(first["indexerId"] as? Int == nzbsu && first["protocol"] as? String == "usenet")
                #expect(first["size"] as? Int == 1_183_105_773)
                #expect(first["downloadUrl"] == nil, "downloads go through idkarr, never to the browser")
                let parsed = first["parsed"] as? [String: Any] ?? [:]
                #expect(parsed["seriesTitle"] as? String == "White Collar" && parsed["seasonNumber"] as? Int == 3)
                #expect((parsed["quality"] as? [String: Any])?["name"] as? String == "HDTV-720p")
                let torrent = try #require(releases.first { $0["protocol"] as? String == "torrent" })
                #expect(torrent["seeders"] != nil && torrent["peers"] != nil)
                let outcomes = reply.object["indexers"] as? [[String: Any]] ?? []
                #expect(outcomes.map { $0["state"] as? String } == ["ok", "ok", "failed"])
                #expect(server.requests.contains { $0.hasPrefix("/nzbsu/api?") && $0.contains("q=white collar&season=3&t=tvsearch") })

                // Only the chosen indexer; the failing one now rests and health says so.
                let one = try await c.send(.get, "/api/v1/search?query=x&indexerIds=\(nzbsu)&categories=5040", auth: .apiKey(admin))
                #expect((one.object["indexers"] as? [[String: Any]])?.count == 1)
                #expect(server.requests.contains { $0.hasPrefix("/nzbsu/api?") && $0.contains("cat=5040") && $0.contains("t=search") })
                let health = try await c.send(.get, "/api/v1/system/health", auth: .apiKey(admin))
                #expect(health.records.contains { $0["source"] as? String == "IndexerStatusCheck" && ($0["message"] as? String)?.contains("broken") == true })
                let listed = try await c.send(.get, "/api/v1/indexers/\(broken)", auth: .apiKey(admin))
                #expect((listed.object["status"] as? [String: Any])?["consecutiveFailures"] as? Int == 1)

                for bad in ["type=gopher", "type=movie", "type=tvsearch&query=x&episode=2", "query=" + String(repeating: "a", count: 201),
                            "indexerIds=a", "categories=-1", "type=tvsearch&query=imdb:ttx&season=1", "limit=0"] {
                    let r = try await c.send(.get, "/api/v1/search?\(bad)", auth: .apiKey(admin))
                    #expect(r.status == .badRequest && r.isProblem, "\(bad): \(r.status)")
                }
                let series = try await c.send(.get, "/api/v1/search?type=tvsearch&query=tvdb:82", auth: .apiKey(admin))
                #expect(series.status == .ok)
                let byId = try await c.send(.get, "/api/v1/search?type=movie&query=imdb:tt0133093", auth: .apiKey(admin))
                #expect(byId.status == .ok)
                #expect(server.requests.contains { $0.contains("imdbid=0133093") && $0.contains("t=movie") })
                #expect(try await c.send(.get, "/api/v1/search?query=x").status == .unauthorized)
            }
        }
    }

    @Test func aTitlesInteractiveSearchShowsTheDecisions() async throws {
        try await FakeServer.run(contentType: "application/rss+xml", Self.route) { server in
            try await TestApp.make().run { c in
                let admin = try await c.adminKey()
                _ = try await addIndexer(c, admin, "nzbsu", server.base)
                let tv = try await c.send(.post, "/api/v1/instances", ["name": "TV", "mediaType": "series"], auth: .apiKey(admin))
                let profiles = try await c.send(.get, "/api/v1/qualityprofiles", auth: .apiKey(admin))
                let hd = profiles.records.first { $0["name"] as? String == "HD-720p" }?["id"] as? Int
                let made = try await c.send(.post, "/api/v1/media", [
                    "instanceId": tv.object["id"] as? Int ?? 0, "mediaType": "series", "title": "White Collar", "qualityProfileId": hd ?? 0,
                    "runtime": 45, "episodes": (1...8).map { ["seasonNumber": 3, "episodeNumber": $0] },
                ], auth: .apiKey(admin))
                #expect(made.status == .created, "\(made.text)")
                let mediaId = try #require(made.object["id"] as? Int)
                let episodes = made.object["episodes"] as? [[String: Any]] ?? []
                let e05 = try #require(episodes.first { $0["episodeNumber"] as? Int == 5 }?["id"] as? Int)

                let episode = try await c.send(.get, "/api/v1/releases?mediaId=\(mediaId)&episodeId=\(e05)", auth: .apiKey(admin))
                #expect(episode.status == .ok, "\(episode.text)")
                let decisions = episode.object["decisions"] as? [[String: Any]] ?? []
                #expect(decisions.count == 100)
                let best = try #require(decisions.first)
                #expect(best["accepted"] as? Bool == true && best["rank"] as? Int == 1)
                #expect((best["release"] as? [String: Any])?["title"] as? String == "White.Collar.S03E05.720p.HDTV.X264-DIMENSION")
                #expect(best["episodeIds"] as? [Int] == [e05])
                let rejected = try #require(decisions.first { ($0["release"] as? [String: Any])?["title"] as? String == "White.Collar.S03E04.720p.HDTV.X264-DIMENSION" })
                #expect(rejected["accepted"] as? Bool == false && rejected["rank"] == nil)
                let reasons = (rejected["rejections"] as? [[String: Any]])?.compactMap { $0["reason"] as? String }
                #expect(reasons == ["Wrong episode: the release is S03E04."])

                let season = try await c.send(.get, "/api/v1/releases?mediaId=\(mediaId)&seasonNumber=3", auth: .apiKey(admin))
                let accepted = (season.object["decisions"] as? [[String: Any]] ?? []).filter { $0["accepted"] as? Bool == true }
                #expect(accepted.count == 5, "E02–E05 and E07 of season 3; S02E14 is another season")
                #expect(!accepted.contains { ($0["release"] as? [String: Any])?["title"] as? String == "White.Collar.S02E14.720p.HDTV.X264-DIMENSION" })
                for bad in ["", "mediaId=x", "mediaId=\(mediaId)", "mediaId=\(mediaId)&seasonNumber=9",
                            "mediaId=\(mediaId)&seasonNumber=3&episodeId=\(e05)", "mediaId=\(mediaId)&episodeId=0"] {
                    let r = try await c.send(.get, "/api/v1/releases?\(bad)", auth: .apiKey(admin))
                    #expect(r.status == .badRequest, "\(bad): \(r.status) \(r.text)")
                }
                #expect(try await c.send(.get, "/api/v1/releases?mediaId=4242", auth: .apiKey(admin)).status == .notFound)
            }
        }
    }

    @Test func rssSyncAndSettings() async throws {
        try await FakeServer.run(contentType: "application/rss+xml", Self.route) { server in
            try await TestApp.make().run { c in
                let admin = try await c.adminKey()
                let before = try await c.send(.get, "/api/v1/indexers/rss", auth: .apiKey(admin))
                #expect(before.object["enabled"] as? Bool == true && before.object["intervalMinutes"] as? Int == 15)
                #expect(before.object["lastReport"] == nil && before.object["running"] as? Bool == false)
                _ = try await addIndexer(c, admin, "nzbsu", server.base)
                let run = try await c.send(.post, "/api/v1/indexers/rss", auth: .apiKey(admin))
                #expect(run.status == .ok, "\(run.text)")
                let report = run.object["lastReport"] as? [String: Any] ?? [:]
                #expect(report["newReleases"] as? Int == 100 && report["trigger"] as? String == "manual")
                #expect((report["indexers"] as? [[String: Any]])?.first?["new"] as? Int == 100)
                let again = try await c.send(.post, "/api/v1/indexers/rss", auth: .apiKey(admin))
                #expect((again.object["lastReport"] as? [String: Any])?["newReleases"] as? Int == 0)
                let runs = again.object["recentRuns"] as? [[String: Any]] ?? []
                #expect(runs.map { $0["run"] as? Int } == [2, 1] && runs.map { $0["newReleases"] as? Int } == [0, 100])
                #expect((again.object["lastReport"] as? [String: Any])?["milliseconds"] is Int)

                let settings = try await c.send(.get, "/api/v1/settings/indexers", auth: .apiKey(admin))
                #expect(settings.object["rssSyncIntervalMinutes"] as? Int == 15 && settings.object["retentionDays"] as? Int == 0)
                #expect(settings.headers[.eTag] == "\"0\"" && settings.object["version"] as? Int == 0, "the defaults, never saved")
                let saved = try await c.send(.put, "/api/v1/settings/indexers", ["rssSyncIntervalMinutes": 0, "maximumSizeMB": 4000],
                                             auth: .apiKey(admin), headers: [.ifMatch: "\"0\""])
                let stale = try await c.send(.put, "/api/v1/settings/indexers", ["retentionDays": 5], auth: .apiKey(admin),
                                             headers: [.ifMatch: "\"0\""])
                #expect(stale.status == .conflict)
                #expect(saved.status == .ok && saved.object["maximumSizeMB"] as? Int == 4000)
                let off = try await c.send(.get, "/api/v1/indexers/rss", auth: .apiKey(admin))
                #expect(off.object["enabled"] as? Bool == false && off.object["nextRun"] == nil)
                let bad = try await c.send(.put, "/api/v1/settings/indexers", ["rssSyncIntervalMinutes": 5, "retentionDays": -1], auth: .apiKey(admin))
                #expect(bad.status == .badRequest)
                let fields = (bad.object["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
                #expect(Set(fields) == ["rssSyncIntervalMinutes", "retentionDays"])
                #expect(try await c.send(.get, "/api/v1/settings/indexers", auth: .apiKey(admin)).object["rssSyncIntervalMinutes"] as? Int == 0)
            }
        }
    }
}
