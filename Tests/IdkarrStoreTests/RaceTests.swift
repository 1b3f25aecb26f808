import Foundation
import Testing
@testable import IdkarrStore

@Suite struct RaceTests {
    /// 100 writers all naming version 1: exactly one wins, the others get a conflict and write nothing.
    @Test func onlyOneStaleWriterWins() async throws {
        let tmp = TempFolder()
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let notes = try await folder.collection(Note.self)
        _ = try await notes.create(Note(title: "start"))

        let results = await withTaskGroup(of: Result<Int, StoreError>.self) { group in
            for i in 0..<100 {
                group.addTask {
                    do { return .success(try await notes.update(1, ifVersion: 1, Note(title: "writer \(i)", counter: i)).version) }
                    catch let error as StoreError { return .failure(error) }
                    catch { return .failure(StoreError(.io, "unexpected \(error)")) }
                }
            }
            var all: [Result<Int, StoreError>] = []
            for await r in group { all.append(r) }
            return all
        }
        let wins = results.compactMap { try? $0.get() }
        let conflicts = results.filter { if case .failure(let e) = $0 { return e.code == .conflict(current: 2) }; return false }
        #expect(wins == [2])
        #expect(conflicts.count == 99)
        let final = try #require(notes.get(1))
        #expect(final.version == 2)
        // The disk holds the winner.
        let reopened = try DataFolder.openReadOnly(at: tmp.url, logger: testLogger)
        let onDisk = try await reopened.collection(Note.self)
        #expect(onDisk.get(1)?.body == final.body)
    }

    /// 100 writers that re-read and retry on conflict: no increment is lost.
    @Test func retryingWritersLoseNothing() async throws {
        let tmp = TempFolder()
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let notes = try await folder.collection(Note.self)
        _ = try await notes.create(Note(title: "counter"))

        let conflicts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<100 {
                group.addTask {
                    var conflicts = 0
                    while true {
                        let read = notes.get(1)!
                        var body = read.body
                        body.counter += 1
                        do {
                            _ = try await notes.update(1, ifVersion: read.version, body)
                            return conflicts
                        } catch let error as StoreError {
                            guard case .conflict = error.code else { throw error }
                            conflicts += 1
                        }
                    }
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(notes.get(1)?.body.counter == 100)
        #expect(notes.get(1)?.version == 101)
        _ = conflicts  // how many retries happened depends on scheduling
        let reopened = try DataFolder.openReadOnly(at: tmp.url, logger: testLogger)
        #expect(try await reopened.collection(Note.self).get(1)?.body.counter == 100)
    }

    /// Readers keep reading while the writer writes; every snapshot is consistent.
    @Test func readersDoNotWaitAndSeeWholeDocuments() async throws {
        let tmp = TempFolder()
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        let notes = try await folder.collection(Note.self, indexes: [SecondaryIndex("c") { ["\($0.counter)"] }])
        _ = try await notes.create(Note(title: "0", counter: 0))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for i in 1...50 { _ = try await notes.update(1) { $0.counter = i; $0.title = "\(i)" } }
            }
            group.addTask {
                for _ in 0..<2000 {
                    let doc = notes.get(1)!
                    #expect(doc.body.title == "\(doc.body.counter)")
                    #expect(doc.version == doc.body.counter + 1)
                }
            }
            try await group.waitForAll()
        }
        #expect(notes.lookup("c", "50") == [1])
        #expect(notes.lookup("c", "49") == [])
    }
}
