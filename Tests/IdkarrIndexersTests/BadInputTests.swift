import Foundation
import Testing

@testable import IdkarrIndexers

/// Hostile and broken answers: each is a clear error for the indexer or a skipped item with a
/// reason, never a crash and never a silent loss.
@Suite("bad input")
struct BadInputTests {
    struct BadDocument: Sendable, CustomTestStringConvertible {
        let name: String
        let body: [UInt8]
        let code: IndexerError.Code
        /// Words the message must hold.
        let says: String
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ code: IndexerError.Code, says: String) {
            self.init(name, Array(text.utf8), code, says: says)
        }

        init(_ name: String, _ body: [UInt8], _ code: IndexerError.Code, says: String) {
            self.name = name
            self.body = body
            self.code = code
            self.says = says
        }
    }

    static let documents: [BadDocument] = [
        BadDocument("empty body", "", .badResponse, says: "empty answer"),
        BadDocument("only white space", " \n\t ", .badResponse, says: "empty answer"),
        BadDocument("only a BOM", [0xEF, 0xBB, 0xBF], .badResponse, says: "empty answer"),
        BadDocument("HTML login page", "<!DOCTYPE html><html><head><title>Login</title></head><body><form></body></html>",
                    .notAnIndexer, says: "HTML page"),
        BadDocument("HTML without doctype", "\n<html lang=en><body><p>Bad gateway<br></body></html>", .notAnIndexer, says: "HTML page"),
        BadDocument("well-formed XHTML", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"/>", .notAnIndexer,
                    says: "HTML page"),
        BadDocument("JSON", "{\"error\": \"invalid api key\"}", .notAnIndexer, says: "JSON"),
        BadDocument("plain text", "Forbidden", .notAnIndexer, says: "plain text"),
        BadDocument("another XML root", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", .notAnIndexer,
                    says: "<feed>"),
        BadDocument("caps where a feed was expected", Fixtures.text("indexers/newznab/newznab_caps.xml"), .notAnIndexer, says: "<caps>"),
        BadDocument("truncated feed", String(Fixtures.text("indexers/torznab/torznab_tpb.xml").prefix(3000)), .badResponse,
                    says: "truncated"),
        BadDocument("mismatched tags", "<rss><channel></rss>", .badResponse, says: "</rss> closes <channel>"),
        BadDocument("RSS without a channel", "<rss version=\"2.0\"></rss>", .badResponse, says: "<channel>"),
        BadDocument("DTD with entities (billion laughs)",
                    "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]><rss>&lol2;</rss>",
                    .badResponse, says: "internal subset"),
        BadDocument("UTF-16", [0xFF, 0xFE, 0x3C, 0x00, 0x72, 0x00], .badResponse, says: "UTF-16"),
        BadDocument("unquoted attribute", "<rss version=2.0><channel/></rss>", .badResponse, says: "not quoted"),
        BadDocument("deep nesting", String(repeating: "<a>", count: 10_000), .badResponse, says: "deeper than"),
        BadDocument("Newznab error 100", "<error code=\"100\" description=\"Incorrect user credentials\"/>", .unauthorized,
                    says: "Newznab error 100"),
        BadDocument("Newznab error 101", "<error code=\"101\" description=\"Account suspended\"/>", .unauthorized, says: "suspended"),
        BadDocument("Newznab error 201", "<error code=\"201\" description=\"Incorrect parameter (cat)\"/>", .badRequest,
                    says: "Incorrect parameter (cat)"),
        BadDocument("Newznab error 203", "<error code=\"203\" description=\"Function not available\"/>", .badRequest,
                    says: "function not available"),
        BadDocument("Newznab error 300", "<error code=\"300\" description=\"No such item\"/>", .notFound, says: "no such item"),
        BadDocument("Newznab error 429", "<error code=\"429\" description=\"Request limit reached\"/>", .rateLimited(retryAfter: nil),
                    says: "request limit"),
        BadDocument("Newznab error 500", "<error code=\"500\" description=\"Request limit reached\"/>", .rateLimited(retryAfter: nil),
                    says: "request limit"),
        BadDocument("Newznab error 900", "<error code=\"900\" description=\"Unknown error\"/>", .unavailable, says: "unknown error"),
        BadDocument("Newznab error 910", "<error code=\"910\" description=\"API disabled\"/>", .unavailable, says: "API disabled"),
        BadDocument("Newznab error without code", "<error description=\"Something broke\"/>", .unavailable, says: "Something broke"),
    ]

    @Test("a bad document is a clear error", arguments: documents)
    func badDocument(_ document: BadDocument) {
        do {
            let feed = try FeedReader.read(document.body, dialect: .newznab, indexer: "NZBgeek")
            Issue.record("read as a feed with \(feed.releases.count) releases")
        } catch {
            #expect(error.code == document.code)
            #expect(error.message.contains(document.says), "\(error.message)")
            #expect(error.message.contains("NZBgeek"))
        }
    }

    @Test func anAnswerOverTheLimitIsRefusedBeforeParsing() {
        let body = Fixtures.bytes("indexers/newznab/newznab_nzb_su.xml")
        #expect(throws: IndexerError.self) { try FeedReader.read(body, dialect: .newznab, maxBytes: 10_000) }
        do {
            _ = try FeedReader.read(body, dialect: .newznab, maxBytes: 10_000)
        } catch {
            #expect(error.code == .tooLarge)
            #expect(error.message.contains("95914 bytes"))
        }
        #expect(FeedReader.defaultMaxBytes == 10 * 1024 * 1024)
    }

    @Test func anAPIKeyInAMessageIsMasked() {
        let body = Array("<error code=\"100\" description=\"Incorrect user credentials for apikey=0123456789abcdef\"/>".utf8)
        do {
            _ = try FeedReader.read(body, dialect: .newznab)
        } catch {
            #expect(!error.message.contains("0123456789abcdef"))
            #expect(error.newznab?.code == 100)
        }
    }

    // MARK: items

    struct BadItem: Sendable, CustomTestStringConvertible {
        let name: String
        let item: String
        let dialect: FeedDialect
        let reason: SkippedItem.Reason
        var testDescription: String { name }
    }

    static let good = "<pubDate>Sat, 14 Mar 2015 17:10:42 -0400</pubDate><size>1000</size>"

    static let items: [BadItem] = [
        BadItem(name: "no title", item: "<link>http://x/1.nzb</link>\(good)", dialect: .newznab, reason: .missingTitle),
        BadItem(name: "blank title", item: "<title>  </title><link>http://x/1.nzb</link>\(good)", dialect: .newznab, reason: .missingTitle),
        BadItem(name: "no link", item: "<title>A.S01E01</title>\(good)", dialect: .newznab, reason: .missingDownloadLink),
        BadItem(name: "relative link without a base", item: "<title>A.S01E01</title><link>getnzb/1.nzb</link>\(good)", dialect: .newznab,
                reason: .missingDownloadLink),
        BadItem(name: "torrent-only item read as Newznab",
                item: "<title>A.S01E01</title><enclosure url=\"http://x/1.torrent\" type=\"application/x-bittorrent\" length=\"5\"/>\(good)",
                dialect: .newznab, reason: .wrongProtocol),
        BadItem(name: "NZB-only item read as Torznab",
                item: "<title>A.S01E01</title><enclosure url=\"http://x/1.nzb\" type=\"application/x-nzb\" length=\"5\"/>\(good)",
                dialect: .torznab, reason: .wrongProtocol),
        BadItem(name: "no date", item: "<title>A.S01E01</title><link>http://x/1.nzb</link><size>1000</size>", dialect: .newznab,
                reason: .missingPublishDate),
        BadItem(name: "unreadable date", item: "<title>A.S01E01</title><link>http://x/1.nzb</link><pubDate>yesterday</pubDate><size>9</size>",
                dialect: .newznab, reason: .unreadablePublishDate("yesterday")),
        BadItem(name: "no size", item: "<title>A.S01E01</title><link>http://x/1.nzb</link><pubDate>Sat, 14 Mar 2015 17:10:42 GMT</pubDate>",
                dialect: .newznab, reason: .missingSize),
        BadItem(name: "zero enclosure length only",
                item: "<title>A</title><enclosure url=\"http://x/1.nzb\" type=\"application/x-nzb\" length=\"0\"/>"
                    + "<pubDate>Sat, 14 Mar 2015 17:10:42 GMT</pubDate>",
                dialect: .newznab, reason: .missingSize),
    ]

    @Test("a bad item is skipped with its reason, the others are kept", arguments: items)
    func badItem(_ bad: BadItem) throws {
        let goodItem = "<item><title>Good.S01E01</title><link>http://x/good.nzb</link>\(Self.good)</item>"
        let body = "<rss><channel>\(goodItem)<item>\(bad.item)</item>\(goodItem)</channel></rss>"
        let feed = try FeedReader.read(Array(body.utf8), dialect: bad.dialect)
        #expect(feed.releases.map(\.title) == ["Good.S01E01", "Good.S01E01"])
        #expect(feed.skipped.map(\.reason) == [bad.reason])
        #expect(feed.skipped.first?.index == 1)
        #expect(feed.skipped.first?.explanation.isEmpty == false)
    }

    @Test func aMagnetOnlyTorznabItemIsARelease() throws {
        let magnet = "magnet:?xt=urn:btih:9FB267CFF5AE5603F07A347676EC3BF3E35F75E1&amp;dn=Show"
        let body = """
            <rss xmlns:torznab="http://torznab.com/schemas/2015/feed"><channel><item><title>Show.S01E01</title>
            <pubDate>Sat, 11 Apr 2015 21:34:00 -0600</pubDate><size>388895872</size>
            <torznab:attr name="magneturl" value="\(magnet)"/><torznab:attr name="seeders" value="3"/>
            <torznab:attr name="leechers" value="4"/></item></channel></rss>
            """
        let release = try #require(try FeedReader.read(Array(body.utf8), dialect: .torznab).releases.first)
        #expect(release.downloadURL == "magnet:?xt=urn:btih:9FB267CFF5AE5603F07A347676EC3BF3E35F75E1&dn=Show")
        #expect(release.magnetURL == release.downloadURL)
        #expect(release.infoHash == "9fb267cff5ae5603f07a347676ec3bf3e35f75e1")
        #expect(release.guid == release.downloadURL)
        #expect(release.seeders == 3)
        #expect(release.leechers == 4)
        #expect(release.peers == 7)
        #expect(release.downloadProtocol == .torrent)
    }

    @Test func relativeLinksAreResolvedAgainstTheAnswersURL() throws {
        let body = Fixtures.bytes("indexers/rss/relative_urls.xml")
        let feed = try FeedReader.read(body, dialect: .newznab, baseURL: "https://my.indexer.com/sub/api?t=search")
        let release = try #require(feed.releases.first)
        #expect(release.downloadURL == "https://my.indexer.com/sub/getnzb/123.nzb&i=123&r=123")
        #expect(release.commentsURL == "https://my.indexer.com/sub/details/123#comments")
        #expect(release.infoURL == "https://my.indexer.com/sub/details/123")
        #expect(release.title == "Real.Time.With.Bill.Maher.2015.08.07.720p.HDTV.x264-BATV")
    }

    @Test func doubleEncodedEntitiesAreDecoded() throws {
        let body = "<rss><channel><item><title>It&amp;#39;s.&amp;amp;.&amp;lt;Show&amp;gt;.S01E01 &amp;nbsp;x</title>"
            + "<link>http://x/1</link>\(Self.good)</item></channel></rss>"
        let release = try #require(try FeedReader.read(Array(body.utf8), dialect: .rss).releases.first)
        #expect(release.title == "It's.&.<Show>.S01E01 \u{A0}x")
    }

    @Test func aBareAmpersandAndUnknownEntitiesAreKeptAsWritten() throws {
        let body = "<rss><channel><item><title>Tom & Jerry &bogus; &#xZZ; &#0; S01E01</title>"
            + "<link>http://x/1?a=1&b=2</link>\(Self.good)</item></channel></rss>"
        let release = try #require(try FeedReader.read(Array(body.utf8), dialect: .rss).releases.first)
        #expect(release.title == "Tom & Jerry &bogus; &#xZZ; \u{FFFD} S01E01")
        #expect(release.downloadURL == "http://x/1?a=1&b=2")
    }

    @Test func cdataCommentsAndBOMAreRead() throws {
        let body = [0xEF, 0xBB, 0xBF] + Array(("<?xml version=\"1.0\"?>\n<!-- generated -->\n<!DOCTYPE rss>\n<rss><channel>"
            + "<item><title><![CDATA[A & B <S01E01>]]></title><!-- c --><link>http://x/1</link>\(Self.good)</item>"
            + "</channel></rss>\n<!-- trailer -->\n").utf8)
        let release = try #require(try FeedReader.read(body, dialect: .rss).releases.first)
        #expect(release.title == "A & B <S01E01>")
    }
}
