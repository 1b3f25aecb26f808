#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

public enum IndexerKind: String, Codable, Sendable, CaseIterable {
    /// Usenet indexers (NZB).
    case newznab
    /// Torrent indexers speaking the Newznab API (Jackett, Prowlarr, many trackers).
    case torznab

    public var isTorrent: Bool { self == .torznab }
}

/// A Newznab or Torznab indexer as the user configured it. `apiKey` is a secret: stored in the
/// 0600 document, never returned by the API.
public struct IndexerDefinition: Codable, Sendable, Equatable {
    public var name: String
    public var kind: IndexerKind
    /// `https://indexer.example`; the API lives at `baseURL + apiPath`.
    public var baseURL: String
    public var apiPath: String
    public var apiKey: String?
    /// Newznab category ids searched for movies, TV and anime (from the indexer's caps).
    public var movieCategories: [Int]
    public var tvCategories: [Int]
    public var animeCategories: [Int]
    public var enableRss: Bool
    public var enableAutomaticSearch: Bool
    public var enableInteractiveSearch: Bool
    /// 1 (first) to 50 (last); ties are broken by quality, seeders and age.
    public var priority: Int
    public var tags: [Int]
    /// Torznab: releases with fewer seeders are rejected.
    public var minimumSeeders: Int?
    /// Torznab: what the download client should seed to (ratio, minutes).
    public var seedRatio: Double?
    public var seedTimeMinutes: Int?
    /// Added to every request, e.g. `&extended=1`.
    public var additionalParameters: String?

    public init(name: String, kind: IndexerKind, baseURL: String, apiPath: String = "/api", apiKey: String? = nil) {
        self.name = name
        self.kind = kind
        self.baseURL = baseURL
        self.apiPath = apiPath
        self.apiKey = apiKey
        self.movieCategories = [2000]
        self.tvCategories = [5000]
        self.animeCategories = [5070]
        self.enableRss = true
        self.enableAutomaticSearch = true
        self.enableInteractiveSearch = true
        self.priority = 25
        self.tags = []
    }

    /// Every problem at once, by field.
    public func validate() throws {
        var v = Validator()
        v.check(name.contains(where: { !$0.isWhitespace }) && name.count <= 100, "name", "name is 1 to 100 characters.")
        let url = URL(string: baseURL)
        v.check((baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) && url?.host != nil && baseURL.utf8.count <= 500,
                "baseURL", "baseURL must be an http(s) address such as https://indexer.example.")
        v.check(apiPath.hasPrefix("/") && !apiPath.contains("..") && apiPath.utf8.count <= 200 && !apiPath.contains("?"),
                "apiPath", "apiPath is a path such as /api.")
        if let apiKey { v.check(apiKey.utf8.count <= 200 && !apiKey.contains(where: \.isWhitespace), "apiKey", "The API key has no spaces and at most 200 characters.") }
        for (field, ids) in [("movieCategories", movieCategories), ("tvCategories", tvCategories), ("animeCategories", animeCategories)] {
            v.check(ids.count <= 100 && ids.allSatisfy { (1...999_999).contains($0) }, field, "\(field) are Newznab category ids (such as 5000, 5040).")
        }
        v.check((1...50).contains(priority), "priority", "priority is 1 (first) to 50 (last).")
        if let minimumSeeders { v.check((0...10_000).contains(minimumSeeders), "minimumSeeders", "minimumSeeders is 0 to 10,000.") }
        if let seedRatio { v.check(seedRatio >= 0 && seedRatio <= 1000, "seedRatio", "seedRatio is 0 to 1,000.") }
        if let seedTimeMinutes { v.check((0...525_600).contains(seedTimeMinutes), "seedTimeMinutes", "seedTimeMinutes is 0 to 525,600.") }
        if let extra = additionalParameters {
            v.check(extra.isEmpty || (extra.hasPrefix("&") && !extra.contains(where: \.isWhitespace) && extra.utf8.count <= 500
                                      && !extra.lowercased().contains("apikey=")),
                    "additionalParameters", "additionalParameters start with & (such as &extended=1) and cannot set apikey.")
        }
        try v.throwIfInvalid()
    }

    /// The API endpoint, without the key.
    public var apiURL: String {
        (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + apiPath
    }
}

/// How an indexer has been doing: failures drive the backoff, the counters the statistics.
public struct IndexerStatus: Codable, Sendable, Equatable {
    /// Failures in a row (0 after a success).
    public var consecutiveFailures: Int
    /// Not asked again before this time.
    public var disabledUntil: Date?
    public var lastFailure: Date?
    public var lastFailureReason: String?
    public var queries: Int
    public var grabs: Int
    public var failures: Int
    /// Sum of the response times of successful queries, for the average.
    public var totalResponseMilliseconds: Int

    public init() {
        consecutiveFailures = 0
        queries = 0
        grabs = 0
        failures = 0
        totalResponseMilliseconds = 0
    }

    public var averageResponseMilliseconds: Int? {
        let answered = queries - failures
        return answered > 0 ? totalResponseMilliseconds / answered : nil
    }
}
