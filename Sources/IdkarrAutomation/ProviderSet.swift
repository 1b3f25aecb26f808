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
    private let cache = Mutex<(settings: MetadataSettings, providers: Providers)?>(nil)

    public init(transport: CurlHTTPClient, retry: RetryPolicy = RetryPolicy(), logger: Logger) {
        self.transport = transport
        self.retry = retry
        self.logger = logger
    }

    public func providers(for settings: MetadataSettings) -> Providers {
        cache.withLock { cached in
            if let cached, cached.settings == settings { return cached.providers }
            let providers = Providers(
                tmdb: settings.tmdb.map { TMDBClient(settings: $0, transport: transport, retry: retry, logger: logger) },
                tvmaze: TVmazeClient(settings: settings.tvmaze, transport: transport, retry: retry, logger: logger))
            cached = (settings, providers)
            return providers
        }
    }
}
