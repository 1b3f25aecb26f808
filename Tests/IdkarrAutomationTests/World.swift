import Foundation
import IdkarrAutomation
import IdkarrDomain
import IdkarrLibrary
import IdkarrNet
import IdkarrStore
import IdkarrTestSupport
import Logging
import Synchronization

/// One real libcurl client for every test (each instance owns a thread).
let transport = CurlHTTPClient(configuration: NetConfiguration(connectTimeout: .seconds(5), timeout: .seconds(20)))
let goodKey = "0123456789abcdef0123456789abcdef"

typealias Fixtures = FixtureFiles

/// A clock a test moves by hand.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// A fresh data folder with the library, the indexers, title searches and RSS sync over it.
struct World: Sendable {
    let library: Library
    let indexers: IndexerService
    let search: ReleaseSearch
    let rss: RssSync
    let clock: TestClock

    static func make(searchDeadline: Duration = .seconds(20)) async throws -> World {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("idkarr-automation-\(UUID().uuidString)")
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let folder = try DataFolder.open(at: url, logger: logger)
        let library = try await Library.open(in: folder, logger: logger)
        let clock = TestClock()
        let indexers = try await IndexerService.open(in: folder, library: library, transport: transport, logger: logger,
                                                     now: { clock.now }, searchDeadline: searchDeadline)
        let search = ReleaseSearch(library: library, indexers: indexers)
        let rss = try await RssSync.open(in: folder, indexers: indexers, search: search, logger: logger)
        return World(library: library, indexers: indexers, search: search, rss: rss, clock: clock)
    }

    /// An indexer at `base/path`, with the fake's key unless told otherwise.
    @discardableResult
    func addIndexer(_ name: String, _ base: String, kind: IndexerKind = .newznab, key: String = goodKey,
                    change: (inout IndexerDefinition) -> Void = { _ in }) async throws -> Int {
        var d = IndexerDefinition(name: name, kind: kind, baseURL: "\(base)/\(name)", apiKey: key)
        d.tvCategories = [5000, 5040]
        change(&d)
        return try await indexers.create(d).id
    }

    /// White Collar (tvdb 108611) with seasons 2 and 3, ten episodes each, none on disk.
    func addWhiteCollar(profile: Int? = nil, monitored: Bool = true) async throws -> Stored<Media> {
        var media = Media(instanceId: 1, mediaType: .series, title: "White Collar", added: clock.now)
        media.year = 2009
        media.runtime = 45
        media.monitored = monitored
        media.externalIds = ExternalIds(tvdbId: 108611)
        media.qualityProfileId = profile ?? library.qualityProfiles.all().first?.id
        var id = 0
        for season in 2...3 {
            for number in 1...10 {
                id += 1
                media.episodes.append(Episode(id: id, seasonNumber: season, episodeNumber: number, monitored: monitored))
            }
        }
        media.normalizeSeasons()
        return try await library.media.create(media)
    }

    func episodeId(_ media: Stored<Media>, _ season: Int, _ episode: Int) -> Int {
        media.body.episodes.first { $0.seasonNumber == season && $0.episodeNumber == episode }!.id
    }
}
