import Foundation
import IdkarrLibrary

/// An RFC 5545 calendar writer: just what the feed needs (VCALENDAR of VEVENTs), done strictly —
/// CRLF line ends, TEXT escaping, control characters dropped, content lines folded at 75 octets
/// without splitting a UTF-8 sequence.
struct ICalendar {
    enum Moment: Equatable {
        /// A UTC date-time (`DTSTART:20260301T180000Z`).
        case dateTime(Date)
        /// A whole day (`DTSTART;VALUE=DATE:20260301`).
        case date(Date)
    }

    struct Event: Equatable {
        var uid: String
        var start: Moment
        var end: Moment
        var summary: String
        var description: String?
        var categories: [String] = []
        /// A link back to the item (the UI page).
        var url: String?
    }

    var productId = "-//idkarr//idkarr calendar//EN"
    var name = "idkarr"
    var stamp: Date
    var events: [Event] = []

    /// The whole calendar, CRLF-terminated.
    func render() -> String {
        var out = ""
        out.reserveCapacity(200 + events.count * 300)
        func line(_ text: String) { Self.fold(text, into: &out) }
        line("BEGIN:VCALENDAR")
        line("VERSION:2.0")
        line("PRODID:" + Self.text(productId))
        line("CALSCALE:GREGORIAN")
        line("METHOD:PUBLISH")
        line("X-WR-CALNAME:" + Self.text(name))
        let dtstamp = Self.utc(stamp)
        for e in events {
            line("BEGIN:VEVENT")
            line("UID:" + Self.text(e.uid))
            line("DTSTAMP:" + dtstamp)
            line("DTSTART" + Self.moment(e.start))
            line("DTEND" + Self.moment(e.end))
            line("SUMMARY:" + Self.text(e.summary))
            if let d = e.description, !d.isEmpty { line("DESCRIPTION:" + Self.text(d)) }
            if !e.categories.isEmpty { line("CATEGORIES:" + e.categories.map(Self.text).joined(separator: ",")) }
            if let url = e.url { line("URL:" + url) }
            line("END:VEVENT")
        }
        line("END:VCALENDAR")
        return out
    }

    static func moment(_ m: Moment) -> String {
        switch m {
        case .dateTime(let d): return ":" + utc(d)
        case .date(let d): return ";VALUE=DATE:" + CivilDay.string(d).replacingOccurrences(of: "-", with: "")
        }
    }

    /// `20260301T180000Z`.
    static func utc(_ date: Date) -> String {
        let day = CivilDay.string(date).replacingOccurrences(of: "-", with: "")
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) - Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) * 86_400
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return "\(day)T\(two(seconds / 3600))\(two(seconds / 60 % 60))\(two(seconds % 60))Z"
    }

    /// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as
    /// `\n`, other control characters (which TEXT may not hold) dropped.
    static func text(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        var previousCR = false
        for scalar in value.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Appends one content line folded at 75 octets (§3.1): continuation lines start with a
    /// space, which counts toward their 75; a break never falls inside a UTF-8 sequence.
    static func fold(_ line: String, into out: inout String) {
        var width = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if width + size > 75 {
                out += "\r\n "
                width = 1
            }
            out.unicodeScalars.append(scalar)
            width += size
        }
        out += "\r\n"
    }
}
