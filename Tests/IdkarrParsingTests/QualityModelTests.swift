import IdkarrParsing
import Testing

@Suite("Quality model") struct QualityModelTests {
    func model(_ q: Quality, version: Int = 1, real: Int = 0) -> QualityModel {
        QualityModel(quality: q, revision: Revision(version: version, real: real))
    }

    @Test func defaultOrderComparesQualitiesFirst() {
        #expect(QualityComparison.compare(model(.bluray1080p), model(.webdl1080p)) > 0)
        #expect(QualityComparison.compare(model(.hdtv720p, version: 3), model(.webdl1080p)) < 0)
        #expect(QualityComparison.isUpgrade(model(.remux2160p), over: model(.bluray2160p)))
    }

    @Test func revisionBreaksTiesAndRealOutranksVersion() {
        #expect(QualityComparison.compare(model(.webdl1080p, version: 2), model(.webdl1080p)) > 0)
        #expect(QualityComparison.compare(model(.webdl1080p, version: 1, real: 1), model(.webdl1080p, version: 2)) > 0)
        #expect(QualityComparison.compare(model(.webdl1080p), model(.webdl1080p)) == 0)
        #expect(QualityComparison.compare(model(.webdl1080p, version: 2), model(.webdl1080p), respectRevision: false) == 0)
    }

    @Test func profileOrderOverridesDefaultOrder() {
        // A profile that prefers WEBDL-1080p over Bluray-1080p.
        let order = [Quality.hdtv720p.id, Quality.bluray1080p.id, Quality.webdl1080p.id]
        #expect(QualityComparison.compare(model(.webdl1080p), model(.bluray1080p), order: order) > 0)
        // Unlisted qualities rank below every listed one.
        #expect(QualityComparison.compare(model(.remux2160p), model(.hdtv720p), order: order) < 0)
    }

    @Test func cutoff() {
        let allowed = [Quality.sdtv.id, Quality.hdtv720p.id, Quality.webdl1080p.id, Quality.bluray1080p.id]
        #expect(!QualityComparison.meetsCutoff(.hdtv720p, allowedIDs: allowed, cutoffID: Quality.webdl1080p.id))
        #expect(QualityComparison.meetsCutoff(.webdl1080p, allowedIDs: allowed, cutoffID: Quality.webdl1080p.id))
        #expect(QualityComparison.meetsCutoff(.bluray1080p, allowedIDs: allowed, cutoffID: Quality.webdl1080p.id))
        #expect(!QualityComparison.meetsCutoff(.remux2160p, allowedIDs: allowed, cutoffID: Quality.webdl1080p.id))
        let proper = Revision(version: 2)
        #expect(!QualityComparison.meetsCutoff(model(.webdl1080p), allowedIDs: allowed, cutoffID: Quality.webdl1080p.id, newer: proper))
        #expect(QualityComparison.meetsCutoff(model(.webdl1080p, version: 2), allowedIDs: allowed, cutoffID: Quality.webdl1080p.id, newer: proper))
    }

    @Test func externalSourceNames() {
        #expect(QualitySource(externalName: "Television") == .television)
        #expect(QualitySource(externalName: "Web") == .webdl)
        #expect(QualitySource(externalName: "BlurayRaw") == .bluray)
        #expect(QualitySource(externalName: "WEBRIP") == .webrip)
        #expect(QualitySource(externalName: "nonsense") == nil)
        #expect(Quality.named("Bluray-1080p Remux") == .remux1080p)
    }

    @Test func parsedQualityAndJSON() {
        let r = ReleaseParser.parse("The.Series.S01E05.REPACK.720p.HDTV.x264-GRP")
        #expect(r.kind == .episode)
        #expect(r.quality.quality == .hdtv720p)
        #expect(r.quality.revision == Revision(version: 2, real: 0, isRepack: true))
        let json = r.jsonString()
        #expect(json.contains("\"seriesTitle\":\"The Series\""))
        #expect(json.contains("\"episodeNumbers\":[5]"))
        #expect(json.contains("\"releaseGroup\":\"GRP\""))
        let m = ReleaseParser.parse("Movie (2019)/movie.mkv")
        #expect(m.kind == .movie && m.movieTitle == "Movie" && m.year == 2019)
        #expect(ReleaseParser.parse("").kind == .unknown)
        #expect(ReleaseParser.parse("a \"quoted\"\tname\u{1}").jsonString().contains("a \\\"quoted\\\"\\tname\\u0001"))
    }
}
