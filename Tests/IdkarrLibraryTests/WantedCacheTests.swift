import Foundation
import IdkarrDomain
import IdkarrLibrary
import IdkarrStore
import Logging
import Synchronization
import Testing

/// `Library.wanted` keeps sorted lists between pages; every answer must still be the one a fresh
/// scan gives at that moment — after writes, as air and release times pass, and if the clock
/// moves back.
@Suite("Wanted list kept between pages")
struct WantedCacheTests {
    final class Clock: Sendable {
        let now = Mutex(Date(timeIntervalSince1970: 0))
        func set(_ text: String) { now.withLock { $0 = Snap.utc(text) } }
        func read() -> Date { now.withLock { $0 } }
    }

    static func episode(_ id: Int, _ number: Int, _ utc: String) -> Episode {
        var e = Episode(id: id, seasonNumber: 1, episodeNumber: number)
        e.airDateUtc = Snap.utc(utc)
        return e
    }

    /// What a fresh scan says at the clock's time, page by page, for the query as given.
    static func fresh(_ library: Library, _ q: WantedQuery, _ clock: Clock) -> [String] {
        describe(WantedQuery.page(in: library.media.all(), profiles: library.qualityProfiles.all(), q, now: clock.read()))
    }

    static func describe(_ page: Page<WantedRecord>) -> [String] {
        ["\(page.totalRecords) total"] + page.records.map { r in r.episodeNumber.map { "\(r.title) e\($0)" } ?? r.title }
    }

    @Test func everyAnswerIsTheFreshScan() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("idkarr-wanted-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let clock = Clock()
        clock.set("2026-03-10T12:00:00Z")
        let library = try await Library.open(in: try DataFolder.open(at: folder, logger: logger), logger: logger, now: { clock.read() })
        let tv = try await library.createInstance(Instance(name: "TV", mediaType: .series))
        let films = try await library.createInstance(Instance(name: "Movies", mediaType: .movie))
        var show = Media(instanceId: tv.id, mediaType: .series, title: "Show", added: clock.read())
        show.seasons = [Season(seasonNumber: 1, monitored: true)]
        show.episodes = [Self.episode(1, 1, "2026-03-09T12:00:00Z"), Self.episode(2, 2, "2026-03-10T13:00:00Z"),
                         Self.episode(3, 3, "2026-03-12T12:00:00Z"), Self.episode(4, 4, "2026-03-08T12:00:00Z")]
        let stored = try await library.createMedia(show)
        var film = Media(instanceId: films.id, mediaType: .movie, title: "Film", added: clock.read())
        film.status = .announced
        film.minimumAvailability = .released
        film.releaseDates = MovieReleaseDates(digital: "2026-03-11")
        _ = try await library.createMedia(film)

        var q = WantedQuery(.missing)
        q.pageSize = 1
        func check(_ expected: [String], _ note: Comment) {
            for page in 1...3 {
                q.page = page
                let answer = Self.describe(library.wanted(q))
                #expect(answer == Self.fresh(library, q, clock), note)
                if page == 1 { #expect(answer == expected, note) }
            }
        }

        check(["2 total", "Show e1"], "two aired episodes, newest first")
        clock.set("2026-03-10T12:30:00Z")
        check(["2 total", "Show e1"], "nothing has aired since")
        clock.set("2026-03-10T13:00:01Z")
        check(["3 total", "Show e2"], "episode 2 aired a second ago")
        _ = try await library.setMonitored(stored.id, monitored: false, seasonNumber: nil, episodeIds: [2])
        check(["2 total", "Show e1"], "a write starts over")
        clock.set("2026-03-11T00:00:01Z")
        check(["3 total", "Film"], "the film's digital release passed")
        clock.set("2026-03-10T12:00:00Z")
        check(["2 total", "Show e1"], "a clock moved back starts over")
    }
}
