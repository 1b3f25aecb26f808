import Foundation
import Synchronization

/// What readers see: documents sorted by id and the secondary indexes. Replaced under a short
/// lock by the writer after each successful write; readers never wait for disk I/O.
struct Snapshot<Body: Sendable>: Sendable {
    var docs: [Stored<Body>] = []
    /// index name → key → ids (sorted)
    var indexes: [String: [String: [Int]]] = [:]

    /// Binary search: the position of `id`, or where it would go.
    func position(of id: Int) -> (found: Bool, at: Int) {
        var low = 0, high = docs.count
        while low < high {
            let mid = (low + high) / 2
            if docs[mid].id < id { low = mid + 1 } else { high = mid }
        }
        return (low < docs.count && docs[low].id == id, low)
    }

    mutating func addKeys(_ id: Int, _ keys: [String], index: String) {
        for key in Set(keys) {
            var ids = indexes[index, default: [:]][key, default: []]
            if ids.last.map({ $0 < id }) ?? true { ids.append(id) } else if !ids.contains(id) {
                ids.insert(id, at: ids.firstIndex { $0 > id } ?? ids.count)
            }
            indexes[index, default: [:]][key] = ids
        }
    }

    mutating func removeKeys(_ id: Int, _ keys: [String], index: String) {
        for key in Set(keys) {
            guard var ids = indexes[index]?[key] else { continue }
            ids.removeAll { $0 == id }
            indexes[index]?[key] = ids.isEmpty ? nil : ids
        }
    }
}

/// One collection of documents: one writer (this actor) and lock-free-in-practice readers
/// (`nonisolated` methods reading the current snapshot under a lock held for nanoseconds).
public actor DocumentCollection<Body: StoredDocument> {
    private nonisolated let snapshot: Mutex<Snapshot<Body>>
    private var indexDefinitions: [SecondaryIndex<Body>] = []
    private let files: DocumentFiles
    private var nextID: Int

    init(documents: [Stored<Body>], highestID: Int, files: DocumentFiles) {
        self.snapshot = Mutex(Snapshot(docs: documents.sorted { $0.id < $1.id }))
        self.files = files
        self.nextID = max(highestID, documents.last?.id ?? 0) + 1
    }

    // MARK: - Reads (never touch the disk, never wait for the writer's I/O)

    public nonisolated func get(_ id: Int) -> Stored<Body>? {
        snapshot.withLock { s in
            let p = s.position(of: id)
            return p.found ? s.docs[p.at] : nil
        }
    }

    /// Every document, ordered by id.
    public nonisolated func all() -> [Stored<Body>] { snapshot.withLock { $0.docs } }

    public nonisolated var count: Int { snapshot.withLock { $0.docs.count } }

    /// Ids of the documents whose `index` keys include `key`, ordered.
    public nonisolated func lookup(_ index: String, _ key: String) -> [Int] {
        snapshot.withLock { $0.indexes[index]?[key] ?? [] }
    }

    /// Names of the secondary indexes.
    public nonisolated var indexNames: [String] { snapshot.withLock { Array($0.indexes.keys).sorted() } }

    // MARK: - Writes

    public func create(_ body: Body) throws -> Stored<Body> {
        let now = ISODate.truncate(Date())
        let doc = Stored(id: nextID, version: 1, schemaVersion: Body.schemaVersion, createdAt: now, updatedAt: now, body: body)
        try files.write(doc)
        nextID += 1
        publish(doc, replacing: nil)
        return doc
    }

    public func update(_ id: Int, ifVersion: Int? = nil, _ body: Body) throws -> Stored<Body> {
        let current = try current(id, ifVersion: ifVersion)
        return try write(body, over: current)
    }

    public func update(_ id: Int, ifVersion: Int? = nil, _ mutate: (inout Body) throws -> Void) throws -> Stored<Body> {
        let current = try current(id, ifVersion: ifVersion)
        var body = current.body
        try mutate(&body)
        return try write(body, over: current)
    }

    public func delete(_ id: Int, ifVersion: Int? = nil) throws {
        let current = try current(id, ifVersion: ifVersion)
        try files.remove(id)
        let old = indexDefinitions.map { ($0.name, $0.keys(current.body)) }
        snapshot.withLock { s in
            let p = s.position(of: id)
            if p.found { s.docs.remove(at: p.at) }
            for (name, keys) in old { s.removeKeys(id, keys, index: name) }
        }
    }

    // MARK: - Internals

    private func current(_ id: Int, ifVersion: Int?) throws -> Stored<Body> {
        guard let current = get(id) else {
            throw StoreError(.notFound, "no document \(id) in \(Body.collection)")
        }
        if let expected = ifVersion, expected != current.version {
            throw StoreError(.conflict(current: current.version),
                             "document \(Body.collection)/\(id) is at version \(current.version), not \(expected); reload it and try again")
        }
        return current
    }

    private func write(_ body: Body, over current: Stored<Body>) throws -> Stored<Body> {
        let doc = Stored(id: current.id, version: current.version + 1, schemaVersion: Body.schemaVersion,
                         createdAt: current.createdAt, updatedAt: ISODate.truncate(Date()), body: body)
        try files.write(doc)
        publish(doc, replacing: current)
        return doc
    }

    /// Makes a written document visible: only called after the rename succeeded.
    private func publish(_ doc: Stored<Body>, replacing old: Stored<Body>?) {
        let changes = indexDefinitions.map { index in (index.name, old.map { index.keys($0.body) } ?? [], index.keys(doc.body)) }
        snapshot.withLock { s in
            let p = s.position(of: doc.id)
            if p.found { s.docs[p.at] = doc } else { s.docs.insert(doc, at: p.at) }
            for (name, before, after) in changes where before != after {
                s.removeKeys(doc.id, before, index: name)
                s.addKeys(doc.id, after, index: name)
            }
        }
    }

    /// Adds the indexes not defined yet, built from the current documents.
    func addIndexes(_ definitions: [SecondaryIndex<Body>]) {
        let known = Set(indexDefinitions.map(\.name))
        let added = definitions.filter { !known.contains($0.name) }
        guard !added.isEmpty else { return }
        indexDefinitions += added
        let docs = all()
        var built: [String: [String: [Int]]] = [:]
        for index in added {
            var map: [String: [Int]] = [:]
            for doc in docs { for key in Set(index.keys(doc.body)) { map[key, default: []].append(doc.id) } }
            built[index.name] = map
        }
        snapshot.withLock { s in s.indexes.merge(built) { _, new in new } }
    }
}

extension Array {
    /// True when both arrays are the same snapshot: one storage, same count. A collection hands
    /// out its snapshot array and replaces it on every write, so caches keyed on a snapshot keep
    /// the array (which keeps its storage alive) and compare with this: no write path needs to
    /// tell them, and an answer is never stale.
    public func isSameSnapshot(as other: [Element]) -> Bool {
        count == other.count && withUnsafeBufferPointer { a in other.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
    }
}
