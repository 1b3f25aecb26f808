import Foundation
import Testing

@testable import IdkarrIndexers

/// The feed idkarr serves to other apps: every recorded feed, read, written and read again, gives
/// the same releases; links are the caller's; hostile text stays text.
@Suite("writing feeds")
struct FeedWriterTests {
    static let feedFiles = Fixtures.files.filter { Fixtures.entry($0).string("documentType") == "feed" }

    /// A fixture read the way its own kind of indexer reads it.
    static func read(_ file: String) throws -> (feed: Feed, dialect: FeedDialect) {
        let entry = Fixtures.entry(file)
        let dialect = RecordedFeedTests.dialect(protocol: entry.string("protocol"))
        let assertions = entry["testAssertions"] as? [[String: Any]] ?? []
        let base = assertions.compactMap { $0.string("requestUrl") }.first ?? "https://indexer.example/api"
        return (try FeedReader.read(Fixtures.bytes(file), dialect: dialect, baseURL: base), dialect)
    }

    /// idkarr's proxy link, as the route will write it.
    static func proxy(_ release: IndexerRelease) -> String {
        "http://idkarr.local:7979/3/download?link=" + IndexerQuery.encode(release.downloadURL) + "&file=" + IndexerQuery.encode(release.title)
    }

    static func expectSame(_ again: [IndexerRelease], _ expected: [IndexerRelease], _ file: String) {
        #expect(again.count == expected.count, "\(file)")
        for (index, (read, want)) in zip(again, expected).enumerated() where read != want {
            Issue.record("\(file) item \(index): read back \(read)\nexpected \(want)")
        }
    }

    @Test("read, write, read again: the same releases", arguments: feedFiles)
    func roundTrip(_ file: String) throws {
        let (feed, dialect) = try Self.read(file)
        #expect(!feed.releases.isEmpty)
        let written = FeedWriter.write(feed.releases, protocol: dialect.downloadProtocol, channel: feed.channel)
        #expect(WellFormed.problem(written) == nil, "\(file): \(WellFormed.problem(written) ?? "")")
        let again = try FeedReader.read(written, dialect: dialect)
        #expect(again.skipped.isEmpty, "\(again.skipped.map(\.explanation))")
        Self.expectSame(again.releases, feed.releases, file)
        #expect(again.channel.title == feed.channel.title ?? "idkarr")
        #expect(again.channel.link == feed.channel.link)
        #expect(again.channel.language == feed.channel.language)
        #expect(again.channel.offset == feed.channel.offset ?? 0)
        #expect(again.channel.total == feed.channel.total ?? feed.releases.count)
    }

    @Test("with idkarr's proxy links", arguments: feedFiles)
    func rewrittenLinks(_ file: String) throws {
        let (feed, dialect) = try Self.read(file)
        let written = FeedWriter.write(feed.releases, protocol: dialect.downloadProtocol, link: Self.proxy)
        let again = try FeedReader.read(written, dialect: dialect)
        #expect(again.skipped.isEmpty)
        let expected = feed.releases.map { release in
            var release = release
            // A guid that was the download link (the item had none) is the written link too.
            if release.guid == release.downloadURL { release.guid = Self.proxy(release) }
            release.downloadURL = Self.proxy(release)
            return release
        }
        Self.expectSame(again.releases, expected, file)
        // The upstream download links (and the API keys in them) are not in the document.
        let text = String(decoding: written, as: UTF8.self)
        for release in feed.releases where release.downloadURL.contains("apikey") {
            #expect(!XMLEntitiesForTests.unescaped(text).contains(release.downloadURL))
        }
    }

    @Test func theDocumentLooksLikeProwlarrs() throws {
        var release = IndexerRelease(
            title: "Show.S01E02.1080p.WEB.h264-GRP", guid: "https://indexer.example/details/1", downloadProtocol: .torrent,
            downloadURL: "https://indexer.example/dl/1.torrent?passkey=k", publishDate: Date(timeIntervalSince1970: 1_426_367_442),
            size: 1_234_567)
        release.infoURL = "https://indexer.example/details/1"
        release.categories = [5040, 100_005]
        release.seeders = 10
        release.peers = 12
        release.downloadVolumeFactor = 0
        release.uploadVolumeFactor = 1
        release.imdbId = "tt0944947"
        release.flags = [.freeleech]
        var channel = ChannelInfo()
        channel.title = "idkarr: TPB"
        channel.offset = 100
        channel.total = 250
        let text = String(decoding: FeedWriter.write([release], protocol: .torrent, channel: channel), as: UTF8.self)
        for part in [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:torznab="http://torznab.com/schemas/2015/feed">"#,
            #"<torznab:response offset="100" total="250"/>"#, "<title>idkarr: TPB</title>",
            #"<guid isPermaLink="true">https://indexer.example/details/1</guid>"#,
            "<pubDate>Sat, 14 Mar 2015 21:10:42 GMT</pubDate>", "<size>1234567</size>", "<category>5040</category>",
            #"<enclosure url="https://indexer.example/dl/1.torrent?passkey=k" length="1234567" type="application/x-bittorrent"/>"#,
            #"<torznab:attr name="category" value="100005"/>"#, #"<torznab:attr name="downloadvolumefactor" value="0"/>"#,
            #"<torznab:attr name="imdb" value="0944947"/>"#, #"<torznab:attr name="imdbid" value="tt0944947"/>"#,
            #"<torznab:attr name="tag" value="freeleech"/>"#,
        ] {
            #expect(text.contains(part), "\(part)")
        }
        #expect(!text.contains("<comments>"), "the info page is the guid, a permalink")
        let usenet = String(decoding: FeedWriter.write([], protocol: .usenet), as: UTF8.self)
        #expect(usenet.contains(#"xmlns:newznab="http://www.newznab.com/DTD/2010/feeds/attributes/""#))
        #expect(usenet.contains(#"<newznab:response offset="0" total="0"/>"#))
        #expect(WellFormed.problem(Array(usenet.utf8)) == nil)
    }

    @Test func theIndependentCheckCatchesMistakes() {
        #expect(WellFormed.problem(Array("<rss><channel/></rss>".utf8)) == nil)
        for bad in ["<rss><newznab:attr/></rss>", "<rss>&</rss>", "<rss a=\"<\"/>", "<rss>\u{1}</rss>", "<rss>\u{FFFE}</rss>", "<rss>"] {
            #expect(WellFormed.problem(Array(bad.utf8)) != nil, "\(bad)")
        }
    }

    @Test func flagsWithoutFactorsMapBack() throws {
        for flags: Set<IndexerFlag> in [[.scene, .nuked, .subtitles, .internal], [.freeleech, .doubleUpload], [.halfleech]] {
            var release = IndexerRelease(
                title: "t", guid: "g", downloadProtocol: .torrent, downloadURL: "magnet:?xt=urn:btih:" + String(repeating: "ab", count: 20),
                publishDate: Date(timeIntervalSince1970: 0), size: 1)
            release.flags = flags
            let read = try FeedReader.read(FeedWriter.write([release], protocol: .torrent), dialect: .torznab)
            #expect(read.releases.first?.flags == flags)
        }
    }

    // MARK: hostile text

    static let hostile: [String] = [
        "<script>alert(1)</script>", "Tom & Jerry", "a]]>b", "\"double\" and 'single' quotes", "<![CDATA[x]]>", "<!-- c -->",
        "tab\tnew\nline\rcarriage\r\nend", "nul\u{0}bell\u{7}esc\u{1B}us\u{1F}del\u{7F}", "emoji 🎬👨‍👩‍👧 ünïcödé 日本語",
        "non-characters \u{FFFE}\u{FFFF} and BOM \u{FEFF}", "C1 \u{85}\u{9F}", "&#60;not a tag&#62;", "trailing & ampersand &",
        "&nosuchentity;", "<title>nested</title>", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 astral",
    ]

    /// What a reader of text gives back: without the characters XML cannot carry, trimmed.
    static func readable(_ text: String) -> String { XMLWriter.sanitized(text).trimmedXMLSpace }

    @Test("hostile text is written as text", arguments: hostile)
    func hostileText(_ text: String) throws {
        var release = IndexerRelease(
            title: "Title " + text, guid: "guid " + text, downloadProtocol: .usenet, downloadURL: "https://x.example/get?id=1&name=" + text,
            publishDate: Date(timeIntervalSince1970: 1_700_000_000), size: 42)
        release.poster = "poster " + text
        release.group = text
        release.season = "S " + text
        release.commentsURL = "https://x.example/c?" + text
        release.infoURL = release.commentsURL
        let written = FeedWriter.write([release], protocol: .usenet)
        #expect(WellFormed.problem(written) == nil, "\(WellFormed.problem(written) ?? "")")
        // One decoding (any XML parser) gives back the text exactly, minus what XML cannot carry.
        let item = try #require(try XMLReader.parse(written).child("channel")?.child("item"))
        #expect(item.child("title")?.text == XMLWriter.sanitized(release.title))
        #expect(item.child("guid")?.text == XMLWriter.sanitized(release.guid))
        #expect(item.child("enclosure")?.attribute("url") == XMLWriter.sanitized(release.downloadURL))
        let read = try #require(try FeedReader.read(written, dialect: .newznab).releases.first)
        // Titles are decoded a second time (Sonarr's encoded_title fixture): text with no
        // reference in it comes back exactly.
        #expect(read.title == XMLEntities.decodeAgain(Self.readable(release.title)))
        if !text.contains("&") { #expect(read.title == Self.readable(release.title)) }
        #expect(read.guid == Self.readable(release.guid))
        #expect(read.downloadURL == Self.readable(release.downloadURL))
        #expect(read.poster == Self.readable(release.poster!))
        #expect(read.group == Self.readable(text).nilIfEmpty)
        #expect(read.season == Self.readable(release.season!))
        #expect(read.commentsURL == Self.readable(release.commentsURL!))
    }

    @Test func entitiesAreEncodedOnce() {
        let text = String(decoding: FeedWriter.write([Self.titled("A &amp; B & C <D>")], protocol: .usenet), as: UTF8.self)
        #expect(text.contains("<title>A &amp;amp; B &amp; C &lt;D&gt;</title>"))
        #expect(!text.contains("&amp;amp;amp;"))
    }

    static func titled(_ title: String) -> IndexerRelease {
        IndexerRelease(title: title, guid: "g", downloadProtocol: .usenet, downloadURL: "https://x.example/1.nzb",
                       publishDate: Date(timeIntervalSince1970: 0), size: 1)
    }

    // MARK: dates

    @Test("RFC 822 dates, read back to the second",
          arguments: [0, 1_426_367_442, 951_782_400, -86_400, 4_102_444_799, 1_709_208_000.75, -2_208_988_800])
    func dates(_ seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        let text = FeedDate.format(date)
        #expect(text.hasSuffix(" GMT"))
        let read = try #require(FeedDate.parse(text))
        #expect(read.timeIntervalSince1970 == seconds.rounded(.down))
    }

    @Test func knownDates() {
        #expect(FeedDate.format(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(FeedDate.format(Date(timeIntervalSince1970: 951_782_400)) == "Tue, 29 Feb 2000 00:00:00 GMT")
        #expect(FeedDate.format(Date(timeIntervalSince1970: -1)) == "Wed, 31 Dec 1969 23:59:59 GMT")
        #expect(FeedDate.format(Date(timeIntervalSince1970: .nan)) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// The written text with the five XML entities decoded, to search it for a value as written.
enum XMLEntitiesForTests {
    static func unescaped(_ text: String) -> String {
        text.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"").replacing("&amp;", with: "&")
    }
}
