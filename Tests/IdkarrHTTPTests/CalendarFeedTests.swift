import Foundation
import HTTPTypes
import IdkarrApp
import IdkarrDomain
import IdkarrLibrary
import IdkarrStore
import Testing

@testable import IdkarrHTTP

@Suite("iCalendar writer")
struct ICalendarWriterTests {
    static let stamp = Date(timeIntervalSince1970: 1_772_330_400)  // 2026-03-01T02:00:00Z

    @Test func textEscaping() {
        #expect(ICalendar.text(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICalendar.text("one\ntwo\r\nthree\rfour") == #"one\ntwo\nthree\nfour"#)
        #expect(ICalendar.text("tab\there, bell\u{07} and del\u{7F}") == "tab\there\\, bell and del")
        #expect(ICalendar.text("Amélie: «日本語»") == "Amélie: «日本語»")
    }

    @Test func linesAreFoldedAt75OctetsWithoutSplittingCharacters() {
        let long = "SUMMARY:" + String(repeating: "日本語のタイトル", count: 12) + " 🎬🎬🎬 end"
        var out = ""
        ICalendar.fold(long, into: &out)
        #expect(out.hasSuffix("\r\n"))
        let lines = String(out.utf8.dropLast(2))!.components(separatedBy: "\r\n")
        #expect(lines.count >= 4)
        for (i, line) in lines.enumerated() {
            #expect(line.utf8.count <= 75, "line \(i) has \(line.utf8.count) octets")
            if i > 0 { #expect(line.hasPrefix(" ")) }
            // Each piece is whole UTF-8 on its own: a split sequence would not round-trip.
            #expect(String(decoding: Array(line.utf8), as: UTF8.self) == line)
        }
        let unfolded = lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined()
        #expect(unfolded == long)
        // Exactly 75 octets stays on one line.
        var exact = ""
        ICalendar.fold(String(repeating: "x", count: 75), into: &exact)
        #expect(exact == String(repeating: "x", count: 75) + "\r\n")
    }

    @Test func calendarStructure() {
        var cal = ICalendar(stamp: Self.stamp)
        let start = Date(timeIntervalSince1970: 1_772_416_800)  // 2026-03-02T02:00:00Z
        cal.events = [
            ICalendar.Event(uid: "idkarr-episode-1-2@idkarr", start: .dateTime(start), end: .dateTime(start.addingTimeInterval(3000)),
                            summary: "Show - S01E02 - Hello, World", description: "Line one\nLine two"),
            ICalendar.Event(uid: "idkarr-movie-3-digital@idkarr", start: .date(CivilDay.date("2026-03-06")!),
                            end: .date(CivilDay.date("2026-03-07")!), summary: "Dune (digital release)"),
        ]
        let text = cal.render()
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        #expect(text.contains("\r\nDTSTAMP:20260301T020000Z\r\n"))
        #expect(text.contains("\r\nDTSTART:20260302T020000Z\r\nDTEND:20260302T025000Z\r\n"))
        #expect(text.contains("\r\nSUMMARY:Show - S01E02 - Hello\\, World\r\n"))
        #expect(text.contains("\r\nDESCRIPTION:Line one\\nLine two\r\n"))
        #expect(text.contains("\r\nDTSTART;VALUE=DATE:20260306\r\nDTEND;VALUE=DATE:20260307\r\n"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 3)
    }
}

@Suite("Calendar feed")
struct CalendarFeedTests {
    @Test func feedOverHTTP() async throws {
        let app = try await TestApp.make()
        try await app.run { c in
            let key = try await c.adminKey()
            let (tv, movies) = try await CalendarFixture.instances(c, key)
            let today = CivilDay.startOfDay(Date())
            let soon = today.addingTimeInterval(2 * 86_400 + 3600 * 20)
            let show = try await CalendarFixture.series(c, key, instance: tv, title: "Café; Society", runtime: 0, episodes: [
                ["seasonNumber": 1, "episodeNumber": 2, "title": "Ünïcødé, the episode", "airDateUtc": CalendarFixture.iso(soon),
                 "overview": String(repeating: "Überlange Beschreibung — ", count: 10)],
                ["seasonNumber": 1, "episodeNumber": 3, "airDate": CivilDay.string(today.addingTimeInterval(86_400 * 3))],
                ["seasonNumber": 1, "episodeNumber": 9, "airDateUtc": CalendarFixture.iso(today.addingTimeInterval(86_400 * 60))],
            ])
            let cinema = CivilDay.string(today.addingTimeInterval(-86_400 * 5))
            let movie = try await CalendarFixture.movie(app, c, key, instance: movies, title: "Dune", dates: MovieReleaseDates(inCinemas: cinema))

            let reply = try await c.send(.get, "/feed/v1/calendar.ics?apikey=\(key)")
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType] == "text/calendar; charset=utf-8")
            let text = reply.text
            #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 4, "two episodes and the movie; S01E09 is too far")
            let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
            #expect(unfolded.contains("UID:idkarr-episode-\(show)-1@idkarr"))
            #expect(unfolded.contains("UID:idkarr-movie-\(movie)-inCinemas@idkarr"))
            #expect(unfolded.contains("SUMMARY:Café\\; Society - S01E02 - Ünïcødé\\, the episode"))
            #expect(unfolded.contains("SUMMARY:Dune (in cinemas)"))
            #expect(unfolded.contains("DTSTART:\(ICalendar.utc(soon))\r\nDTEND:\(ICalendar.utc(soon.addingTimeInterval(1800)))"),
                    "no runtime: 30 minutes")
            #expect(unfolded.contains("DTSTART;VALUE=DATE:" + CivilDay.string(today.addingTimeInterval(86_400 * 3)).replacingOccurrences(of: "-", with: "")))
            for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }

            let narrow = try await c.send(.get, "/feed/v1/calendar.ics?apikey=\(key)&pastDays=0&futureDays=2")
            #expect(narrow.text.components(separatedBy: "BEGIN:VEVENT").count == 2, "only S01E02 (in two days)")
            let far = try await c.send(.get, "/feed/v1/calendar.ics?apikey=\(key)&futureDays=90")
            #expect(far.text.components(separatedBy: "BEGIN:VEVENT").count == 5)
        }
    }

    @Test(arguments: ["pastDays=-1", "futureDays=366", "pastDays=x", "unmonitored=1", "tags=;"])
    func badParametersAre400(query: String) async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let reply = try await c.send(.get, "/feed/v1/calendar.ics?apikey=\(key)&\(query)")
            #expect(reply.status == .badRequest && reply.isProblem, "\(query): \(reply.status)")
        }
    }

    @Test func feedNeedsAValidKey() async throws {
        try await TestApp.make().run { c in
            _ = try await c.adminKey()
            let none = try await c.send(.get, "/feed/v1/calendar.ics")
            #expect(none.status == .unauthorized && none.isProblem)
            #expect(try await c.send(.get, "/feed/v1/calendar.ics?apikey=wrong").status == .unauthorized)
            #expect(try await c.send(.get, "/feed/v1/calendar.ics?apikey=").status == .unauthorized)
        }
    }
}
