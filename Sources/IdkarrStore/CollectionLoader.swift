import Foundation
import Logging

/// The header of a document file, read from the tape before its body is decoded.
struct EnvelopeHeader: Sendable {
    let id: Int
    let version: Int
    let schemaVersion: Int
    let createdAt: Date
    let updatedAt: Date

    /// Reads the envelope of the document at token 0; returns the body's token.
    static func read(_ doc: TapeDocument) throws -> (EnvelopeHeader, body: Int) {
        guard doc.kind(0) == .object else { throw StoreError(.corrupt, "the file is not a JSON object") }
        func field<T: Decodable>(_ name: String, _ type: T.Type) throws -> T {
            guard let i = doc.find(name, in: 0) else { throw StoreError(.corrupt, "the envelope has no \"\(name)\"") }
            do { return try TapeDecoder.decode(type, doc, i) } catch {
                throw StoreError(.corrupt, "the envelope's \"\(name)\" is invalid", cause: error)
            }
        }
        let header = EnvelopeHeader(id: try field("id", Int.self), version: try field("version", Int.self),
                                    schemaVersion: try field("schemaVersion", Int.self),
                                    createdAt: try field("createdAt", Date.self), updatedAt: try field("updatedAt", Date.self))
        guard header.version >= 1, header.schemaVersion >= 1 else {
            throw StoreError(.corrupt, "the envelope's version and schemaVersion must be at least 1")
        }
        guard let body = doc.find("body", in: 0) else { throw StoreError(.corrupt, "the envelope has no \"body\"") }
        return (header, body)
    }
}

/// Reads every document of a collection at start: all files, decoded in parallel on every core
/// with the tape parser; old schema versions migrated (and written back); damaged files moved
/// to quarantine and reported.
struct CollectionLoader<Body: StoredDocument> {
    let folder: DataFolder
    let indexes: [SecondaryIndex<Body>]

    enum Outcome: Sendable {
        case loaded(Stored<Body>)
        case needsMigration(EnvelopeHeader, JSONValue)
        case damaged(fileName: String, reason: String)
        case tooNew(fileName: String, schemaVersion: Int)
    }

    func load() async throws -> DocumentCollection<Body> {
        try Self.checkMigrations()
        let name = Body.collection
        let directory = folder.path + "/" + name
        var ids: [Int] = []
        for file in try FileIO.list(directory) ?? [] {
            if let id = Names.documentID(fileName: file) { ids.append(id) } else if !Names.isTemp(file) {
                folder.state.report(StoreHealthIssue(severity: .warning, source: name,
                    message: "unexpected file \(file) in \(directory) is ignored (documents are named <id>.json)"))
            }
        }
        ids.sort()
        let outcomes = try await Self.readAll(ids, directory: directory)
        return try finish(outcomes, highestID: ids.last ?? 0)
    }

    /// Turns outcomes into the collection: migrates, quarantines, refuses what must not load.
    private func finish(_ outcomes: [Outcome], highestID: Int) throws -> DocumentCollection<Body> {
        let files = DocumentFiles(folder: folder, collection: Body.collection)
        var documents: [Stored<Body>] = []
        documents.reserveCapacity(outcomes.count)
        var damaged: [(String, String)] = []
        var migrated = 0
        for outcome in outcomes {
            switch outcome {
            case .loaded(let doc): documents.append(doc)
            case .damaged(let file, let reason): damaged.append((file, reason))
            case .tooNew(let file, let version):
                throw StoreError(.invalid, "\(Body.collection)/\(file) has schemaVersion \(version), newer than this idkarr understands (\(Body.schemaVersion)); run a newer idkarr")
            case .needsMigration(let header, let body):
                do {
                    documents.append(try migrate(header, body, files: files))
                    migrated += 1
                } catch let error as StoreError where error.code != .corrupt {
                    throw error
                } catch {
                    damaged.append((DocumentFiles.fileName(header.id), "migration failed: \(error)"))
                }
            }
        }
        // Many failures at once are likelier a bug or a version mismatch than damage: move nothing.
        if damaged.count > 10 && damaged.count * 2 > outcomes.count {
            throw StoreError(.corrupt, "\(damaged.count) of \(outcomes.count) documents of \(Body.collection) do not decode (first: \(damaged[0].0): \(damaged[0].1)); nothing was moved — is this the right idkarr version?")
        }
        for (file, reason) in damaged { folder.quarantine(collection: Body.collection, fileName: file, reason: reason) }
        if migrated > 0 {
            let verb = folder.isReadOnly ? "need migration (done in memory only; idkarr migrates them when it starts)" : "were migrated"
            folder.logger.notice("\(migrated) document(s) of \(Body.collection) \(verb) to schema version \(Body.schemaVersion)")
            if folder.isReadOnly {
                folder.state.report(StoreHealthIssue(severity: .warning, source: Body.collection, message: "\(migrated) document(s) \(verb)"))
            }
        }
        let collection = DocumentCollection(documents: documents, highestID: highestID, files: files)
        return collection
    }

    /// Runs the migrations from the file's schema version to the current one, then decodes.
    /// Written back (version + 1) unless the folder is read-only.
    private func migrate(_ header: EnvelopeHeader, _ raw: JSONValue, files: DocumentFiles) throws -> Stored<Body> {
        var body = raw
        for migration in Body.migrations where migration.from >= header.schemaVersion {
            do { try migration.transform(&body) } catch {
                throw StoreError(.corrupt, "migration from schema version \(migration.from) failed", cause: error)
            }
        }
        let decoded: Body
        do {
            let bytes = try StoreCoding.makeEncoder().encode(body)
            decoded = try StoreCoding.decode(Body.self, from: [UInt8](bytes))
        } catch {
            throw StoreError(.corrupt, "the migrated body does not decode", cause: error)
        }
        guard !folder.isReadOnly else {
            return Stored(id: header.id, version: header.version, schemaVersion: Body.schemaVersion,
                          createdAt: header.createdAt, updatedAt: header.updatedAt, body: decoded)
        }
        let doc = Stored(id: header.id, version: header.version + 1, schemaVersion: Body.schemaVersion,
                         createdAt: header.createdAt, updatedAt: ISODate.truncate(Date()), body: decoded)
        try files.write(doc)
        return doc
    }

    /// Migrations must be contiguous and end at the current schema version.
    static func checkMigrations() throws {
        let list = Body.migrations
        guard Body.schemaVersion >= 1 else { throw StoreError(.invalid, "\(Body.self).schemaVersion must be at least 1") }
        for (a, b) in zip(list, list.dropFirst()) where b.from != a.from + 1 {
            throw StoreError(.invalid, "\(Body.self).migrations must be ordered and contiguous (\(a.from) is followed by \(b.from))")
        }
        if let last = list.last, last.from != Body.schemaVersion - 1 {
            throw StoreError(.invalid, "\(Body.self).migrations end at \(last.from + 1), but schemaVersion is \(Body.schemaVersion)")
        }
    }

    // MARK: - Parallel read and decode

    /// Reads and decodes every file, split over the cores (strided, so sizes balance).
    static func readAll(_ ids: [Int], directory: String) async throws -> [Outcome] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, ids.count / 64 + 1))
        let parts = try await withThrowingTaskGroup(of: (Int, [Outcome]).self) { group in
            for w in 0..<workers {
                group.addTask {
                    var outcomes: [Outcome] = []
                    outcomes.reserveCapacity(ids.count / workers + 1)
                    for i in stride(from: w, to: ids.count, by: workers) {
                        outcomes.append(try readOne(ids[i], directory: directory))
                    }
                    return (w, outcomes)
                }
            }
            var parts = [[Outcome]](repeating: [], count: workers)
            for try await (w, outcomes) in group { parts[w] = outcomes }
            return parts
        }
        var result: [Outcome] = []
        result.reserveCapacity(ids.count)
        for i in 0..<ids.count { result.append(parts[i % workers][i / workers]) }
        return result
    }

    /// One file: I/O errors throw (an unreadable file is never skipped); bad content is `.damaged`.
    static func readOne(_ id: Int, directory: String) throws -> Outcome {
        let fileName = DocumentFiles.fileName(id)
        let bytes: [UInt8]
        do { bytes = try FileIO.readFile(directory + "/" + fileName) } catch let error as StoreError where error.code == .corrupt {
            return .damaged(fileName: fileName, reason: error.message)  // not a regular file
        }
        return bytes.withUnsafeBufferPointer { buffer -> Outcome in
            do {
                let doc = TapeDocument(bytes: buffer, tape: try JSONTape.parse(buffer))
                let (header, bodyIndex) = try EnvelopeHeader.read(doc)
                guard header.id == id else {
                    return .damaged(fileName: fileName, reason: "the envelope says id \(header.id), the file name says \(id)")
                }
                if header.schemaVersion > Body.schemaVersion { return .tooNew(fileName: fileName, schemaVersion: header.schemaVersion) }
                if header.schemaVersion < Body.schemaVersion { return .needsMigration(header, try JSONValue(doc, bodyIndex)) }
                let body = try TapeDecoder.decode(Body.self, doc, bodyIndex)
                return .loaded(Stored(id: id, version: header.version, schemaVersion: header.schemaVersion,
                                      createdAt: header.createdAt, updatedAt: header.updatedAt, body: body))
            } catch {
                return .damaged(fileName: fileName, reason: "\(error)")
            }
        }
    }
}
