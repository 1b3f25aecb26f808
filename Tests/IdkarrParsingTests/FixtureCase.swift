import Foundation

/// One row of `Tests/Fixtures/parsing/{tv,movies}.json` (see the fixtures README for the meaning
/// of each `expect` key).
struct FixtureCase: Sendable {
    let file: String
    let index: Int
    let title: String
    let kind: String
    let test: String
    let function: String
    let expect: [String: JSONValue]
    let args: [String: JSONValue]
    let preprocess: String?

    /// Stable key used by the known-failures list.
    var id: String { "\(file)#\(index)" }
    var testDescription: String { "\(id) \(function) \(title.prefix(80))" }
}


/// A decoded JSON value (the fixtures hold strings, numbers, booleans, nulls, lists and objects).
enum JSONValue: Sendable, Equatable, Decodable {
    case string(String), number(Double), bool(Bool), null, array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    var string: String? { if case .string(let s) = self { s } else { nil } }
    var int: Int? { if case .number(let n) = self { Int(n) } else { nil } }
    var double: Double? { if case .number(let n) = self { n } else { nil } }
    var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    var isNull: Bool { self == .null }
    var array: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    var object: [String: JSONValue]? { if case .object(let o) = self { o } else { nil } }
}

enum Fixtures {
    /// `Tests/Fixtures/parsing`, found from this file's path (also through a symlinked package),
    /// else from the working directory.
    static let directory: URL = {
        var candidates: [URL] = []
        let here = URL(fileURLWithPath: #filePath)
        candidates.append(here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/parsing"))
        candidates.append(here.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/parsing"))
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        candidates.append(cwd.appendingPathComponent("Tests/Fixtures/parsing"))
        for c in candidates where FileManager.default.fileExists(atPath: c.appendingPathComponent("tv.json").path) { return c }
        return candidates[0]
    }()

    struct Row: Decodable {
        var title: String
        var kind: String
        var test: String
        var function: String
        var expect: [String: JSONValue]
        var functionArgs: [String: JSONValue]?
        var preprocess: String?
    }

    static func load(_ file: String) -> [FixtureCase] {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(file)),
            let rows = try? JSONDecoder().decode([Row].self, from: data)
        else { return [] }
        return rows.enumerated().map { i, row in
            FixtureCase(
                file: file, index: i, title: row.title, kind: row.kind, test: row.test, function: row.function,
                expect: row.expect, args: row.functionArgs ?? [:], preprocess: row.preprocess)
        }
    }

    static let all: [FixtureCase] = load("tv.json") + load("movies.json")

    struct KnownFailure: Codable {
        var id: String
        var title: String
        var function: String
        var reason: String
    }

    static let knownFailuresURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("KnownFailures.json")

    static let knownFailures: [String: KnownFailure] = {
        guard let data = try? Data(contentsOf: knownFailuresURL),
            let list = try? JSONDecoder().decode([KnownFailure].self, from: data)
        else { return [:] }
        return Dictionary(list.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }()
}
