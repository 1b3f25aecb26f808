import Foundation
import IdkarrAutomation
import IdkarrDomain
import IdkarrImport
import IdkarrLibrary
import IdkarrNet
import IdkarrStore
import IdkarrTestSupport
import Logging
import Synchronization
import Testing

@testable import IdkarrMetadata

/// Adding and refreshing titles: the catalog over a real library in a temporary data folder, its
/// providers talking over real HTTP to fakes that replay the recorded TMDB and TVmaze answers.
@Suite struct CatalogTests {
    /// A catalog with a TV and a Movies instance, a root folder each, and a settable clock.
    struct Setup {
        let catalog: TitleCatalog
        let library: Library
        let tv: Int, tvRoot: Int, movies: Int, moviesRoot: Int
        let clock: TestClock
        let root: URL

        func advance(hours: Double) { clock.advance(hours * 3600) }
    }

    final class TestClock: Sendable {
        private let time = Mutex(Date(timeIntervalSince1970: 1_700_000_000))
        var now: Date { time.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    static func withCatalog(tmdbKey: String? = FakeTMDB.apiKey, _ body: @Sendable (Setup) async throws -> Void) async throws {
        try await FakeServer.run(FakeTVmaze.route) { tvmaze in
            try await FakeServer.run(FakeTMDB.route) { tmdb in
                let root = FileManager.default.temporaryDirectory.appendingPathComponent("idkarr-catalog-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: root) }
                for sub in ["data", "tv", "movies"] {
                    try FileManager.default.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
                }
                var logger = Logger(label: "test")
                logger.logLevel = .critical
                let clock = TestClock()
                let now: @Sendable () -> Date = { clock.now }
                let folder = try DataFolder.open(at: root.appendingPathComponent("data"), logger: logger)
                let library = try await Library.open(in: folder, logger: logger, now: now)
                let images = ImageCache(folder: root.appendingPathComponent("data/images"), transport: transport, logger: logger)
                let catalog = TitleCatalog(library: library, settings: try await folder.collection(MetadataSettings.self),
                                           providers: ProviderSet(transport: transport, retry: Sleeps().policy(), logger: logger),
                                           images: images, scanner: DiskScanService(library: library, logger: logger, now: now),
                                           now: now, logger: logger)
                _ = try await catalog.updateSettings(
                    MetadataSettings(tmdbApiKey: tmdbKey, tmdbBaseURL: FakeTMDB.base(tmdb), tvmazeBaseURL: tvmaze.base), ifVersion: nil)
                let tv = try await library.createInstance(Instance(name: "TV", mediaType: .series)).id
                let movies = try await library.createInstance(Instance(name: "Movies", mediaType: .movie)).id
                let tvRoot = try await library.createRootFolder(path: root.appendingPathComponent("tv").path, instanceId: tv).id
                let moviesRoot = try await library.createRootFolder(path: root.appendingPathComponent("movies").path, instanceId: movies).id
                try await body(Setup(catalog: catalog, library: library, tv: tv, tvRoot: tvRoot, movies: movies,
                                     moviesRoot: moviesRoot, clock: clock, root: root))
            }
        }
    }

    @Test func addASeriesByTVDBIdThenRefuseItByIMDbId() async throws {
        try await Self.withCatalog { s in
            var request = AddTitleRequest(lookupId: .tvdb(121361), instanceId: s.tv)
            request.rootFolderId = s.tvRoot
            request.monitor = .firstSeason
            let added = try await s.catalog.add(request)
            let media = added.body
            #expect(media.title == "Game of Thrones")
            #expect(media.externalIds.tvmazeId == 82 && media.externalIds.tvdbId == 121361 && media.externalIds.imdbId == "tt0944947")
            #expect(media.path == s.root.appendingPathComponent("tv").path + "/Game of Thrones (2011)")
            #expect(media.episodes.count > 70)
            #expect(media.episodes.contains { $0.airDateUtc != nil }, "TVmaze gives air times in UTC")
            #expect(media.episodes.filter(\.monitored).allSatisfy { $0.seasonNumber == 1 })
            #expect(media.episodes.filter { $0.seasonNumber == 1 }.allSatisfy { $0.monitored })
            #expect(media.seasons.filter(\.monitored).map(\.seasonNumber) == [1])
            #expect(media.lastRefreshed != nil && media.monitorNewSeasons == true)

            var again = AddTitleRequest(lookupId: .imdb("tt0944947"), instanceId: s.tv)
            again.rootFolderId = s.tvRoot
            let error = await #expect(throws: ServiceError.self) { try await s.catalog.add(again) }
            #expect(error?.code == .conflict && error?.existingId == added.id)
            #expect(error?.message.contains("Game of Thrones") == true)
            #expect(s.library.media.count == 1)

            let found = try await s.catalog.lookup("tvdb:121361", kind: .series)
            #expect(found.first?.lookupId == "tvmaze:82")
            #expect(found.first?.inLibrary.first?.mediaId == added.id)
        }
    }

    @Test func addAMovieByTMDBIdInTwoInstances() async throws {
        try await Self.withCatalog { s in
            var request = AddTitleRequest(lookupId: .tmdb(603), instanceId: s.movies)
            request.rootFolderId = s.moviesRoot
            request.minimumAvailability = .inCinemas
            let matrix = try await s.catalog.add(request)
            #expect(matrix.body.title == "The Matrix" && matrix.body.year == 1999)
            #expect(matrix.body.minimumAvailability == .inCinemas && matrix.body.monitored)
            #expect(matrix.body.path?.hasSuffix("/The Matrix (1999)") == true)

            let fourK = try await s.library.createInstance(Instance(name: "Movies 4K", mediaType: .movie)).id
            let fourKPath = s.root.appendingPathComponent("movies-4k")
            try FileManager.default.createDirectory(at: fourKPath, withIntermediateDirectories: true)
            let fourKRoot = try await s.library.createRootFolder(path: fourKPath.path, instanceId: fourK).id
            var second = request
            second.instanceId = fourK
            second.rootFolderId = fourKRoot
            let copy = try await s.catalog.add(second)
            #expect(copy.id != matrix.id && copy.body.externalIds.tmdbId == 603)
            let found = try await s.catalog.lookup("tmdb:603", kind: .movie)
            #expect(Set(found.first?.inLibrary.map(\.mediaId) ?? []) == [matrix.id, copy.id])
        }
    }

    @Test func moviesNeedATMDBKeyAndABadKeyNamesTMDB() async throws {
        try await Self.withCatalog(tmdbKey: nil) { s in
            var request = AddTitleRequest(lookupId: .tmdb(603), instanceId: s.movies)
            request.rootFolderId = s.moviesRoot
            let missing = await #expect(throws: ServiceError.self) { try await s.catalog.add(request) }
            #expect(missing?.fieldErrors.first?.field == "tmdbApiKey")
            _ = try await s.catalog.updateSettings(
                { var m = s.catalog.currentSettings; m.tmdbApiKey = "wrong-key"; return m }(), ifVersion: nil)
            let rejected = await #expect(throws: MetadataError.self) { try await s.catalog.add(request) }
            #expect(rejected?.code == .unauthorized && rejected?.message.contains("TMDB") == true)
            #expect(rejected?.message.contains("wrong-key") == false, "the key never shows")
            #expect(s.library.media.count == 0, "nothing half-added")
        }
    }

    @Test func unknownIdsAndBadReferencesAddNothing() async throws {
        try await Self.withCatalog { s in
            var unknown = AddTitleRequest(lookupId: .tvmaze(123_456), instanceId: s.tv)
            unknown.rootFolderId = s.tvRoot
            let error = await #expect(throws: MetadataError.self) { try await s.catalog.add(unknown) }
            #expect(error?.code == .notFound)
            var wrongRoot = AddTitleRequest(lookupId: .tvmaze(82), instanceId: s.tv)
            wrongRoot.rootFolderId = s.moviesRoot
            await #expect(throws: ServiceError.self) { try await s.catalog.add(wrongRoot) }
            var noRoot = AddTitleRequest(lookupId: .tvmaze(82), instanceId: s.tv)
            noRoot.rootFolderId = nil
            await #expect(throws: ServiceError.self) { try await s.catalog.add(noRoot) }
            #expect(s.library.media.count == 0)
        }
    }

    @Test func scheduledRefreshKeepsTheUsersChoices() async throws {
        try await Self.withCatalog { s in
            var request = AddTitleRequest(lookupId: .tvmaze(82), instanceId: s.tv)
            request.rootFolderId = s.tvRoot
            let added = try await s.catalog.add(request)
            let episode = try #require(added.body.episodes.first { $0.seasonNumber == 1 })
            _ = try await s.library.setMonitored(added.id, monitored: false, seasonNumber: nil, episodeIds: [episode.id])
            let scheduler = RefreshScheduler(catalog: s.catalog, sleep: { _ in })
            #expect(s.catalog.titlesDueForRefresh().isEmpty)
            #expect(await scheduler.runOnce() == 0)

            s.advance(hours: 13)
            #expect(s.catalog.titlesDueForRefresh() == [added.id])
            #expect(await scheduler.runOnce() == 1)
            let refreshed = try #require(s.library.media.get(added.id))
            #expect(refreshed.version > added.version)
            #expect(refreshed.body.lastRefreshed == s.clock.now)
            #expect(refreshed.body.episodes.first { $0.id == episode.id }?.monitored == false)
            #expect(refreshed.body.episodes.count == added.body.episodes.count)
            #expect(s.catalog.titlesDueForRefresh().isEmpty)
        }
    }

    @Test func settingsAreValidated() async throws {
        try await Self.withCatalog { s in
            var bad = s.catalog.currentSettings
            bad.tmdbLanguage = "english"
            bad.refreshIntervalHours = 0
            bad.tvmazeBaseURL = "ftp://x"
            let error = await #expect(throws: ServiceError.self) { try await s.catalog.updateSettings(bad, ifVersion: nil) }
            #expect(Set(error?.fieldErrors.map(\.field) ?? []) == ["tmdbLanguage", "refreshIntervalHours", "tvmazeBaseURL"])
        }
    }

    @Test func importAnExistingFolderTree() async throws {
        try await Self.withCatalog { s in
            let tv = s.root.appendingPathComponent("tv")
            let got = tv.appendingPathComponent("Game of Thrones [tvdbid-121361]")
            try FileManager.default.createDirectory(at: got.appendingPathComponent("Season 01"), withIntermediateDirectories: true)
            for name in ["Game.of.Thrones.S01E01.720p.HDTV.x264-CTU.mkv", "Game.of.Thrones.S01E02.720p.HDTV.x264-CTU.mkv"] {
                FileManager.default.createFile(atPath: got.appendingPathComponent("Season 01/\(name)").path, contents: Data(count: 1024))
            }
            try FileManager.default.createDirectory(at: tv.appendingPathComponent("Zzzz Nothing Known"), withIntermediateDirectories: true)

            let proposals = try await s.catalog.importProposals(rootFolderId: s.tvRoot)
            #expect(proposals.map(\.folder.folderName) == ["Game of Thrones [tvdbid-121361]", "Zzzz Nothing Known"])
            let best = try #require(proposals.first?.candidates.first)
            #expect(best.lookupId == "tvmaze:82" && proposals[0].confidence.first == 1.0)
            #expect(proposals[1].candidates.isEmpty && proposals[1].error == nil)

            var template = AddTitleRequest(lookupId: .tvmaze(82), instanceId: s.tv)
            template.rootFolderId = s.tvRoot
            template.monitor = .existing
            let outcomes = try await s.catalog.importFolders(
                [(got.path, .tvmaze(82)), (tv.path + "/../elsewhere", .tvmaze(82)), (tv.appendingPathComponent("Nope").path, .tvmaze(82)),
                 (tv.appendingPathComponent("Zzzz Nothing Known").path, .tvmaze(123_456))],
                template: template)
            let id = try #require(outcomes[0].mediaId)
            #expect(outcomes[1].mediaId == nil && outcomes[1].error?.contains("directly inside") == true)
            #expect(outcomes[2].mediaId == nil && outcomes[2].error?.contains("does not exist") == true)
            #expect(outcomes[3].mediaId == nil && outcomes[3].error?.contains("123456") == true, "\(outcomes[3])")
            let media = try #require(s.library.media.get(id)).body
            #expect(media.path == got.path)
            let withFiles = media.episodes.filter { $0.episodeFile != nil }.map { "\($0.seasonNumber)x\($0.episodeNumber)" }
            #expect(withFiles == ["1x1", "1x2"])
            #expect(media.episodes.filter(\.monitored).map(\.id) == media.episodes.filter { $0.episodeFile != nil }.map(\.id),
                    "monitor existing: the episodes with files")
            #expect(try await s.catalog.importProposals(rootFolderId: s.tvRoot).map(\.folder.folderName) == ["Zzzz Nothing Known"])
        }
    }

    @Test func monitorOptions() {
        var media = Media(instanceId: 1, mediaType: .series, title: "X", added: Date(timeIntervalSince1970: 0))
        for (season, number, date) in [(0, 1, "2000-01-01"), (1, 1, "2000-01-01"), (1, 2, "2000-01-08"), (2, 1, "2030-01-01"), (2, 2, "2030-01-08")] {
            var e = Episode(id: media.nextEpisodeId, seasonNumber: season, episodeNumber: number)
            e.airDate = date
            media.episodes.append(e)
        }
        media.episodes[2].episodeFile = MediaFile(path: "/x", size: 1, dateAdded: Date(timeIntervalSince1970: 0))
        media.normalizeSeasons()
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        func monitored(_ option: MonitorOption) -> [String] {
            var m = media
            option.apply(to: &m, now: now)
            return m.episodes.filter(\.monitored).map { "\($0.seasonNumber)x\($0.episodeNumber)" }
        }
        #expect(monitored(.all) == ["1x1", "1x2", "2x1", "2x2"])
        #expect(monitored(.future) == ["2x1", "2x2"])
        #expect(monitored(.missing) == ["1x1", "2x1", "2x2"])
        #expect(monitored(.existing) == ["1x2"])
        #expect(monitored(.firstSeason) == ["1x1", "1x2"])
        #expect(monitored(.lastSeason) == ["2x1", "2x2"])
        #expect(monitored(.pilot) == ["1x1"])
        #expect(monitored(.none).isEmpty)
    }
}
