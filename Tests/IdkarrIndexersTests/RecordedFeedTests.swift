import Foundation
import Testing

@testable import IdkarrIndexers

/// Every document of Tests/Fixtures/indexers, read the way its upstream test reads it, against
/// the facts `index.json` records (`summaryComputedFromFile` and `testAssertions`).
@Suite("recorded feeds and caps")
struct RecordedFeedTests {
    @Test("index.json lists every fixture file", arguments: [()])
    func indexIsComplete(_: Void) {
        #expect(Fixtures.files.count == 11)
    }

    @Test("recorded facts", arguments: Fixtures.files)
    func recordedFacts(_ file: String) throws {
        let entry = Fixtures.entry(file)
        let path = String(file)
        let body = Fixtures.bytes(path)
        #expect(body.count == entry.int("bytes"))
        #expect(body.starts(with: [0xEF, 0xBB, 0xBF]) == (entry["utf8Bom"] as? Bool))
        let summary = try #require(entry.dict("summaryComputedFromFile"))
        switch entry.string("documentType") {
        case "caps": try checkCaps(body, summary, entry)
        case "error": checkError(body, summary)
        case "feed": try checkFeed(body, summary, entry)
        default: Issue.record("unknown document type in \(file)")
        }
    }

    // MARK: caps

    private func checkCaps(_ body: [UInt8], _ summary: [String: Any], _ entry: [String: Any]) throws {
        let caps = try CapsReader.read(body)
        let limits = try #require(summary.dict("limits"))
        #expect(caps.maxPageSize == limits.int("max"))
        #expect(caps.defaultPageSize == limits.int("default"))
        #expect(caps.categories.map(\.id) == (summary["categoryIds"] as? [String])?.compactMap { Int($0) })
        #expect(caps.categories.flatMap { $0.subcategories.map(\.id) } == (summary["subcatIds"] as? [String])?.compactMap { Int($0) })
        for assertion in entry["testAssertions"] as? [[String: Any]] ?? [] {
            let pageSize = try #require(assertion.dict("should_report_pagesize"))
            #expect(caps.defaultPageSize == pageSize.int("defaultPageSize"))
            #expect(caps.maxPageSize == pageSize.int("maxPageSize"))
            let engines = try #require(assertion.dict("should_use_default_searchengine_if_missing"))
            #expect(caps.modes[.search]?.searchEngine == engines.string("textSearchEngine"))
            if let tv = engines.string("tvTextSearchEngine") { #expect(caps.modes[.tvSearch]?.searchEngine == tv) }
            if let movie = engines.string("movieTextSearchEngine") { #expect(caps.modes[.movieSearch]?.searchEngine == movie) }
        }
    }

    // MARK: Newznab error document

    private func checkError(_ body: [UInt8], _ summary: [String: Any]) {
        let attributes = summary.dict("attributes") ?? [:]
        do {
            _ = try FeedReader.read(body, dialect: .newznab, indexer: "NZBgeek")
            Issue.record("an error document was read as a feed")
        } catch {
            #expect(error.code == .unauthorized)
            #expect(error.newznab?.code == attributes.int("code"))
            #expect(error.newznab?.description == attributes.string("description"))
            #expect(error.message.contains("NZBgeek"))
            #expect(error.message.contains("API key"))
        }
    }

    // MARK: feeds

    private func checkFeed(_ body: [UInt8], _ summary: [String: Any], _ entry: [String: Any]) throws {
        let assertions = entry["testAssertions"] as? [[String: Any]] ?? []
        let natural = Self.dialect(protocol: entry.string("protocol"))
        let base = assertions.compactMap { $0.string("requestUrl") }.first ?? "https://indexer.example/api"
        let feed = try FeedReader.read(body, dialect: natural, baseURL: base)
        // Read the way the fixture's own kind of indexer reads it, every item is a release.
        #expect(feed.releases.count == summary.int("itemCount"))
        #expect(feed.skipped.isEmpty, "\(feed.skipped.map(\.explanation))")
        let naturalAssertion = assertions.first { Self.dialect(parsedBy: $0.string("parsedBy")) == natural }
        let expectedTitle = naturalAssertion?.dict("firstRelease")?.string("title")
            ?? summary.string("firstItemTitle")?.trimmingCharacters(in: .whitespaces)
        #expect(feed.releases.first?.title == expectedTitle)
        for assertion in assertions {
            guard let dialect = Self.dialect(parsedBy: assertion.string("parsedBy")) else { continue }
            let read = try FeedReader.read(body, dialect: dialect, baseURL: assertion.string("requestUrl") ?? base)
            if let count = assertion.int("releaseCount") { #expect(read.releases.count == count, "\(assertion["test"] ?? "")") }
            if let first = assertion.dict("firstRelease") { try checkRelease(try #require(read.releases.first), first) }
            checkLanguages(read, assertion.dict("languagesByIndex"))
            checkFlags(read, assertion["indexerFlagsByGuid"] as? [[String: Any]])
        }
    }

    private func checkRelease(_ release: IndexerRelease, _ expected: [String: Any]) throws {
        if let title = expected.string("title") { #expect(release.title == title) }
        if let proto = expected.string("downloadProtocol") { #expect(release.downloadProtocol.rawValue == proto.lowercased()) }
        if let url = expected.string("downloadUrl") { #expect(release.downloadURL == url) }
        if let url = expected.string("infoUrl") { #expect(release.infoURL == url) }
        if let url = expected.string("commentUrl") { #expect(release.commentsURL == url) }
        if let url = expected.string("magnetUrl") { #expect(release.magnetURL == url) }
        if let date = expected.string("publishDate") {
            #expect(release.publishDate == (try Date(date, strategy: .iso8601)))
        }
        if let size = expected.int64("size") { #expect(release.size == size) }
        if let hash = expected.string("infoHash") { #expect(release.infoHash == hash) }
        // Upstream writes 0 for "no id"; here an absent id is nil.
        func id(_ key: String) -> Int? { expected.int(key).flatMap { $0 == 0 ? nil : $0 } }
        if expected["tvdbId"] != nil { #expect(release.tvdbId == id("tvdbId")) }
        if expected["tvRageId"] != nil { #expect(release.tvRageId == id("tvRageId")) }
        if expected["tmdbId"] != nil { #expect(release.tmdbId == id("tmdbId")) }
        if expected["seeders"] != nil { #expect(release.seeders == expected.int("seeders")) }
        if expected["peers"] != nil { #expect(release.peers == expected.int("peers")) }
    }

    private func checkLanguages(_ feed: Feed, _ expected: [String: Any]?) {
        for (index, languages) in expected ?? [:] {
            guard let index = Int(index), index < feed.releases.count else {
                Issue.record("no release \(index)")
                continue
            }
            #expect(feed.releases[index].languages == languages as? [String])
        }
    }

    private func checkFlags(_ feed: Feed, _ expected: [[String: Any]]?) {
        let names: [String: IndexerFlag] = ["Scene": .scene, "G_Scene": .scene, "Nuked": .nuked, "Subtitles": .subtitles]
        for row in expected ?? [] {
            let matching = feed.releases.filter { $0.guid == row.string("guid") }
            guard matching.count == 1, let release = matching.first else {
                Issue.record("expected exactly one release with guid \(row.string("guid") ?? "")")
                continue
            }
            let flags = Set((row["hasFlags"] as? [String] ?? []).compactMap { names[$0] })
            #expect(release.flags == flags, "\(release.guid)")
        }
    }

    static func dialect(protocol: String?) -> FeedDialect {
        switch `protocol` {
        case "torznab": .torznab
        case "rss": .rss
        default: .newznab
        }
    }

    static func dialect(parsedBy: String?) -> FeedDialect? {
        guard let parsedBy else { return nil }
        if parsedBy.hasPrefix("Newznab") { return .newznab }
        if parsedBy.hasPrefix("Torznab") { return .torznab }
        if parsedBy.hasPrefix("RssParser") { return .rss }
        return nil
    }
}
