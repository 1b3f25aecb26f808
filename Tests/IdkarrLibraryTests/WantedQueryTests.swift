import Foundation
import IdkarrDomain
import IdkarrLibrary
import IdkarrStore
import Testing

@Suite("Wanted query")
struct WantedQueryTests {
    static let now = Snap.utc("2026-03-10T12:00:00Z")

    static func page(_ docs: [Stored<Media>], _ q: WantedQuery, profiles: [Stored<QualityProfile>] = []) -> Page<WantedRecord> {
        WantedQuery.page(in: docs, profiles: profiles, q, now: now)
    }

    static func codes(_ page: Page<WantedRecord>) -> [String] {
        page.records.map { r in r.episodeId.map { "\(r.title) \(r.seasonNumber!)x\(r.episodeNumber!) #\($0)" } ?? r.title }
    }

    static let show = Snap.doc(1, Snap.series("Show", episodes: [
        Snap.episode(1, 1, 1, utc: "2026-03-01T02:00:00Z", file: 4),
        Snap.episode(2, 1, 2, utc: "2026-03-08T02:00:00Z"),  // missing
        Snap.episode(3, 1, 3, utc: "2026-03-15T02:00:00Z"),  // not aired yet
        Snap.episode(4, 1, 4, utc: "2026-03-09T02:00:00Z", monitored: false),
        Snap.episode(5, 1, 5, day: "2026-03-10"),  // date-only, today: aired at 00:00 UTC
        Snap.episode(6, 1, 6, day: "2026-03-11"),
        Snap.episode(7, 1, 7, utc: "2026-03-02T02:00:00Z", removed: true),
        Snap.episode(8, 0, 1, utc: "2026-02-01T02:00:00Z"),  // special, season 0 unmonitored
        Snap.episode(9, 2, 1, utc: "2026-02-02T02:00:00Z"),  // season 2 unmonitored
        Snap.episode(10, 3, 1),  // no date at all
    ], seasons: [Season(seasonNumber: 0, monitored: false), Season(seasonNumber: 1, monitored: true),
                 Season(seasonNumber: 2, monitored: false), Season(seasonNumber: 3, monitored: true)]))

    @Test func missingEpisodes() {
        let missing = Self.page([Self.show], WantedQuery(.missing))
        #expect(Self.codes(missing) == ["Show 1x5 #5", "Show 1x2 #2"], "latest first by default")
        #expect(missing.totalRecords == 2)
        var q = WantedQuery(.missing)
        q.monitored = false
        #expect(Self.codes(Self.page([Self.show], q)) == ["Show 1x4 #4", "Show 2x1 #9"],
                "unmonitored: the episode and the unmonitored season, never an unmonitored special")
    }

    @Test func monitoredSpecialsAreMissing() {
        var body = Self.show.body
        body.seasons[0].monitored = true
        let missing = Self.page([Snap.doc(1, body)], WantedQuery(.missing))
        #expect(Self.codes(missing).last == "Show 0x1 #8")
    }

    @Test func unmonitoredSeriesIsNotMissing() {
        var body = Self.show.body
        body.monitored = false
        #expect(Self.page([Snap.doc(1, body)], WantedQuery(.missing)).totalRecords == 0)
    }

    @Test(arguments: [
        // minimum availability, status, dates, wanted?
        (MinimumAvailability.announced, MediaStatus.announced, MovieReleaseDates(), true),
        (.inCinemas, .announced, MovieReleaseDates(inCinemas: "2026-03-20"), false),
        (.inCinemas, .announced, MovieReleaseDates(inCinemas: "2026-03-01"), true),
        (.inCinemas, .inCinemas, MovieReleaseDates(), true),
        (.released, .inCinemas, MovieReleaseDates(inCinemas: "2026-03-01", digital: "2026-04-01"), false),
        (.released, .inCinemas, MovieReleaseDates(inCinemas: "2026-01-01", digital: "2026-03-09"), true),
        (.released, .inCinemas, MovieReleaseDates(physical: "2026-03-01"), true),
        (.released, .released, MovieReleaseDates(), true),
    ])
    func moviesByMinimumAvailability(minimum: MinimumAvailability, status: MediaStatus, dates: MovieReleaseDates, wanted: Bool) {
        let docs = [Snap.doc(1, Snap.movie("Film", status: status, dates: dates, minimum: minimum))]
        #expect(Self.page(docs, WantedQuery(.missing)).totalRecords == (wanted ? 1 : 0))
    }

    @Test func moviesWithFilesOrUnmonitoredAreNotMissing() {
        let docs = [
            Snap.doc(1, Snap.movie("Has File", status: .released, file: 7)),
            Snap.doc(2, Snap.movie("Unmonitored", monitored: false, status: .released)),
            Snap.doc(3, Snap.movie("Wanted", status: .released, dates: MovieReleaseDates(inCinemas: "2025-01-01", digital: "2025-04-01"))),
            Snap.doc(4, Snap.movie("No Availability Set", status: .announced)),
        ]
        let missing = Self.page(docs, WantedQuery(.missing))
        #expect(Self.codes(missing) == ["Wanted"])
        #expect(missing.records[0].date == Snap.utc("2025-04-01T00:00:00Z"), "dated by the release that made it available")
    }

    @Test func sortingAndPaging() {
        let docs = [
            Self.show,
            Snap.doc(2, Snap.series("Another", episodes: [Snap.episode(1, 1, 1, utc: "2026-03-05T00:00:00Z")])),
            Snap.doc(3, Snap.movie("Zulu", status: .released)),
        ]
        var q = WantedQuery(.missing)
        #expect(Self.codes(Self.page(docs, q)) == ["Show 1x5 #5", "Show 1x2 #2", "Another 1x1 #1", "Zulu"], "undated last")
        q.ascending = true
        #expect(Self.codes(Self.page(docs, q)) == ["Another 1x1 #1", "Show 1x2 #2", "Show 1x5 #5", "Zulu"])
        q.sortKey = .title
        #expect(Self.codes(Self.page(docs, q)) == ["Another 1x1 #1", "Show 1x2 #2", "Show 1x5 #5", "Zulu"])
        q.ascending = false
        #expect(Self.codes(Self.page(docs, q)) == ["Zulu", "Show 1x5 #5", "Show 1x2 #2", "Another 1x1 #1"])
        q.pageSize = 3
        q.page = 2
        let second = Self.page(docs, q)
        #expect(Self.codes(second) == ["Another 1x1 #1"] && second.totalRecords == 4 && second.pageSize == 3)
        q.page = 9
        #expect(Self.page(docs, q).records.isEmpty)
        q = WantedQuery(.missing)
        q.instanceId = 2
        #expect(Self.codes(Self.page(docs, q)) == ["Zulu"])
    }

    /// SDTV < [WEB 720p group] < Bluray-720p; cutoff is the WEB 720p group.
    static func profile(upgrades: Bool) -> Stored<QualityProfile> {
        let items = [
            QualityProfileItem(qualityId: 1, allowed: true),
            QualityProfileItem(groupId: 1001, name: "WEB 720p", allowed: true, qualityIds: [14, 5]),
            QualityProfileItem(qualityId: 6, allowed: true),
            QualityProfileItem(qualityId: 7, allowed: false),
        ]
        let p = QualityProfile(name: "HD", upgradeAllowed: upgrades, cutoff: 1001, items: items)
        return Stored(id: 4, version: 1, schemaVersion: 1, createdAt: Snap.epoch, updatedAt: Snap.epoch, body: p)
    }

    @Test func cutoffUnmet() {
        var show = Snap.series("Show", episodes: [
            Snap.episode(1, 1, 1, utc: "2026-03-01T02:00:00Z", file: 1),  // SDTV: below
            Snap.episode(2, 1, 2, utc: "2026-03-02T02:00:00Z", file: 14),  // WEBRip-720p: the cutoff group
            Snap.episode(3, 1, 3, utc: "2026-03-03T02:00:00Z", file: 6),  // above
            Snap.episode(4, 1, 4, utc: "2026-03-04T02:00:00Z", file: 7),  // not allowed: below
            Snap.episode(5, 1, 5, utc: "2026-03-05T02:00:00Z", file: 9),  // not in the profile: below
            Snap.episode(6, 1, 6, utc: "2026-03-06T02:00:00Z"),  // no file: missing, not cutoff
            Snap.episode(7, 1, 7, utc: "2026-03-07T02:00:00Z", monitored: false, file: 1),
            Snap.episode(8, 1, 8, utc: "2026-03-08T02:00:00Z", file: 1, removed: true),
        ])
        show.qualityProfileId = 4
        var movie = Snap.movie("Film", status: .released, file: 5)  // WEBDL-720p: meets
        movie.qualityProfileId = 4
        var cam = Snap.movie("Cam Copy", status: .released, file: 25)
        cam.qualityProfileId = 4
        let docs = [Snap.doc(1, show), Snap.doc(2, movie), Snap.doc(3, cam)]
        var q = WantedQuery(.cutoffUnmet)
        q.sortKey = .title
        q.ascending = true
        let page = Self.page(docs, q, profiles: [Self.profile(upgrades: true)])
        #expect(Self.codes(page) == ["Cam Copy", "Show 1x1 #1", "Show 1x4 #4", "Show 1x5 #5"])
        #expect(page.records[1].qualityId == 1)
        #expect(Self.page(docs, q, profiles: [Self.profile(upgrades: false)]).totalRecords == 0, "no upgrades, no cutoff to meet")
        #expect(Self.page(docs, q, profiles: []).totalRecords == 0, "a title without a known profile is never below a cutoff")
    }
}
