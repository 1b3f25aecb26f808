import IdkarrDomain

/// TVmaze needs no key. Its published limit is about 20 calls per 10 seconds per IP, so calls are
/// spaced by `requestInterval` (500 ms by default) through IdkarrNet's per-host limiter.
public struct TVmazeSettings: Sendable, Equatable, Codable {
    /// `https://api.tvmaze.com`; tests point it at a local fake.
    public var baseURL: String
    public var requestInterval: Duration

    public static let defaultBaseURL = "https://api.tvmaze.com"

    public init(baseURL: String = TVmazeSettings.defaultBaseURL, requestInterval: Duration = .milliseconds(500)) {
        self.baseURL = baseURL
        self.requestInterval = requestInterval
    }

    public static let fields: [SettingField] = [
        SettingField(name: "baseURL", label: "API URL", kind: .url, defaultValue: defaultBaseURL),
    ]
}
