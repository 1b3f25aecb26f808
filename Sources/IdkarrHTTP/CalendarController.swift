import Foundation
import Hummingbird
import IdkarrDomain
import IdkarrLibrary

/// `GET /api/v1/calendar` (JSON) and `GET /feed/v1/calendar.ics` (iCalendar, for calendar apps
/// that can only send a URL: the API key rides in `?apikey=`, which `AuthMiddleware` reads).
struct CalendarController {
    let library: Library

    func addRoutes(api: RouterGroup<AppRequestContext>, feed: RouterGroup<AppRequestContext>) {
        api.get("calendar", use: list)
        feed.get("calendar.ics", use: ics)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireUser()
        let query = try Self.query(from: request.formQuery, now: library.currentDate)
        return try JSONBody.response(PageResource(all: library.calendar(query).map(CalendarEntryResource.init)))
    }

    @Sendable func ics(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireUser()
        let params = QueryReader(request.formQuery)
        let now = library.currentDate
        var query = CalendarQuery.days(from: now, pastDays: try params.int("pastDays", 0...365) ?? 7,
                                       futureDays: try params.int("futureDays", 0...365) ?? 28)
        try Self.filters(params, into: &query)
        var calendar = ICalendar(stamp: now)
        calendar.events = library.calendar(query).map(Self.event)
        return Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "no-store",
                                               .contentDisposition: "inline; filename=\"idkarr.ics\""],
                        body: .init(byteBuffer: .init(string: calendar.render())))
    }

    /// Reads `start`, `end` (dates or date-times, UTC; default today and a week later) and the filters.
    static func query(from form: FormQuery, now: Date) throws -> CalendarQuery {
        let params = QueryReader(form)
        func bound(_ name: String, isEnd: Bool) throws -> Date? {
            guard let text = params.text(name) else { return nil }
            guard let date = CalendarQuery.parseBound(text, isEnd: isEnd) else {
                throw APIError.invalid(name, "\(name) must be a date (2026-03-01) or an ISO-8601 date-time (2026-03-01T18:00:00Z).")
            }
            return date
        }
        let start = try bound("start", isEnd: false) ?? CivilDay.startOfDay(now)
        let end = try bound("end", isEnd: true) ?? start.addingTimeInterval(7 * CivilDay.secondsPerDay)
        guard end >= start else { throw APIError.invalid("end", "end must not be before start.") }
        guard end.timeIntervalSince(start) <= CalendarQuery.maxSpan else {
            throw APIError.invalid("end", "The calendar spans at most 366 days from start to end.")
        }
        var query = CalendarQuery(start: start, end: end)
        try filters(params, into: &query)
        return query
    }

    static func filters(_ params: QueryReader, into query: inout CalendarQuery) throws {
        query.includeUnmonitored = try params.bool("unmonitored") ?? false
        query.tags = try params.tags()
        query.instanceId = try params.int("instanceId", 1...Int.max)
    }

    static func event(_ e: CalendarEntry) -> ICalendar.Event {
        let day = CivilDay.secondsPerDay
        if e.kind == .episode {
            let code = "S" + pad(e.seasonNumber ?? 0) + "E" + pad(e.episodeNumber ?? 0)
            let summary = [e.title, code, e.episodeTitle].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " - ")
            let minutes = Double((e.runtime ?? 0) > 0 ? e.runtime! : 30)
            return ICalendar.Event(
                uid: "idkarr-episode-\(e.mediaId)-\(e.episodeId ?? 0)@idkarr",
                start: e.allDay ? .date(e.start) : .dateTime(e.start),
                end: e.allDay ? .date(e.start.addingTimeInterval(day)) : .dateTime(e.start.addingTimeInterval(minutes * 60)),
                summary: summary, description: e.overview, categories: [e.mediaType == .anime ? "Anime" : "Series"])
        }
        let what = switch e.kind {
        case .inCinemas: "in cinemas"
        case .digital: "digital release"
        default: "physical release"
        }
        return ICalendar.Event(uid: "idkarr-movie-\(e.mediaId)-\(e.kind.rawValue)@idkarr", start: .date(e.start),
                               end: .date(e.start.addingTimeInterval(day)), summary: "\(e.title) (\(what))",
                               description: e.overview, categories: ["Movie"])
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// Query parameters read strictly: a value that does not parse is a 400 naming the parameter.
struct QueryReader {
    let form: FormQuery

    init(_ form: FormQuery) { self.form = form }

    func text(_ name: String) -> String? {
        form.get(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    func int(_ name: String, _ range: ClosedRange<Int>) throws -> Int? {
        guard let text = text(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            let upper = range.upperBound == Int.max ? "" : " to \(range.upperBound)"
            throw APIError.invalid(name, "\(name) must be a whole number from \(range.lowerBound)\(upper).")
        }
        return value
    }

    func bool(_ name: String) throws -> Bool? {
        switch text(name) {
        case nil: return nil
        case "true": return true
        case "false": return false
        default: throw APIError.invalid(name, "\(name) must be true or false.")
        }
    }

    /// `tags=1,2,3`: tag ids.
    func tags() throws -> [Int] { try ids("tags", what: "tag ids") }

    /// `name=1,2,3`: at most 200 whole numbers from 0 to 999,999,999 (ids, categories).
    func ids(_ name: String, what: String) throws -> [Int] {
        guard let text = text(name) else { return [] }
        let parts = text.split(separator: ",")
        guard parts.count <= 200 else { throw APIError.invalid(name, "\(name) lists at most 200 \(what).") }
        return try parts.map {
            guard let id = Int($0.trimmingCharacters(in: .whitespaces)), (0...999_999_999).contains(id) else {
                throw APIError.invalid(name, "\(name) is a comma-separated list of \(what).")
            }
            return id
        }
    }

    func sortDirection(default ascending: Bool) throws -> Bool {
        switch text("sortDirection") {
        case nil: return ascending
        case "ascending", "asc": return true
        case "descending", "desc": return false
        default: throw APIError.invalid("sortDirection", "sortDirection must be ascending or descending.")
        }
    }
}
