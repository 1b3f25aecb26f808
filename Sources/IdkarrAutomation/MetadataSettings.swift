import Foundation
import IdkarrDomain
import IdkarrMetadata
import IdkarrStore

/// How idkarr talks to the metadata providers: the TMDB key (a secret: stored in the 0600
/// document, never returned by the API), the language, how often titles are refreshed, and the
/// providers' API addresses (changed only to go through a proxy, or by tests).
public struct MetadataSettings: Codable, Sendable, Equatable, StoredDocument {
    public static let collection = "metadata-settings"
    public static let schemaVersion = 1

    public var tmdbApiKey: String?
    public var tmdbLanguage: String
    public var refreshIntervalHours: Int
    public var tmdbBaseURL: String
    public var tvmazeBaseURL: String

    public init(tmdbApiKey: String? = nil, tmdbLanguage: String = "en-US", refreshIntervalHours: Int = 12,
                tmdbBaseURL: String = TMDBSettings.defaultBaseURL, tvmazeBaseURL: String = TVmazeSettings.defaultBaseURL) {
        self.tmdbApiKey = tmdbApiKey
        self.tmdbLanguage = tmdbLanguage
        self.refreshIntervalHours = refreshIntervalHours
        self.tmdbBaseURL = tmdbBaseURL
        self.tvmazeBaseURL = tvmazeBaseURL
    }

    /// Every problem at once, by field.
    public func validate() throws {
        var v = Validator()
        if let key = tmdbApiKey {
            v.check(key.utf8.count <= 200 && key.utf8.allSatisfy { $0 > 32 && $0 < 127 }, "tmdbApiKey",
                    "The TMDB API key is at most 200 characters without spaces (TMDB → Settings → API → \"API Key\").")
        }
        v.check(tmdbLanguage.wholeMatch(of: #/[a-z]{2}(-[A-Z]{2})?/#) != nil, "tmdbLanguage",
                "Language is an ISO 639-1 code with an optional region, such as en-US, fr-FR or de.")
        v.check((1...168).contains(refreshIntervalHours), "refreshIntervalHours", "Refresh every 1 to 168 hours.")
        for (field, url) in [("tmdbBaseURL", tmdbBaseURL), ("tvmazeBaseURL", tvmazeBaseURL)] {
            let ok = (url.hasPrefix("https://") || url.hasPrefix("http://")) && URL(string: url)?.host != nil && url.utf8.count <= 500
            v.check(ok, field, "\(field) must be an http(s) address such as https://api.example.com.")
        }
        try v.throwIfInvalid()
    }

    var tmdb: TMDBSettings? {
        guard let key = tmdbApiKey, !key.isEmpty else { return nil }
        return TMDBSettings(apiKey: key, language: tmdbLanguage, baseURL: tmdbBaseURL)
    }

    var tvmaze: TVmazeSettings { TVmazeSettings(baseURL: tvmazeBaseURL) }
}
