// StoreTorture: the child process of the store's crash test.
//
//   StoreTorture <data-folder> <run>
//
// Writes documents and log records in a loop and prints one line per acknowledged write, after
// the store returned (so after the fsyncs): `doc <id> <version>` and `log <run> <seq>`. The test
// SIGKILLs it at random moments and checks that everything acknowledged survived.
import Foundation
import IdkarrStore
import Logging

struct Counter: StoredDocument {
    static let collection = "counters"
    static let schemaVersion = 1
    var value: Int
    var padding: String
}

struct TortureRecord: Codable {
    var run: Int
    var seq: Int
    var note: String
}

func acknowledge(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let arguments = CommandLine.arguments
guard arguments.count == 3, let run = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: StoreTorture <data-folder> <run>\n".utf8))
    exit(2)
}
var logger = Logger(label: "store-torture")
logger.logLevel = .error
do {
    let folder = try DataFolder.open(at: URL(fileURLWithPath: arguments[1]), logger: logger)
    let counters = try await folder.collection(Counter.self)
    let log = folder.appendLog("torture")
    // Bodies of a few KB, so a kill often lands mid-write.
    let padding = String(repeating: "x", count: 2000 + run * 37 % 3000)
    while counters.count < 10 {
        let doc = try await counters.create(Counter(value: 0, padding: padding))
        acknowledge("doc \(doc.id) \(doc.version)")
    }
    var seq = 0
    while true {
        let id = seq % 10 + 1
        let doc = try await counters.update(id) { $0.value += 1 }
        acknowledge("doc \(doc.id) \(doc.version)")
        try await log.append(TortureRecord(run: run, seq: seq, note: padding.prefix(100) + "\(seq)"))
        acknowledge("log \(run) \(seq)")
        seq += 1
    }
} catch {
    FileHandle.standardError.write(Data("StoreTorture: \(error)\n".utf8))
    exit(1)
}
