import Foundation
import Testing

@testable import IdkarrIndexers

/// The caps reader on the recorded caps and Sonarr's mutations of it, sizes written as text,
/// and the date forms indexers use.
@Suite("caps, sizes and dates")
struct CapsAndValuesTests {
    static let capsText = Fixtures.text("indexers/newznab/newznab_caps.xml")

    func caps(_ text: String) throws(IndexerError) -> IndexerCaps {
        try CapsReader.read(Array(text.utf8))
    }

    @Test func recordedCapsInFull() throws {
        let caps = try caps(Self.capsText)
        #expect(caps.serverVersion == "0.1")
        #expect(caps.serverTitle == nil)
        #expect(Set(caps.modes.keys) == [.search, .tvSearch, .movieSearch, .audioSearch])
        #expect(caps.modes[.tvSearch]?.parameters == ["q", "rid", "season", "ep"])
        #expect(caps.modes[.tvSearch]?.parametersListed == false)
        #expect(caps.modes[.movieSearch]?.parameters == ["q", "imdbid"])
        let tv = try #require(caps.categories.first)
        #expect(tv.name == "TV")
        #expect(tv.subcategories.first == IndexerCaps.Category(id: 5070, name: "Anime"))
        #expect(caps.allCategoryIds.count == 13)
    }

    // Sonarr's NewznabCapabilitiesProviderFixture mutations, as index.json records them.

    @Test func missingLimitsGive100() throws {
        let caps = try caps(Self.capsText.replacing("<limits", with: "<abclimits"))
        #expect(caps.defaultPageSize == 100)
        #expect(caps.maxPageSize == 100)
    }

    @Test func statedSearchEnginesAreKept() throws {
        let text = Self.capsText.replacing("<search available=\"yes\"", with: "<search available=\"yes\" searchEngine=\"raw\"")
            .replacing("<tv-search available=\"yes\"", with: "<tv-search available=\"yes\" searchEngine=\"raw2\"")
        let caps = try caps(text)
        #expect(caps.modes[.search]?.searchEngine == "raw")
        #expect(caps.modes[.tvSearch]?.searchEngine == "raw2")
        #expect(caps.modes[.movieSearch]?.searchEngine == "sphinx")
    }

    @Test func invalidXMLThrows() {
        #expect(throws: IndexerError.self) { try caps(Self.capsText.replacing("<limits", with: "<>")) }
    }

    @Test func anUnexpectedCategoryIdIsLeftOut() throws {
        let caps = try caps(Self.capsText.replacing("5030", with: "asdf"))
        #expect(caps.categories[0].subcategories.count == 7)
    }

    @Test func supportedParamsAndUnavailableModes() throws {
        let text = """
            <caps><server title="Jackett" version="1.0"/><limits max="100" default="50"/><searching>
            <search available="yes" supportedParams="q"/>
            <tv-search available="yes" supportedParams="q,season,ep,tvdbId, imdbid ,tvmazeid"/>
            <movie-search available="no" supportedParams="q,imdbid"/>
            <book-search available="yes" supportedParams="q,author,title"/></searching>
            <categories><category id="2000" name="Movies"/></categories></caps>
            """
        let caps = try caps(text)
        #expect(caps.serverTitle == "Jackett")
        #expect(caps.modes[.tvSearch]?.parameters == ["q", "season", "ep", "tvdbid", "imdbid", "tvmazeid"])
        #expect(caps.modes[.tvSearch]?.parametersListed == true)
        #expect(caps.modes[.movieSearch] == nil)
        #expect(caps.modes[.bookSearch]?.supports("author") == true)
        #expect(caps.defaultPageSize == 50)
    }

    @Test func aFeedIsNotCaps() {
        #expect(throws: IndexerError.self) { try CapsReader.read(Fixtures.bytes("indexers/torznab/torznab_tpb.xml")) }
    }

    // MARK: sizes

    @Test("sizes as text (Sonarr's BasicRssParserFixture cases)", arguments: Fixtures.sizeCases)
    func sizeText(_ row: Fixtures.SizeCase) {
        #expect((ReleaseSize.parse(row.input) ?? 0) == row.bytes)
    }

    @Test func sizeCasesAreLoaded() {
        #expect(Fixtures.sizeCases.count == 14)
    }

    // MARK: dates

    static let dates: [(String, String)] = [
        ("Mon, 27 Feb 2012 11:09:39 -0500", "2012-02-27T16:09:39Z"),
        ("Sat, 11 Apr 2015 21:34:00 -0600", "2015-04-12T03:34:00Z"),
        ("27 Feb 2012 11:09:39 +0000", "2012-02-27T11:09:39Z"),
        ("Mon, 27 Feb 12 11:09:39 GMT", "2012-02-27T11:09:39Z"),
        ("Mon, 5 Mar 2012 11:09 EST", "2012-03-05T16:09:00Z"),
        ("Monday, 27 February 2012 11:09:39 PDT", "2012-02-27T18:09:39Z"),
        ("Sat, 08 Aug 2015 14:27:16 +0100", "2015-08-08T13:27:16Z"),
        ("Tue, 29 Feb 2000 00:00:00", "2000-02-29T00:00:00Z"),
        ("2012-02-27T16:09:39Z", "2012-02-27T16:09:39Z"),
        ("2012-02-27T16:09:39.250+01:00", "2012-02-27T15:09:39Z"),
        ("2012-02-27 16:09:39", "2012-02-27T16:09:39Z"),
        ("2012/02/27 16:09:39", "2012-02-27T16:09:39Z"),
        ("2012-02-27", "2012-02-27T00:00:00Z"),
    ]

    @Test("publish dates", arguments: dates)
    func date(_ text: String, _ iso: String) throws {
        let parsed = try #require(FeedDate.parse(text))
        #expect(parsed.timeIntervalSince1970.rounded(.down) == (try Date(iso, strategy: .iso8601)).timeIntervalSince1970)
    }

    @Test("unreadable dates", arguments: ["", "yesterday", "Mon, 32 Feb 2012 11:09:39", "Mon, 27 Foo 2012 11:09:39",
                                          "Mon, 27 Feb 2012 25:09:39", "2012-13-01", "Mon, 27 Feb 2012 11:09:39 +9999",
                                          "99999999999999999999", "Mon, 27 Feb 2012"])
    func unreadableDate(_ text: String) {
        #expect(FeedDate.parse(text) == nil)
    }
}
