import Foundation
import Testing

@testable import IdkarrIndexers

/// The caps and error documents idkarr serves: `CapsReader` and `FeedReader` read them back as
/// they were.
@Suite("writing caps and errors")
struct CapsWriterTests {
    func roundTrip(_ caps: IndexerCaps) throws -> IndexerCaps {
        let written = CapsWriter.write(caps)
        #expect(WellFormed.problem(written) == nil, "\(WellFormed.problem(written) ?? "")")
        return try CapsReader.read(written)
    }

    @Test func recordedCaps() throws {
        let caps = try CapsReader.read(Fixtures.bytes("indexers/newznab/newznab_caps.xml"))
        #expect(try roundTrip(caps) == caps)
    }

    static let built = IndexerCaps(
        serverTitle: "idkarr <\"&\">", serverVersion: "1.0", maxPageSize: 500, defaultPageSize: 75,
        modes: [
            .search: .init(parameters: ["q"], parametersListed: true, searchEngine: "raw"),
            .tvSearch: .init(parameters: ["q", "season", "ep", "tvdbid", "tvmazeid", "imdbid", "rid"], parametersListed: true),
            .movieSearch: .init(parameters: ["q", "imdbid"], parametersListed: false),
            .audioSearch: .init(parameters: [], parametersListed: true),
            .bookSearch: .init(parameters: ["q", "author", "title"], parametersListed: false),
        ],
        categories: [
            .init(id: 5000, name: "TV", subcategories: [.init(id: 5070, name: "Anime"), .init(id: 5040, name: "HD & UHD")]),
            .init(id: 2000, name: "Movies", subcategories: [.init(id: 2040, name: "HD", subcategories: [.init(id: 100_001, name: "Deep")])]),
            .init(id: 8000, name: "Other <misc>"),
        ])

    @Test func capsBuiltInCode() throws {
        var expected = Self.built
        // Parameters that differ from the mode's defaults are listed, and read back as listed.
        expected.modes[.bookSearch]?.parametersListed = true
        #expect(try roundTrip(Self.built) == expected)
    }

    @Test func everyModeAlone() throws {
        for mode in IndexerCaps.Mode.allCases {
            for listed in [false, true] {
                let caps = IndexerCaps(modes: [mode: .init(parameters: Set(mode.defaultParameters), parametersListed: listed)])
                #expect(try roundTrip(caps) == caps, "\(mode) listed: \(listed)")
            }
        }
        let none = IndexerCaps(modes: [:])
        #expect(try roundTrip(none) == none)
    }

    @Test func theDocumentLooksLikeProwlarrs() {
        let text = String(decoding: CapsWriter.write(Self.built), as: UTF8.self)
        for part in [
            #"<server title="idkarr &lt;&quot;&amp;&quot;&gt;" version="1.0"/>"#, #"<limits max="500" default="75"/>"#,
            #"<search available="yes" supportedParams="q" searchEngine="raw"/>"#,
            #"<tv-search available="yes" supportedParams="q,rid,season,ep,imdbid,tvdbid,tvmazeid" searchEngine="sphinx"/>"#,
            #"<movie-search available="yes" searchEngine="sphinx"/>"#,
            #"<music-search available="yes" supportedParams="" searchEngine="sphinx"/>"#,
            #"<category id="5000" name="TV">"#, #"<subcat id="5070" name="Anime"/>"#, #"<category id="8000" name="Other &lt;misc&gt;"/>"#,
        ] {
            #expect(text.contains(part), "\(part)")
        }
        let unavailable = String(decoding: CapsWriter.write(IndexerCaps()), as: UTF8.self)
        #expect(unavailable.contains(#"<tv-search available="no"/>"#))
    }

    // MARK: error documents

    static let errors: [NewznabErrorDocument] = [
        .incorrectCredentials, .missingParameter("t"), .incorrectParameter("season", "\"x<y\" is not a whole number"),
        .noSuchFunction("frobnicate"), .functionNotAvailable("music"), .noSuchItem, .unknownError("the indexer timed out"),
        .apiDisabled,
    ]

    @Test("error documents", arguments: errors)
    func errorDocument(_ document: NewznabErrorDocument) throws {
        #expect(WellFormed.problem(document.xml) == nil)
        do {
            _ = try FeedReader.read(document.xml, dialect: .newznab, indexer: "idkarr")
            Issue.record("an error document was read as a feed")
        } catch {
            #expect(error.newznab == document)
            #expect(error.newznab?.errorCode == document.errorCode)
        }
    }

    @Test func errorCodesAreNewznabs() {
        #expect(Self.errors.map(\.code) == [100, 200, 201, 202, 203, 300, 900, 910])
        #expect(String(decoding: NewznabErrorDocument.missingParameter("q").xml, as: UTF8.self)
            == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error code=\"200\" description=\"Missing parameter (q)\"/>\n")
        #expect(NewznabErrorDocument.incorrectCredentials.errorCode == .unauthorized)
        #expect(NewznabErrorDocument.apiDisabled.meaning == "API disabled")
    }
}
