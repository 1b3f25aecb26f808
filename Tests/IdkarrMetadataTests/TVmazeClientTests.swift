import Foundation
import IdkarrDomain
import IdkarrTestSupport
import Testing

@testable import IdkarrMetadata

/// TVmaze against the fake TVmaze server replaying recorded responses over real HTTP (libcurl).
@Suite struct TVmazeClientTests {
    @Test func searchByTitle() async throws {
        try await FakeServer.run(FakeTVmaze.route) { server in
            let results = try await tvmazeClient(server).search(.title("girls", year: nil, kind: .series))
            #expect(results.count == 10)
            let girls = try #require(results.first)
            #expect(girls.title == "Girls")
            #expect(girls.externalIds.tvdbId == 220411)
            #expect(girls.externalIds.imdbId == "tt1723816")
            #expect(girls.externalIds.tvmazeId != nil)
            #expect(girls.overview.map { !$0.contains("<") } ?? true, "summaries are plain text")
            let in2012 = try await tvmazeClient(server).search(.title("girls", year: 2012, kind: .series))
            #expect(!in2012.isEmpty && in2012.allSatisfy { $0.year == 2012 })
        }
    }

    @Test func gameOfThronesShowAndSpecials() async throws {
        try await FakeServer.run(FakeTVmaze.route) { server in
            let series = try await tvmazeClient(server).series(.tvmaze(82))
            #expect(series.title == "Game of Thrones")
            #expect(series.externalIds == ExternalIds(tvdbId: 121361, imdbId: "tt0944947", tvmazeId: 82))
            #expect(series.status == .ended)
            #expect(series.network == "HBO")
            #expect(series.overview?.hasPrefix("Based on the bestselling book series A Song of Ice and Fire by George R.R. Martin") == true)
            #expect(series.episodes.count == 84)
            let specials = series.episodes.filter { $0.seasonNumber == 0 }
            #expect(specials.count == 11)
            #expect(specials.map(\.episodeNumber) == Array(1...11))
            #expect(specials.first?.title == "Inside Game of Thrones")
            #expect(series.episodes.filter { $0.seasonNumber == 1 }.count == 10)
            #expect(series.seasons.map(\.seasonNumber) == Array(0...8))
            let pilot = try #require(series.episodes.first { $0.seasonNumber == 1 && $0.episodeNumber == 1 })
            #expect(pilot.airDate == "2011-04-17")
            #expect(pilot.airDateUtc == AirDates.instant("2011-04-18T01:00:00+00:00"), "21:00 in New York")
            #expect(server.requests.contains("/shows/82/episodes?specials=1"))
        }
    }

    @Test func doctorWhoTypedSpecials() async throws {
        try await FakeServer.run(FakeTVmaze.route) { server in
            let series = try await tvmazeClient(server).series(.tvmaze(210))
            #expect(series.episodes.count == 254)
            #expect(series.episodes.filter { $0.seasonNumber == 0 }.count == 101, "42 significant + 59 insignificant specials")
            #expect(series.episodes.first { $0.seasonNumber == 0 }?.title == "Born Again")
            #expect(series.runtime == 48, "runtime null: averageRuntime")
            #expect(series.externalIds.tvdbId == 78804)
            #expect(series.network == "BBC One")
        }
    }

    @Test func lookupsFollowTheRedirect() async throws {
        try await FakeServer.run(FakeTVmaze.route) { server in
            let client = tvmazeClient(server)
            let byTVDB = try await client.search(.id(.tvdb(121361), kind: .series))
            #expect(byTVDB.first?.externalIds.tvmazeId == 82)
            let byIMDb = try await client.series(.imdb("tt0436992"))
            #expect(byIMDb.title == "Doctor Who")
            #expect(server.requests.contains("/lookup/shows?thetvdb=121361"))
            #expect(server.requests.contains("/lookup/shows?imdb=tt0436992"))
            #expect(try await client.search(.id(.tvdb(1), kind: .series)).isEmpty)
            let error = await #expect(throws: MetadataError.self) { try await client.series(.tvdb(1)) }
            #expect(error?.code == .notFound)
            #expect(error?.message.contains("TVmaze has no series tvdb:1") == true)
        }
    }

    @Test func streamingShowWithoutNetwork() async throws {
        try await FakeServer.run(FakeTVmaze.route) { server in
            let result = try await tvmazeClient(server).search(.id(.tvmaze(64860), kind: .series))
            #expect(result.first?.network == "Binge")
            #expect(result.first?.status == .continuing)
            let counterpart = try await tvmazeClient(server).series(.tvmaze(6456))
            #expect(counterpart.episodes.count == 20)
            #expect(counterpart.episodes.first?.airDateUtc == AirDates.instant("2017-12-11T02:00:00+00:00"))
        }
    }

    @Test func bestMatch() async throws {
        try await FakeServer.run(FakeTVmaze.route) { server in
            let house = try await tvmazeClient(server).bestMatch("House MD")
            #expect(house?.title == "House")
            #expect(house?.externalIds.tvdbId == 73255)
            #expect(try await tvmazeClient(server).bestMatch("Aoeu Htns") == nil, "recorded: 404 with an empty body")
        }
    }

    @Test func noMoviesAndNoTMDBIds() async throws {
        try await FakeServer.run(FakeTVmaze.route) { server in
            let client = tvmazeClient(server)
            let movie = await #expect(throws: MetadataError.self) { try await client.movie(.tmdb(603)) }
            #expect(movie?.code == .unsupported)
            #expect(movie?.message.contains("TVmaze has series only") == true)
            let search = await #expect(throws: MetadataError.self) { try await client.search(.title("x", year: nil, kind: .movie)) }
            #expect(search?.code == .unsupported)
            let tmdb = await #expect(throws: MetadataError.self) { try await client.series(.tmdb(1399)) }
            #expect(tmdb?.code == .unsupported)
            #expect(server.requests.isEmpty)
        }
    }

    @Test func aDailyShowWithThousandsOfEpisodesAndAHundredSpecials() async throws {
        try await FakeServer.run(FakeTVmaze.route) { server in
            let series = try await tvmazeClient(server).series(.tvmaze(FakeTVmaze.longShowId))
            #expect(series.episodes.count == LongSeries.regularCount + LongSeries.specialCount)
            #expect(series.seriesType == .daily)
            #expect(series.seasons.count == 21)
            let specials = series.episodes.filter { $0.seasonNumber == 0 }
            #expect(specials.map(\.episodeNumber) == Array(1...100))
            #expect(series.episodes.filter { $0.seasonNumber == 2020 }.count == 250)
            #expect(series.episodes.allSatisfy { $0.seasonNumber == 0 || $0.airDateUtc != nil })
            // Episode 2 (2001-01-02, 23:35 in New York, no airstamp) is placed by the network's time zone.
            let second = try #require(series.episodes.first { $0.seasonNumber == 2001 && $0.episodeNumber == 2 })
            #expect(second.airDateUtc == AirDates.instant("2001-01-03T04:35:00Z"))
            #expect(series.overview == "Every night & forever.")

            var media = Media(instanceId: 1, mediaType: .series, title: "", added: Date())
            series.apply(to: &media)
            #expect(media.episodes.count == 5_100)
            #expect(Set(media.episodes.map(\.id)).count == 5_100)
            #expect(media.statistics.seasonCount == 20)
        }
    }

    @Test func requestsAreSpacedPerHost() async throws {
        try await FakeServer.run(FakeTVmaze.route) { server in
            let client = TVmazeClient(settings: TVmazeSettings(baseURL: server.base, requestInterval: .milliseconds(150)),
                                      transport: transport, retry: Sleeps().policy())
            let start = ContinuousClock.now
            for _ in 0..<3 { _ = try await client.search(.id(.tvmaze(64860), kind: .series)) }
            #expect(ContinuousClock.now - start >= .milliseconds(300))
        }
    }
}
