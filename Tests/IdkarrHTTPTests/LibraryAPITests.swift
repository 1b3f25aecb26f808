import Foundation
import HTTPTypes
import Testing

@Suite("Library API")
struct LibraryAPITests {
    /// A temporary folder that exists and is writable, for root folders.
    static func tempFolder(_ children: [String] = []) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("idkarr-root-\(UUID().uuidString)")
        for child in children { try FileManager.default.createDirectory(at: url.appendingPathComponent(child), withIntermediateDirectories: true) }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    @Test func instancesAndRootFolders() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let tv = try await c.send(.post, "/api/v1/instances", ["name": "TV", "mediaType": "series"], auth: .apiKey(key))
            #expect(tv.status == .created)
            let tvId = try #require(tv.object["id"] as? Int)
            #expect(try await c.send(.post, "/api/v1/instances", ["name": "tv", "mediaType": "movie"], auth: .apiKey(key)).status == .badRequest)

            let missing = try await c.send(.post, "/api/v1/rootfolders", ["path": "/no/such/folder", "instanceId": tvId], auth: .apiKey(key))
            #expect(missing.status == .badRequest)
            #expect(missing.text.contains("does not exist"))
            let relative = try await c.send(.post, "/api/v1/rootfolders", ["path": "shows", "instanceId": tvId], auth: .apiKey(key))
            #expect(relative.status == .badRequest)

            let path = try Self.tempFolder(["Breaking Bad (2008)", "The Wire"])
            let folder = try await c.send(.post, "/api/v1/rootfolders", ["path": path + "/", "instanceId": tvId], auth: .apiKey(key))
            #expect(folder.status == .created)
            #expect(folder.object["path"] as? String == path)
            #expect(folder.object["accessible"] as? Bool == true)
            #expect((folder.object["totalSpace"] as? Int ?? 0) > 0)
            let unmapped = (folder.object["unmappedFolders"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(unmapped == ["Breaking Bad (2008)", "The Wire"])

            // An instance with a root folder cannot be deleted.
            let refused = try await c.send(.delete, "/api/v1/instances/\(tvId)", auth: .apiKey(key))
            #expect(refused.status == .conflict && refused.isProblem)
            let folderId = try #require(folder.object["id"] as? Int)
            #expect(try await c.send(.delete, "/api/v1/rootfolders/\(folderId)", auth: .apiKey(key)).status == .noContent)
            #expect(try await c.send(.delete, "/api/v1/instances/\(tvId)", auth: .apiKey(key)).status == .noContent)
            #expect(try await c.send(.get, "/api/v1/instances/\(tvId)", auth: .apiKey(key)).status == .notFound)
        }
    }

    @Test func tagsAndVersions() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            #expect(try await c.send(.post, "/api/v1/tags", ["label": "Kids Shows"], auth: .apiKey(key)).status == .badRequest)
            let tag = try await c.send(.post, "/api/v1/tags", ["label": "kids"], auth: .apiKey(key))
            #expect(tag.status == .created)
            #expect(tag.headers[.eTag] == "\"1\"")
            #expect(try await c.send(.post, "/api/v1/tags", ["label": "kids"], auth: .apiKey(key)).status == .conflict)
            let id = try #require(tag.object["id"] as? Int)

            let renamed = try await c.send(.put, "/api/v1/tags/\(id)", ["label": "family"], auth: .apiKey(key), headers: [.ifMatch: "\"1\""])
            #expect(renamed.status == .ok && renamed.object["version"] as? Int == 2)
            let stale = try await c.send(.put, "/api/v1/tags/\(id)", ["label": "stale"], auth: .apiKey(key), headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .conflict)
            let now = try await c.send(.get, "/api/v1/tags/\(id)", auth: .apiKey(key))
            #expect(now.object["label"] as? String == "family")
        }
    }

    @Test func qualityDefinitionsAndProfilesAreSeeded() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let definitions = try await c.send(.get, "/api/v1/qualitydefinitions", auth: .apiKey(key))
            #expect(definitions.records.count == 31)
            let names = Set(definitions.records.compactMap { ($0["quality"] as? [String: Any])?["name"] as? String })
            #expect(names.isSuperset(of: ["SDTV", "HDTV-480p", "WEBDL-1080p", "Remux-2160p", "BR-DISK", "CAM"]))

            let first = definitions.records[1]
            let id = try #require(first["id"] as? Int)
            let bad = try await c.send(.put, "/api/v1/qualitydefinitions/\(id)", ["minSize": 50, "maxSize": 10], auth: .apiKey(key))
            #expect(bad.status == .badRequest)
            let good = try await c.send(.put, "/api/v1/qualitydefinitions/\(id)", ["minSize": 1, "preferredSize": 20, "maxSize": 30],
                                        auth: .apiKey(key))
            #expect(good.status == .ok && good.object["maxSize"] as? Double == 30)

            let profiles = try await c.send(.get, "/api/v1/qualityprofiles", auth: .apiKey(key))
            #expect(profiles.records.compactMap { $0["name"] as? String } == ["Any", "SD", "HD-720p", "HD-1080p", "HD - 720p/1080p", "Ultra-HD"])

            // A profile sent back as GET returned it is accepted (after renaming).
            var copy = profiles.records[3]
            copy["name"] = "My 1080p"
            copy.removeValue(forKey: "id")
            let created = try await c.send(.post, "/api/v1/qualityprofiles", copy, auth: .apiKey(key))
            #expect(created.status == .created)
            copy["name"] = "Bad cutoff"
            copy["cutoff"] = 25  // CAM: not allowed in this profile
            let refused = try await c.send(.post, "/api/v1/qualityprofiles", copy, auth: .apiKey(key))
            #expect(refused.status == .badRequest && refused.text.contains("cutoff"))
        }
    }

    @Test func mediaLifecycle() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let tv = try await c.send(.post, "/api/v1/instances", ["name": "TV", "mediaType": "series"], auth: .apiKey(key))
            let tvId = try #require(tv.object["id"] as? Int)
            let movies = try await c.send(.post, "/api/v1/instances", ["name": "Movies", "mediaType": "movie"], auth: .apiKey(key))
            let moviesId = try #require(movies.object["id"] as? Int)

            let minimal = try await c.send(.post, "/api/v1/media", ["instanceId": moviesId, "mediaType": "movie", "title": "The Matrix"],
                                           auth: .apiKey(key))
            #expect(minimal.status == .created)
            #expect(minimal.object["sortTitle"] as? String == "matrix")
            let wrongKind = try await c.send(.post, "/api/v1/media", ["instanceId": moviesId, "mediaType": "series", "title": "X"],
                                             auth: .apiKey(key))
            #expect(wrongKind.status == .badRequest)

            let episodes: [[String: Any]] = (1...2).flatMap { s in (1...3).map { e in
                ["seasonNumber": s, "episodeNumber": e, "title": "Episode \(e)", "airDate": "2020-0\(s)-0\(e)"] } }
            let series = try await c.send(.post, "/api/v1/media", [
                "instanceId": tvId, "mediaType": "series", "title": "Ålesund Stories", "year": 2020, "tvdbId": 1234,
                "alternateTitles": ["Aalesund"], "episodes": episodes,
            ], auth: .apiKey(key))
            #expect(series.status == .created)
            let id = try #require(series.object["id"] as? Int)
            #expect((series.object["seasons"] as? [[String: Any]])?.count == 2)
            #expect((series.object["statistics"] as? [String: Any])?["episodeCount"] as? Int == 6)

            // Search folds case and accents, and covers alternate titles.
            for term in ["alesund", "AALESUND", "alesund+stories", "%C3%85lesund%20Stories"] {
                let found = try await c.send(.get, "/api/v1/media?search=\(term)", auth: .apiKey(key))
                #expect(found.records.compactMap { $0["id"] as? Int } == [id], "search \(term)")
                #expect(found.records.first?["episodes"] == nil)
            }
            let byType = try await c.send(.get, "/api/v1/media?mediaType=movie", auth: .apiKey(key))
            #expect(byType.object["totalRecords"] as? Int == 1)

            // Monitor a season: the season and its episodes follow.
            let off = try await c.send(.put, "/api/v1/media/\(id)/monitor", ["seasonNumber": 1, "monitored": false], auth: .apiKey(key))
            #expect(off.status == .ok)
            let eps = try #require(off.object["episodes"] as? [[String: Any]])
            #expect(eps.filter { $0["seasonNumber"] as? Int == 1 }.allSatisfy { $0["monitored"] as? Bool == false })
            #expect(eps.filter { $0["seasonNumber"] as? Int == 2 }.allSatisfy { $0["monitored"] as? Bool == true })
            let episodeId = try #require(eps.last?["id"] as? Int)
            let one = try await c.send(.put, "/api/v1/media/\(id)/monitor", ["episodeIds": [episodeId], "monitored": false], auth: .apiKey(key))
            #expect((one.object["episodes"] as? [[String: Any]])?.last?["monitored"] as? Bool == false)
            #expect(try await c.send(.put, "/api/v1/media/\(id)/monitor", ["seasonNumber": 9, "monitored": true], auth: .apiKey(key)).status
                == .badRequest)

            // PUT accepts the resource as GET returned it, and honours If-Match.
            let current = try await c.send(.get, "/api/v1/media/\(id)", auth: .apiKey(key))
            let version = try #require(current.object["version"] as? Int)
            var edited = current.object
            edited["title"] = "Ålesund Stories (Director's Cut)"
            let put = try await c.send(.put, "/api/v1/media/\(id)", edited, auth: .apiKey(key), headers: [.ifMatch: "\"\(version)\""])
            #expect(put.status == .ok)
            #expect((put.object["episodes"] as? [[String: Any]])?.count == 6)
            #expect(put.object["version"] as? Int == version + 1)
            let stale = try await c.send(.put, "/api/v1/media/\(id)", edited, auth: .apiKey(key), headers: [.ifMatch: "\"\(version)\""])
            #expect(stale.status == .conflict && stale.isProblem)

            #expect(try await c.send(.delete, "/api/v1/media/\(id)", auth: .apiKey(key)).status == .noContent)
            #expect(try await c.send(.get, "/api/v1/media/\(id)", auth: .apiKey(key)).status == .notFound)
        }
    }

    @Test func movieAvailabilityAndSeriesOnlyFields() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let movies = try await c.send(.post, "/api/v1/instances", ["name": "Movies", "mediaType": "movie"], auth: .apiKey(key))
            let moviesId = try #require(movies.object["id"] as? Int)
            let tv = try await c.send(.post, "/api/v1/instances", ["name": "TV", "mediaType": "series"], auth: .apiKey(key))
            let tvId = try #require(tv.object["id"] as? Int)

            let movie = try await c.send(.post, "/api/v1/media", [
                "instanceId": moviesId, "mediaType": "movie", "title": "Dune: Part Two", "minimumAvailability": "released",
                "releaseDates": ["inCinemas": "2024-02-27", "digital": "2024-04-16"],
            ], auth: .apiKey(key))
            #expect(movie.status == .created)
            #expect(movie.object["minimumAvailability"] as? String == "released")
            #expect((movie.object["releaseDates"] as? [String: Any])?["digital"] as? String == "2024-04-16")

            let badDate = try await c.send(.post, "/api/v1/media", [
                "instanceId": moviesId, "mediaType": "movie", "title": "X", "releaseDates": ["inCinemas": "27/02/2024"],
            ], auth: .apiKey(key))
            #expect(badDate.status == .badRequest && badDate.isProblem)
            let seriesWithMovieField = try await c.send(.post, "/api/v1/media", [
                "instanceId": tvId, "mediaType": "series", "title": "X", "minimumAvailability": "announced",
            ], auth: .apiKey(key))
            #expect(seriesWithMovieField.status == .badRequest)
            let series = try await c.send(.post, "/api/v1/media", [
                "instanceId": tvId, "mediaType": "series", "title": "Y", "monitorNewSeasons": false,
            ], auth: .apiKey(key))
            #expect(series.status == .created && series.object["monitorNewSeasons"] as? Bool == false)
        }
    }

    @Test func listPagingAndSorting() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let movies = try await c.send(.post, "/api/v1/instances", ["name": "Movies", "mediaType": "movie"], auth: .apiKey(key))
            let moviesId = try #require(movies.object["id"] as? Int)
            let titles = ["Zodiac", "Alien", "The Birds", "Memento", "Heat"]
            for (i, title) in titles.enumerated() {
                _ = try await c.send(.post, "/api/v1/media", ["instanceId": moviesId, "mediaType": "movie", "title": title, "year": 1970 + i],
                                     auth: .apiKey(key))
            }
            let page1 = try await c.send(.get, "/api/v1/media?pageSize=2&sortKey=title", auth: .apiKey(key))
            #expect(page1.object["totalRecords"] as? Int == 5)
            #expect(page1.records.compactMap { $0["title"] as? String } == ["Alien", "The Birds"])
            let page3 = try await c.send(.get, "/api/v1/media?pageSize=2&page=3&sortKey=title", auth: .apiKey(key))
            #expect(page3.records.compactMap { $0["title"] as? String } == ["Zodiac"])
            let byYear = try await c.send(.get, "/api/v1/media?sortKey=year&sortDirection=descending&pageSize=1", auth: .apiKey(key))
            #expect(byYear.records.first?["title"] as? String == "Heat")
            for bad in ["pageSize=1001", "pageSize=0", "sortKey=rating", "sortDirection=up", "monitored=maybe", "mediaType=book", "page=x"] {
                let reply = try await c.send(.get, "/api/v1/media?\(bad)", auth: .apiKey(key))
                #expect(reply.status == .badRequest && reply.isProblem, "\(bad)")
            }
        }
    }
}

@Suite("List answers never go stale")
struct ListFreshnessTests {
    /// The list caches orders, rows and whole pages per snapshot; every kind of write must show at once.
    @Test func everyWriteShowsInTheNextList() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let movies = try await c.send(.post, "/api/v1/instances", ["name": "Movies", "mediaType": "movie"], auth: .apiKey(key))
            let moviesId = try #require(movies.object["id"] as? Int)
            var ids: [Int] = []
            for title in ["Arrival", "Blade Runner", "Contact"] {
                let made = try await c.send(.post, "/api/v1/media", ["instanceId": moviesId, "mediaType": "movie", "title": title],
                                            auth: .apiKey(key))
                ids.append(try #require(made.object["id"] as? Int))
            }
            func titles(_ query: String = "") async throws -> [String] {
                let reply = try await c.send(.get, "/api/v1/media?pageSize=10\(query)", auth: .apiKey(key))
                return reply.records.compactMap { $0["title"] as? String }
            }
            for _ in 0..<2 { #expect(try await titles() == ["Arrival", "Blade Runner", "Contact"]) }

            _ = try await c.send(.put, "/api/v1/media/\(ids[0])", ["title": "Zardoz"], auth: .apiKey(key))
            #expect(try await titles() == ["Blade Runner", "Contact", "Zardoz"])

            _ = try await c.send(.put, "/api/v1/media/\(ids[1])/monitor", ["monitored": false], auth: .apiKey(key))
            #expect(try await titles("&monitored=false") == ["Blade Runner"])
            #expect(try await titles("&monitored=true") == ["Contact", "Zardoz"])

            _ = try await c.send(.delete, "/api/v1/media/\(ids[2])", auth: .apiKey(key))
            #expect(try await titles() == ["Blade Runner", "Zardoz"])
            let made = try await c.send(.post, "/api/v1/media", ["instanceId": moviesId, "mediaType": "movie", "title": "Alien"],
                                        auth: .apiKey(key))
            #expect(made.status == .created)
            #expect(try await titles() == ["Alien", "Blade Runner", "Zardoz"])
        }
    }
}
