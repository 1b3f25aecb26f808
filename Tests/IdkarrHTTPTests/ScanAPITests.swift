import Foundation
import HTTPTypes
import Testing

@Suite("Rescan API")
struct ScanAPITests {
    /// Writes empty files at `names` under `folder`.
    static func files(_ folder: String, _ names: [String]) throws {
        for name in names {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: url.path, contents: Data(repeating: 0, count: 64)))
        }
    }

    @Test func rescanRecordsFilesAndListsTheRest() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let tv = try await c.send(.post, "/api/v1/instances", ["name": "TV", "mediaType": "series"], auth: .apiKey(key))
            let tvId = try #require(tv.object["id"] as? Int)
            let root = try LibraryAPITests.tempFolder()
            let show = root + "/Series Title (2010)"
            try Self.files(show, [
                "Season 01/Series Title - S01E01 - Day 100 [SDTV].mkv",
                "Season 01/Series Title - [01x02-03] - Episode 2.mkv",
                "Season 03/Series.Title.S03E07.720p.HDTV.x264-DIMENSION.mkv",
                "Season 01/Series.Title.S01E02.720p.HDTV.x264-sample.mkv",
                "Season 01/Series Title - S01E01.nfo",
            ])
            let episodes = (1...3).map { ["seasonNumber": 1, "episodeNumber": $0] }
            let media = try await c.send(.post, "/api/v1/media", [
                "instanceId": tvId, "mediaType": "series", "title": "Series Title", "path": show, "episodes": episodes,
            ], auth: .apiKey(key))
            #expect(media.status == .created)
            let id = try #require(media.object["id"] as? Int)

            let scan = try await c.send(.post, "/api/v1/media/\(id)/rescan", auth: .apiKey(key))
            #expect(scan.status == .ok)
            #expect(scan.object["matched"] as? Int == 2)
            #expect(scan.object["episodesWithFiles"] as? Int == 3)
            #expect(scan.object["skipped"] as? Int == 1)
            let unmatched = try #require(scan.object["unmatched"] as? [[String: Any]])
            #expect(unmatched.map { $0["reason"] as? String } == ["no episode S03E07 in this series"])

            let got = try await c.send(.get, "/api/v1/media/\(id)", auth: .apiKey(key))
            let eps = try #require(got.object["episodes"] as? [[String: Any]])
            #expect(eps.map { $0["hasFile"] as? Bool } == [true, true, true])
            let file = try #require(eps[0]["episodeFile"] as? [String: Any])
            #expect(file["path"] as? String == show + "/Season 01/Series Title - S01E01 - Day 100 [SDTV].mkv")
            #expect((file["quality"] as? [String: Any])?["name"] as? String == "SDTV")
            #expect(got.headers[.eTag] == "\"2\"")
            let listed = try #require(got.object["unmatchedFiles"] as? [[String: Any]])
            #expect(listed.map { $0["relativePath"] as? String } == ["Season 03/Series.Title.S03E07.720p.HDTV.x264-DIMENSION.mkv"])
            #expect(got.object["lastScanned"] is String)

            // The file goes away; the next scan clears it.
            try FileManager.default.removeItem(atPath: show + "/Season 01/Series Title - S01E01 - Day 100 [SDTV].mkv")
            let again = try await c.send(.post, "/api/v1/media/\(id)/rescan", auth: .apiKey(key))
            #expect((again.object["cleared"] as? [String])?.count == 1)
            let after = try await c.send(.get, "/api/v1/media/\(id)", auth: .apiKey(key))
            #expect((after.object["episodes"] as? [[String: Any]])?.first?["hasFile"] as? Bool == false)
        }
    }

    @Test func badRescansAreProblems() async throws {
        try await TestApp.make().run { c in
            let key = try await c.adminKey()
            let tv = try await c.send(.post, "/api/v1/instances", ["name": "TV", "mediaType": "series"], auth: .apiKey(key))
            let tvId = try #require(tv.object["id"] as? Int)
            let noPath = try await c.send(.post, "/api/v1/media", ["instanceId": tvId, "mediaType": "series", "title": "A"], auth: .apiKey(key))
            let noPathId = try #require(noPath.object["id"] as? Int)
            let gone = try await c.send(.post, "/api/v1/media", [
                "instanceId": tvId, "mediaType": "series", "title": "B", "path": "/nonexistent/idkarr/B",
            ], auth: .apiKey(key))
            let goneId = try #require(gone.object["id"] as? Int)

            let unknown = try await c.send(.post, "/api/v1/media/9999/rescan", auth: .apiKey(key))
            #expect(unknown.status == .notFound && unknown.isProblem)
            let bad = try await c.send(.post, "/api/v1/media/abc/rescan", auth: .apiKey(key))
            #expect(bad.status == .notFound && bad.isProblem)
            let missingPath = try await c.send(.post, "/api/v1/media/\(noPathId)/rescan", auth: .apiKey(key))
            #expect(missingPath.status == .badRequest && missingPath.isProblem)
            let missingFolder = try await c.send(.post, "/api/v1/media/\(goneId)/rescan", auth: .apiKey(key))
            #expect(missingFolder.status == .conflict && missingFolder.isProblem)
            #expect(missingFolder.text.contains("does not exist"))
            #expect(try await c.send(.get, "/api/v1/media/\(goneId)", auth: .apiKey(key)).headers[.eTag] == "\"1\"")
            #expect(try await c.send(.post, "/api/v1/media/\(goneId)/rescan").status == .unauthorized)
        }
    }
}
