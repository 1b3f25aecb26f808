import Foundation
import IdkarrDomain
import IdkarrNet
import IdkarrTestSupport
import Testing

@testable import IdkarrMetadata

/// Bad input from providers: every failure is a `MetadataError` naming the provider and the
/// cause, never a crash and never a partial result. Waits are recorded, not slept.
@Suite struct ErrorTests {
    static let secretKey = "s3cr3tK3yThatMustNeverShow"

    @Test func badKeyIsUnauthorizedAndTheKeyNeverShows() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            let error = await #expect(throws: MetadataError.self) {
                try await tmdbClient(server, key: Self.secretKey).movie(.tmdb(603))
            }
            #expect(error?.code == .unauthorized)
            #expect(error?.status == 401)
            #expect(error?.message.hasPrefix("TMDB rejected the API key (status_code 7: Invalid API key: You must be granted a valid key.)") == true,
                    "\(error?.message ?? "")")
            #expect(error.map { !"\($0)".contains(Self.secretKey) } == true)
            #expect(server.requests.first?.contains("api_key=\(Self.secretKey)") == true, "the key is sent as api_key")
        }
    }

    @Test func unreachableProviderIsANetworkError() async throws {
        let sleeps = Sleeps()
        let client = TMDBClient(
            settings: TMDBSettings(apiKey: Self.secretKey, baseURL: "http://127.0.0.1:1/3", requestInterval: .zero),
            transport: transport, retry: sleeps.policy())
        let error = await #expect(throws: MetadataError.self) { try await client.movie(.tmdb(603)) }
        #expect(error?.code == .network)
        #expect(error?.underlying?.code == .connectionRefused)
        #expect(error?.message.hasPrefix("TMDB could not be reached for the image configuration") == true, "\(error?.message ?? "")")
        #expect(error.map { !"\($0)".contains(Self.secretKey) && !"\($0.underlying!)".contains(Self.secretKey) } == true)
        #expect(sleeps.all == [.seconds(1), .seconds(2)], "a refused connection is retried with backoff")
    }

    @Test func notFound() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            let error = await #expect(throws: MetadataError.self) { try await tmdbClient(server).movie(.tmdb(424242)) }
            #expect(error?.code == .notFound)
            #expect(error?.message == "TMDB has no movie tmdb:424242 (HTTP 404: status_code 34: The resource you requested could not be found.).")
        }
    }

    @Test func rateLimitIsHonouredThenRetried() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            let body = String(decoding: Fixture.bytes("tmdb/error-429_rate-limit.json"), as: UTF8.self)
            server.script("/3/movie/603", [.status(429, body, headers: ["Retry-After": "3"])])
            let sleeps = Sleeps()
            let movie = try await tmdbClient(server, sleeps: sleeps).movie(.tmdb(603))
            #expect(movie.title == "The Matrix")
            #expect(sleeps.all == [.seconds(3)])
            #expect(server.count("/3/movie/603?") == 2)
        }
    }

    @Test func rateLimitWithAnHTTPDate() async throws {
        try await FakeServer.run(FakeTVmaze.route) { server in
            // The policy's clock says 2023-11-14T22:13:20Z; the server asks for 5 s later.
            server.script("/shows/82", [.status(429, "", headers: ["Retry-After": "Tue, 14 Nov 2023 22:13:25 GMT"])])
            let sleeps = Sleeps()
            let series = try await tvmazeClient(server, sleeps: sleeps).series(.tvmaze(82))
            #expect(series.title == "Game of Thrones")
            #expect(sleeps.all == [.seconds(5)])
        }
    }

    @Test func tooLongARateLimitFailsAtOnce() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            server.script("/3/configuration", [.status(429, "", headers: ["Retry-After": "120"])])
            let sleeps = Sleeps()
            let error = await #expect(throws: MetadataError.self) {
                try await tmdbClient(server, sleeps: sleeps).search(.title("the matrix", year: nil, kind: .movie))
            }
            #expect(error?.code == .rateLimited(retryAfter: .seconds(120)))
            #expect(error?.message.contains("TMDB is rate limiting requests (HTTP 429)") == true)
            #expect(sleeps.all.isEmpty)
            #expect(server.count("/3/configuration") == 1)
        }
    }

    @Test func repeatedRateLimitsGiveUp() async throws {
        try await FakeServer.run(FakeTVmaze.route) { server in
            server.script("/search/shows", Array(repeating: .status(429, "", headers: ["Retry-After": "2"]), count: 5))
            let sleeps = Sleeps()
            let error = await #expect(throws: MetadataError.self) {
                try await tvmazeClient(server, sleeps: sleeps).search(.title("girls", year: nil, kind: .series))
            }
            #expect(error?.code == .rateLimited(retryAfter: .seconds(2)))
            #expect(sleeps.all == [.seconds(2), .seconds(2)])
            #expect(server.count("/search/shows") == 3)
        }
    }

    @Test func serverErrorsBackOffThenSucceed() async throws {
        try await FakeServer.run(FakeTVmaze.route) { server in
            server.script("/shows/82/episodes", [.status(500), .status(503)])
            let sleeps = Sleeps()
            let series = try await tvmazeClient(server, sleeps: sleeps).series(.tvmaze(82))
            #expect(series.episodes.count == 84)
            #expect(sleeps.all == [.seconds(1), .seconds(2)])
        }
    }

    @Test func persistentServerErrorsLeaveNothingHalfDone() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            server.script("/3/tv/1399/season/5", Array(repeating: .status(502, "<html>Bad Gateway</html>"), count: 3))
            let error = await #expect(throws: MetadataError.self) { try await tmdbClient(server).series(.tmdb(1399)) }
            #expect(error?.code == .unavailable)
            #expect(error?.status == 502)
            #expect(error?.message == "TMDB failed to answer for season 5 of series tmdb:1399: HTTP 502.")
            #expect(server.count("/3/tv/1399/season/6") == 0, "stops at the first failure")
        }
    }

    @Test(arguments: [
        ("<!DOCTYPE html><html><body>Cloudflare</body></html>", "TVmaze returned HTML instead of JSON for series tvmaze:82"),
        ("", "TVmaze returned an empty body for series tvmaze:82 (expected JSON)."),
        ("{\"id\": 82, \"name\": \"Game of Thr", "TVmaze returned an unusable answer for series tvmaze:82: the JSON is malformed or truncated."),
        ("{\"id\": 82}", "TVmaze returned an unusable answer for series tvmaze:82: the required field \"name\" is missing."),
        ("{\"id\": \"82\", \"name\": \"x\"}", "TVmaze returned an unusable answer for series tvmaze:82: the field \"id\" is not a number."),
        ("[1, 2]", "TVmaze returned an unusable answer for series tvmaze:82: the body is not the expected JSON object."),
    ])
    func badBodies(body: String, message: String) async throws {
        try await FakeServer.run(FakeTVmaze.route) { server in
            server.script("/shows/82", [.status(200, body)])
            let error = await #expect(throws: MetadataError.self) { try await tvmazeClient(server).series(.tvmaze(82)) }
            #expect(error?.code == .badResponse)
            #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
        }
    }

    @Test func truncatedRecordedSeasonIsBadResponse() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            let season = Fixture.bytes("tmdb/tv-1399_season-1.json")
            server.script("/3/tv/1399/season/1", [Canned(status: 200, body: Array(season.prefix(season.count / 2)))])
            let error = await #expect(throws: MetadataError.self) { try await tmdbClient(server).series(.tmdb(1399)) }
            #expect(error?.code == .badResponse)
            #expect(error?.message == "TMDB returned an unusable answer for season 1 of series tmdb:1399: the JSON is malformed or truncated.")
        }
    }

    @Test func missingEpisodeFieldIsBadResponse() async throws {
        try await FakeServer.run(FakeTVmaze.route) { server in
            server.script("/shows/82/episodes", [.status(200, "[{\"id\": 1, \"name\": \"Pilot\", \"number\": 1}]")])
            let error = await #expect(throws: MetadataError.self) { try await tvmazeClient(server).series(.tvmaze(82)) }
            #expect(error?.message == "TVmaze returned an unusable answer for the episodes of series tvmaze:82: the required field \"[0].season\" is missing.")
        }
    }

    @Test func otherClientErrorsSayWhatTheProviderSaid() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            server.script("/3/search/movie", [Canned(status: 422, body: Fixture.bytes("tmdb/error-422_query-missing.json"))])
            let error = await #expect(throws: MetadataError.self) {
                try await tmdbClient(server).search(.title("x", year: nil, kind: .movie))
            }
            #expect(error?.code == .badResponse)
            #expect(error?.message == "TMDB refused the request for a movie search for \"x\": HTTP 422: query must be provided.")
        }
    }
}
