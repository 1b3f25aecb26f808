import IdkarrParsing
import Testing

/// The unified `ReleaseParser.parse`: episode or movie, titles or paths.
@Suite("Release parser") struct ReleaseParserTests {
    @Test func episodeTitle() {
        let r = ReleaseParser.parse("The.Series.S02E03.1080p.WEB-DL.DDP5.1.H.264-GRP")
        #expect(r.kind == .episode)
        #expect(r.seriesTitle == "The Series" && r.seasonNumber == 2 && r.episodeNumbers == [3])
        #expect(r.quality.quality == .webdl1080p && r.releaseGroup == "GRP" && r.cleanTitle == "theseries")
    }

    @Test func movieTitle() {
        let r = ReleaseParser.parse("The.Movie.from.U.N.C.L.E.2015.1080p.BluRay.x264-SPARKS")
        #expect(r.kind == .movie && r.movieTitle == "The Movie from U.N.C.L.E." && r.year == 2015)
        #expect(r.quality.quality == .bluray1080p && r.releaseGroup == "SPARKS")
    }

    /// `H.264` / `H.265` after the year is a codec, not a compact S02E64 (WEB-DL movies are named so).
    @Test(arguments: [
        ("Movie.Title.2019.720p.AMZN.WEB-DL.DDP5.1.H.264-NTG", "Movie Title", 2019),
        ("Some Movie 2021 1080p WEB-DL DD5 1 H 264-EVO", "Some Movie", 2021),
        ("The.Golden.Circle.2001.1080p.WEB.H.265-GROUP", "The Golden Circle", 2001),
        ("Arrival.2016.2160p.WEB-DL.x.265-XYZ", "Arrival", 2016),
    ])
    func codecNumbersAreNoEpisodes(_ name: String, _ title: String, _ year: Int) {
        let r = ReleaseParser.parse(name)
        #expect(r.kind == .movie && r.movieTitle == title && r.year == year, "\(r.jsonString())")
        #expect(ReleaseParser.parseEpisode(name) == nil)
    }

    /// A part number right before the year names a movie in parts; without a year it stays a
    /// mini-series episode (and Sonarr's reading, `parseEpisode`, is unchanged).
    @Test func moviesInParts() {
        let potter = ReleaseParser.parse("Harry.Potter.and.the.Deathly.Hallows.Part.2.2011.1080p.BluRay.x264-GRP")
        #expect(potter.kind == .movie && potter.movieTitle == "Harry Potter and the Deathly Hallows Part 2" && potter.year == 2011)
        let dune = ReleaseParser.parse("Dune.Part.Two.2024.1080p.WEB-DL.DDP5.1.Atmos.H.264-FLUX")
        #expect(dune.kind == .movie && dune.movieTitle == "Dune Part Two" && dune.year == 2024)
        #expect(ReleaseParser.parseEpisode("Dune.Part.Two.2024.1080p.WEB-DL.DDP5.1.Atmos.H.264-FLUX")?.episodeNumbers == [2])
        let mini = ReleaseParser.parse("Mini.Series.Part.2.720p.HDTV.x264-GRP")
        #expect(mini.kind == .episode && mini.seasonNumber == 1 && mini.episodeNumbers == [2])
        let dated = ReleaseParser.parse("Show.Name.2019.Part.2.720p.HDTV.x264-GRP")
        #expect(dated.kind == .episode && dated.episodeNumbers == [2])
    }

    @Test func pathsUseTheirFolders() {
        let season = ReleaseParser.parse("/tv/Some Series/Season 2/05 - The Title.mkv")
        #expect(season.kind == .episode && season.seasonNumber == 2 && season.episodeNumbers == [5])
        let movie = ReleaseParser.parse("/movies/Movie Name (2019)/movie.mkv")
        #expect(movie.kind == .movie && movie.movieTitle == "Movie Name" && movie.year == 2019)
        let hashed = ReleaseParser.parse("C:\\dl\\Show.Title.S01E02.720p.HDTV.x264-GRP\\abc.xyz.af6021c37f7852.mkv")
        #expect(hashed.seriesTitle == "Show Title" && hashed.episodeNumbers == [2] && hashed.releaseGroup == "GRP")
    }

    @Test func slashesInTitlesAreNotPaths() {
        let r = ReleaseParser.parse("Series Title 2010 S09E13 [MKV / H.264 / AC3/AAC / WEB / 720P]")
        #expect(r.kind == .episode && r.seasonNumber == 9 && r.episodeNumbers == [13])
        let native = ReleaseParser.parse("Справжня серія (Сезон 1-3) / True Series (Season 1-3) (2014-2019) BDRip-AVC 3xUkr/Eng")
        #expect(native.seriesTitle == "True Series" && native.isMultiSeason)
        #expect(native.languages.map(\.name) == ["Ukrainian", "English"])
    }

    @Test func animeAbsoluteAndDaily() {
        let a = ReleaseParser.parse("[SubsPlease] Series Title - 1071 (1080p) [ABCD1234].mkv")
        #expect(a.absoluteEpisodeNumbers == [1071] && a.releaseGroup == "SubsPlease" && a.releaseHash == "ABCD1234")
        let d = ReleaseParser.parse("The.Late.Show.2024.03.15.720p.WEB.h264-GRP")
        #expect(d.airDate == "2024-03-15" && d.seriesTitle == "The Late Show")
    }

    @Test func nothingIsGuessed() {
        let r = ReleaseParser.parse("just some words")
        #expect(r.kind == .unknown && r.seriesTitle == nil && r.movieTitle == nil && r.seasonNumber == nil)
        #expect(!r.jsonString().contains("seasonNumber"))
    }
}
