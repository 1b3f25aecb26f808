import Foundation
import Hummingbird

/// Query parameters read the way browsers and HTTP libraries write them: `+` is a space (HTML
/// form encoding, which Python's `requests` and `URLSearchParams` use), then `%XX` escapes.
/// Hummingbird's `queryParameters` leaves `+` as it is, so `?search=the+wire` would look for
/// "the+wire". The first value of a repeated name wins.
struct FormQuery: Sendable {
    private var values: [String: String] = [:]

    init(_ query: String?) {
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), !name.isEmpty else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if values[name] == nil, let value { values[name] = value }
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
