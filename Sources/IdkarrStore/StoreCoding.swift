import Foundation

/// How documents and log records are written and read: Foundation's `JSONEncoder` (fast enough
/// for one document at a time) and the store's own tape parser and decoder (fast enough to load
/// every document at start). Dates are ISO 8601 UTC strings with milliseconds.
enum StoreCoding {
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISODate.format(date))
        }
        return encoder
    }

    /// Encodes with `StreamWriter`, or with `fallback` (Foundation) when the value uses containers
    /// in a way streaming cannot follow. Both write the same JSON for the same value. The fallback
    /// is made only when it is needed (rarely: every answer of the HTTP API comes through here).
    static func encode<T: Encodable>(_ value: T, fallback: @autoclosure () -> JSONEncoder, wholeSeconds: Bool = false) throws -> [UInt8] {
        let writer = StreamWriter(wholeSeconds: wholeSeconds)
        do {
            try writer.value(value)
            writer.close(to: 0)
            if !writer.unsupported { return writer.bytes }
        } catch is StreamWriter.Unsupported {}
        return [UInt8](try fallback().encode(value))
    }

    /// Decodes a whole buffer of JSON into `T`.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeBufferPointer<UInt8>) throws -> T {
        let tape = try JSONTape.parse(bytes)
        return try TapeDecoder.decode(type, TapeDocument(bytes: bytes, tape: tape), 0)
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try bytes.withUnsafeBufferPointer { try decode(type, from: $0) }
    }
}

/// ISO 8601 dates in UTC with milliseconds (`2026-11-25T00:57:14.123Z`), without Foundation's
/// formatters (they are slow, and the store parses two dates per document at start).
enum ISODate {
    /// The date the store keeps: rounded to the millisecond, so memory equals what the disk holds.
    static func truncate(_ date: Date) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds(date)) / 1000)
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func format(_ date: Date) -> String {
        let ms = milliseconds(date)
        let (days, msOfDay) = floorDivMod(ms, 86_400_000)
        let (y, m, d) = civil(days: days)
        let secs = msOfDay / 1000
        var out = ""
        out.reserveCapacity(24)
        out += pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T"
        out += pad(secs / 3600, 2) + ":" + pad(secs / 60 % 60, 2) + ":" + pad(secs % 60, 2)
        out += "." + pad(msOfDay % 1000, 3) + "Z"
        return out
    }

    /// `format` straight into a byte buffer (the streaming encoder writes ~50 dates per series).
    /// `wholeSeconds` leaves the milliseconds out (rounded down), as `JSONEncoder`'s `.iso8601` does.
    static func write(_ date: Date, into out: inout [UInt8], wholeSeconds: Bool = false) {
        let ms = wholeSeconds ? Int64((date.timeIntervalSince1970).rounded(.down)) * 1000 : milliseconds(date)
        let (days, msOfDay) = floorDivMod(ms, 86_400_000)
        let (y, m, d) = civil(days: days)
        guard (0...9999).contains(y) else { out.append(contentsOf: format(date).utf8); return }
        let secs = msOfDay / 1000
        func digits(_ v: Int64, _ n: Int) {
            var div: Int64 = 1
            for _ in 1..<n { div *= 10 }
            var v = v
            for _ in 0..<n { out.append(UInt8(v / div) + 0x30); v %= div; div /= 10 }
        }
        digits(y, 4); out.append(0x2D); digits(m, 2); out.append(0x2D); digits(d, 2); out.append(UInt8(ascii: "T"))
        digits(secs / 3600, 2); out.append(0x3A); digits(secs / 60 % 60, 2); out.append(0x3A); digits(secs % 60, 2)
        if !wholeSeconds { out.append(UInt8(ascii: ".")); digits(msOfDay % 1000, 3) }
        out.append(UInt8(ascii: "Z"))
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    static func parse(_ s: UnsafeBufferPointer<UInt8>) -> Date? {
        func num(_ at: Int, _ n: Int) -> Int64? {
            guard at + n <= s.count else { return nil }
            var v: Int64 = 0
            for i in at..<at + n {
                guard s[i] >= 0x30 && s[i] <= 0x39 else { return nil }
                v = v * 10 + Int64(s[i] - 0x30)
            }
            return v
        }
        guard s.count >= 20, let y = num(0, 4), s[4] == 0x2D, let mo = num(5, 2), s[7] == 0x2D, let d = num(8, 2),
              s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: "t"), let h = num(11, 2), s[13] == 0x3A,
              let mi = num(14, 2), s[16] == 0x3A, let se = num(17, 2),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, se < 61 else { return nil }
        var p = 19
        var fraction = 0.0
        if s[p] == UInt8(ascii: ".") {
            p += 1
            var scale = 0.1
            let start = p
            while p < s.count, s[p] >= 0x30 && s[p] <= 0x39 {
                fraction += Double(s[p] - 0x30) * scale
                scale /= 10
                p += 1
            }
            guard p > start else { return nil }
        }
        guard p < s.count else { return nil }
        var offset: Int64 = 0
        if s[p] == UInt8(ascii: "Z") || s[p] == UInt8(ascii: "z") {
            p += 1
        } else if s[p] == UInt8(ascii: "+") || s[p] == UInt8(ascii: "-") {
            guard let oh = num(p + 1, 2), p + 3 < s.count, s[p + 3] == 0x3A, let om = num(p + 4, 2) else { return nil }
            offset = (oh * 60 + om) * 60 * (s[p] == UInt8(ascii: "-") ? -1 : 1)
            p += 6
        } else {
            return nil
        }
        guard p == s.count else { return nil }
        let seconds = days(y, mo, d) * 86_400 + h * 3600 + mi * 60 + se - offset
        // Milliseconds as an integer, so that format(parse(x)) == x and parse(format(d)) == truncate(d).
        let ms = seconds * 1000 + Int64((fraction * 1000).rounded())
        return Date(timeIntervalSince1970: Double(ms) / 1000)
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    private static func floorDivMod(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func days(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(days z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
    }
}

/// The store's JSON decoder, for other modules that read what the store writes (log records,
/// exported documents): validating, about 5–10× faster than Foundation's, same `Codable` types.
public enum StoreJSON {
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try StoreCoding.decode(type, from: bytes)
    }

    /// Foundation's encoder with the store's settings (dates as ISO 8601 with milliseconds).
    public static func makeEncoder() -> JSONEncoder { StoreCoding.makeEncoder() }

    /// Encodes as the store writes documents: streaming, the same JSON as `makeEncoder()` would write.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        try StoreCoding.encode(value, fallback: StoreCoding.makeEncoder())
    }

    /// The same streaming encoder with dates to the second (`2026-11-25T00:57:14Z`): the JSON
    /// Foundation's `JSONEncoder` writes with `.iso8601` dates and unescaped slashes, about 5×
    /// faster (the HTTP API's answers).
    public static func encodeWholeSeconds<T: Encodable>(_ value: T) throws -> [UInt8] {
        try StoreCoding.encode(value, fallback: wholeSecondsEncoder(), wholeSeconds: true)
    }

    private static func wholeSecondsEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
