import Foundation

/// The result of `DataFolder.verify()`: every document's envelope checked, nothing changed.
public struct VerifyReport: Sendable {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public let severity: StoreHealthIssue.Severity
        public let path: String
        public let message: String
        public var description: String { "\(severity.rawValue): \(path): \(message)" }
    }

    /// Documents whose envelope is sound, per collection.
    public var documents: [String: Int] = [:]
    /// Records per append-only log.
    public var logRecords: [String: Int] = [:]
    public var problems: [Problem] = []
    /// True when nothing is wrong enough to be an error.
    public var isHealthy: Bool { !problems.contains { $0.severity == .error } }
}

extension DataFolder {
    /// Checks the whole folder without knowing the document types: every `<collection>/<id>.json`
    /// must be a JSON object with a sound envelope whose id matches its name; every log line must
    /// be JSON (a torn last line is a warning). Moves and writes nothing, in any mode. Health
    /// issues (file system, quarantine, read-only) are included.
    public func verify() -> VerifyReport {
        var report = VerifyReport()
        for collection in collectionDirectories() {
            let dir = path + "/" + collection
            var sound = 0
            for name in ((try? FileIO.list(dir)) ?? []).sorted() {
                let file = dir + "/" + name
                guard let id = Names.documentID(fileName: name) else {
                    let what = Names.isTemp(name) ? "temp file left by an interrupted write" : "unexpected file"
                    report.problems.append(.init(severity: .warning, path: file, message: what))
                    continue
                }
                if let message = Self.checkDocument(file, id: id) {
                    report.problems.append(.init(severity: .error, path: file, message: message))
                } else {
                    sound += 1
                }
            }
            report.documents[collection] = sound
        }
        verifyLogs(&report)
        for issue in health() {
            report.problems.append(.init(severity: issue.severity, path: issue.source, message: issue.message))
        }
        return report
    }

    static func checkDocument(_ path: String, id: Int) -> String? {
        do {
            let bytes = try FileIO.readFile(path)
            return try bytes.withUnsafeBufferPointer { buffer in
                let doc = TapeDocument(bytes: buffer, tape: try JSONTape.parse(buffer))
                let (header, _) = try EnvelopeHeader.read(doc)
                return header.id == id ? nil : "the envelope says id \(header.id), the file name says \(id)"
            }
        } catch {
            return "\(error)"
        }
    }

    private func verifyLogs(_ report: inout VerifyReport) {
        let root = path + "/" + Self.logsDirectory
        for log in ((try? FileIO.list(root)) ?? []).sorted() where FileIO.isDirectory(root + "/" + log) {
            var records = 0
            for segment in ((try? FileIO.list(root + "/" + log)) ?? []).sorted() where segment.hasSuffix(".jsonl") {
                let file = root + "/" + log + "/" + segment
                guard let bytes = try? FileIO.readFile(file) else {
                    report.problems.append(.init(severity: .error, path: file, message: "cannot be read"))
                    continue
                }
                var bad = 0
                bytes.withUnsafeBufferPointer { buffer in
                    for line in buffer.split(separator: 0x0A) where !line.isEmpty {
                        if AppendLog.isJSON(UnsafeBufferPointer(rebasing: line)) { records += 1 } else { bad += 1 }
                    }
                }
                if bad > 0 {
                    report.problems.append(.init(severity: .warning, path: file,
                        message: "\(bad) line(s) are not JSON (a torn line after a crash); they are skipped when read"))
                }
            }
            report.logRecords[log] = records
        }
    }
}
