import Foundation
import Testing
@testable import IdkarrStore

/// The crash test: `StoreTorture` writes in a loop and prints each acknowledged write; we SIGKILL
/// it at random moments and check that every acknowledged write survived and every file decodes.
@Suite struct CrashTests {
    struct Counter: StoredDocument {
        static let collection = "counters"
        static let schemaVersion = 1
        var value: Int
        var padding: String
    }

    struct TortureRecord: Codable, Hashable {
        var run: Int
        var seq: Int
    }

    /// The torture binary sits in the build products directory beside the test bundle.
    static func tortureBinary() throws -> URL {
        var dir = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        #if os(macOS)
        dir = Bundle.main.bundleURL.deletingLastPathComponent()
        #endif
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("StoreTorture")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        throw StoreError(.notFound, "StoreTorture was not built next to the test bundle (swift build --build-tests builds it)")
    }

    /// Runs one torture process for `milliseconds`, then SIGKILLs it; returns its acknowledgements.
    static func runAndKill(_ binary: URL, folder: URL, run: Int, milliseconds: Int) throws -> [String] {
        let process = Process()
        process.executableURL = binary
        process.arguments = [folder.path, "\(run)"]
        let out = Pipe()
        process.standardOutput = out
        let err = Pipe()
        process.standardError = err
        try process.run()
        usleep(useconds_t(milliseconds * 1000))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "StoreTorture ended by itself: \(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))")
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return text.split(separator: "\n").map(String.init)
    }

    @Test func acknowledgedWritesSurviveSIGKILL() async throws {
        let binary = try Self.tortureBinary()
        let tmp = TempFolder()
        var acknowledged: [Int: Int] = [:]  // id → highest acknowledged version
        var loggedRecords = Set<TortureRecord>()
        var total = 0
        for run in 0..<30 {
            let lines = try Self.runAndKill(binary, folder: tmp.url, run: run, milliseconds: Int.random(in: 40...250))
            for line in lines {
                let parts = line.split(separator: " ")
                // The last line may itself be torn by the kill: only whole lines count.
                guard parts.count == 3, let a = Int(parts[1]), let b = Int(parts[2]) else { continue }
                if parts[0] == "doc" { acknowledged[a] = max(acknowledged[a] ?? 0, b); total += 1 }
                if parts[0] == "log" { loggedRecords.insert(TortureRecord(run: a, seq: b)) }
            }
            try await Self.check(tmp, acknowledged: acknowledged, logged: loggedRecords)
        }
        #expect(total > 30, "the torture process acknowledged too few writes to mean anything")
    }

    /// A folder held by another (live) process cannot be opened; it can once that process died.
    @Test func folderHeldByAnotherProcessIsRefused() async throws {
        let tmp = TempFolder()
        let process = Process()
        process.executableURL = try Self.tortureBinary()
        process.arguments = [tmp.path, "0"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        _ = out.fileHandleForReading.availableData  // the first acknowledgement: it holds the lock
        let error = #expect(throws: StoreError.self) { try DataFolder.open(at: tmp.url, logger: testLogger) }
        #expect(error?.code == .locked)
        #expect(error?.message.contains("process \(process.processIdentifier)") == true)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(throws: Never.self) { try DataFolder.open(at: tmp.url, logger: testLogger) }
    }

    static func check(_ tmp: TempFolder, acknowledged: [Int: Int], logged: Set<TortureRecord>) async throws {
        let folder = try DataFolder.open(at: tmp.url, logger: testLogger)
        #expect(!tmp.list("counters").contains(where: Names.isTemp), "temp files are removed at open")
        let counters = try await folder.collection(Counter.self)
        #expect(folder.quarantined().isEmpty, "no document was damaged")
        #expect(!folder.health().contains { $0.severity == .error })
        for (id, version) in acknowledged {
            let doc = try #require(counters.get(id), "acknowledged document \(id) is missing")
            #expect(doc.version >= version, "document \(id): acknowledged version \(version), found \(doc.version)")
        }
        let records = try await folder.appendLog("torture").recent(TortureRecord.self, limit: 1_000_000)
        let missing = logged.subtracting(records)
        #expect(missing.isEmpty, "acknowledged log records missing: \(missing.prefix(5))")
        #expect(folder.verify().isHealthy)
    }
}
