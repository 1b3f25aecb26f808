import Foundation
import HTTPTypes
import Testing

/// The provider-facing routes where no provider is needed to judge the request: settings, input
/// checks, references, and how a provider that cannot be reached is reported. (Adding titles
/// from recorded provider answers: IdkarrMetadataTests/CatalogTests and the Python tests.)
@Suite("Titles API") struct TitlesAPITests {
    @Test func metadataSettingsNeverShowTheKey() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let initial = try await c.send(.get, "/api/v1/settings/metadata", auth: .apiKey(key))
            #expect(initial.status == .ok)
            #expect(initial.object["tmdbApiKeySet"] as? Bool == false)
            #expect(initial.object["refreshIntervalHours"] as? Int == 12)

            let saved = try await c.send(.put, "/api/v1/settings/metadata", ["tmdbApiKey": "s3cr3t-tmdb-key", "tmdbLanguage": "fr-FR"],
                                         auth: .apiKey(key))
            #expect(saved.status == .ok)
            #expect(saved.object["tmdbApiKeySet"] as? Bool == true && saved.object["tmdbLanguage"] as? String == "fr-FR")
            #expect(!saved.text.contains("s3cr3t"))
            // Absent keeps the key; other fields change.
            let kept = try await c.send(.put, "/api/v1/settings/metadata", ["refreshIntervalHours": 24], auth: .apiKey(key))
            #expect(kept.object["tmdbApiKeySet"] as? Bool == true && kept.object["refreshIntervalHours"] as? Int == 24)
            #expect(!(try await c.send(.get, "/api/v1/settings/metadata", auth: .apiKey(key))).text.contains("s3cr3t"))

            let bad = try await c.send(.put, "/api/v1/settings/metadata", ["tmdbLanguage": "French", "refreshIntervalHours": 0],
                                       auth: .apiKey(key))
            #expect(bad.status == .badRequest && bad.isProblem)
            let fields = (bad.object["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
            #expect(Set(fields) == ["tmdbLanguage", "refreshIntervalHours"])
            let cleared = try await c.send(.put, "/api/v1/settings/metadata", ["tmdbApiKey": ""], auth: .apiKey(key))
            #expect(cleared.object["tmdbApiKeySet"] as? Bool == false)
        }
    }

    @Test func lookupAndAddCheckTheirInput() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            for uri in ["/api/v1/media/lookup", "/api/v1/media/lookup?term=%20", "/api/v1/media/lookup?term=x&kind=book",
                        "/api/v1/media/lookup?term=tmdb:abc", "/api/v1/media/lookup?term=x&kind=movie"] {
                let reply = try await c.send(.get, uri, auth: .apiKey(key))
                #expect(reply.status == .badRequest && reply.isProblem, "\(uri): \(reply.status)")
            }
            let noKey = try await c.send(.get, "/api/v1/media/lookup?term=matrix&kind=movie", auth: .apiKey(key))
            #expect(noKey.text.contains("TMDB API key"))

            let movies = try await c.send(.post, "/api/v1/instances", ["name": "Movies", "mediaType": "movie"], auth: .apiKey(key))
            let moviesId = try #require(movies.object["id"] as? Int)
            let bodies: [[String: Any]] = [
                ["lookupId": "netflix:1", "instanceId": moviesId], ["lookupId": "tmdb:603", "instanceId": 999],
                ["lookupId": "tmdb:603", "instanceId": moviesId], ["lookupId": "tmdb:603", "instanceId": moviesId, "path": "relative"],
                ["lookupId": "tmdb:603", "instanceId": moviesId, "minimumAvailability": "someday"], ["instanceId": moviesId],
            ]
            for body in bodies {
                let reply = try await c.send(.post, "/api/v1/media/add", body, auth: .apiKey(key))
                #expect(reply.status == .badRequest && reply.isProblem, "\(body): \(reply.status) \(reply.text)")
            }
            #expect(try await c.send(.get, "/api/v1/media", auth: .apiKey(key)).object["totalRecords"] as? Int == 0)
        }
    }

    @Test func aMovieInTwoInstancesShowsTheOtherVersion() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            var ids: [Int] = []
            for name in ["Movies", "Movies 4K"] {
                let instance = try await c.send(.post, "/api/v1/instances", ["name": name, "mediaType": "movie"], auth: .apiKey(key))
                let instanceId = try #require(instance.object["id"] as? Int)
                let movie = try await c.send(.post, "/api/v1/media", ["instanceId": instanceId, "mediaType": "movie",
                                                                      "title": "The Matrix", "tmdbId": 603], auth: .apiKey(key))
                ids.append(try #require(movie.object["id"] as? Int))
            }
            let first = try await c.send(.get, "/api/v1/media/\(ids[0])", auth: .apiKey(key))
            let versions = try #require(first.object["otherVersions"] as? [[String: Any]])
            #expect(versions.count == 1)
            #expect(versions.first?["mediaId"] as? Int == ids[1] && versions.first?["instanceName"] as? String == "Movies 4K")
            #expect(versions.first?["hasFile"] as? Bool == false)
            let list = try await c.send(.get, "/api/v1/media", auth: .apiKey(key))
            #expect(list.records.allSatisfy { $0["otherVersions"] == nil }, "lists stay lean")
        }
    }

    @Test func importChecksItsInput() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            for uri in ["/api/v1/import/folders", "/api/v1/import/folders?rootFolderId=x"] {
                #expect(try await c.send(.get, uri, auth: .apiKey(key)).status == .badRequest, "\(uri)")
            }
            #expect(try await c.send(.get, "/api/v1/import/folders?rootFolderId=99", auth: .apiKey(key)).status == .notFound)
            let bodies: [[String: Any]] = [
                ["instanceId": 1, "rootFolderId": 1, "items": [[String: Any]]()],
                ["instanceId": 1, "rootFolderId": 1, "items": [["path": "/x", "lookupId": "tmdb:abc"]]],
                ["instanceId": 1, "items": [["path": "/x", "lookupId": "tmdb:1"]]],
            ]
            for body in bodies {
                let reply = try await c.send(.post, "/api/v1/import", body, auth: .apiKey(key))
                #expect(reply.status == .badRequest && reply.isProblem, "\(body): \(reply.status)")
            }
        }
    }

    @Test func refreshAndImagesOfTitlesWithoutProviders() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let tv = try await c.send(.post, "/api/v1/instances", ["name": "TV", "mediaType": "series"], auth: .apiKey(key))
            let tvId = try #require(tv.object["id"] as? Int)
            let made = try await c.send(.post, "/api/v1/media", ["instanceId": tvId, "mediaType": "series", "title": "Home Videos"],
                                        auth: .apiKey(key))
            let id = try #require(made.object["id"] as? Int)
            let refresh = try await c.send(.post, "/api/v1/media/\(id)/refresh", auth: .apiKey(key))
            #expect(refresh.status == .conflict && refresh.text.contains("Home Videos"))
            #expect(try await c.send(.post, "/api/v1/media/9999/refresh", auth: .apiKey(key)).status == .notFound)
            #expect(try await c.send(.get, "/api/v1/media/\(id)/image/poster", auth: .apiKey(key)).status == .notFound)
            #expect(try await c.send(.get, "/api/v1/media/\(id)/image/thumbnail", auth: .apiKey(key)).status == .notFound)
            #expect(try await c.send(.get, "/api/v1/media/\(id)/image/poster").status == .unauthorized)
            let elsewhere = try await c.send(.get, "/api/v1/images/remote?url=http%3A%2F%2F169.254.169.254%2Flatest", auth: .apiKey(key))
            #expect(elsewhere.status == .notFound, "only the providers' image hosts are fetched")
        }
    }

    @Test func anUnreachableProviderIsABadGatewayNamingIt() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let put = try await c.send(.put, "/api/v1/settings/metadata", ["tvmazeBaseURL": "http://127.0.0.1:1"], auth: .apiKey(key))
            #expect(put.status == .ok)
            let reply = try await c.send(.get, "/api/v1/media/lookup?term=girls&kind=series", auth: .apiKey(key))
            #expect(reply.status == .badGateway && reply.isProblem)
            #expect((reply.object["detail"] as? String)?.contains("TVmaze") == true)
        }
    }
}
