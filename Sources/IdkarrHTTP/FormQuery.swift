import Foundation
import Hummingbird

/// Query parameters read the way browsers and HTTP libraries write them: `+` is a space (HTML
/// form encoding, which Python's `requests` and `URLSearchParams` use), then `%XX` escapes.
/// Hummingbird's `queryParameters` leaves `+` as it is, so `?search=the+wire` would look for
/// "the+wire". The first value of a repeated name wins.
struct FormQuery: Sendable {
    private var values: [String: String] = [:]
    /// Every parameter, decoded, in order (repeats included).
    private(set) var pairs: [(name: String, value: String)] = []

    init(_ query: String?) {
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), !name.isEmpty, let value = parts.count > 1 ? Self.decode(parts[1]) : "" else { continue }
            pairs.append((name, value))
            if values[name] == nil { values[name] = value }
        }
    }

    func get(_ name: String) -> String? { values[name] }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

extension Request {
    var formQuery: FormQuery { FormQuery(uri.query) }
}
