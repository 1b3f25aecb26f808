import Foundation
import IdkarrNet
import IdkarrTestSupport
import Synchronization

@testable import IdkarrMetadata

/// One real libcurl client for every test (each instance owns a thread).
let transport = CurlHTTPClient(configuration: NetConfiguration(connectTimeout: .seconds(5), timeout: .seconds(30)))

/// Records the waits a client asks for instead of waiting.
final class Sleeps: Sendable {
    private let waits = Mutex<[Duration]>([])
    var all: [Duration] { waits.withLock { $0 } }

    /// A retry policy whose clock is this recorder (and a fixed `now`).
    func policy(maxAttempts: Int = 3, maxRetryAfter: Duration = .seconds(30), now: Date = Date(timeIntervalSince1970: 1_700_000_000))
        -> RetryPolicy
    {
        RetryPolicy(maxAttempts: maxAttempts, maxRetryAfter: maxRetryAfter, sleep: { wait in self.waits.withLock { $0.append(wait) } },
                    now: { now })
    }
}

func tmdbClient(_ server: FakeServer, key: String = FakeTMDB.apiKey, sleeps: Sleeps = Sleeps(), language: String = "en-US")
    -> TMDBClient<CurlHTTPClient>
{
    TMDBClient(settings: TMDBSettings(apiKey: key, language: language, baseURL: FakeTMDB.base(server), requestInterval: .zero),
               transport: transport, retry: sleeps.policy())
}

func tvmazeClient(_ server: FakeServer, sleeps: Sleeps = Sleeps()) -> TVmazeClient<CurlHTTPClient> {
    TVmazeClient(settings: TVmazeSettings(baseURL: server.base, requestInterval: .zero), transport: transport, retry: sleeps.policy())
}
