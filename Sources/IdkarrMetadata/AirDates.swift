import Foundation

/// Air times from providers → UTC instants.
///
/// A refresh reads one per episode (5,000 for a long daily show), so the common form, TVmaze's
/// `airstamp`, is read from its bytes with the civil-date arithmetic below: a regular expression
/// and a `Calendar` per episode were 70 % of such a refresh.
enum AirDates {
    /// An ISO 8601 instant with an offset, as TVmaze's `airstamp` ("2010-12-06T02:00:00+00:00",
    /// also "…Z", "+0100" and fractional seconds, which are dropped). Nil for anything else,
    /// including impossible dates (2011-02-29) and offsets beyond ±18 hours.
    static func instant(_ text: String?) -> Date? {
        guard var text else { return nil }
        return text.withUTF8 { u in
            var r = ByteReader(u)
            guard let year = r.digits(4), r.eat("-"), let month = r.digits(2), r.eat("-"), let day = r.digits(2), r.eat("T"),
                let hour = r.digits(2), r.eat(":"), let minute = r.digits(2)
            else { return nil }
            var second = 0
            if r.eat(":") {
                guard let s = r.digits(2) else { return nil }
                second = s
                if r.eat(".") { guard r.skipDigits() else { return nil } }
            }
            var offset = 0
            if !r.eat("Z") {
                let sign: Int
                if r.eat("+") { sign = 1 } else if r.eat("-") { sign = -1 } else { return nil }
                guard let hours = r.digits(2) else { return nil }
                _ = r.eat(":")
                guard let minutes = r.digits(2), minutes < 60 else { return nil }
                offset = sign * (hours * 3600 + minutes * 60)
            }
            guard r.atEnd, abs(offset) <= 18 * 3600, hour < 24, minute < 60, second < 60,
                let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
            else { return nil }
            return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset))
        }
    }

    /// A local air date (`yyyy-MM-dd`) and time (`HH:mm`, "" or nil for unknown: midnight is
    /// not invented, so nil is returned) in an IANA time zone ("America/New_York"). The zone's
    /// rules (daylight saving time) come from Foundation's calendar; this is the rare fallback
    /// when a provider gives no instant.
    static func instant(date: String?, time: String?, timeZone: String?) -> Date? {
        guard var date, var time, let timeZone, let zone = TimeZone(identifier: timeZone) else { return nil }
        let ymd: (Int, Int, Int)? = date.withUTF8 { u in
            var r = ByteReader(u)
            guard let y = r.digits(4), r.eat("-"), let m = r.digits(2), r.eat("-"), let d = r.digits(2), r.atEnd else { return nil }
            return (y, m, d)
        }
        let hm: (Int, Int)? = time.withUTF8 { u in
            var r = ByteReader(u)
            guard let h = r.digits(2) ?? r.digits(1), r.eat(":"), let m = r.digits(2), r.atEnd else { return nil }
            return (h, m)
        }
        guard let ymd, let hm, CivilDate.daysSinceEpoch(year: ymd.0, month: ymd.1, day: ymd.2) != nil, hm.0 < 24, hm.1 < 60 else {
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: ymd.0, month: ymd.1, day: ymd.2, hour: hm.0, minute: hm.1, second: 0))
    }
}

/// Days between 1970-01-01 and a proleptic Gregorian date (H. Hinnant's days-from-civil).
enum CivilDate {
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int? {
        guard year >= 1, (1...12).contains(month), day >= 1, day <= daysIn(month, of: year) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Reads ASCII fields from the front of a byte buffer.
private struct ByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { at == bytes.count }

    /// Exactly `n` ASCII digits, as a number (nothing read when they are not there).
    mutating func digits(_ n: Int) -> Int? {
        guard at + n <= bytes.count else { return nil }
        var value = 0
        for k in at..<(at + n) {
            let b = bytes[k]
            guard b >= 48 && b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        at += n
        return value
    }

    /// One or more digits, skipped.
    mutating func skipDigits() -> Bool {
        let start = at
        while at < bytes.count, bytes[at] >= 48 && bytes[at] <= 57 { at += 1 }
        return at > start
    }

    mutating func eat(_ c: Unicode.Scalar) -> Bool {
        guard at < bytes.count, bytes[at] == UInt8(ascii: c) else { return false }
        at += 1
        return true
    }
}
