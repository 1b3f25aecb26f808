import Foundation

/// A type stored as one JSON document per file in `<data>/<collection>/<id>.json`.
public protocol StoredDocument: Codable, Sendable {
    /// The folder name, `[a-z0-9-]+` (and not `logs`).
    static var collection: String { get }
    /// The current schema version of the body; starts at 1.
    static var schemaVersion: Int { get }
    /// Ordered, append-only upgrades of the raw body: `migrations[i]` goes from `i + 1` to `i + 2`.
    static var migrations: [DocumentMigration] { get }
}

extension StoredDocument {
    public static var migrations: [DocumentMigration] { [] }
}

/// Upgrades the raw JSON body of a document from `from` to `from + 1`.
/// Migrations run at load, before the body is decoded; migrated documents are written back.
public struct DocumentMigration: Sendable {
    public let from: Int
    public let transform: @Sendable (inout JSONValue) throws -> Void

    public init(from: Int, _ transform: @escaping @Sendable (inout JSONValue) throws -> Void) {
        self.from = from
        self.transform = transform
    }
}

/// A document with its envelope, as held in memory and on disk.
public struct Stored<Body: Sendable>: Sendable {
    public let id: Int
    public let version: Int
    public let schemaVersion: Int
    public let createdAt: Date
    public let updatedAt: Date
    public let body: Body

    public init(id: Int, version: Int, schemaVersion: Int, createdAt: Date, updatedAt: Date, body: Body) {
        self.id = id
        self.version = version
        self.schemaVersion = schemaVersion
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.body = body
    }
}

extension Stored: Equatable where Body: Equatable {}

/// A secondary index declared by the caller: a name, and the keys a body is found under.
public struct SecondaryIndex<Body>: Sendable {
    public let name: String
    public let keys: @Sendable (Body) -> [String]

    public init(_ name: String, keys: @escaping @Sendable (Body) -> [String]) {
        self.name = name
        self.keys = keys
    }
}

/// A health finding of the store (and of the data folder under it).
public struct StoreHealthIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable { case warning, error }
    public let severity: Severity
    /// What the issue is about: `store`, `filesystem`, or a collection name.
    public let source: String
    public let message: String

    public init(severity: Severity, source: String, message: String) {
        self.severity = severity
        self.source = source
        self.message = message
    }

    public var description: String { "\(severity.rawValue) [\(source)] \(message)" }
}

/// A document file that did not decode. In a writable store it has been moved aside to
/// `<data>/.quarantine/<collection>/`; in a read-only store it stays where it was.
public struct QuarantinedFile: Sendable, Equatable {
    /// Where the file is now.
    public let url: URL
    public let collection: String
    /// The file name it had in its collection (`12.json`).
    public let fileName: String
    public let reason: String
    /// False when the store is read-only and the file was only reported.
    public let movedAside: Bool
}

enum Names {
    /// Collection and log names: `[a-z0-9-]+`, not reserved.
    static func validate(_ name: String, what: String) throws {
        let ok = !name.isEmpty && name.utf8.count <= 64
            && name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        guard ok else { throw StoreError(.invalid, "\(what) name \"\(name)\" must match [a-z0-9-]+") }
        if what == "collection" && name == "logs" {
            throw StoreError(.invalid, "collection name \"logs\" is reserved for append-only logs")
        }
    }

    /// `12.json` → 12; nil for any other name.
    static func documentID(fileName: String) -> Int? {
        guard fileName.hasSuffix(".json") else { return nil }
        let stem = fileName.dropLast(5)
        guard !stem.isEmpty, stem.utf8.count <= 18, stem.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              !(stem.utf8.count > 1 && stem.utf8.first == 0x30) else { return nil }
        return Int(stem)
    }

    /// Temp files of the atomic replace: `.<name>.tmp-<pid>-<n>`.
    static func isTemp(_ fileName: String) -> Bool {
        fileName.hasPrefix(".") && fileName.contains(".tmp-")
    }
}
