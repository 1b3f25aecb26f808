import Foundation
import Testing
@testable import IdkarrStore

/// Version 3 of a document that started as `{"name": "…"}` (v1), gained `tags` (v2), and split
/// `name` into `title` (v3).
struct Movie: StoredDocument, Equatable {
    static let collection = "movies"
    static let schemaVersion = 3
    static let migrations = [
        DocumentMigration(from: 1) { body in body["tags"] = .array([]) },
        DocumentMigration(from: 2) { body in
            guard case .string(let name)? = body["name"] else { throw StoreError(.invalid, "no name") }
            body["title"] = .string(name.capitalized)
            body["name"] = nil
        },
    ]
    var title: String
    var tags: [String]
}

@Suite struct MigrationTests {
    static func file(_ id: Int, schema: Int, body: String) -> String {
        #"{"id":\#(id),"version":4,"schemaVersion":\#(schema),"createdAt":"2025-05-05T05:05:05.500Z","updatedAt":"2025-06-06T06:06:06Z","body":\#(body)}"#
    }

    @Test func oldDocumentsAreMigratedAtLoadAndWrittenBack() async throws {
        let tmp = TempFolder()
        try tmp.write("movies/1.json", Self.file(1, schema: 1, body: #"{"name":"alien"}"#))
        try tmp.write("movies/2.json", Self.file(2, schema: 2, body: #"{"name":"heat","tags":["x"]}"#))
        try tmp.write("movies/3.json", Self.file(3, schema: 3, body: #"{"title":"Up","tags":[]}"#))
        try tmp.write("movies/4.json", Self.file(4, schema: 1, body: #"{"nom":"fail"}"#))

        // Read-only: migrated in memory, nothing written.
        let check = try DataFolder.openReadOnly(at: tmp.url, logger: testLogger)
        let seen = try await check.collection(Movie.self)
        #expect(seen.get(1)?.body == Movie(title: "Alien", tags: []))
        #expect(seen.get(1)?.version == 4)
        #expect(try tmp.read("movies/1.json") == Self.file(1, schema: 1, body: #"{"name":"alien"}"#))
        #expect(check.health().contains { $0.message.contains("2 document(s) need migration") })

        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let movies = try await folder.collection(Movie.self)
        #expect(movies.get(1)?.body == Movie(title: "Alien", tags: []))
        #expect(movies.get(2)?.body == Movie(title: "Heat", tags: ["x"]))
        #expect(movies.get(3)?.body == Movie(title: "Up", tags: []))
        #expect(movies.get(1)?.version == 5 && movies.get(1)?.schemaVersion == 3)
        #expect(movies.get(3)?.version == 4, "current documents are not rewritten")
        #expect(movies.get(1)?.createdAt == ISODate.parse("2025-05-05T05:05:05.500Z"))
        #expect(folder.quarantined().map(\.fileName) == ["4.json"])
        #expect(folder.quarantined().first?.reason.contains("migration") == true)

        let onDisk = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: tmp.file("movies/1.json"))) as? [String: Any])
        #expect(onDisk["schemaVersion"] as? Int == 3)
        #expect(onDisk["version"] as? Int == 5)
        #expect((onDisk["body"] as? [String: Any])?["title"] as? String == "Alien")
    }

    @Test func newerSchemaRefusesToLoad() async throws {
        let tmp = TempFolder()
        try tmp.write("movies/1.json", Self.file(1, schema: 9, body: "{}"))
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let error = await #expect(throws: StoreError.self) { try await folder.collection(Movie.self) }
        #expect(error?.code == .invalid)
        #expect(error?.message.contains("newer") == true)
        #expect(tmp.list("movies") == ["1.json"], "nothing moved")
    }

    @Test func brokenMigrationListIsRefused() async throws {
        struct Gappy: StoredDocument {
            static let collection = "gappy"
            static let schemaVersion = 3
            static let migrations = [DocumentMigration(from: 1) { _ in }]
        }
        let tmp = TempFolder()
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let error = await #expect(throws: StoreError.self) { try await folder.collection(Gappy.self) }
        #expect(error?.code == .invalid)
    }
}

@Suite struct AppendLogTests {
    struct Event: Codable, Equatable {
        var n: Int
        var at: Date
    }

    @Test func newestFirstAcrossSegments() async throws {
        let tmp = TempFolder()
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let log = folder.appendLog("history")
        let t = ISODate.truncate(Date())
        for n in 1...5 { try await log.append(Event(n: n, at: t)) }
        // An older month, written by hand.
        try tmp.write("logs/history/2020-01.jsonl", #"{"n":-2,"at":"2020-01-01T00:00:00.000Z"}"# + "\n" + #"{"n":-1,"at":"2020-01-02T00:00:00.000Z"}"# + "\n")
        let recent = try await log.recent(Event.self, limit: 3)
        #expect(recent.map(\.n) == [5, 4, 3])
        #expect(recent[0].at == t)
        let all = try await log.recent(Event.self, limit: 100)
        #expect(all.map(\.n) == [5, 4, 3, 2, 1, -1, -2])
        #expect(try await log.recent(Event.self, limit: 0).isEmpty)
        #expect(folder.appendLog("history") === log)
        #expect(folder.verify().logRecords["history"] == 7)
    }

    @Test func tornLastLineIsSkippedAndEnded() async throws {
        let tmp = TempFolder()
        let segment = "logs/audit/\(AppendLog.segmentName(Date()))"
        try tmp.write(segment, #"{"n":1,"at":"2026-01-01T00:00:00.000Z"}"# + "\n" + #"{"n":2,"at":"2026-01-0"#)
        let check = try DataFolder.openReadOnly(at: tmp.url, logger: testLogger)
        #expect(check.verify().problems.contains { $0.path.hasSuffix(segment) && $0.severity == .warning })

        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let log = folder.appendLog("audit")
        #expect(try await log.recent(Event.self, limit: 10).map(\.n) == [1])
        try await log.append(Event(n: 3, at: Date()))
        #expect(try await log.recent(Event.self, limit: 10).map(\.n) == [3, 1], "the new record is not glued to the torn line")
        #expect(try tmp.read(segment).hasPrefix(#"{"n":1,"at":"2026-01-01T00:00:00.000Z"}"# + "\n" + #"{"n":2,"at":"2026-01-0"# + "\n{"))
    }

    @Test func recordsOfAnotherTypeAreAnErrorNotSilence() async throws {
        let tmp = TempFolder()
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let log = folder.appendLog("history")
        try await log.append(["other": "shape"])
        let error = await #expect(throws: StoreError.self) { try await log.recent(Event.self, limit: 1) }
        #expect(error?.code == .invalid)
    }
}
