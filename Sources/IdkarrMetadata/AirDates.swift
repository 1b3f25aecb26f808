import Foundation

/// Air times from providers → UTC instants.
enum AirDates {
    /// An ISO 8601 instant with an offset, as TVmaze's `airstamp` ("2010-12-06T02:00:00+00:00",
    /// also "…Z" and fractional seconds).
    static func instant(_ text: String?) -> Date? {
        guard let text, let match = text.wholeMatch(
            of: #/(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2}))/#)
        else { return nil }
        let o = match.output
        var offset = 0
        if let sign = o.8, let hours = o.9.flatMap({ Int($0) }), let minutes = o.10.flatMap({ Int($0) }) {
            offset = (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
        }
        return date(
            year: Int(o.1), month: Int(o.2), day: Int(o.3), hour: Int(o.4), minute: Int(o.5),
            second: o.6.flatMap { Int($0) } ?? 0, zone: TimeZone(secondsFromGMT: offset))
    }

    /// A local air date (`yyyy-MM-dd`) and time (`HH:mm`, "" or nil for unknown: midnight is
    /// not invented, so nil is returned) in an IANA time zone ("America/New_York").
    static func instant(date: String?, time: String?, timeZone: String?) -> Date? {
        guard let date, let time, let timeZone, let zone = TimeZone(identifier: timeZone),
            let d = date.wholeMatch(of: #/(\d{4})-(\d{2})-(\d{2})/#),
            let t = time.wholeMatch(of: #/(\d{1,2}):(\d{2})/#)
        else { return nil }
        return Self.date(
            year: Int(d.output.1), month: Int(d.output.2), day: Int(d.output.3), hour: Int(t.output.1),
            minute: Int(t.output.2), second: 0, zone: zone)
    }

    private static func date(year: Int?, month: Int?, day: Int?, hour: Int?, minute: Int?, second: Int, zone: TimeZone?) -> Date? {
        guard let zone else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }
}
