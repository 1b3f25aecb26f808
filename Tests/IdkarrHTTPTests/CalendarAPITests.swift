import Foundation
import HTTPTypes
import IdkarrApp
import IdkarrDomain
import IdkarrLibrary
import IdkarrStore
import Testing

/// Shared set-up: an instance of each kind, a series with episodes and a movie with release dates.
enum CalendarFixture {
    static func iso(_ date: Date) -> String { date.formatted(.iso8601) }

    /// Creates "TV" and "Movies" instances through the API; returns their ids.
    static func instances(_ c: Client, _ key: String) async throws -> (tv: Int, movies: Int) {
        let tv = try await c.send(.post, "/api/v1/instances", ["name": "TV", "mediaType": "series"], auth: .apiKey(key))
        let movies = try await c.send(.post, "/api/v1/instances", ["name": "Movies", "mediaType": "movie"], auth: .apiKey(key))
        return (try #require(tv.object["id"] as? Int), try #require(movies.object["id"] as? Int))
    }

    static func series(_ c: Client, _ key: String, instance: Int, title: String, runtime: Int = 50, tags: [Int] = [],
                       episodes: [[String: Any]]) async throws -> Int {
        let body: [String: Any] = ["instanceId": instance, "mediaType": "series", "title": title, "runtime": runtime,
                                   "overview": "About \(title)", "tags": tags, "episodes": episodes]
        let reply = try await c.send(.post, "/api/v1/media", body, auth: .apiKey(key))
        #expect(reply.status == .created, "\(reply.text)")
        return try #require(reply.object["id"] as? Int)
    }

    /// A movie; release dates and availability are set on the document (the API fields land separately).
    static func movie(_ app: TestApp, _ c: Client, _ key: String, instance: Int, title: String, dates: MovieReleaseDates,
                      minimum: MinimumAvailability = .released, status: String = "announced") async throws -> Int {
        let reply = try await c.send(.post, "/api/v1/media", ["instanceId": instance, "mediaType": "movie", "title": title,
                                                             "status": status, "overview": "A film; with, commas"], auth: .apiKey(key))
        let id = try #require(reply.object["id"] as? Int)
        _ = try await app.services.library.media.update(id) { (m: inout Media) in
            m.releaseDates = dates
            m.minimumAvailability = minimum
        }
        return id
    }
}

@Suite("Calendar API")
struct CalendarAPITests {
    @Test func entriesInAWindowWithFilters() async throws {
        let app = try await TestApp.make()
        try await app.run { c in
            let key = try await c.adminKey()
            let (tv, movies) = try await CalendarFixture.instances(c, key)
            let tag = try #require(try await c.send(.post, "/api/v1/tags", ["label": "kids"], auth: .apiKey(key)).object["id"] as? Int)
            let show = try await CalendarFixture.series(c, key, instance: tv, title: "Severance", tags: [tag], episodes: [
                ["seasonNumber": 1, "episodeNumber": 1, "title": "Pilot", "airDate": "2026-03-01", "airDateUtc": "2026-03-02T02:00:00Z"],
                ["seasonNumber": 1, "episodeNumber": 2, "airDate": "2026-03-04"],
                ["seasonNumber": 1, "episodeNumber": 3, "airDateUtc": "2026-03-03T02:00:00Z", "monitored": false],
                ["seasonNumber": 1, "episodeNumber": 4, "airDateUtc": "2026-04-03T02:00:00Z"],
            ])
            let movie = try await CalendarFixture.movie(app, c, key, instance: movies, title: "Dune",
                                                        dates: MovieReleaseDates(inCinemas: "2026-03-01", digital: "2026-03-06"))
            let reply = try await c.send(.get, "/api/v1/calendar?start=2026-03-01&end=2026-03-07", auth: .apiKey(key))
            #expect(reply.status == .ok)
            let records = reply.records
            #expect(records.map { $0["kind"] as? String } == ["inCinemas", "episode", "episode", "digital"])
            #expect(records.map { $0["mediaId"] as? Int } == [movie, show, show, movie])
            let pilot = records[1]
            #expect(pilot["start"] as? String == "2026-03-02T02:00:00Z" && pilot["end"] as? String == "2026-03-02T02:50:00Z")
            #expect(pilot["allDay"] as? Bool == false && pilot["episodeTitle"] as? String == "Pilot" && pilot["hasFile"] as? Bool == false)
            let dateOnly = records[2]
            #expect(dateOnly["allDay"] as? Bool == true && dateOnly["start"] as? String == "2026-03-04T00:00:00Z")
            #expect(records[0]["releaseDate"] as? String == "2026-03-01" && records[0]["allDay"] as? Bool == true)

            let all = try await c.send(.get, "/api/v1/calendar?start=2026-03-01&end=2026-03-07&unmonitored=true", auth: .apiKey(key))
            #expect(all.records.count == 5)
            let tagged = try await c.send(.get, "/api/v1/calendar?start=2026-03-01&end=2026-03-07&tags=\(tag)", auth: .apiKey(key))
            #expect(Set(tagged.records.compactMap { $0["mediaId"] as? Int }) == [show])
            let byInstance = try await c.send(.get, "/api/v1/calendar?start=2026-03-01&end=2026-03-07&instanceId=\(movies)", auth: .apiKey(key))
            #expect(byInstance.records.count == 2)
            // Date-times with offsets: 2026-03-01T21:00-05:00 is 02:00Z on the 2nd; the end is exclusive.
            let narrow = try await c.send(.get, "/api/v1/calendar?start=2026-03-01T21:00:00-05:00&end=2026-03-01T21:01:00-05:00",
                                          auth: .apiKey(key))
            #expect(narrow.records.compactMap { $0["episodeNumber"] as? Int } == [1])
        }
    }

    @Test(arguments: [
        "start=yesterday", "end=2026-02-30", "start=2026-03-10&end=2026-03-01", "start=2026-01-01&end=2027-06-01",
        "unmonitored=yes", "tags=a,b", "instanceId=0",
    ])
    func badQueriesAre400(query: String) async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let reply = try await c.send(.get, "/api/v1/calendar?\(query)", auth: .apiKey(key))
            #expect(reply.status == .badRequest && reply.isProblem, "\(query): \(reply.status)")
        }
    }

    @Test func defaultWindowAndAuth() async throws {
        try await TestApp.make().run { c in
            #expect(try await c.send(.get, "/api/v1/calendar").status == .unauthorized)
            #expect(try await c.send(.get, "/api/v1/calendar", auth: .apiKey("nope")).status == .unauthorized)
            let key = try await c.adminKey()
            let (tv, _) = try await CalendarFixture.instances(c, key)
            let now = Date()
            _ = try await CalendarFixture.series(c, key, instance: tv, title: "Now", episodes: [
                ["seasonNumber": 1, "episodeNumber": 1, "airDateUtc": CalendarFixture.iso(now.addingTimeInterval(3 * 86_400))],
                ["seasonNumber": 1, "episodeNumber": 2, "airDateUtc": CalendarFixture.iso(now.addingTimeInterval(9 * 86_400))],
                ["seasonNumber": 1, "episodeNumber": 3, "airDateUtc": CalendarFixture.iso(now.addingTimeInterval(-2 * 86_400))],
            ])
            let reply = try await c.send(.get, "/api/v1/calendar", auth: .apiKey(key))
            #expect(reply.records.compactMap { $0["episodeNumber"] as? Int } == [1], "today and the next 7 days")
        }
    }
}
