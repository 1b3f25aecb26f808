import Foundation
import IdkarrDomain
import IdkarrStore

/// What airs or is released in a window of time: episodes by air time, movies by their
/// in-cinemas, digital and physical release dates. Everything is UTC.
public struct CalendarQuery: Sendable, Equatable {
    /// The window is `start ..< end`.
    public var start: Date
    public var end: Date
    /// Include items that are not monitored (title, season or episode).
    public var includeUnmonitored = false
    /// Only titles with any of these tag ids (empty: every title).
    public var tags: [Int] = []
    public var instanceId: Int?

    /// The longest window a query may span.
    public static let maxSpan: TimeInterval = 366 * CivilDay.secondsPerDay

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// `today ..< today + days` (UTC days).
    public static func days(from now: Date, pastDays: Int, futureDays: Int) -> CalendarQuery {
        let today = CivilDay.startOfDay(now)
        return CalendarQuery(start: today.addingTimeInterval(-Double(pastDays) * CivilDay.secondsPerDay),
                             end: today.addingTimeInterval(Double(futureDays + 1) * CivilDay.secondsPerDay))
    }

    /// Reads a bound as the API takes it: a date (`2026-03-01`, 00:00 UTC; as an end, the whole
    /// day is included) or an ISO-8601 date-time with a zone (`2026-03-01T18:00:00Z`, `…-05:00`).
    public static func parseBound(_ text: String, isEnd: Bool) -> Date? {
        if let day = CivilDay.date(text) { return isEnd ? day.addingTimeInterval(CivilDay.secondsPerDay) : day }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

/// One item of the calendar: an episode, or one release date of a movie.
public struct CalendarEntry: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case episode, inCinemas, digital, physical }

    public var kind: Kind
    public var mediaId: Int
    public var mediaType: MediaType
    public var title: String
    public var year: Int?
    /// When it starts: the air time, or 00:00 UTC of the day for all-day items.
    public var start: Date
    /// Only a day is known (a date-only episode, a movie release).
    public var allDay: Bool
    /// Monitored as a whole: title, and for episodes their season and themselves.
    public var monitored: Bool
    public var hasFile: Bool
    /// Minutes: the series' episode runtime or the movie's.
    public var runtime: Int?
    public var tags: [Int]
    public var overview: String?
    public var episodeId: Int?
    public var seasonNumber: Int?
    public var episodeNumber: Int?
    public var episodeTitle: String?
    public var airDate: String?
    public var airDateUtc: Date?
    /// Movies: the `yyyy-MM-dd` of this release.
    public var releaseDate: String?
}

extension Library {
    /// The calendar over the current snapshot; the library's clock is not involved.
    public func calendar(_ query: CalendarQuery) -> [CalendarEntry] {
        CalendarQuery.entries(in: media.all(), query)
    }

    /// The library's "now", for defaults (today's window).
    public var currentDate: Date { now() }
}

extension CalendarQuery {
    /// Every entry in the window, sorted by start, then title, season and episode.
    public static func entries(in docs: [Stored<Media>], _ q: CalendarQuery) -> [CalendarEntry] {
        let lo = q.start.timeIntervalSince1970, hi = q.end.timeIntervalSince1970
        guard hi > lo else { return [] }
        let tagSet = Set(q.tags)
        var out: [CalendarEntry] = []
        // Read in place through buffer pointers: copying each document and episode (a dozen
        // reference counts apiece) would cost more than the checks themselves.
        docs.withUnsafeBufferPointer { docs in
            for doc in docs.indices {
                if let id = q.instanceId, docs[doc].body.instanceId != id { continue }
                if !q.includeUnmonitored && !docs[doc].body.monitored { continue }
                if !tagSet.isEmpty && !docs[doc].body.tags.contains(where: tagSet.contains) { continue }
                if docs[doc].body.mediaType == .movie {
                    movieEntries(docs[doc].id, docs[doc].body, lo, hi, into: &out)
                } else {
                    episodeEntries(docs[doc].id, docs[doc].body, q.includeUnmonitored, lo, hi, into: &out)
                }
            }
        }
        out.sort(by: ordered)
        return out
    }

    static func ordered(_ a: CalendarEntry, _ b: CalendarEntry) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.title != b.title { return a.title < b.title }
        if a.mediaId != b.mediaId { return a.mediaId < b.mediaId }
        if (a.seasonNumber ?? 0, a.episodeNumber ?? 0) != (b.seasonNumber ?? 0, b.episodeNumber ?? 0) {
            return (a.seasonNumber ?? 0, a.episodeNumber ?? 0) < (b.seasonNumber ?? 0, b.episodeNumber ?? 0)
        }
        return Kind.allCases.firstIndex(of: a.kind)! < Kind.allCases.firstIndex(of: b.kind)!
    }

    private typealias Kind = CalendarEntry.Kind

    private static func episodeEntries(_ id: Int, _ m: Media, _ unmonitored: Bool, _ lo: Double, _ hi: Double,
                                       into out: inout [CalendarEntry]) {
        var unmonitoredSeasons: Set<Int> = []
        for s in m.seasons where !s.monitored { unmonitoredSeasons.insert(s.seasonNumber) }
        m.episodes.withUnsafeBufferPointer { episodes in
            for k in episodes.indices {
                let t: Double
                if let utc = episodes[k].airDateUtc {
                    t = utc.timeIntervalSince1970
                } else if let text = episodes[k].airDate, let days = CivilDay.days(text) {
                    t = Double(days) * CivilDay.secondsPerDay
                } else {
                    continue
                }
                guard t >= lo && t < hi, episodes[k].removedFromProvider != true else { continue }
                let e = episodes[k]
                let monitored = m.monitored && e.monitored && !unmonitoredSeasons.contains(e.seasonNumber)
                if !unmonitored && !monitored { continue }
                out.append(CalendarEntry(
                kind: .episode, mediaId: id, mediaType: m.mediaType, title: m.title, year: m.year,
                start: Date(timeIntervalSince1970: t), allDay: e.airDateUtc == nil, monitored: monitored,
                hasFile: e.episodeFile != nil, runtime: m.runtime, tags: m.tags, overview: e.overview,
                episodeId: e.id, seasonNumber: e.seasonNumber, episodeNumber: e.episodeNumber, episodeTitle: e.title,
                airDate: e.airDate, airDateUtc: e.airDateUtc, releaseDate: nil))
            }
        }
    }

    private static func movieEntries(_ id: Int, _ m: Media, _ lo: Double, _ hi: Double, into out: inout [CalendarEntry]) {
        guard let dates = m.releaseDates else { return }
        for (kind, text) in [(Kind.inCinemas, dates.inCinemas), (.digital, dates.digital), (.physical, dates.physical)] {
            guard let text, let days = CivilDay.days(text) else { continue }
            let t = Double(days) * CivilDay.secondsPerDay
            guard t >= lo && t < hi else { continue }
            out.append(CalendarEntry(
                kind: kind, mediaId: id, mediaType: m.mediaType, title: m.title, year: m.year,
                start: Date(timeIntervalSince1970: t), allDay: true, monitored: m.monitored,
                hasFile: m.movieFile != nil, runtime: m.runtime, tags: m.tags, overview: m.overview,
                episodeId: nil, seasonNumber: nil, episodeNumber: nil, episodeTitle: nil,
                airDate: nil, airDateUtc: nil, releaseDate: text))
        }
    }
}
