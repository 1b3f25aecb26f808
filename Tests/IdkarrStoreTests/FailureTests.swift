import Foundation
import Testing
@testable import IdkarrStore
#if canImport(Glibc)
import Glibc
#endif

/// Write failures. The tests run as root, for whom `chmod 0500` does not stop a write, and a full
/// disk or a failing fsync cannot be provoked on demand. So:
/// - one test makes a real failure root cannot bypass: the document's path is turned into a
///   non-empty directory, so `rename(2)` over it fails (EISDIR) in the kernel;
/// - the others inject the errno at the system-call boundary (`FaultInjector`, armed through
///   `@testable`): the real call runs, then its result is replaced, so everything above it
///   (cleanup, error messages, the read-only latch) is the production code path.
/// - `chmod 0500` itself is tested when the tests do not run as root.
@Suite struct FailureTests {
    static func setUp() async throws -> (TempFolder, DataFolder, DocumentCollection<Note>) {
        let tmp = TempFolder()
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let notes = try await folder.collection(Note.self)
        _ = try await notes.create(Note(title: "one"))
        _ = try await notes.create(Note(title: "two"))
        return (tmp, folder, notes)
    }

    @Test func renameFailureKeepsOldDocument() async throws {
        let (tmp, folder, notes) = try await Self.setUp()
        try FileManager.default.removeItem(at: tmp.file("notes/1.json"))
        try tmp.write("notes/1.json/blocker", "x")  // the target is now a non-empty directory

        let error = await #expect(throws: StoreError.self) { try await notes.update(1) { $0.title = "new" } }
        #expect(error?.code == .io)
        #expect(error?.errno != nil)
        #expect(notes.get(1)?.body.title == "one" && notes.get(1)?.version == 1, "memory never shows what the disk does not hold")
        #expect(!tmp.list("notes").contains(where: Names.isTemp), "the temp file was removed")
        // Not an fsync failure: the store stays writable.
        #expect(folder.health().isEmpty)
        #expect(try await notes.update(2) { $0.title = "fine" }.version == 2)
    }

    @Test func diskFullIsAClearErrorAndNothingChanges() async throws {
        let (tmp, folder, notes) = try await Self.setUp()
        let before = try tmp.read("notes/1.json")
        folder.state.faults.arm(.write, errno: ENOSPC)
        let error = await #expect(throws: StoreError.self) { try await notes.update(1) { $0.title = "new" } }
        #expect(error?.code == .io)
        #expect(error?.errno == ENOSPC)
        #expect(error?.message.contains("disk is full") == true)
        #expect(try tmp.read("notes/1.json") == before)
        #expect(notes.get(1)?.body.title == "one")
        #expect(!tmp.list("notes").contains(where: Names.isTemp))
        let createError = await #expect(throws: StoreError.self) { try await notes.create(Note(title: "three")) }
        #expect(createError?.errno == ENOSPC)
        #expect(notes.count == 2)

        folder.state.faults.disarm()  // space freed: writes work again, no restart needed
        #expect(try await notes.update(1) { $0.title = "new" }.version == 2)
        #expect(try await notes.create(Note(title: "three")).id == 3)
    }

    @Test func fsyncFailureTurnsTheStoreReadOnly() async throws {
        let (tmp, folder, notes) = try await Self.setUp()
        let before = try tmp.read("notes/1.json")
        folder.state.faults.arm(.fsyncFile, errno: EIO)
        let error = await #expect(throws: StoreError.self) { try await notes.update(1) { $0.title = "new" } }
        #expect(error?.code == .io && error?.errno == EIO)
        #expect(try tmp.read("notes/1.json") == before, "the old document stays")
        #expect(notes.get(1)?.body.title == "one")

        folder.state.faults.disarm()  // even when the disk seems fine again, a failed fsync is never trusted
        let refused = await #expect(throws: StoreError.self) { try await notes.update(2) { $0.title = "x" } }
        #expect(refused?.code == .readOnly)
        let refusedDelete = await #expect(throws: StoreError.self) { try await notes.delete(2) }
        #expect(refusedDelete?.code == .readOnly)
        let refusedLog = await #expect(throws: StoreError.self) { try await folder.appendLog("audit").append(["a": 1]) }
        #expect(refusedLog?.code == .readOnly)
        #expect(notes.get(2)?.version == 1, "reads keep working")
        #expect(folder.health().contains { $0.severity == .error && $0.message.contains("read-only until restart") })
    }

    @Test func directoryFsyncFailureAlsoLatches() async throws {
        let (tmp, folder, notes) = try await Self.setUp()
        defer { withExtendedLifetime(tmp) {} }
        folder.state.faults.arm(.fsyncDirectory, errno: EIO)
        let error = await #expect(throws: StoreError.self) { try await notes.delete(2) }
        #expect(error?.code == .io)
        #expect(notes.get(2) != nil, "memory keeps the document: the outcome on disk is unknown")
        folder.state.faults.disarm()
        let refused = await #expect(throws: StoreError.self) { try await notes.create(Note(title: "x")) }
        #expect(refused?.code == .readOnly)
    }

    @Test func appendFsyncFailureLatches() async throws {
        let (tmp, folder, notes) = try await Self.setUp()
        defer { withExtendedLifetime(tmp) {} }
        let log = folder.appendLog("history")
        try await log.append(["n": 1])
        folder.state.faults.arm(.fsyncFile, errno: EIO)
        let error = await #expect(throws: StoreError.self) { try await log.append(["n": 2]) }
        #expect(error?.code == .io)
        folder.state.faults.disarm()
        let refused = await #expect(throws: StoreError.self) { try await notes.update(1) { $0.counter = 9 } }
        #expect(refused?.code == .readOnly)
        #expect(try await log.recent([String: Int].self, limit: 10).count >= 1)
    }

    @Test func appendWriteFailureTakesBackThePartialLine() async throws {
        let (tmp, folder, _) = try await Self.setUp()
        let log = folder.appendLog("history")
        try await log.append(["n": 1])
        folder.state.faults.arm(.append, errno: ENOSPC)
        let error = await #expect(throws: StoreError.self) { try await log.append(["n": 2]) }
        #expect(error?.errno == ENOSPC)
        folder.state.faults.disarm()
        try await log.append(["n": 3])
        #expect(try await log.recent([String: Int].self, limit: 10) == [["n": 3], ["n": 1]])
        #expect(try tmp.read("logs/history/\(AppendLog.segmentName(Date()))") == "{\"n\":1}\n{\"n\":3}\n")
    }

    @Test(.enabled(if: geteuid() != 0, "root ignores permission bits; see renameFailureKeepsOldDocument"))
    func readOnlyDirectoryWhenNotRoot() async throws {
        let (tmp, folder, notes) = try await Self.setUp()
        chmod(tmp.file("notes").path, 0o500)
        defer { chmod(tmp.file("notes").path, 0o700) }
        let error = await #expect(throws: StoreError.self) { try await notes.update(1) { $0.title = "x" } }
        #expect(error?.code == .io && error?.errno == EACCES)
        #expect(error?.message.contains("permission denied") == true)
        #expect(notes.get(1)?.body.title == "one")
        #expect(folder.health().isEmpty)
    }
}
