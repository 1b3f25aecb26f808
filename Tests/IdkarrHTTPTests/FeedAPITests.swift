import Foundation
import HTTPTypes
import IdkarrIndexers
import IdkarrTestSupport
import NIOCore
import Testing

/// The feed for other apps (Prowlarr's): `/{id}/api` and `/{id}/download` over the real server,
/// read back with idkarr's own Newznab reader (the Python suite reads it with an independent one).
@Suite("Feed for other apps") struct FeedAPITests {
    static let upstreamKey = "UPSTREAM0123456789abcdef"
    static let nzb = Array("<?xml version=\"1.0\"?><nzb xmlns=\"http://www.newzbin.com/DTD/2003/nzb\"></nzb>".utf8)

    /// nzb.su's recorded feed for searches; `/own` serves two items whose downloads are on this fake.
    static let route: FakeRoute = { path, query, server in
        if path.hasPrefix("/getnzb/") {
            return query["r"] == upstreamKey ? Canned(status: 200, headers: ["Content-Type": "application/x-nzb"], body: nzb) : .status(403)
        }
        guard query["apikey"] == upstreamKey else { return SearchAPITests.fixture("newznab/unauthorized.xml") }
        if query["t"] == "caps" { return SearchAPITests.fixture("newznab/newznab_caps.xml") }
        if path.hasPrefix("/tpb") { return SearchAPITests.fixture("torznab/torznab_tpb.xml") }
        if path.hasPrefix("/broken") { return .status(500, "oops") }
        if path.hasPrefix("/own") {
            let items = (1...2).map { i in
                "<item><title>Own.Show.S01E0\(i).720p.HDTV.x264-GRP</title><guid>own-\(i)</guid>"
                    + "<pubDate>Sat, 05 Dec 2026 10:00:00 +0000</pubDate><enclosure url=\"\(server.base)/getnzb/\(i).nzb?i=1&amp;r=\(upstreamKey)\" "
                    + "length=\"1000000\" type=\"application/x-nzb\"/></item>"
            }
            return .status(200, "<rss version=\"2.0\"><channel><title>own</title>\(items.joined())</channel></rss>")
        }
        return SearchAPITests.fixture("newznab/newznab_nzb_su.xml")
    }

    func add(_ c: Client, _ key: String, _ name: String, _ base: String, kind: String = "newznab") async throws -> Int {
        let made = try await c.send(.post, "/api/v1/indexers", ["name": name, "kind": kind, "baseURL": "\(base)/\(name)",
                                                                 "apiKey": Self.upstreamKey], auth: .apiKey(key))
        return try #require(made.object["id"] as? Int)
    }

    /// The path and query of an absolute link idkarr wrote.
    func local(_ link: String) -> String {
        guard let url = URL(string: link) else { return link }
        return url.path + (url.query.map { "?\($0)" } ?? "")
    }

    @Test func capsAndSearchReadBackWithOurOwnReader() async throws {
        try await FakeServer.run(contentType: "application/rss+xml", Self.route) { server in
            try await TestApp.make().run { c in
                let key = try await c.adminKey()
                let id = try await add(c, key, "nzbsu", server.base)
                let caps = try await c.send(.get, "/\(id)/api?t=caps&apikey=\(key)")
                #expect(caps.status == .ok && caps.headers[.contentType]?.hasPrefix("application/xml") == true)
                let read = try CapsReader.read(Array(caps.text.utf8))
                #expect(read.maxPageSize == 60 && read.defaultPageSize == 25)
                #expect(read.allCategoryIds.count == 13)
                #expect(Set(read.modes.keys) == [.search, .tvSearch, .movieSearch], "audio search is not served")

                let reply = try await c.send(.get, "/\(id)/api?t=tvsearch&q=White%20Collar&season=3&ep=5&cat=5040&apikey=\(key)")
                #expect(reply.status == .ok, "\(reply.text)")
                let feed = try FeedReader.read(Array(reply.text.utf8), dialect: .newznab)
                #expect(feed.releases.count == 100)
                #expect(feed.releases.first?.title == "White.Collar.S03E05.720p.HDTV.X264-DIMENSION")
                #expect(feed.releases.first?.size == 1_183_105_773)
                #expect(feed.releases.allSatisfy { $0.downloadURL.contains("/\(id)/download?apikey=\(key)&link=") })
                #expect(!reply.text.contains(Self.upstreamKey) && !reply.text.contains("nzb.su/getnzb"))
                // The search went upstream as asked.
                #expect(server.requests.contains { $0.hasPrefix("/nzbsu/api?") && $0.contains("cat=5040") && $0.contains("ep=5")
                                                   && $0.contains("q=White Collar") && $0.contains("season=3") && $0.contains("t=tvsearch") })
                let status = try await c.send(.get, "/api/v1/indexers/\(id)", auth: .apiKey(key))
                #expect((status.object["status"] as? [String: Any])?["queries"] as? Int == 1)
            }
        }
    }

    @Test func downloadsGoThroughIdkarrAndCountAsGrabs() async throws {
        try await FakeServer.run(contentType: "application/rss+xml", Self.route) { server in
            try await TestApp.make().run { c in
                let key = try await c.adminKey()
                let own = try await add(c, key, "own", server.base)
                let other = try await add(c, key, "nzbsu", server.base)
                let reply = try await c.send(.get, "/\(own)/api?t=search&q=own&apikey=\(key)")
                let feed = try FeedReader.read(Array(reply.text.utf8), dialect: .newznab)
                #expect(feed.releases.map(\.guid) == ["own-1", "own-2"])
                let link = local(feed.releases[0].downloadURL)
                let file = try await c.send(.get, link)
                #expect(file.status == .ok && Array(file.body.readableBytesView) == Self.nzb)
                #expect(file.headers[.contentType] == "application/x-nzb")
                #expect(file.headers[.contentDisposition]?.contains("Own.Show.S01E01.720p.HDTV.x264-GRP.nzb") == true)
                let status = try await c.send(.get, "/api/v1/indexers/\(own)", auth: .apiKey(key))
                #expect((status.object["status"] as? [String: Any])?["grabs"] as? Int == 1)

                // A link is good for its own indexer only, and cannot be changed.
                let elsewhere = try await c.send(.get, link.replacingOccurrences(of: "/\(own)/download", with: "/\(other)/download"))
                #expect(elsewhere.status == .badRequest && elsewhere.text.contains("code=\"201\""))
                let tampered = try await c.send(.get, link.replacingOccurrences(of: "&link=", with: "&link=A"))
                #expect(tampered.status == .badRequest)
                let noKey = try await c.send(.get, link.replacingOccurrences(of: "apikey=\(key)", with: "apikey=wrong"))
                #expect(noKey.status == .unauthorized && noKey.text.contains("code=\"100\""))
            }
        }
    }

    @Test func torznabFeedAndMagnetLinks() async throws {
        try await FakeServer.run(contentType: "application/rss+xml", Self.route) { server in
            try await TestApp.make().run { c in
                let key = try await c.adminKey()
                let id = try await add(c, key, "tpb", server.base, kind: "torznab")
                let reply = try await c.send(.get, "/\(id)/api?t=search&q=series&apikey=\(key)")
                #expect(reply.text.contains("xmlns:torznab"))
                let feed = try FeedReader.read(Array(reply.text.utf8), dialect: .torznab)
                #expect(feed.releases.count == 5)
                let first = try #require(feed.releases.first)
                #expect(first.seeders != nil && first.infoHash == "9fb267cff5ae5603f07a347676ec3bf3e35f75e1")
                // The download link goes through idkarr; the magnet itself holds no secret and stays an attribute.
                #expect(!reply.text.contains("<link>magnet:") && !reply.text.contains("url=\"magnet:"))
                #expect(first.magnetURL?.hasPrefix("magnet:?xt=urn:btih:9fb267") == true)
                let magnet = try await c.send(.get, local(first.downloadURL))
                #expect(magnet.status == .found && magnet.headers[.location]?.hasPrefix("magnet:?xt=urn:btih:9fb267") == true)
            }
        }
    }

    @Test func errorsAreNewznabDocuments() async throws {
        try await FakeServer.run(contentType: "application/rss+xml", Self.route) { server in
            try await TestApp.make().run { c in
                let key = try await c.adminKey()
                let id = try await add(c, key, "nzbsu", server.base)
                func code(_ uri: String) async throws -> (HTTPResponse.Status, Int?) {
                    let r = try await c.send(.get, uri)
                    do {
                        _ = try FeedReader.read(Array(r.text.utf8), dialect: .newznab)
                        return (r.status, nil)
                    } catch {
                        return (r.status, error.newznab?.code)
                    }
                }
                #expect(try await code("/\(id)/api?t=search&apikey=wrong") == (.unauthorized, 100))
                #expect(try await code("/\(id)/api?t=search") == (.unauthorized, 100))
                #expect(try await code("/9999/api?t=search&apikey=\(key)") == (.notFound, 300))
                #expect(try await code("/\(id)/api?apikey=\(key)") == (.badRequest, 200))
                #expect(try await code("/\(id)/api?t=bogus&apikey=\(key)") == (.badRequest, 202))
                #expect(try await code("/\(id)/api?t=music&apikey=\(key)") == (.badRequest, 203))
                #expect(try await code("/\(id)/api?t=tvsearch&season=x&q=a&apikey=\(key)") == (.badRequest, 201))
                #expect(try await code("/\(id)/download?link=nothing&apikey=\(key)") == (.badRequest, 201))
                // The API still refuses a wrong key as JSON.
                #expect(try await c.send(.get, "/api/v1/indexers?apikey=wrong").isProblem)

                let broken = try await add(c, key, "broken", server.base)
                #expect(try await code("/\(broken)/api?t=search&q=x&apikey=\(key)") == (.badGateway, 900))
                let resting = try await c.send(.get, "/\(broken)/api?t=search&q=x&apikey=\(key)")
                #expect(resting.status == .tooManyRequests && resting.headers[.retryAfter] != nil && resting.text.contains("code=\"429\""))
            }
        }
    }
}
