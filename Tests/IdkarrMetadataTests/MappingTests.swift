import Foundation
import IdkarrDomain
import IdkarrNet
import IdkarrTestSupport
import Logging
import Synchronization
import Testing

@testable import IdkarrMetadata

/// Provider results → `Media`, and the pieces of mapping that need no server.
@Suite struct MappingTests {
    static func sampleSeries() -> MetadataSeries {
        var series = MetadataSeries(title: "The Wire", externalIds: ExternalIds(tmdbId: 1438, tvdbId: 79126), provider: "TMDB")
        series.year = 2002
        series.status = .ended
        series.network = "HBO"
        series.images = [MediaImage(coverType: .poster, url: "https://image.tmdb.org/t/p/w500/a.jpg")]
        series.seasons = [MetadataSeason(seasonNumber: 0), MetadataSeason(seasonNumber: 1)]
        for (season, number) in [(0, 1), (1, 1), (1, 2)] {
            var episode = MetadataEpisode(seasonNumber: season, episodeNumber: number)
            episode.title = "S\(season)E\(number)"
            episode.airDate = "2002-06-0\(number)"
            series.episodes.append(episode)
        }
        return series
    }

    @Test func seriesFillsANewMedia() {
        var media = Media(instanceId: 1, mediaType: .series, title: "", added: Date(timeIntervalSince1970: 0))
        Self.sampleSeries().apply(to: &media)
        #expect(media.title == "The Wire")
        #expect(media.sortTitle == "wire")
        #expect(media.externalIds == ExternalIds(tmdbId: 1438, tvdbId: 79126))
        #expect(media.status == .ended)
        #expect(media.episodes.map(\.id) == [1, 2, 3])
        #expect(media.episodes.map(\.monitored) == [false, true, true], "specials are not monitored")
        #expect(media.seasons == [Season(seasonNumber: 0, monitored: false), Season(seasonNumber: 1, monitored: true)])
    }

    @Test func seriesTypeIsGuessedOnlyOnTheFirstFill() {
        var talkShow = Self.sampleSeries()
        talkShow.seriesType = .daily
        var media = Media(instanceId: 1, mediaType: .series, title: "", added: Date(timeIntervalSince1970: 0))
        talkShow.apply(to: &media)
        #expect(media.seriesType == .daily)
        media.seriesType = .standard  // the user knows better
        talkShow.apply(to: &media)
        #expect(media.seriesType == .standard)
    }

    @Test func refreshKeepsWhatTheUserOwns() {
        var media = Media(instanceId: 1, mediaType: .series, title: "", added: Date(timeIntervalSince1970: 0))
        media.externalIds.tvmazeId = 179
        Self.sampleSeries().apply(to: &media)
        let file = MediaFile(path: "/tv/The Wire/S01E02.mkv", size: 1, dateAdded: Date(timeIntervalSince1970: 0))
        media.episodes[2].episodeFile = file
        media.episodes[1].monitored = false
        var refreshed = Self.sampleSeries()
        refreshed.episodes.removeLast()  // the provider dropped S01E02 (it has a file: kept)
        refreshed.episodes.append(MetadataEpisode(seasonNumber: 1, episodeNumber: 3))
        refreshed.episodes[1].title = "The Target"
        refreshed.apply(to: &media)
        #expect(media.externalIds.tvmazeId == 179, "ids the provider does not know are kept")
        #expect(media.episodes.map(\.id) == [1, 2, 3, 4])
        #expect(media.episodes[1].title == "The Target")
        #expect(media.episodes[1].monitored == false)
        #expect(media.episodes[2].episodeFile == file)
        #expect(media.episodes[2].removedFromProvider == true, "a dropped episode with a file is flagged")
        #expect(media.episodes[3].episodeNumber == 3 && media.episodes[3].monitored)
        // Back at the provider: the flag goes away.
        Self.sampleSeries().apply(to: &media)
        #expect(media.episodes.first { $0.id == 3 }?.removedFromProvider == nil)
    }

    @Test func droppedEpisodesWithoutFilesGo() {
        var media = Media(instanceId: 1, mediaType: .series, title: "", added: Date(timeIntervalSince1970: 0))
        Self.sampleSeries().apply(to: &media)
        var refreshed = Self.sampleSeries()
        refreshed.episodes.removeLast()
        refreshed.apply(to: &media)
        #expect(media.episodes.map(\.id) == [1, 2])
    }

    @Test func newSeasonsFollowMonitorNewSeasons() {
        var media = Media(instanceId: 1, mediaType: .series, title: "", added: Date(timeIntervalSince1970: 0))
        Self.sampleSeries().apply(to: &media)
        var withSeason2 = Self.sampleSeries()
        withSeason2.seasons.append(MetadataSeason(seasonNumber: 2))
        withSeason2.episodes.append(MetadataEpisode(seasonNumber: 2, episodeNumber: 1))
        withSeason2.episodes.append(MetadataEpisode(seasonNumber: 1, episodeNumber: 3))

        var off = media
        off.monitorNewSeasons = false
        off.seasons[1].monitored = true
        withSeason2.apply(to: &off)
        #expect(off.seasons.last == Season(seasonNumber: 2, monitored: false))
        #expect(off.episodes.first { $0.seasonNumber == 2 }?.monitored == false)
        #expect(off.episodes.first { $0.seasonNumber == 1 && $0.episodeNumber == 3 }?.monitored == true,
                "a new episode of a monitored season is monitored")

        var on = media
        on.monitorNewSeasons = true
        on.seasons[1].monitored = false
        withSeason2.apply(to: &on)
        #expect(on.seasons.last == Season(seasonNumber: 2, monitored: true))
        #expect(on.episodes.first { $0.seasonNumber == 2 }?.monitored == true)
        #expect(on.episodes.first { $0.seasonNumber == 1 && $0.episodeNumber == 3 }?.monitored == false,
                "a new episode of an unmonitored season is not")
    }

    @Test func movieFillsAMedia() {
        var movie = MetadataMovie(title: "The Matrix", externalIds: ExternalIds(tmdbId: 603, imdbId: "tt0133093"), provider: "TMDB")
        movie.alternateTitles = ["Matrix"]
        movie.year = 1999
        movie.status = .released
        movie.runtime = 136
        movie.releaseDates = MovieReleaseDates(inCinemas: "1999-03-30", physical: "1999-09-21")
        var media = Media(instanceId: 2, mediaType: .movie, title: "", added: Date(timeIntervalSince1970: 0))
        movie.apply(to: &media)
        #expect(media.title == "The Matrix" && media.sortTitle == "matrix")
        #expect(media.externalIds.imdbId == "tt0133093")
        #expect(media.alternateTitles == ["Matrix"])
        #expect(media.runtime == 136 && media.year == 1999 && media.status == .released)
        #expect(media.releaseDates == MovieReleaseDates(inCinemas: "1999-03-30", physical: "1999-09-21"))
        #expect(media.episodes.isEmpty)
    }

    @Test func movieStatus() {
        let today = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14
        let cinemaOnly = MovieReleaseDates(inCinemas: "2023-11-01", digital: "2023-12-20")
        #expect(TMDBMapping.status(ofMovie: "Released", dates: cinemaOnly, today: today) == .inCinemas)
        #expect(TMDBMapping.status(ofMovie: "Released", dates: MovieReleaseDates(inCinemas: "1999-03-30"), today: today) == .released)
        #expect(TMDBMapping.status(ofMovie: "Post Production", dates: MovieReleaseDates(inCinemas: "2024-05-01"), today: today) == .announced)
        #expect(TMDBMapping.status(ofMovie: "Canceled", dates: MovieReleaseDates(), today: today) == .unknown)
        #expect(TMDBMapping.status(ofSeries: "Returning Series") == .continuing)
        #expect(TVmazeMapping.status("To Be Determined") == .continuing)
        #expect(TVmazeMapping.status("In Development") == .upcoming)
    }

    @Test func providersWorkThroughTheProtocol() async throws {
        try await FakeServer.run(FakeTVmaze.route) { tvmaze in
            try await FakeServer.run(FakeTMDB.route) { tmdb in
                let providers: [any MetadataProvider] = [tmdbClient(tmdb), tvmazeClient(tvmaze)]
                var ids = ExternalIds()
                for provider in providers {
                    for result in try await provider.search(.id(.tvdb(121361), kind: .series)) {
                        ids = ids.merging(result.externalIds)
                    }
                }
                // TMDB's fake has no find body for 121361 (no result); TVmaze resolves it.
                #expect(ids == ExternalIds(tvdbId: 121361, imdbId: "tt0944947", tvmazeId: 82))
            }
        }
    }

    @Test func logsNeverHoldTheKey() async throws {
        let lines = LogLines()
        let logger = Logger(label: "test") { _ in lines }
        let curl = CurlHTTPClient(configuration: NetConfiguration(), logger: logger)
        try await FakeServer.run(FakeTMDB.route) { server in
            server.script("/3/configuration", [.status(500)])
            let client = TMDBClient(
                settings: TMDBSettings(apiKey: ErrorTests.secretKey, baseURL: FakeTMDB.base(server), requestInterval: .zero),
                transport: curl, retry: Sleeps().policy(), logger: logger)
            _ = try? await client.movie(.tmdb(603))
        }
        #expect(!lines.all.isEmpty)
        #expect(lines.all.allSatisfy { !$0.contains(ErrorTests.secretKey) })
    }
}

/// A log handler that keeps every line (message and metadata) for assertions.
final class LogLines: LogHandler, Sendable {
    private let store = Mutex<[String]>([])
    var all: [String] { store.withLock { $0 } }

    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(event: LogEvent) {
        store.withLock { $0.append("\(event.message) \(event.metadata ?? [:])") }
    }
}
