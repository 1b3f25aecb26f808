import Foundation
import IdkarrAutomation
import IdkarrDecisions
import IdkarrDomain
import IdkarrIndexers
import IdkarrLibrary
import IdkarrParsing
import IdkarrStore
import IdkarrTestSupport
import Synchronization
import Testing

/// A title's search (interactive search) and RSS sync, against the recorded nzb.su feed: 100
/// real releases, six of them White Collar.
@Suite("title search and RSS sync")
struct ReleaseSearchTests {
    func profile(_ world: World, _ name: String) -> Int {
        world.library.qualityProfiles.all().first { $0.body.name == name }!.id
    }

    @Test func anEpisodeSearchSaysWhichReleasesAreAcceptableAndWhy() async throws {
        let world = try await World.make()
        try await FakeServer.run(contentType: "application/rss+xml", IndexerSearchTests.route) { server in
            try await world.addIndexer("nzbsu", server.base)
            let series = try await world.addWhiteCollar(profile: profile(world, "HD-720p"))
            let episode = world.episodeId(series, 3, 5)
            let result = try await world.search.search(mediaId: series.id, target: .episode(episode))

            // The caps list no ids for tv-search, so the title goes as q with season and episode.
            #expect(server.requests.contains("/nzbsu/api?apikey=\(goodKey)&cat=5000,5040&ep=5&extended=1&limit=25&q=White Collar&season=3&t=tvsearch"))
            let accepted = result.decisions.filter(\.accepted)
            #expect(accepted.map(\.release.title) == ["White.Collar.S03E05.720p.HDTV.X264-DIMENSION"])
            #expect(accepted.first?.episodeIds == [episode])
            #expect(result.decisions.count == 100)
            func reasons(_ title: String) -> [String] {
                result.decisions.first { $0.release.title == title }?.rejections.map(\.reason) ?? ["missing"]
            }
            #expect(reasons("White.Collar.S03E04.720p.HDTV.X264-DIMENSION") == ["Wrong episode: the release is S03E04."])
            #expect(reasons("Fringe S04E13 720p WMVHD NeoDweezil").first == "Wrong series: the release is \"Fringe\", not \"White Collar\".")
            #expect(result.found.count == 100)
        }
    }

    @Test func aSeriesTargetMustNameASeasonOrEpisode() async throws {
        let world = try await World.make()
        let series = try await world.addWhiteCollar()
        await #expect(throws: ServiceError.self) { _ = try await world.search.search(mediaId: series.id, target: .movie) }
        await #expect(throws: ServiceError.self) { _ = try await world.search.search(mediaId: series.id, target: .season(9)) }
        await #expect(throws: ServiceError.self) { _ = try await world.search.search(mediaId: series.id, target: .episode(999)) }
        await #expect(throws: ServiceError.self) { _ = try await world.search.search(mediaId: 4242, target: .movie) }
    }

    @Test func rssSyncTakesOnlyNewReleasesAndDecidesThemForTheLibrary() async throws {
        let world = try await World.make()
        let feed = Mutex("indexers/newznab/newznab_nzb_su.xml")
        let route: FakeRoute = { path, query, server in
            guard query["t"] != "caps" else { return Fixtures.ok("indexers/newznab/newznab_caps.xml") }
            return path.hasPrefix("/tpb") ? Fixtures.ok("indexers/torznab/torznab_tpb.xml") : Fixtures.ok(feed.withLock { $0 })
        }
        try await FakeServer.run(contentType: "application/rss+xml", route) { server in
            let nzbsu = try await world.addIndexer("nzbsu", server.base)
            try await world.addIndexer("tpb", server.base, kind: .torznab, change: { $0.enableRss = false })
            let series = try await world.addWhiteCollar(profile: profile(world, "HD-720p"))

            let first = try await world.rss.run(.manual)
            #expect(first.indexers.map(\.name) == ["nzbsu"], "tpb has RSS off")
            #expect(first.indexers[0].new == 100 && first.indexers[0].pages == 1, "a first sync reads one page")
            #expect(first.newReleases == 100)
            // Six White Collar releases (S03E02–E05, E07, S02E14) match the title; the profile takes 720p HDTV,
            // but the library's season 2 ends at episode 10.
            #expect(first.matched == 6)
            #expect(first.acceptedCount == 5 && first.accepted.allSatisfy { $0.mediaId == series.id })
            #expect(first.rejected.map(\.releaseTitle) == ["White.Collar.S02E14.720p.HDTV.X264-DIMENSION"])
            #expect(first.accepted.first?.quality == "HDTV-720p")
            #expect(!server.requests.contains { $0.contains("offset=") })
            #expect(world.rss.lastReport == first)
            #expect(world.rss.nextRun == first.finishedAt.addingTimeInterval(15 * 60))

            // The same feed again: nothing new, and the second page is not asked for.
            let second = try await world.rss.run(.scheduled)
            #expect(second.newReleases == 0 && second.indexers[0].fetched == 100 && second.indexers[0].pages == 1)
            #expect(second.matched == 0 && second.accepted.isEmpty)

            // An unmonitored episode is rejected by RSS (interactive search would still show it).
            _ = try await world.library.media.update(series.id) { m in
                for i in m.episodes.indices where m.episodes[i].seasonNumber == 3 { m.episodes[i].monitored = false }
            }
            let others = try await world.addIndexer("tpb-again", server.base, kind: .torznab)
            feed.withLock { $0 = "indexers/torznab/torznab_tpb.xml" }
            let third = try await world.rss.run(.manual)
            #expect(third.indexers.map(\.indexerId) == [nzbsu, others])
            #expect(third.matched == 0, "Series Title is not in the library")
            #expect(world.indexers.status(of: nzbsu).queries == 3)
        }
    }

    @Test func rssRejectsWhatTheProfileDoesNotWantWithTheReason() async throws {
        let world = try await World.make()
        try await FakeServer.run(contentType: "application/rss+xml", IndexerSearchTests.route) { server in
            try await world.addIndexer("nzbsu", server.base)
            let series = try await world.addWhiteCollar(profile: profile(world, "HD-1080p"))
            _ = try await world.library.media.update(series.id) { m in
                if let i = m.episodes.firstIndex(where: { $0.seasonNumber == 3 && $0.episodeNumber == 4 }) { m.episodes[i].monitored = false }
            }
            let report = try await world.rss.run(.manual)
            #expect(report.matched == 6 && report.acceptedCount == 0 && report.rejectedCount == 6)
            let e04 = report.rejected.first { $0.releaseTitle == "White.Collar.S03E04.720p.HDTV.X264-DIMENSION" }
            #expect(e04?.rejections == ["Episode S03E04 not monitored.", "HDTV-720p is not wanted by the profile \"HD-1080p\"."])
        }
    }

    /// Names the parser alone takes for episodes (`Part Two`, `H.264` after the year) are read as
    /// movies when they belong to a movie of the library, in RSS sync and in a movie's search.
    @Test func movieNamesAreReadAsMoviesForMovies() async throws {
        let world = try await World.make()
        let titles = ["Dune.Part.Two.2024.1080p.WEB-DL.DDP5.1.Atmos.H.264-FLUX", "Arrival.2016.720p.AMZN.WEB-DL.DDP5.1.H.264-NTG"]
        let items = titles.enumerated().map { i, title in
            "<item><title>\(title)</title><guid>g\(i)</guid><link>http://x.invalid/\(i).nzb</link><pubDate>Sat, 05 Dec 2026 10:00:00 +0000</pubDate>"
                + "<enclosure url=\"http://x.invalid/\(i).nzb\" length=\"4000000000\" type=\"application/x-nzb\"/></item>"
        }
        let feed = Canned.status(200, "<rss version=\"2.0\"><channel><title>t</title>\(items.joined())</channel></rss>")
        let route: FakeRoute = { _, query, _ in query["t"] == "caps" ? Fixtures.ok("indexers/newznab/newznab_caps.xml") : feed }
        try await FakeServer.run(contentType: "application/rss+xml", route) { server in
            try await world.addIndexer("nzb", server.base, change: { $0.movieCategories = [2000] })
            var ids: [Int] = []
            for (title, year) in [("Dune: Part Two", 2024), ("Arrival", 2016)] {
                var movie = Media(instanceId: 2, mediaType: .movie, title: title, added: world.clock.now)
                movie.year = year
                movie.runtime = 150
                movie.qualityProfileId = profile(world, "Any")
                ids.append(try await world.library.media.create(movie).id)
            }
            let report = try await world.rss.run(.manual)
            #expect(report.matched == 2, "\(report.rejected.map(\.rejections))")
            #expect(Set(report.accepted.map(\.mediaId)) == Set(ids), "\(report.rejected.map(\.rejections))")
            let search = try await world.search.search(mediaId: ids[0], target: .movie)
            let dune = try #require(search.decisions.first { $0.release.title == titles[0] })
            #expect(dune.accepted, "\(dune.rejections)")
            #expect(dune.release.parsed.movieTitle == "Dune Part Two" && dune.release.parsed.year == 2024)
            let arrival = try #require(search.decisions.first { $0.release.title == titles[1] })
            #expect(arrival.rejections.map(\.specification) == ["title"])
        }
    }

    /// The schedule: the first sync a minute after start, then every interval; 0 stops it. The
    /// sleeps move the test clock instead of waiting.
    @Test func theScheduleRunsSyncsOnTime() async throws {
        let world = try await World.make()
        try await FakeServer.run(contentType: "application/rss+xml", IndexerSearchTests.route) { server in
            try await world.addIndexer("nzbsu", server.base)
            let started = world.clock.now
            let runs = Mutex<[TimeInterval]>([])
            await world.rss.runScheduled { wait in
                world.clock.advance(Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18)
                if let report = world.rss.lastReport, runs.withLock({ $0.last }) != report.startedAt.timeIntervalSince(started) {
                    runs.withLock { $0.append(report.startedAt.timeIntervalSince(started)) }
                }
                if world.clock.now.timeIntervalSince(started) > 40 * 60 { throw CancellationError() }
            }
            // At 60 s, then 15 minutes after each (the fake answers at once, so finished ≈ started).
            #expect(runs.withLock { $0 } == [60, 960, 1860])
            #expect(world.rss.lastReport?.trigger == .scheduled)
            _ = try await world.indexers.updateSettings(IndexerSettings(rssSyncIntervalMinutes: 0), ifVersion: nil)
            #expect(world.rss.nextRun == nil)
        }
    }

    @Test func aConcurrentSyncIsRefused() async throws {
        let world = try await World.make()
        let slow: FakeRoute = { _, query, _ in
            query["t"] == "caps" ? Fixtures.ok("indexers/newznab/newznab_caps.xml")
                : Canned(status: 200, body: Fixtures.bytes("indexers/newznab/newznab_nzb_su.xml"), delay: .seconds(1))
        }
        try await FakeServer.run(contentType: "application/rss+xml", slow) { server in
            try await world.addIndexer("nzbsu", server.base)
            async let first = world.rss.run(.manual)
            try await Task.sleep(for: .milliseconds(300))
            #expect(world.rss.isRunning)
            await #expect(throws: ServiceError.self) { _ = try await world.rss.run(.manual) }
            #expect(try await first.newReleases == 100)
            #expect(!world.rss.isRunning)
        }
    }
}
