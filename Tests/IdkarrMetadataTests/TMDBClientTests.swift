import Foundation
import IdkarrDomain
import IdkarrTestSupport
import Testing

@testable import IdkarrMetadata

/// TMDB against the fake TMDB server replaying recorded responses over real HTTP (libcurl).
@Suite struct TMDBClientTests {
    @Test func searchMovieByTitle() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            let results = try await tmdbClient(server).search(.title("the matrix", year: nil, kind: .movie))
            let matrix = try #require(results.first)
            #expect(matrix.title == "The Matrix")
            #expect(matrix.year == 1999)
            #expect(matrix.externalIds.tmdbId == 603)
            #expect(matrix.kind == .movie && matrix.provider == "TMDB")
            #expect(matrix.images == [
                MediaImage(coverType: .poster, url: "https://image.tmdb.org/t/p/w500/hEpWvX6Bp79eLxY1kX5ZZJcme5U.jpg"),
                MediaImage(coverType: .fanart, url: "https://image.tmdb.org/t/p/w1280/7u3pxc0K1wx32IleAkLv78MKgrw.jpg"),
            ])
            #expect(server.requests.contains { $0.hasPrefix("/3/search/movie?") && $0.contains("language=en-US") && $0.contains("query=the matrix") })
        }
    }

    @Test func searchWithYearSendsTheRightParameter() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            let client = tmdbClient(server)
            let movies = try await client.search(.title("Star Wars", year: 1977, kind: .movie))
            #expect(movies.first?.externalIds.tmdbId == 11)
            #expect(movies.first?.year == 1977)
            _ = try await client.search(.title("Game of Thrones", year: 2011, kind: .series))
            #expect(server.requests.contains { $0.hasPrefix("/3/search/movie?") && $0.contains("year=1977") })
            #expect(server.requests.contains { $0.hasPrefix("/3/search/tv?") && $0.contains("first_air_date_year=2011") })
        }
    }

    @Test func configurationIsFetchedOncePerClient() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            let client = tmdbClient(server)
            _ = try await client.search(.title("the matrix", year: nil, kind: .movie))
            _ = try await client.search(.title("Game of Thrones", year: nil, kind: .series))
            _ = try await client.movie(.tmdb(603))
            #expect(server.count("/3/configuration") == 1)
        }
    }

    @Test func theMatrixDetails() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            let movie = try await tmdbClient(server).movie(.tmdb(603))
            #expect(movie.title == "The Matrix")
            #expect(movie.externalIds == ExternalIds(tmdbId: 603, imdbId: "tt0133093"))
            #expect(movie.alternateTitles.contains("The Matrix 1"))
            #expect(!movie.alternateTitles.contains("The Matrix"))
            #expect(movie.year == 1999)
            #expect(movie.runtime == 136)
            #expect(movie.status == .released)
            #expect(movie.genres.contains("Science Fiction"))
            #expect(movie.releaseDates.inCinemas == "1999-03-30", "no release_dates recorded: the primary date stands in")
            #expect(server.requests.contains { $0.hasPrefix("/3/movie/603?") && $0.contains("append_to_response=external_ids,alternative_titles,release_dates") })
        }
    }

    @Test func releaseDatesByKind() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            let fightClub = try await tmdbClient(server).movie(.tmdb(550))
            #expect(fightClub.externalIds.imdbId == "tt0137523")
            #expect(fightClub.releaseDates.inCinemas == "1999-10-15", "the earliest theatrical (type 3) date")
            #expect(fightClub.releaseDates.physical == "2000-04-25")
            #expect(fightClub.releaseDates.digital == "1999-10-15")
            let menInBlack = try await tmdbClient(server).movie(.tmdb(607))
            #expect(menInBlack.externalIds.imdbId == "tt0119654")
            #expect(menInBlack.releaseDates.inCinemas == "1997-07-02")
            #expect(menInBlack.status == .released)
        }
    }

    @Test func gameOfThronesWithAllIdsAndSeasons() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            let series = try await tmdbClient(server).series(.tmdb(1399))
            #expect(series.title == "Game of Thrones")
            #expect(series.externalIds == ExternalIds(tmdbId: 1399, tvdbId: 121361, imdbId: "tt0944947"))
            #expect(series.status == .ended)
            #expect(series.network == "HBO")
            #expect(series.year == 2011)
            #expect(series.seasons.map(\.seasonNumber) == Array(0...8))
            let seasonOne = series.episodes.filter { $0.seasonNumber == 1 }
            #expect(seasonOne.count == 10)
            #expect(seasonOne.allSatisfy { $0.airDate != nil })
            #expect(seasonOne.first?.title == "Winter Is Coming")
            #expect(seasonOne.first?.airDate == "2011-04-17")
            #expect(seasonOne.map(\.episodeNumber) == Array(1...10))
            for n in 0...8 { #expect(server.count("/3/tv/1399/season/\(n)?") == 1) }
        }
    }

    @Test func lupinAppendedExternalIds() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            let results = try await tmdbClient(server).search(.title("Lupin", year: nil, kind: .series))
            #expect(results.first?.externalIds.tmdbId == 96677)
            let lupin = try await tmdbClient(server).search(.id(.tmdb(96677), kind: .series))
            #expect(lupin.first?.externalIds == ExternalIds(tmdbId: 96677, tvdbId: 375921, imdbId: "tt2531336"))
        }
    }

    @Test func findByTVDBIdIgnoresEpisodes() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            let client = tmdbClient(server)
            let deadwood = try await client.search(.id(.tvdb(72023), kind: .series))
            #expect(deadwood.count == 1)
            #expect(deadwood.first?.title == "Deadwood")
            #expect(deadwood.first?.externalIds.tmdbId == 1406)
            #expect(deadwood.first?.externalIds.tvdbId == 72023)
            let breakingBad = try await client.search(.id(.tvdb(81189), kind: .series))
            #expect(breakingBad.first?.title == "Breaking Bad")
            #expect(breakingBad.first?.externalIds == ExternalIds(tmdbId: 1396, tvdbId: 81189))
            #expect(server.requests.contains { $0.hasPrefix("/3/find/81189?") && $0.contains("external_source=tvdb_id") })
            #expect(try await client.search(.id(.tvdb(72023), kind: .movie)).isEmpty, "a series id is no movie")
        }
    }

    @Test func findByIMDbId() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            let sinners = try await tmdbClient(server).search(.id(.imdb("tt31193180"), kind: .movie))
            #expect(sinners.first?.title == "Sinners")
            #expect(sinners.first?.externalIds == ExternalIds(tmdbId: 1233413, imdbId: "tt31193180"))
            #expect(try await tmdbClient(server).search(.id(.imdb("tt0000001"), kind: .movie)).isEmpty)
        }
    }

    @Test func seriesByTVDBIdGoesThroughFind() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            let error = await #expect(throws: MetadataError.self) { try await tmdbClient(server).series(.tvdb(81189)) }
            // find → tmdb 1396, which the fake has no details for: a clear 404, nothing partial.
            #expect(error?.code == .notFound)
            #expect(error?.message.contains("series tmdb:1396") == true)
            #expect(server.requests.contains { $0.hasPrefix("/3/find/81189?") })
        }
    }

    @Test func unsupportedLookups() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            let error = await #expect(throws: MetadataError.self) { try await tmdbClient(server).series(.tvmaze(82)) }
            #expect(error?.code == .unsupported)
            #expect(error?.message.contains("TMDB") == true)
        }
    }

    @Test func unknownTitleGivesNoResults() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            let byTitle = try await tmdbClient(server).search(.title("zzzz no such film", year: nil, kind: .movie))
            let byId = try await tmdbClient(server).search(.id(.tmdb(999_999_999), kind: .movie))
            #expect(byTitle.isEmpty)
            #expect(byId.isEmpty)
        }
    }

    @Test func aTalkShowWithThousandsOfEpisodes() async throws {
        try await FakeServer.run(FakeTMDB.route) { server in
            let series = try await tmdbClient(server).series(.tmdb(FakeTMDB.longSeriesId))
            #expect(series.episodes.count == 40 * 130 + 100)
            #expect(series.episodes.filter { $0.seasonNumber == 0 }.count == 100)
            #expect(series.seriesType == .daily)
            #expect(series.status == .continuing)
            #expect(series.externalIds == ExternalIds(tmdbId: FakeTMDB.longSeriesId, tvdbId: 700_001, imdbId: "tt7000001"))
            #expect(server.count("/3/tv/\(FakeTMDB.longSeriesId)/season/") == 41)
        }
    }
}
