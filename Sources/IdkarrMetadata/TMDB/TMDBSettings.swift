import Foundation
import IdkarrDomain

/// What a user sets for TMDB (Settings → Metadata).
public struct TMDBSettings: Sendable, Equatable, Codable, CustomStringConvertible {
    /// TMDB v3 API key ("API Key (v3 auth)"), sent as the `api_key` query parameter. Secret.
    public var apiKey: String
    /// Language of titles and overviews, ISO 639-1 with an optional region ("en-US", "fr").
    public var language: String
    /// `https://api.themoviedb.org/3`; tests point it at a local fake.
    public var baseURL: String
    /// Spacing between two requests (TMDB allows about 50 per second).
    public var requestInterval: Duration

    public static let defaultBaseURL = "https://api.themoviedb.org/3"

    public init(apiKey: String, language: String = "en-US", baseURL: String = TMDBSettings.defaultBaseURL,
                requestInterval: Duration = .milliseconds(25)) {
        self.apiKey = apiKey
        self.language = language
        self.baseURL = baseURL
        self.requestInterval = requestInterval
    }

    /// The settings form; `apiKey` is a secret.
    public static let fields: [SettingField] = [
        SettingField(name: "apiKey", label: "API key", kind: .secret, required: true,
                             help: "TMDB → Settings → API → \"API Key (v3 auth)\"."),
        SettingField(name: "language", label: "Language", kind: .text,
                             help: "Titles and overviews in this language when TMDB has them (en-US, fr-FR, de).",
                             defaultValue: "en-US"),
        SettingField(name: "baseURL", label: "API URL", kind: .url, defaultValue: defaultBaseURL),
    ]

    /// Never prints the key.
    public var description: String {
        "TMDBSettings(apiKey: \(apiKey.isEmpty ? "(empty)" : Redaction.mask), language: \(language), baseURL: \(baseURL))"
    }

    /// Form errors for these settings (empty when usable).
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if apiKey.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: "apiKey", message: "Enter your TMDB API key."))
        }
        if language.wholeMatch(of: #/[a-z]{2}(-[A-Z]{2})?/#) == nil {
            errors.append(FieldError(field: "language", message: "Use a language code such as en-US or fr."))
        }
        if !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            errors.append(FieldError(field: "baseURL", message: "The API URL must start with https://."))
        }
        return errors
    }
}
