import Foundation
import HTTPTypes
import IdkarrApp
import IdkarrDomain
import IdkarrLibrary
import IdkarrStore
import Testing

@Suite("Wanted API")
struct WantedAPITests {
    @Test func missingPagedAndSorted() async throws {
        let app = try await TestApp.make()
        try await app.run { c in
            let key = try await c.adminKey()
            let (tv, movies) = try await CalendarFixture.instances(c, key)
            let show = try await CalendarFixture.series(c, key, instance: tv, title: "Show", episodes: [
                ["seasonNumber": 1, "episodeNumber": 1, "airDateUtc": "2020-01-01T02:00:00Z"],
                ["seasonNumber": 1, "episodeNumber": 2, "airDate": "2020-01-08"],
                ["seasonNumber": 1, "episodeNumber": 3, "airDateUtc": "2099-01-01T02:00:00Z"],
                ["seasonNumber": 1, "episodeNumber": 4, "airDateUtc": "2020-01-15T02:00:00Z", "monitored": false],
                ["seasonNumber": 0, "episodeNumber": 1, "airDateUtc": "2019-06-01T02:00:00Z", "monitored": false],
            ])
            let released = try await CalendarFixture.movie(app, c, key, instance: movies, title: "Arrival",
                                                           dates: MovieReleaseDates(inCinemas: "2016-11-11", digital: "2017-02-14"))
            _ = try await CalendarFixture.movie(app, c, key, instance: movies, title: "Future Film",
                                                dates: MovieReleaseDates(inCinemas: "2099-01-01"))

            let missing = try await c.send(.get, "/api/v1/wanted/missing", auth: .apiKey(key))
            #expect(missing.status == .ok)
            #expect(missing.object["totalRecords"] as? Int == 3 && missing.object["pageSize"] as? Int == 50)
            #expect(missing.records.map { $0["title"] as? String } == ["Show", "Show", "Arrival"], "latest first")
            #expect(missing.records.map { $0["episodeNumber"] as? Int } == [2, 1, nil])
            #expect(missing.records[0]["mediaId"] as? Int == show && missing.records[2]["mediaId"] as? Int == released)
            #expect(missing.records[2]["date"] as? String == "2017-02-14T00:00:00Z")

            let page2 = try await c.send(.get, "/api/v1/wanted/missing?pageSize=2&page=2&sortKey=airDateUtc&sortDirection=ascending",
                                         auth: .apiKey(key))
            #expect(page2.records.map { $0["episodeNumber"] as? Int } == [2] && page2.object["totalRecords"] as? Int == 3)
            let byTitle = try await c.send(.get, "/api/v1/wanted/missing?sortKey=title", auth: .apiKey(key))
            #expect(byTitle.records.map { $0["title"] as? String } == ["Arrival", "Show", "Show"])
            let unmonitored = try await c.send(.get, "/api/v1/wanted/missing?monitored=false", auth: .apiKey(key))
            #expect(unmonitored.records.map { $0["episodeNumber"] as? Int } == [4], "an unmonitored special is never wanted")
            let movieOnly = try await c.send(.get, "/api/v1/wanted/missing?instanceId=\(movies)", auth: .apiKey(key))
            #expect(movieOnly.object["totalRecords"] as? Int == 1)
        }
    }

    @Test func cutoffUnmet() async throws {
        let app = try await TestApp.make()
        try await app.run { c in
            let key = try await c.adminKey()
            let (tv, _) = try await CalendarFixture.instances(c, key)
            // The seeded "HD - 720p/1080p" profile allows upgrades, cutoff HDTV-720p.
            let profiles = try await c.send(.get, "/api/v1/qualityprofiles", auth: .apiKey(key)).records
            let profile = try #require(profiles.first { $0["name"] as? String == "HD - 720p/1080p" }?["id"] as? Int)
            let noUpgrades = try #require(profiles.first { $0["name"] as? String == "HD-1080p" }?["id"] as? Int)
            let show = try await CalendarFixture.series(c, key, instance: tv, title: "Upgradable", episodes: [
                ["seasonNumber": 1, "episodeNumber": 1, "airDateUtc": "2020-01-01T02:00:00Z"],
                ["seasonNumber": 1, "episodeNumber": 2, "airDateUtc": "2020-01-08T02:00:00Z"],
                ["seasonNumber": 1, "episodeNumber": 3, "airDateUtc": "2020-01-15T02:00:00Z"],
            ])
            let other = try await CalendarFixture.series(c, key, instance: tv, title: "Settled", episodes: [
                ["seasonNumber": 1, "episodeNumber": 1, "airDateUtc": "2020-01-01T02:00:00Z"],
            ])
            // Files are facts an import finds: set them on the documents directly.
            let library = app.services.library
            let qualities = [1, 4, 9]  // SDTV (not allowed), HDTV-720p (the cutoff), HDTV-1080p
            _ = try await library.media.update(show) { (m: inout Media) in
                m.qualityProfileId = profile
                for k in m.episodes.indices {
                    m.episodes[k].episodeFile = MediaFile(path: "/tv/\(k).mkv", size: 1, qualityId: qualities[k], dateAdded: Date())
                }
            }
            _ = try await library.media.update(other) { (m: inout Media) in
                m.qualityProfileId = noUpgrades
                m.episodes[0].episodeFile = MediaFile(path: "/tv/x.mkv", size: 1, qualityId: 1, dateAdded: Date())
            }
            let cutoff = try await c.send(.get, "/api/v1/wanted/cutoff", auth: .apiKey(key))
            #expect(cutoff.status == .ok)
            #expect(cutoff.records.map { $0["episodeNumber"] as? Int } == [1])
            let quality = try #require(cutoff.records.first?["quality"] as? [String: Any])
            #expect(quality["name"] as? String == "SDTV")
            let missing = try await c.send(.get, "/api/v1/wanted/missing", auth: .apiKey(key))
            #expect(missing.object["totalRecords"] as? Int == 0)
        }
    }

    @Test(arguments: ["page=0", "pageSize=1001", "sortKey=size", "sortDirection=up", "monitored=maybe", "instanceId=-3"])
    func badQueriesAre400(query: String) async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            for list in ["missing", "cutoff"] {
                let reply = try await c.send(.get, "/api/v1/wanted/\(list)?\(query)", auth: .apiKey(key))
                #expect(reply.status == .badRequest && reply.isProblem, "\(list)?\(query): \(reply.status)")
            }
        }
    }

    @Test func needsAUser() async throws {
        try await TestApp.make().run { c in
            let anonymous = try await c.send(.get, "/api/v1/wanted/missing")
            #expect(anonymous.status == .unauthorized && anonymous.isProblem)
            let badKey = try await c.send(.get, "/api/v1/wanted/cutoff?apikey=bad")
            #expect(badKey.status == .unauthorized)
        }
    }
}
