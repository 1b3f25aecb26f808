import Foundation
import IdkarrDomain
import IdkarrLibrary
import IdkarrStore
import Logging
import Testing

/// A library over a fresh temporary data folder.
func makeLibrary(at url: URL? = nil) async throws -> (Library, DataFolder, URL) {
    let folder = url ?? FileManager.default.temporaryDirectory.appendingPathComponent("idkarr-lib-\(UUID().uuidString)")
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    let data = try DataFolder.open(at: folder, logger: logger)
    return (try await Library.open(in: data, logger: logger), data, folder)
}

@Suite("Library")
struct LibraryTests {
    @Test func seedsQualitiesOnceAndKeepsEdits() async throws {
        let url: URL
        do {
            let (library, _, folder) = try await makeLibrary()
            url = folder
            #expect(library.qualityDefinitions.count == 31)
            #expect(library.qualityProfiles.count == 6)
            let first = try #require(library.qualityProfiles.all().first)
            var renamed = first.body
            renamed.name = "Mine"
            _ = try await library.updateQualityProfile(first.id, ifVersion: nil, renamed)
            try await library.deleteQualityProfile(library.qualityProfiles.all().last!.id, ifVersion: nil)
        }
        // As a new process would: the user's edits survive and nothing is seeded again.
        let library = try await reopen(url)
        #expect(library.qualityProfiles.count == 5)
        #expect(library.qualityProfiles.all().first?.body.name == "Mine")
    }

    @Test func damagedProfilesAreNotReplacedByDefaults() async throws {
        let (_, _, url) = try await makeLibrary()
        let profiles = url.appendingPathComponent("qualityprofiles")
        for file in try FileManager.default.contentsOfDirectory(atPath: profiles.path) {
            try Data("{ not json".utf8).write(to: profiles.appendingPathComponent(file))
        }
        let library = try await reopen(url)
        #expect(library.qualityProfiles.count == 0, "profiles that could not be read must not be replaced by defaults")
        let quarantine = url.appendingPathComponent(".quarantine")
        #expect(FileManager.default.fileExists(atPath: quarantine.path))
    }

    @Test func queryFiltersSortsAndPages() async throws {
        let (library, _, _) = try await makeLibrary()
        let tv = try await library.createInstance(Instance(name: "TV", mediaType: .series))
        let kids = try await library.createTag(label: "kids")
        func add(_ title: String, monitored: Bool, status: MediaStatus, tags: [Int] = [], size: Int64 = 0) async throws {
            var c = MediaChanges()
            c.instanceId = tv.id
            c.mediaType = .series
            c.title = title
            c.monitored = monitored
            c.status = status
            c.tags = tags
            c.episodes = [EpisodeChanges(seasonNumber: 1, episodeNumber: 1)]
            let made = try await library.createMedia(c)
            if size > 0 {
                _ = try await library.media.update(made.id) { (m: inout Media) in
                    m.episodes[0].episodeFile = MediaFile(path: "/tv/\(title)/e1.mkv", size: size, dateAdded: Date())
                }
            }
        }
        try await add("Bluey", monitored: true, status: .continuing, tags: [kids.id], size: 100)
        try await add("The Americans", monitored: false, status: .ended, size: 300)
        try await add("Andor", monitored: true, status: .continuing, size: 200)

        var q = MediaQuery()
        #expect(library.listMedia(q).records.map(\.body.title) == ["The Americans", "Andor", "Bluey"])
        q.monitored = true
        #expect(library.listMedia(q).records.map(\.body.title) == ["Andor", "Bluey"])
        q = MediaQuery()
        q.tags = [kids.id]
        #expect(library.listMedia(q).records.map(\.body.title) == ["Bluey"])
        q = MediaQuery()
        q.status = .ended
        #expect(library.listMedia(q).totalRecords == 1)
        q = MediaQuery()
        q.sortKey = .sizeOnDisk
        q.ascending = false
        #expect(library.listMedia(q).records.map(\.body.title) == ["The Americans", "Andor", "Bluey"])
        q.pageSize = 2
        q.page = 2
        let page = library.listMedia(q)
        #expect(page.records.map(\.body.title) == ["Bluey"] && page.totalRecords == 3)

        // Deleting a tag takes it off every title.
        try await library.deleteTag(kids.id, ifVersion: nil)
        #expect(library.media.all().allSatisfy { $0.body.tags.isEmpty })
    }

    @Test func editingEpisodesKeepsTheirFiles() async throws {
        let (library, _, _) = try await makeLibrary()
        let tv = try await library.createInstance(Instance(name: "TV", mediaType: .series))
        var c = MediaChanges()
        c.instanceId = tv.id
        c.mediaType = .series
        c.title = "Slow Horses"
        c.episodes = [EpisodeChanges(seasonNumber: 1, episodeNumber: 1), EpisodeChanges(seasonNumber: 1, episodeNumber: 2)]
        let made = try await library.createMedia(c)
        let withFile = try await library.media.update(made.id) { (m: inout Media) in
            m.episodes[1].episodeFile = MediaFile(path: "/tv/slow/s01e02.mkv", size: 42, dateAdded: Date())
        }
        var edit = MediaChanges()
        edit.episodes = withFile.body.episodes.map { e in
            var change = EpisodeChanges(id: e.id, seasonNumber: e.seasonNumber, episodeNumber: e.episodeNumber)
            change.title = "Renamed \(e.episodeNumber)"
            return change
        } + [EpisodeChanges(seasonNumber: 2, episodeNumber: 1)]
        let updated = try await library.updateMedia(made.id, ifVersion: withFile.version, edit)
        #expect(updated.body.episodes.count == 3)
        #expect(updated.body.episodes[1].episodeFile?.size == 42)
        #expect(updated.body.episodes[1].title == "Renamed 2")
        #expect(Set(updated.body.episodes.map(\.id)).count == 3)
        #expect(updated.body.seasons.map(\.seasonNumber) == [1, 2])

        // A stale version changes nothing.
        await #expect(throws: StoreError.self) { try await library.updateMedia(made.id, ifVersion: withFile.version, edit) }
        #expect(library.media.get(made.id)?.version == updated.version)
    }

    @Test func validationReportsEveryProblem() async throws {
        let (library, _, _) = try await makeLibrary()
        let movies = try await library.createInstance(Instance(name: "Movies", mediaType: .movie))
        var c = MediaChanges()
        c.instanceId = movies.id
        c.mediaType = .movie
        c.title = "Heat"
        c.year = .some(1492)
        c.qualityProfileId = .some(999)
        c.tags = [77]
        c.path = .some("relative/path")
        do {
            _ = try await library.createMedia(c)
            Issue.record("expected a validation error")
        } catch let error as ServiceError {
            #expect(error.code == .validation)
            #expect(Set(error.fieldErrors.map(\.field)) == ["year", "qualityProfileId", "tags", "path"])
        }
        #expect(library.media.count == 0)
    }
}

/// Opens the folder again as a new process would (the first `DataFolder` must be gone: it holds the lock).
func reopen(_ url: URL) async throws -> Library {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    for _ in 0..<50 {
        if let data = try? DataFolder.open(at: url, logger: logger) {
            return try await Library.open(in: data, logger: logger)
        }
        try await Task.sleep(for: .milliseconds(20))
    }
    let data = try DataFolder.open(at: url, logger: logger)
    return try await Library.open(in: data, logger: logger)
}
