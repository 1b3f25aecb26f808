import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The on-disk envelope, in the order it is written.
struct EnvelopeOut<Body: Encodable>: Encodable {
    let id: Int
    let version: Int
    let schemaVersion: Int
    let createdAt: Date
    let updatedAt: Date
    let body: Body
}

/// The files of one collection: writes and removes documents durably. Owned by the collection's
/// actor (one writer per collection), so it needs no locking of its own.
final class DocumentFiles {
    let collection: String
    let directory: String
    let state: FolderState
    private var directoryFD: Int32 = -1
    private let encoder = StoreCoding.makeEncoder()

    init(folder: DataFolder, collection: String) {
        self.collection = collection
        self.directory = folder.path + "/" + collection
        self.state = folder.state
    }

    deinit {
        if directoryFD >= 0 { close(directoryFD) }
    }

    static func fileName(_ id: Int) -> String { "\(id).json" }

    func encode<Body: Encodable>(_ doc: Stored<Body>) throws -> [UInt8] {
        let envelope = EnvelopeOut(id: doc.id, version: doc.version, schemaVersion: doc.schemaVersion,
                                   createdAt: doc.createdAt, updatedAt: doc.updatedAt, body: doc.body)
        do {
            var data = try StoreCoding.encode(envelope, fallback: encoder)
            data.append(0x0A)
            return data
        } catch {
            throw StoreError(.invalid, "document \(collection)/\(doc.id) cannot be encoded as JSON", cause: error)
        }
    }

    /// Writes a document durably (atomic replace). Throws with the old file intact; an fsync
    /// failure also turns the whole store read-only.
    func write<Body: Encodable>(_ doc: Stored<Body>) throws {
        try state.checkWritable()
        let data = try encode(doc)
        let fd = try openDirectory()
        do {
            try data.withUnsafeBytes { bytes in
                try FileIO.replace(directory: directory, directoryFD: fd, name: Self.fileName(doc.id), bytes: bytes,
                                   faults: state.faults)
            }
        } catch let failure as FileIO.WriteFailure {
            if failure.durabilityLost { state.durabilityLost(failure.error) }
            throw failure.error
        }
    }

    func remove(_ id: Int) throws {
        try state.checkWritable()
        let fd = try openDirectory()
        do {
            try FileIO.remove(directory: directory, directoryFD: fd, name: Self.fileName(id), faults: state.faults)
        } catch {
            if error.durabilityLost { state.durabilityLost(error.error) }
            throw error.error
        }
    }

    /// The collection directory, created on the first write (a missing one is just empty).
    private func openDirectory() throws -> Int32 {
        if directoryFD >= 0 { return directoryFD }
        try FileIO.makeDirectory(directory)
        directoryFD = try FileIO.openDirectory(directory)
        return directoryFD
    }
}
