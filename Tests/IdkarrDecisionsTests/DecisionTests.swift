import Foundation
import IdkarrDomain
import IdkarrParsing
import Testing

@testable import IdkarrDecisions

/// Release decisions on real release names (from the Sonarr/Radarr parser fixtures and indexer feeds).
@Suite struct DecisionTests {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    /// "HD-1080p": HDTV-720p listed but not allowed, then HDTV-1080p, a WEB 1080p group, Bluray-1080p; cutoff the WEB group.
    static let profile = QualityProfile(name: "HD-1080p", upgradeAllowed: true, cutoff: 1001, items: [
        QualityProfileItem(qualityId: Quality.hdtv720p.id, allowed: false),
        QualityProfileItem(qualityId: Quality.hdtv1080p.id, allowed: true),
        QualityProfileItem(groupId: 1001, name: "WEB 1080p", allowed: true, qualityIds: [Quality.webdl1080p.id, Quality.webrip1080p.id]),
        QualityProfileItem(qualityId: Quality.bluray1080p.id, allowed: true),
    ])

    static let definitions: [Int: QualityDefinition] = Dictionary(uniqueKeysWithValues: [
        QualityDefinition(qualityId: Quality.hdtv1080p.id, title: "HDTV-1080p", weight: 1, minSize: 4, preferredSize: 15, maxSize: 60),
        QualityDefinition(qualityId: Quality.webdl1080p.id, title: "WEBDL-1080p", weight: 2, minSize: 4, preferredSize: 20, maxSize: 80),
        QualityDefinition(qualityId: Quality.bluray1080p.id, title: "Bluray-1080p", weight: 3, minSize: 4, preferredSize: 30, maxSize: 100),
    ].map { ($0.qualityId, $0) })

    static func series() -> Media {
        var m = Media(instanceId: 1, mediaType: .series, title: "The Walking Dead", added: now)
        m.runtime = 45
        for season in 1...2 {
            for number in 1...6 {
                m.episodes.append(Episode(id: m.nextEpisodeId, seasonNumber: season, episodeNumber: number))
            }
        }
        m.normalizeSeasons()
        return m
    }

    static func decide(_ release: Release, media: Media = series(), target: SearchTarget = .episodes([2]),
                       minimumSeeders: Int = 1, minimumAgeMinutes: Int = 0, retentionDays: Int? = nil,
                       blocklist: Set<String> = []) -> Decision {
        let context = DecisionContext(media: media, target: target, profile: profile, definitions: definitions, blocklist: blocklist,
                                      minimumSeeders: minimumSeeders, minimumAgeMinutes: minimumAgeMinutes,
                                      retentionDays: retentionDays, now: now)
        return DecisionMaker.decide([release], context)[0]
    }

    static func torrent(_ title: String, gb: Double = 2, seeders: Int = 50) -> Release {
        Release(title: title, guid: title, size: Int64(gb * 1_073_741_824), publishDate: now.addingTimeInterval(-86_400 * 3),
                downloadProtocol: .torrent, seeders: seeders)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let title: String
        let rejectedBy: String?
        var testDescription: String { "\(title) → \(rejectedBy ?? "accepted")" }
    }

    // Searching S01E02 of The Walking Dead, HD-1080p profile, nothing on disk.
    @Test(arguments: [
        Case(title: "The.Walking.Dead.S01E02.1080p.WEB-DL.DD5.1.H.264-Cyphanix", rejectedBy: nil),
        Case(title: "The Walking Dead S01E02 1080p HDTV x264-KILLERS", rejectedBy: nil),
        Case(title: "The.Walking.Dead.S01E02.720p.HDTV.x264-ASAP", rejectedBy: "quality"),
        Case(title: "The.Walking.Dead.S01E03.1080p.WEB-DL.DD5.1.H.264-Cyphanix", rejectedBy: "target"),
        Case(title: "The.Walking.Dead.S01.1080p.BluRay.x264-ROVERS", rejectedBy: "target"),
        Case(title: "Fear.the.Walking.Dead.S01E02.1080p.WEB-DL.DD5.1.H.264-Cyphanix", rejectedBy: "title"),
        Case(title: "The.Walking.Dead.S01E01E02.1080p.WEB-DL.DD5.1.H.264-Cyphanix", rejectedBy: nil),
    ])
    func episodeSearch(_ c: Case) {
        let d = Self.decide(Self.torrent(c.title))
        #expect(d.rejections.map(\.specification).first == c.rejectedBy, "\(d.rejections)")
    }

    @Test func aSeasonSearchTakesPacksAndEpisodesOfThatSeason() {
        let pack = Self.decide(Self.torrent("The.Walking.Dead.S02.1080p.BluRay.x264-ROVERS", gb: 20), target: .season(2))
        #expect(pack.accepted, "\(pack.rejections)")
        #expect(pack.episodeIds.count == 6)
        let other = Self.decide(Self.torrent("The.Walking.Dead.S01.1080p.BluRay.x264-ROVERS", gb: 30), target: .season(2))
        #expect(other.rejections.first?.reason.contains("Wrong season") == true)
    }

    @Test func sizeIsScaledByRuntimeAndEpisodeCount() {
        // 45 minutes × 4..60 MB/min for HDTV-1080p: 180 MB..2.6 GB for one episode.
        let tiny = Self.decide(Self.torrent("The Walking Dead S01E02 1080p HDTV x264-KILLERS", gb: 0.1))
        #expect(tiny.rejections.map(\.specification) == ["size"])
        #expect(tiny.rejections.first?.reason.contains("smaller") == true)
        let huge = Self.decide(Self.torrent("The Walking Dead S01E02 1080p HDTV x264-KILLERS", gb: 5))
        #expect(huge.rejections.first?.reason.contains("larger") == true)
        // The same 5 GB is fine for a two-episode file of WEB-DL (90 minutes × 80 MB = 7 GB max).
        let double = Self.decide(Self.torrent("The.Walking.Dead.S01E02E03.1080p.WEB-DL.DD5.1.H.264-Cyphanix", gb: 5))
        #expect(double.accepted, "\(double.rejections)")
    }

    @Test func upgradesOnlyWhenBetterAndBelowTheCutoff() {
        var media = Self.series()
        media.episodes[1].episodeFile = MediaFile(path: "/tv/twd/s01e02.mkv", size: 1, qualityId: Quality.hdtv1080p.id, dateAdded: Self.now)
        let web = Self.decide(Self.torrent("The.Walking.Dead.S01E02.1080p.WEB-DL.DD5.1.H.264-Cyphanix"), media: media)
        #expect(web.accepted, "WEB-DL beats HDTV-1080p, which is below the cutoff")
        let same = Self.decide(Self.torrent("The Walking Dead S01E02 1080p HDTV x264-KILLERS"), media: media)
        #expect(same.rejections.first?.reason.contains("Not an upgrade") == true)
        let proper = Self.decide(Self.torrent("The Walking Dead S01E02 PROPER 1080p HDTV x264-KILLERS"), media: media)
        #expect(proper.accepted, "a PROPER of the same quality replaces it")

        media.episodes[1].episodeFile?.qualityId = Quality.webrip1080p.id
        let bluray = Self.decide(Self.torrent("The.Walking.Dead.S01E02.1080p.BluRay.x264-ROVERS"), media: media)
        #expect(bluray.rejections.first?.reason.contains("cutoff") == true, "the WEB group meets the cutoff")
    }

    @Test func torrentAndUsenetRules() {
        let thin = Self.decide(Self.torrent("The Walking Dead S01E02 1080p HDTV x264-KILLERS", seeders: 0), minimumSeeders: 2)
        #expect(thin.rejections.map(\.specification) == ["seeders"] && thin.rejections[0].temporary)
        let fresh = Release(title: "The.Walking.Dead.S01E02.1080p.WEB-DL.DD5.1.H.264-Cyphanix", guid: "u1", size: 2_000_000_000,
                            publishDate: Self.now.addingTimeInterval(-120), downloadProtocol: .usenet)
        let waiting = Self.decide(fresh, minimumAgeMinutes: 30)
        #expect(waiting.rejections.map(\.specification) == ["minimumAge"] && waiting.rejections[0].temporary)
        var old = fresh
        old.publishDate = Self.now.addingTimeInterval(-86_400 * 4000)
        #expect(Self.decide(old, retentionDays: 3000).rejections.map(\.specification) == ["retention"])
        #expect(Self.decide(fresh, blocklist: ["u1"]).rejections.map(\.specification) == ["blocklist"])
    }

    @Test func moviesMatchTitleAndYear() {
        var movie = Media(instanceId: 2, mediaType: .movie, title: "The Matrix", added: Self.now)
        movie.year = 1999
        movie.runtime = 136
        let good = Self.decide(Self.torrent("The.Matrix.1999.1080p.BluRay.x264-AMIABLE", gb: 8), media: movie, target: .movie)
        #expect(good.accepted, "\(good.rejections)")
        let sequel = Self.decide(Self.torrent("The.Matrix.Reloaded.2003.1080p.BluRay.x264-AMIABLE", gb: 8), media: movie, target: .movie)
        #expect(sequel.rejections.first?.specification == "title")
        let remake = Self.decide(Self.torrent("The.Matrix.2031.1080p.BluRay.x264-FUTURE", gb: 8), media: movie, target: .movie)
        #expect(remake.rejections.first?.reason.contains("Wrong year") == true)
    }

    @Test func acceptedReleasesAreRankedQualityRevisionThenSeeders() {
        let context = DecisionContext(media: Self.series(), target: .episodes([2]), profile: Self.profile, definitions: Self.definitions, now: Self.now)
        let releases = [
            Self.torrent("The Walking Dead S01E02 1080p HDTV x264-KILLERS", seeders: 500),
            Self.torrent("The.Walking.Dead.S01E02.1080p.WEB-DL.DD5.1.H.264-Cyphanix", seeders: 5),
            Self.torrent("The.Walking.Dead.S01E02.1080p.WEB-DL.DD5.1.H.264-NTb", seeders: 80),
            Self.torrent("The.Walking.Dead.S01E02.REPACK.1080p.WEB-DL.DD5.1.H.264-NTb", seeders: 1),
            Self.torrent("The.Walking.Dead.S01E02.720p.HDTV.x264-ASAP", seeders: 900),
        ]
        let order = DecisionMaker.decide(releases, context).map { $0.release.title.split(separator: "-").last.map(String.init) ?? "" }
        #expect(order == ["NTb", "NTb", "Cyphanix", "KILLERS", "ASAP"])
        let decided = DecisionMaker.decide(releases, context)
        #expect(decided[0].release.title.contains("REPACK"), "a repack outranks the same quality")
        #expect(!decided[4].accepted)
    }

    @Test func profileRanks() {
        let p = Self.profile
        #expect(p.rank(of: Quality.webdl1080p.id) == p.rank(of: Quality.webrip1080p.id))
        #expect(p.rank(of: Quality.sdtv.id) == nil)
        #expect(!p.allows(Quality.hdtv720p.id) && p.allows(Quality.bluray1080p.id))
        #expect(p.meetsCutoff(Quality.webrip1080p.id) && p.meetsCutoff(Quality.bluray1080p.id) && !p.meetsCutoff(Quality.hdtv1080p.id))
    }
}
