import Foundation
import Testing

@testable import IdkarrMetadata

/// Provider air stamps read from their bytes must give what Foundation's calendar gives for the
/// same fields, and nothing for what is not a real instant.
@Suite("Air dates")
struct AirDatesTests {
    /// The reference: the stamp's fields through Foundation's Gregorian calendar in a fixed-offset zone.
    static func foundation(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int, offset: Int) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset)!
        return calendar.date(from: DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s))
    }

    @Test func randomStampsAgreeWithFoundation() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let y = Int.random(in: 1900...2100, using: &rng), mo = Int.random(in: 1...12, using: &rng)
            let d = Int.random(in: 1...CivilDate.daysIn(mo, of: y), using: &rng)
            let h = Int.random(in: 0...23, using: &rng), mi = Int.random(in: 0...59, using: &rng), s = Int.random(in: 0...59, using: &rng)
            let offset = Int.random(in: -12...14, using: &rng) * 3600 + [0, 1800, 2700].randomElement(using: &rng)!
            let sign = offset < 0 ? "-" : "+"
            let oh = abs(offset) / 3600, om = abs(offset) % 3600 / 60
            let base = String(format: "%04d-%02d-%02dT%02d:%02d", y, mo, d, h, mi)
            let zone = [offset == 0 ? "Z" : String(format: "%@%02d:%02d", sign, oh, om), String(format: "%@%02d%02d", sign, oh, om)]
            let expected = Self.foundation(y, mo, d, h, mi, s, offset: offset)
            for z in zone {
                let text = base + String(format: ":%02d", s) + z
                #expect(AirDates.instant(text) == expected, "\(text)")
                #expect(AirDates.instant(base + String(format: ":%02d.250", s) + z) == expected, "fraction dropped: \(text)")
            }
            #expect(AirDates.instant(base + zone[0]) == Self.foundation(y, mo, d, h, mi, 0, offset: offset), "no seconds")
        }
    }

    @Test(arguments: [
        "2011-02-29T01:00:00Z", "2100-02-29T00:00:00Z", "2010-13-01T00:00:00Z", "2010-04-31T00:00:00Z", "2010-00-10T00:00:00Z",
        "2010-12-06T24:00:00Z", "2010-12-06T23:60:00Z", "2010-12-06T23:00:60Z", "2010-12-06T02:00:00", "2010-12-06 02:00:00Z",
        "2010-12-06T02:00:00+19:00", "2010-12-06T02:00:00+05:75", "2010-12-06T02:00:00+5:00", "2010-12-06T02:00:00Zx",
        "2010-12-06T02:00:00.Z", "0000-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "２０１０-12-06T02:00:00Z", "", "yesterday",
    ])
    func impossibleOrForeignStampsAreNil(text: String) {
        #expect(AirDates.instant(text) == nil)
    }

    @Test func leapDaysAndTheEpoch() {
        #expect(AirDates.instant("1970-01-01T00:00:00Z") == Date(timeIntervalSince1970: 0))
        #expect(AirDates.instant("2000-02-29T12:00:00+00:00") == Self.foundation(2000, 2, 29, 12, 0, 0, offset: 0))
        #expect(AirDates.instant("2024-02-29T23:30:00-05:00") == Self.foundation(2024, 3, 1, 4, 30, 0, offset: 0))
        #expect(AirDates.instant("1969-12-31T23:59:59Z") == Date(timeIntervalSince1970: -1))
    }

    @Test func localTimesInAZone() {
        #expect(AirDates.instant(date: "2010-12-05", time: "9:05", timeZone: "America/New_York") == AirDates.instant("2010-12-05T14:05:00Z"))
        #expect(AirDates.instant(date: "2010-12-05", time: "21:00", timeZone: "Europe/London") == AirDates.instant("2010-12-05T21:00:00Z"))
        #expect(AirDates.instant(date: "2010-02-30", time: "21:00", timeZone: "Europe/London") == nil)
        #expect(AirDates.instant(date: "2010-12-05", time: "25:00", timeZone: "Europe/London") == nil)
        #expect(AirDates.instant(date: "2010-12-05", time: "21:00:00", timeZone: "Europe/London") == nil)
        #expect(AirDates.instant(date: nil, time: "21:00", timeZone: "Europe/London") == nil)
    }
}
