import Foundation
import Testing
@testable import IdkarrStore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct FolderTests {
    static let doc1 = #"{"id":1,"version":3,"schemaVersion":1,"createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-02T00:00:00.000Z","body":{"title":"kept","tags":["a"],"counter":2}}"#

    @Test func secondOpenOfALockedFolderFails() throws {
        let tmp = TempFolder()
        let first = try DataFolder.open(at: tmp.url, logger: testLogger)
        // flock locks belong to the open file description: a second open() conflicts even in this process.
        let error = #expect(throws: StoreError.self) { try DataFolder.open(at: tmp.url, logger: testLogger) }
        #expect(error?.code == .locked)
        #expect(error?.message.contains("in use by another idkarr process (process \(getpid()))") == true)
        // A read-only open (idkarr check) takes no lock.
        #expect(throws: Never.self) { try DataFolder.openReadOnly(at: tmp.url, logger: testLogger) }
        _ = first
    }

    @Test func lockIsReleasedWithTheFolder() async throws {
        let tmp = TempFolder()
        do {
            let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
            _ = try await folder.collection(Note.self).create(Note(title: "x"))
            _ = folder.appendLog("a")
        }
        let again = try DataFolder.open(at: tmp.url, logger: testLogger)
        #expect(try await again.collection(Note.self).count == 1)
    }

    @Test func quarantineMovesDamageAsideAndReportsIt() async throws {
        let tmp = TempFolder()
        try tmp.write("notes/1.json", Self.doc1)
        try tmp.write("notes/2.json", "{\"id\":2,\"version\":1,\"sche")  // torn
        try tmp.write("notes/3.json", Self.doc1)  // says id 1
        try tmp.write("notes/4.json", Self.doc1.replacingOccurrences(of: "\"counter\":2", with: "\"counter\":\"two\"")
            .replacingOccurrences(of: "\"id\":1", with: "\"id\":4"))
        try tmp.write("notes/5.json", "")
        try tmp.write("notes/readme.txt", "hello")

        // Read-only (check): reports, moves nothing.
        let check = try DataFolder.openReadOnly(at: tmp.url, logger: testLogger)
        #expect(try await check.collection(Note.self).count == 1)
        #expect(check.quarantined().map(\.fileName).sorted() == ["2.json", "3.json", "4.json", "5.json"])
        #expect(check.quarantined().allSatisfy { !$0.movedAside })
        #expect(tmp.list("notes").count == 6)
        let report = check.verify()
        #expect(report.documents["notes"] == 2, "1.json and 4.json have sound envelopes")
        #expect(report.problems.contains { $0.path.hasSuffix("notes/readme.txt") && $0.severity == .warning })
        #expect(!report.isHealthy)

        try await Self.openAndCheckQuarantine(tmp)
        try tmp.write("notes/2.json", "garbage")
        let later = try DataFolder.open(at: tmp.url, logger: testLogger)
        _ = try await later.collection(Note.self)
        let copies = tmp.list(".quarantine/notes").filter { $0.hasPrefix("2.json~") && !$0.hasSuffix(".reason") }
        #expect(copies.count == 2, "the second damaged 2.json does not overwrite the first")
        #expect(later.quarantined().count == 5, "earlier quarantined files are still reported")
    }

    static func openAndCheckQuarantine(_ tmp: TempFolder) async throws {
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let notes = try await folder.collection(Note.self)
        #expect(notes.all().map(\.id) == [1])
        #expect(notes.get(1)?.body.title == "kept" && notes.get(1)?.version == 3)
        #expect(tmp.list("notes") == ["1.json", "readme.txt"])
        let quarantined = folder.quarantined()
        #expect(quarantined.count == 4)
        #expect(quarantined.allSatisfy { $0.movedAside && $0.url.path.contains("/.quarantine/notes/\($0.fileName)~") })
        #expect(quarantined.first { $0.fileName == "3.json" }?.reason.contains("file name says 3") == true)
        #expect(folder.health().filter { $0.severity == .error }.count == 4)
        #expect(folder.health().contains { $0.message.contains("readme.txt") && $0.severity == .warning })
        #expect(try tmp.read(".quarantine/notes/" + tmp.list(".quarantine/notes").first { $0.hasPrefix("2.json~") && !$0.hasSuffix(".reason") }!)
                    == "{\"id\":2,\"version\":1,\"sche", "the damaged bytes are kept as they were")

        #expect(try await notes.create(Note(title: "new")).id == 6, "a new document takes a fresh id")
    }

    @Test func massFailureMovesNothing() async throws {
        let tmp = TempFolder()
        for i in 1...12 { try tmp.write("notes/\(i).json", #"{"id":\#(i),"version":1,"schemaVersion":1,"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z","body":{"other":1}}"#) }
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let error = await #expect(throws: StoreError.self) { try await folder.collection(Note.self) }
        #expect(error?.code == .corrupt)
        #expect(tmp.list("notes").count == 12)
        #expect(!tmp.exists(".quarantine/notes"))
    }

    @Test func aDirectoryInPlaceOfADocumentIsReportedNotSkipped() async throws {
        let tmp = TempFolder()
        try tmp.write("notes/1.json", Self.doc1)
        try FileManager.default.removeItem(at: tmp.file("notes/1.json"))
        try FileManager.default.createDirectory(at: tmp.file("notes/1.json"), withIntermediateDirectories: true)
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let notes = try await folder.collection(Note.self)
        #expect(notes.count == 0)
        #expect(folder.quarantined().map(\.fileName) == ["1.json"])
    }

    @Test func readOnlyOpenWritesNothing() async throws {
        let tmp = TempFolder()
        try tmp.write("notes/1.json", Self.doc1)
        let folder = try DataFolder.openReadOnly(at: tmp.url, logger: testLogger)
        let notes = try await folder.collection(Note.self)
        #expect(notes.get(1)?.body.title == "kept")
        let error = await #expect(throws: StoreError.self) { try await notes.update(1) { $0.title = "x" } }
        #expect(error?.code == .readOnly)
        let logError = await #expect(throws: StoreError.self) { try await folder.appendLog("a").append(1) }
        #expect(logError?.code == .readOnly)
        #expect(tmp.list("") == ["notes"], "no lock file, no logs, no probe files")
        let missing = #expect(throws: StoreError.self) { try DataFolder.openReadOnly(at: tmp.file("nope"), logger: testLogger) }
        #expect(missing?.code == .notFound)
    }

    @Test func fileSystemTypes() {
        #expect(DataFolder.isRemote(fileSystem: "nfs4"))
        #expect(DataFolder.isRemote(fileSystem: "cifs"))
        #expect(DataFolder.isRemote(fileSystem: "fuse.sshfs"))
        #expect(DataFolder.isRemote(fileSystem: "9p"))
        #expect(!DataFolder.isRemote(fileSystem: "ext4"))
        #expect(!DataFolder.isRemote(fileSystem: "overlay"))
        #expect(DataFolder.fileSystemType(of: "/") != nil)
        #expect(DataFolder.fileSystemType(of: "/proc/self") == "proc")
    }
}
