import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only log (history, audit, events): JSON Lines in monthly segments
/// `<data>/logs/<name>/YYYY-MM.jsonl` (UTC months), each record fsync'd before `append` returns.
/// After a crash the last line may be torn: reading skips lines that do not decode, and the next
/// append first ends the torn line so it cannot swallow the new record.
public actor AppendLog {
    public nonisolated let name: String
    nonisolated let directory: String
    private let state: FolderState
    private let encoder = StoreCoding.makeEncoder()
    private var fd: Int32 = -1
    private var segment = ""

    init(name: String, folder: DataFolder) {
        self.name = name
        self.directory = folder.path + "/" + DataFolder.logsDirectory + "/" + name
        self.state = folder.state
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    static func segmentName(_ date: Date) -> String { String(ISODate.format(date).prefix(7)) + ".jsonl" }

    /// Appends one record and makes it durable.
    public func append<T: Encodable>(_ record: T) throws {
        try Names.validate(name, what: "log")
        try state.checkWritable()
        var line: [UInt8]
        do { line = try StoreCoding.encode(record, fallback: encoder) } catch {
            throw StoreError(.invalid, "a record of log \(name) cannot be encoded as JSON", cause: error)
        }
        line.append(0x0A)
        let fd = try openSegment(Self.segmentName(Date()))
        let path = directory + "/" + segment
        let sizeBefore = lseek(fd, 0, SEEK_END)
        var failure: Int32 = 0
        line.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                if let injected = state.faults.check(.append) { failure = injected; return }
                let w = write(fd, bytes.baseAddress! + written, bytes.count - written)
                if w < 0 { if errno == EINTR { continue }; failure = errno; return }
                written += w
            }
        }
        if failure != 0 {
            if sizeBefore >= 0 { _ = ftruncate(fd, sizeBefore) }  // take back a partial line
            throw StoreError.io("appending to", path: path, errno: failure)
        }
        let syncError = fsync(fd) == 0 ? state.faults.check(.fsyncFile) : errno
        if let syncError {
            let error = StoreError.io("syncing", path: path, errno: syncError)
            state.durabilityLost(error)
            throw error
        }
    }

    private func openSegment(_ name: String) throws -> Int32 {
        if name == segment && fd >= 0 { return fd }
        if fd >= 0 { close(fd); fd = -1 }
        try FileIO.makeDirectory(directory)
        let path = directory + "/" + name
        let created = !FileIO.exists(path)
        let newFD = FileIO.openFile(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard newFD >= 0 else { throw StoreError.io("opening the log", path: path, errno: errno) }
        if created {
            try FileIO.syncDirectory(directory)
        } else {
            // A torn last line (crash mid-append): end it, so the next record starts on its own line.
            let size = lseek(newFD, 0, SEEK_END)
            var last: UInt8 = 0x0A
            if size > 0, let readFD = Optional(FileIO.openFile(path, O_RDONLY | O_CLOEXEC)), readFD >= 0 {
                _ = pread(readFD, &last, 1, size - 1)
                close(readFD)
            }
            if last != 0x0A {
                var newline: UInt8 = 0x0A
                guard write(newFD, &newline, 1) == 1, fsync(newFD) == 0 else {
                    let code = errno
                    close(newFD)
                    throw StoreError.io("repairing the torn last line of", path: path, errno: code)
                }
            }
        }
        fd = newFD
        segment = name
        return newFD
    }

    /// The newest records first, at most `limit`, across monthly segments. Lines that do not
    /// decode (a torn last line after a crash) are skipped.
    public func recent<T: Decodable>(_ type: T.Type, limit: Int) throws -> [T] {
        guard limit > 0 else { return [] }
        let segments = (try FileIO.list(directory) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted(by: >)
        var result: [T] = []
        for segment in segments where result.count < limit {
            let bytes = try FileIO.readFile(directory + "/" + segment)
            result += try Self.newestRecords(T.self, in: bytes, limit: limit - result.count, where: "\(name)/\(segment)")
        }
        return result
    }

    /// Decodes lines from the end of one segment.
    static func newestRecords<T: Decodable>(_ type: T.Type, in bytes: [UInt8], limit: Int, where place: String) throws -> [T] {
        try bytes.withUnsafeBufferPointer { buffer in
            var records: [T] = []
            var end = buffer.count
            while end > 0 && records.count < limit {
                var start = end - 1
                while start > 0 && buffer[start - 1] != 0x0A { start -= 1 }
                let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
                end = start
                guard line.contains(where: { $0 != 0x0A && $0 != 0x20 && $0 != 0x0D }) else { continue }
                if let record = try? StoreCoding.decode(T.self, from: line) {
                    records.append(record)
                } else if isJSON(line) {
                    throw StoreError(.invalid, "a record of log \(place) does not decode as \(T.self)")
                }  // else: a torn or damaged line, skipped
            }
            return records
        }
    }

    static func isJSON(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        (try? JSONTape.parse(line)) != nil
    }
}
