import Foundation
import IdkarrDomain
import IdkarrMetadata
import IdkarrNet
import Logging
import Synchronization

/// The providers for the current settings, rebuilt when the settings change (a client keeps
/// TMDB's image configuration for its life, so it is not rebuilt per call).
public final class ProviderSet: Sendable {
    public struct Providers: Sendable {
        /// Nil until a TMDB API key is set.
        public let tmdb: (any MetadataProvider)?
        public let tvmaze: any MetadataProvider
    }

    private let transport: CurlHTTPClient
    private let retry: RetryPolicy
    private let logger: Logger
    /// Spacing between two requests to one provider; nil: each provider's polite default.
    private let requestInterval: Duration?
    private let cache = Mutex<(settings: MetadataSettings, providers: Providers)?>(nil)

    public init(transport: CurlHTTPClient, retry: RetryPolicy = RetryPolicy(), logger: Logger, requestInterval: Duration? = nil) {
        self.transport = transport
        self.retry = retry
        self.logger = logger
        self.requestInterval = requestInterval
    }

    public func providers(for settings: MetadataSettings) -> Providers {
        cache.withLock { cached in
            if let cached, cached.settings == settings { return cached.providers }
            var tmdb = settings.tmdb
            var tvmaze = settings.tvmaze
            if let requestInterval {
                tmdb?.requestInterval = requestInterval
                tvmaze.requestInterval = requestInterval
            }
            let providers = Providers(
                tmdb: tmdb.map { TMDBClient(settings: $0, transport: transport, retry: retry, logger: logger) },
                tvmaze: TVmazeClient(settings: tvmaze, transport: transport, retry: retry, logger: logger))
            cached = (settings, providers)
            return providers
        }
    }
}
