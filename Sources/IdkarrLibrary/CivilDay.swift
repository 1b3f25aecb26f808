import Foundation

/// Calendar days as providers write them (`yyyy-MM-dd`), counted from 1970-01-01 in the
/// proleptic Gregorian calendar, with no time zone: a day is read as its 00:00 UTC. Hand-rolled
/// (Howard Hinnant's `days_from_civil`) because the calendar and wanted lists read hundreds of
/// thousands of these per query, and a `DateFormatter` costs microseconds each.
public enum CivilDay {
    public static let secondsPerDay: Double = 86_400

    /// Days since 1970-01-01 of a `yyyy-MM-dd` string, or nil when it is not a real date.
    public static func days(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for i in range {
                    let d = Int(bytes[i]) - 0x30
                    guard d >= 0 && d <= 9 else { return nil }
                    value = value * 10 + d
                }
                return value
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
                  (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y) else { return nil }
            return fromCivil(year: y, month: m, day: d)
        }
    }

    /// 00:00 UTC of a `yyyy-MM-dd` string.
    public static func date(_ text: String) -> Date? {
        days(text).map { Date(timeIntervalSince1970: Double($0) * secondsPerDay) }
    }

    /// The `yyyy-MM-dd` of the UTC day a moment falls in.
    public static func string(_ date: Date) -> String {
        let (y, m, d) = toCivil(Int((date.timeIntervalSince1970 / secondsPerDay).rounded(.down)))
        let pad = { (n: Int, w: Int) in String(repeating: "0", count: max(0, w - String(n).count)) + String(n) }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// 00:00 UTC of the day a moment falls in.
    public static func startOfDay(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / secondsPerDay).rounded(.down) * secondsPerDay)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func fromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Year, month and day of a count of days since 1970-01-01.
    public static func toCivil(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
