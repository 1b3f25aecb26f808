import Foundation
import Testing
@testable import IdkarrStore

@Suite struct StoreBasicsTests {
    @Test func createGetUpdateDelete() async throws {
        let tmp = TempFolder()
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let notes = try await folder.collection(Note.self)
        #expect(notes.count == 0)

        let a = try await notes.create(Note(title: "a"))
        let b = try await notes.create(Note(title: "b"))
        #expect(a.id == 1 && b.id == 2)
        #expect(a.version == 1 && a.schemaVersion == 1 && a.createdAt == a.updatedAt)
        #expect(notes.get(1)?.body.title == "a")
        #expect(notes.all().map(\.id) == [1, 2])

        let a2 = try await notes.update(1, ifVersion: 1, Note(title: "a2"))
        #expect(a2.version == 2 && a2.createdAt == a.createdAt && a2.updatedAt >= a.updatedAt)
        let a3 = try await notes.update(1) { $0.counter += 5 }
        #expect(a3.version == 3 && a3.body == Note(title: "a2", counter: 5))
        #expect(notes.get(1)?.version == 3)

        try await notes.delete(2, ifVersion: 1)
        #expect(notes.get(2) == nil)
        #expect(notes.count == 1)
        #expect(!tmp.exists("notes/2.json"))
        let c = try await notes.create(Note(title: "c"))
        #expect(c.id == 3, "ids are not reused within a run")
    }

    @Test func errorsAreData() async throws {
        let tmp = TempFolder()
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let notes = try await folder.collection(Note.self)
        _ = try await notes.create(Note(title: "a"))
        _ = try await notes.update(1, Note(title: "b"))

        let stale = await #expect(throws: StoreError.self) { try await notes.update(1, ifVersion: 1, Note(title: "x")) }
        #expect(stale?.code == .conflict(current: 2))
        #expect(notes.get(1)?.body.title == "b")
        #expect(try tmp.read("notes/1.json").contains("\"title\":\"b\""))

        let staleDelete = await #expect(throws: StoreError.self) { try await notes.delete(1, ifVersion: 7) }
        #expect(staleDelete?.code == .conflict(current: 2))
        #expect(notes.get(1) != nil)

        let missing = await #expect(throws: StoreError.self) { try await notes.update(9, Note(title: "x")) }
        #expect(missing?.code == .notFound)
        let missingDelete = await #expect(throws: StoreError.self) { try await notes.delete(9) }
        #expect(missingDelete?.code == .notFound)
    }

    @Test func envelopeOnDisk() async throws {
        let tmp = TempFolder()
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let notes = try await folder.collection(Note.self)
        let doc = try await notes.create(Note(title: "hello \"quoted\" / slash", tags: ["x"]))
        _ = try await notes.update(doc.id) { $0.counter = 1 }

        let object = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: tmp.file("notes/1.json"))) as? [String: Any])
        #expect(object["id"] as? Int == 1)
        #expect(object["version"] as? Int == 2)
        #expect(object["schemaVersion"] as? Int == 1)
        let created = try #require(object["createdAt"] as? String)
        #expect(ISODate.parse(created) == doc.createdAt)
        #expect(created.hasSuffix("Z") && created.count == 24)
        #expect(object["updatedAt"] is String)
        let body = try #require(object["body"] as? [String: Any])
        #expect(body["title"] as? String == "hello \"quoted\" / slash")
        #expect(body["counter"] as? Int == 1)
    }

    @Test func filesAreMode0600() async throws {
        let tmp = TempFolder()
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let notes = try await folder.collection(Note.self)
        _ = try await notes.create(Note(title: "secret"))
        _ = try await notes.update(1) { $0.title = "still secret" }
        try await folder.appendLog("audit").append(["event": "x"])
        let doc = try FileManager.default.attributesOfItem(atPath: tmp.file("notes/1.json").path)
        #expect((doc[.posixPermissions] as? Int) == 0o600)
        let log = try FileManager.default.attributesOfItem(atPath: tmp.file("logs/audit/\(AppendLog.segmentName(Date()))").path)
        #expect((log[.posixPermissions] as? Int) == 0o600)
    }

    @Test func reloadEqualsWhatWasWritten() async throws {
        let tmp = TempFolder()
        var written: [Stored<Show>] = []
        do {
            let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
            let shows = try await folder.collection(Show.self)
            for i in 0..<20 {
                var episodes: [Episode] = []
                for n in 1...5 {
                    let air: Date? = n % 2 == 0 ? Date(timeIntervalSince1970: 1_700_000_000.123 + Double(n)) : nil
                    let title = "Épisode \(n) — \"\(i)\"\n\t😀"
                    episodes.append(Episode(number: n, title: title, airDate: air, monitored: n % 3 == 0, rating: Double(n) / 3))
                }
                _ = try await shows.create(Show(title: "Show \(i)", tvdbID: i % 2 == 0 ? i * 1000 : nil,
                                                url: URL(string: "https://example.org/\(i)?a=b"), secret: Data([UInt8(i), 0, 255]),
                                                episodes: episodes, extra: ["k\(i)": i, "neg": -i]))
            }
            _ = try await shows.update(3) { $0.title = "renamed" }
            try await shows.delete(5)
            written = shows.all()
        }
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let shows = try await folder.collection(Show.self)
        let reloaded = shows.all()
        #expect(reloaded.count == 19)
        #expect(reloaded == written)
        // Dates in bodies survive at millisecond precision.
        #expect(reloaded[0].body.episodes[1].airDate == Date(timeIntervalSince1970: 1_700_000_002.123))
        let next = try await shows.create(Show(title: "n", secret: Data(), episodes: [], extra: [:]))
        #expect(next.id == 21)
    }

    @Test func sameInstanceAndLaterIndexes() async throws {
        let tmp = TempFolder()
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let first = try await folder.collection(Note.self)
        _ = try await first.create(Note(title: "a", tags: ["x"]))
        let second = try await folder.collection(Note.self, indexes: [SecondaryIndex("tag") { $0.tags }])
        #expect(first === second)
        #expect(first.lookup("tag", "x") == [1])
    }

    @Test func secondaryIndexesFollowWrites() async throws {
        let tmp = TempFolder()
        let byTag = SecondaryIndex<Note>("tag") { $0.tags }
        let byTitle = SecondaryIndex<Note>("title") { [$0.title.lowercased()] }
        do {
            let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
            let notes = try await folder.collection(Note.self, indexes: [byTag, byTitle])
            _ = try await notes.create(Note(title: "A", tags: ["red", "blue"]))
            _ = try await notes.create(Note(title: "B", tags: ["red"]))
            _ = try await notes.create(Note(title: "C", tags: ["green", "green"]))
            #expect(notes.lookup("tag", "red") == [1, 2])
            #expect(notes.lookup("tag", "green") == [3])

            _ = try await notes.update(1) { $0.tags = ["green"]; $0.title = "Z" }
            #expect(notes.lookup("tag", "red") == [2])
            #expect(notes.lookup("tag", "blue") == [])
            #expect(notes.lookup("tag", "green") == [1, 3])
            #expect(notes.lookup("title", "a") == [])
            #expect(notes.lookup("title", "z") == [1])

            try await notes.delete(3)
            #expect(notes.lookup("tag", "green") == [1])
            _ = try await notes.update(2, ifVersion: 99) { $0.tags = [] }
        } catch let error as StoreError {
            #expect(error.code == .conflict(current: 1))
        }
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let notes = try await folder.collection(Note.self, indexes: [byTag, byTitle])
        #expect(notes.lookup("tag", "green") == [1])
        #expect(notes.lookup("tag", "red") == [2])
        #expect(notes.lookup("title", "b") == [2])
        #expect(notes.lookup("nope", "x") == [])
    }

    @Test func strayTempFilesRemovedAtOpen() async throws {
        let tmp = TempFolder()
        try tmp.write("notes/1.json", #"{"id":1,"version":1,"schemaVersion":1,"createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-01T00:00:00.000Z","body":{"title":"t","tags":[],"counter":0}}"#)
        try tmp.write("notes/.1.json.tmp-123-4", "{\"half")
        try tmp.write("notes/.7.json.tmp-99-0", "")

        let readOnly = try DataFolder.openReadOnly(at: tmp.url, logger: testLogger)
        #expect(readOnly.health().contains { $0.source == "notes" && $0.message.contains("temp file") })
        #expect(tmp.list("notes").count == 3, "read-only open removes nothing")

        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        #expect(tmp.list("notes") == ["1.json"])
        let notes = try await folder.collection(Note.self)
        #expect(notes.get(1)?.body.title == "t")
        #expect(folder.health().isEmpty)
    }

    @Test func missingCollectionIsEmptyAndCreatedOnWrite() async throws {
        let tmp = TempFolder()
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let notes = try await folder.collection(Note.self)
        #expect(notes.all().isEmpty)
        #expect(!tmp.exists("notes"))
        _ = try await notes.create(Note(title: "x"))
        #expect(tmp.list("notes") == ["1.json"])
    }

    @Test func invalidNamesAreRefused() async throws {
        struct Bad: StoredDocument { static let collection = "Bad/../x"; static let schemaVersion = 1 }
        struct Logs: StoredDocument { static let collection = "logs"; static let schemaVersion = 1 }
        let tmp = TempFolder()
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let bad = await #expect(throws: StoreError.self) { try await folder.collection(Bad.self) }
        #expect(bad?.code == .invalid)
        let logs = await #expect(throws: StoreError.self) { try await folder.collection(Logs.self) }
        #expect(logs?.code == .invalid)
        let log = await #expect(throws: StoreError.self) { try await folder.appendLog("../etc").append(1) }
        #expect(log?.code == .invalid)
    }
}
