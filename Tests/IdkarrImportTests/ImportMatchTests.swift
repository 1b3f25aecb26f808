import IdkarrDomain
import IdkarrImport
import Testing

@Suite("Import: folder names and match confidence")
struct ImportMatchTests {
    struct FolderCase: Sendable, CustomTestStringConvertible {
        var name: String
        var title: String
        var year: Int?
        var ids: ExternalIds = ExternalIds()
        var testDescription: String { name }
    }

    static let folders: [FolderCase] = [
        FolderCase(name: "The Matrix (1999) {tmdb-603}", title: "The Matrix", year: 1999, ids: ExternalIds(tmdbId: 603)),
        FolderCase(name: "The Matrix (1999) [tmdbid-603]", title: "The Matrix", year: 1999, ids: ExternalIds(tmdbId: 603)),
        FolderCase(name: "The Matrix (1999) {imdb-tt0133093}", title: "The Matrix", year: 1999, ids: ExternalIds(imdbId: "tt0133093")),
        FolderCase(name: "The Matrix (1999) [imdbid-tt0133093]", title: "The Matrix", year: 1999, ids: ExternalIds(imdbId: "tt0133093")),
        FolderCase(name: "Blade Runner 2049 (2017) [tmdbid=335984]", title: "Blade Runner 2049", year: 2017, ids: ExternalIds(tmdbId: 335984)),
        FolderCase(name: "Breaking Bad (2008) [tvdbid-81189]", title: "Breaking Bad", year: 2008, ids: ExternalIds(tvdbId: 81189)),
        FolderCase(name: "Doctor Who (2005) {tvdb-78804}", title: "Doctor Who", year: 2005, ids: ExternalIds(tvdbId: 78804)),
        FolderCase(name: "The Simpsons [tvdbid-71663] {tmdb-456}", title: "The Simpsons", year: nil, ids: ExternalIds(tmdbId: 456, tvdbId: 71663)),
        FolderCase(name: "Under the Dome (2013) (tvmaze-1)", title: "Under the Dome", year: 2013, ids: ExternalIds(tvmazeId: 1)),
        // From movies.json (Radarr's parser tests).
        FolderCase(name: "Movie Name (2016) {tmdb-43074}", title: "Movie Name", year: 2016, ids: ExternalIds(tmdbId: 43074)),
        FolderCase(name: "Movie Name (2016) [tmdb-43074]", title: "Movie Name", year: 2016, ids: ExternalIds(tmdbId: 43074)),
        FolderCase(name: "Star Wars (1977) {edition-Special Edition} {tmdb-11}", title: "Star Wars", year: 1977, ids: ExternalIds(tmdbId: 11)),
        FolderCase(name: "2001 A Space Odyssey (1968)", title: "2001 A Space Odyssey", year: 1968),
        FolderCase(name: "Amélie (2001)", title: "Amélie", year: 2001),
        FolderCase(name: "Kimi no Na wa. (2016)", title: "Kimi no Na wa", year: 2016),
        FolderCase(name: "Doctor Who", title: "Doctor Who", year: nil),
        FolderCase(name: "/tv/The Office (US)/", title: "The Office (US)", year: nil),
        FolderCase(name: "Breaking.Bad.S01-S05.1080p.BluRay.x264-GROUP", title: "Breaking Bad", year: nil),
        FolderCase(name: "[tmdbid-603]", title: "", year: nil, ids: ExternalIds(tmdbId: 603)),
        FolderCase(name: "Fake (2010) {tmdb-abc} [imdb-xyz]", title: "Fake", year: 2010),
    ]

    @Test(arguments: folders)
    func readsFolderNames(_ c: FolderCase) {
        let read = ImportFolderName.read(c.name)
        #expect(read.title == c.title)
        #expect(read.year == c.year)
        #expect(read.ids == c.ids)
    }

    static let matrix = ImportCandidate(title: "The Matrix", year: 1999, ids: ExternalIds(tmdbId: 603, imdbId: "tt0133093"))

    @Test func idMatchIsCertainAndContradictionRulesOut() {
        #expect(ImportMatch.confidence(folder: .read("The Matrix (1999) {tmdb-603}"), candidate: Self.matrix) == 1)
        #expect(ImportMatch.confidence(folder: .read("Matrix [imdbid-tt0133093]"), candidate: Self.matrix) == 1)
        #expect(ImportMatch.confidence(folder: .read("The Matrix (1999) {tmdb-604}"), candidate: Self.matrix) == 0)
        // An id the candidate does not carry is neither evidence for nor against.
        let byTitle = ImportMatch.confidence(folder: .read("The Matrix (1999) {tvdb-1}"), candidate: Self.matrix)
        #expect(byTitle == ImportMatch.confidence(folder: .read("The Matrix (1999)"), candidate: Self.matrix))
    }

    struct ScoreCase: Sendable, CustomTestStringConvertible {
        var folder: String
        var title: String
        var year: Int?
        var alternates: [String] = []
        var range: ClosedRange<Double>
        var testDescription: String { "\(folder) ~ \(title) (\(year.map(String.init) ?? "?"))" }
    }

    static let scores: [ScoreCase] = [
        ScoreCase(folder: "The Matrix (1999)", title: "The Matrix", year: 1999, range: 0.95...0.95),
        ScoreCase(folder: "Amelie (2001)", title: "Amélie", year: 2001, range: 0.95...0.95),
        ScoreCase(folder: "Le Fabuleux Destin d'Amelie Poulain (2001)", title: "Amélie", year: 2001,
                  alternates: ["Le Fabuleux Destin d'Amélie Poulain"], range: 0.93...0.94),
        ScoreCase(folder: "Doctor Who", title: "Doctor Who", year: 2005, range: 0.85...0.86),
        ScoreCase(folder: "Battlestar Galactica (2003)", title: "Battlestar Galactica", year: 2004, range: 0.80...0.81),
        ScoreCase(folder: "Doctor Who (2005)", title: "Doctor Who", year: 1963, range: 0.47...0.48),
        ScoreCase(folder: "The Office (US)", title: "The Office", year: 2005, range: 0.55...0.75),
        ScoreCase(folder: "Marvels Agents of SHIELD (2013)", title: "Marvel's Agents of S.H.I.E.L.D.", year: 2013, range: 0.95...0.95),
        ScoreCase(folder: "The Matrix (1999)", title: "The Matrix Reloaded", year: 2003, range: 0...0.3),
        ScoreCase(folder: "Breaking Bad", title: "Better Call Saul", year: 2015, range: 0...0.1),
    ]

    @Test(arguments: scores)
    func scoresTitlesAndYears(_ c: ScoreCase) {
        let score = ImportMatch.confidence(folder: .read(c.folder), candidateTitle: c.title, candidateYear: c.year,
                                           candidateIds: ExternalIds(), alternateTitles: c.alternates)
        #expect(c.range.contains(score), "\(score)")
    }

    @Test func picksTheBestCandidate() {
        let candidates = [
            ImportCandidate(title: "Doctor Who", year: 1963, ids: ExternalIds(tvdbId: 76107)),
            ImportCandidate(title: "Doctor Who", year: 2005, ids: ExternalIds(tvdbId: 78804)),
            ImportCandidate(title: "Doctor Who Confidential", year: 2005),
        ]
        let best = ImportMatch.best(folder: .read("Doctor Who (2005)"), candidates: candidates)
        #expect(best?.index == 1)
        #expect(best?.confidence == 0.95)
        #expect(ImportMatch.best(folder: .read("Doctor Who {tvdb-76107}"), candidates: candidates)?.index == 0)
        // Equal scores: the provider's order decides.
        #expect(ImportMatch.best(folder: .read("Doctor Who"), candidates: candidates)?.index == 0)
        #expect(ImportMatch.best(folder: .read("Doctor Who"), candidates: []) == nil)
    }

    @Test func confidenceStaysInRange() {
        for folder in ["", "x", "The Matrix (1999)", String(repeating: "a", count: 2000), "{tmdb-1}"] {
            for c in [Self.matrix, ImportCandidate(title: "", year: nil)] {
                let score = ImportMatch.confidence(folder: .read(folder), candidate: c)
                #expect((0...1).contains(score))
            }
        }
    }
}
