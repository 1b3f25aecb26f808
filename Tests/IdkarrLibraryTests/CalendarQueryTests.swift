import Foundation
import IdkarrDomain
import IdkarrLibrary
import IdkarrStore
import Testing

/// Hand-built snapshots for the calendar and wanted queries (no store needed: the queries are pure).
enum Snap {
    static let epoch = Date(timeIntervalSince1970: 0)

    static func utc(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    static func doc(_ id: Int, _ m: Media) -> Stored<Media> {
        Stored(id: id, version: 1, schemaVersion: 1, createdAt: epoch, updatedAt: epoch, body: m)
    }

    static func series(_ title: String, monitored: Bool = true, tags: [Int] = [], runtime: Int? = 45,
                       episodes: [Episode], seasons: [Season]? = nil) -> Media {
        var m = Media(instanceId: 1, mediaType: .series, title: title, added: epoch)
        m.monitored = monitored
        m.tags = tags
        m.runtime = runtime
        m.episodes = episodes
        if let seasons { m.seasons = seasons }
        m.normalizeSeasons()
        return m
    }

    static func episode(_ id: Int, _ season: Int, _ number: Int, utc: String? = nil, day: String? = nil,
                        monitored: Bool = true, title: String? = nil, file: Int? = nil, removed: Bool = false) -> Episode {
        var e = Episode(id: id, seasonNumber: season, episodeNumber: number, monitored: monitored)
        e.airDateUtc = utc.map(Self.utc)
        e.airDate = day ?? utc.map { String($0.prefix(10)) }
        e.title = title
        e.episodeFile = file.map { MediaFile(path: "/tv/\(id).mkv", size: 1, qualityId: $0, dateAdded: epoch) }
        if removed { e.removedFromProvider = true }
        return e
    }

    static func movie(_ title: String, monitored: Bool = true, status: MediaStatus = .announced,
                      dates: MovieReleaseDates? = nil, minimum: MinimumAvailability? = nil, file: Int? = nil,
                      tags: [Int] = [], instanceId: Int = 2) -> Media {
        var m = Media(instanceId: instanceId, mediaType: .movie, title: title, added: epoch)
        m.monitored = monitored
        m.status = status
        m.releaseDates = dates
        m.minimumAvailability = minimum
        m.tags = tags
        m.movieFile = file.map { MediaFile(path: "/movies/\(title).mkv", size: 1, qualityId: $0, dateAdded: epoch) }
        return m
    }
}

@Suite("Calendar query")
struct CalendarQueryTests {
    static func window(_ start: String, _ end: String) -> CalendarQuery {
        CalendarQuery(start: CalendarQuery.parseBound(start, isEnd: false)!, end: CalendarQuery.parseBound(end, isEnd: true)!)
    }

    @Test func civilDaysRoundTrip() {
        #expect(CivilDay.days("1970-01-01") == 0)
        #expect(CivilDay.days("2000-02-29") == 11_016)
        #expect(CivilDay.days("2001-02-29") == nil)
        #expect(CivilDay.days("2026-13-01") == nil)
        #expect(CivilDay.days("2026-1-01") == nil)
        #expect(CivilDay.days("2026-01-0x") == nil)
        for text in ["1969-12-31", "2024-02-29", "2026-03-01", "2099-12-31"] {
            #expect(CivilDay.string(CivilDay.date(text)!) == text)
        }
        #expect(CivilDay.string(Snap.utc("2026-03-01T23:59:59Z")) == "2026-03-01")
    }

    @Test func boundsAreDatesOrDateTimes() {
        #expect(CalendarQuery.parseBound("2026-03-01", isEnd: false) == Snap.utc("2026-03-01T00:00:00Z"))
        #expect(CalendarQuery.parseBound("2026-03-01", isEnd: true) == Snap.utc("2026-03-02T00:00:00Z"), "an end date includes its day")
        #expect(CalendarQuery.parseBound("2026-03-01T20:00:00-05:00", isEnd: false) == Snap.utc("2026-03-02T01:00:00Z"))
        #expect(CalendarQuery.parseBound("2026-03-01T20:00:00.250Z", isEnd: false) != nil)
        #expect(CalendarQuery.parseBound("March 1st", isEnd: false) == nil)
        #expect(CalendarQuery.parseBound("2026-02-30", isEnd: false) == nil)
    }

    @Test func episodesAndMoviesInTheWindowSortedByTime() {
        let docs = [
            Snap.doc(1, Snap.series("Severance", episodes: [
                Snap.episode(1, 1, 1, utc: "2026-03-02T02:00:00Z", title: "Good News About Hell"),
                Snap.episode(2, 1, 2, utc: "2026-03-09T02:00:00Z"),
                Snap.episode(3, 1, 3, utc: "2026-02-20T02:00:00Z"),
            ])),
            Snap.doc(2, Snap.movie("Dune", dates: MovieReleaseDates(inCinemas: "2026-03-01", digital: "2026-03-05", physical: "2026-06-01"))),
            Snap.doc(3, Snap.series("Daily Show", episodes: [Snap.episode(1, 2026, 40, day: "2026-03-02")])),
        ]
        let entries = CalendarQuery.entries(in: docs, Self.window("2026-03-01", "2026-03-07"))
        #expect(entries.map(\.title) == ["Dune", "Daily Show", "Severance", "Dune"])
        #expect(entries.map(\.kind) == [.inCinemas, .episode, .episode, .digital])
        let daily = entries[1]
        #expect(daily.allDay && daily.start == Snap.utc("2026-03-02T00:00:00Z"), "a date-only episode is that day at 00:00 UTC, all day")
        #expect(!entries[2].allDay && entries[2].episodeTitle == "Good News About Hell" && entries[2].runtime == 45)
        #expect(entries[0].allDay && entries[0].releaseDate == "2026-03-01")
    }

    @Test func windowEdgesAreUTC() {
        let docs = [Snap.doc(1, Snap.series("Late", episodes: [
            Snap.episode(1, 1, 1, utc: "2026-03-01T23:30:00Z"),
            Snap.episode(2, 1, 2, utc: "2026-03-02T00:00:00Z"),
        ]))]
        // 23:30 UTC on the 1st is the 1st, even where it is already the 2nd locally.
        #expect(CalendarQuery.entries(in: docs, Self.window("2026-03-01", "2026-03-01")).map(\.episodeId) == [1])
        #expect(CalendarQuery.entries(in: docs, Self.window("2026-03-02", "2026-03-02")).map(\.episodeId) == [2])
        // A date-time window with an offset: 19:00-05:00 is 00:00Z on the 2nd; the end is exclusive.
        let q = CalendarQuery(start: CalendarQuery.parseBound("2026-03-01T18:00:00-05:00", isEnd: false)!,
                              end: CalendarQuery.parseBound("2026-03-01T19:00:00-05:00", isEnd: true)!)
        #expect(CalendarQuery.entries(in: docs, q).map(\.episodeId) == [1])
    }

    @Test func monitoringSeasonsRemovedAndTags() {
        let docs = [
            Snap.doc(1, Snap.series("Show", tags: [5], episodes: [
                Snap.episode(1, 1, 1, utc: "2026-03-02T02:00:00Z"),
                Snap.episode(2, 1, 2, utc: "2026-03-03T02:00:00Z", monitored: false),
                Snap.episode(3, 2, 1, utc: "2026-03-04T02:00:00Z"),
                Snap.episode(4, 1, 3, utc: "2026-03-05T02:00:00Z", removed: true),
                Snap.episode(5, 0, 1, utc: "2026-03-05T03:00:00Z"),
            ], seasons: [Season(seasonNumber: 0, monitored: true), Season(seasonNumber: 1, monitored: true),
                         Season(seasonNumber: 2, monitored: false)])),
            Snap.doc(2, Snap.series("Unwatched", monitored: false, tags: [6], episodes: [Snap.episode(1, 1, 1, utc: "2026-03-02T03:00:00Z")])),
            Snap.doc(3, Snap.movie("Unmonitored Movie", monitored: false, dates: MovieReleaseDates(digital: "2026-03-03"), tags: [6])),
        ]
        var q = Self.window("2026-03-01", "2026-03-07")
        #expect(CalendarQuery.entries(in: docs, q).map(\.episodeId) == [1, 5], "episode 2 unmonitored, season 2 unmonitored, 4 removed")
        q.includeUnmonitored = true
        let all = CalendarQuery.entries(in: docs, q)
        #expect(all.count == 6, "everything but the removed episode")
        #expect(all.filter { !$0.monitored }.count == 4)
        #expect(!all.contains { $0.episodeId == 4 && $0.mediaId == 1 })
        q.tags = [6]
        #expect(Set(CalendarQuery.entries(in: docs, q).map(\.mediaId)) == [2, 3])
        q.tags = [5, 99]
        #expect(Set(CalendarQuery.entries(in: docs, q).map(\.mediaId)) == [1])
        q.tags = []
        q.instanceId = 2
        #expect(CalendarQuery.entries(in: docs, q).map(\.mediaId) == [3])
    }

    @Test func episodesWithoutDatesAndBadDatesAreLeftOut() {
        let docs = [Snap.doc(1, Snap.series("TBA", episodes: [
            Snap.episode(1, 1, 1),
            Snap.episode(2, 1, 2, day: "2026-3-2"),
        ])), Snap.doc(2, Snap.movie("Someday", dates: MovieReleaseDates(inCinemas: "soon")))]
        #expect(CalendarQuery.entries(in: docs, Self.window("2000-01-01", "2030-12-31")).isEmpty)
    }

    @Test func defaultDaysWindow() {
        let q = CalendarQuery.days(from: Snap.utc("2026-03-10T15:00:00Z"), pastDays: 7, futureDays: 28)
        #expect(q.start == Snap.utc("2026-03-03T00:00:00Z"))
        #expect(q.end == Snap.utc("2026-04-08T00:00:00Z"), "today plus 28 whole days")
    }
}
