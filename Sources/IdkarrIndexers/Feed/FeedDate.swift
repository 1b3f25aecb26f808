#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Dates as indexers write them, without `DateFormatter` (slow, locale-bound):
///
/// - RFC 822/1123 and their variants: `Mon, 27 Feb 2012 11:09:39 -0500`, no weekday, a two-digit
///   year, no seconds, a named zone (`GMT`, `UTC`, `UT`, `Z`, `EST` … `PDT`), no zone (UTC);
/// - ISO 8601 / RFC 3339: `2012-02-27T16:09:39Z`, with a space, `/`, fractional seconds or an
///   offset (`+01:00`, `+0100`).
///
/// `format` writes the one form idkarr's own feeds use (RFC 822, GMT).
public enum FeedDate {
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmedXMLSpace
        guard !trimmed.isEmpty, trimmed.utf8.count < 64 else { return nil }
        let first = trimmed.utf8.first!
        if first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"), let date = iso(trimmed) { return date }
        return rfc822(trimmed)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let zones: [String: Int] = [
        "gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8,
        "pdt": -7,
    ]

    private static func rfc822(_ text: String) -> Date? {
        var parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map { $0.lowercased() }
        if let first = parts.first, first.count >= 3, Int(first) == nil, !months.contains(String(first.prefix(3))) {
            parts.removeFirst()  // the weekday
        }
        guard parts.count >= 4, let day = Int(parts[0]), let month = months.firstIndex(of: String(parts[1].prefix(3))),
            var year = Int(parts[2])
        else { return nil }
        if parts[2].count <= 2 { year += year < 50 ? 2000 : 1900 }
        let clock = parts[3].split(separator: ":").map { Int($0) }
        guard clock.count >= 2, clock.count <= 3, let hour = clock[0], let minute = clock[1] else { return nil }
        let second = clock.count == 3 ? clock[2] : 0
        guard let second else { return nil }
        let offset = parts.count > 4 ? zoneOffset(parts[4]) : 0
        guard let offset else { return nil }
        return make(year, month + 1, day, hour, minute, Double(second), offsetSeconds: offset)
    }

    private static func zoneOffset(_ zone: String) -> Int? {
        if let hours = zones[zone] { return hours * 3600 }
        return numericOffset(Substring(zone))
    }

    /// `+0100`, `-05:00`, `+01`.
    private static func numericOffset(_ zone: Substring) -> Int? {
        guard let sign = zone.first, sign == "+" || sign == "-" else { return nil }
        let digits = zone.dropFirst().filter { $0 != ":" }
        guard digits.count == 2 || digits.count == 4, let value = Int(digits) else { return nil }
        let (hours, minutes) = digits.count == 2 ? (value, 0) : (value / 100, value % 100)
        guard hours < 24, minutes < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    private static func iso(_ text: String) -> Date? {
        let utf8 = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= utf8.count else { return nil }
            var value = 0
            for k in range {
                guard utf8[k] >= 48, utf8[k] <= 57 else { return nil }
                value = value * 10 + Int(utf8[k] - 48)
            }
            return value
        }
        guard utf8.count >= 10, let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        guard utf8.count >= 16, let hour = number(11..<13), let minute = number(14..<16) else {
            return utf8.count == 10 ? make(year, month, day, 0, 0, 0, offsetSeconds: 0) : nil
        }
        var index = 16
        var second = 0.0
        if index < utf8.count, utf8[index] == UInt8(ascii: ":"), let whole = number(17..<19) {
            second = Double(whole)
            index = 19
            if index < utf8.count, utf8[index] == UInt8(ascii: ".") {
                let start = index + 1
                index = start
                while index < utf8.count, utf8[index] >= 48, utf8[index] <= 57 { index += 1 }
                second += Double("0." + String(decoding: utf8[start..<index], as: UTF8.self)) ?? 0
            }
        }
        let zone = Substring(text.utf8.dropFirst(index)).trimmingPrefixSpace
        let offset = zone.isEmpty || zone == "Z" || zone == "z" ? 0 : numericOffset(zone)
        guard let offset else { return nil }
        return make(year, month, day, hour, minute, second, offsetSeconds: offset)
    }

    private static func make(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Double, offsetSeconds: Int)
        -> Date?
    {
        guard (1900...2200).contains(year), (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
            (0...59).contains(minute), second >= 0, second < 61
        else { return nil }
        let days = daysFromCivil(year, month, day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 - offsetSeconds) + second
        return Date(timeIntervalSince1970: seconds)
    }

    /// `date` as RFC 822 in GMT, whole seconds (`Sat, 14 Mar 2015 21:10:42 GMT`): how feeds are
    /// written (`FeedWriter`); `parse` reads it back to the second (years 1900–2200).
    public static func format(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        let seconds = interval.isFinite ? min(max(interval.rounded(.down), -62_135_596_800), 253_402_300_799) : 0
        let parts = gmt.dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second], from: Date(timeIntervalSince1970: seconds))
        func pad(_ number: Int?, _ width: Int = 2) -> String {
            let digits = String(number ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][((parts.weekday ?? 1) - 1) % 7]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][((parts.month ?? 1) - 1) % 12]
        let time = "\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))"
        return "\(weekday), \(pad(parts.day)) \(month) \(pad(parts.year, 4)) \(time) GMT"
    }

    private static let gmt: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }()

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension Substring {
    fileprivate var trimmingPrefixSpace: Substring {
        drop(while: { $0 == " " })
    }
}
