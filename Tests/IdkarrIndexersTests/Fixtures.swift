import Foundation
import IdkarrIndexers
import IdkarrTestSupport
import Testing

/// The recorded Newznab/Torznab documents in Tests/Fixtures/indexers (copied byte for byte from
/// ../shared/fixtures/indexers) and what `index.json` records about each.
enum Fixtures {
    static let directory = FixtureFiles.directory

    /// `indexers/newznab/newznab_caps.xml` etc., relative to Tests/Fixtures.
    static func bytes(_ path: String) -> [UInt8] { FixtureFiles.bytes(path) }

    static func text(_ path: String) -> String { String(decoding: bytes(path), as: UTF8.self) }

    /// Parsed on each use (it is 30 KB): `[String: Any]` cannot be a shared constant under strict concurrency.
    static var index: [String: Any] {
        let data = Data(bytes("indexers/index.json"))
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    /// Every file `index.json` describes.
    static var files: [String] {
        (index["files"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
    }

    static func entry(_ file: String) -> [String: Any] {
        (index["files"] as? [[String: Any]] ?? []).first { $0["file"] as? String == file } ?? [:]
    }

    /// `sizeStringParsing` cases: input and bytes (0 = not parsed).
    static var sizeCases: [SizeCase] {
        let block = index["sizeStringParsing"] as? [String: Any]
        return (block?["cases"] as? [[String: Any]] ?? []).compactMap { row in
            guard let input = row["input"] as? String, let bytes = row["expectedBytes"] as? NSNumber else { return nil }
            return SizeCase(input: input, bytes: bytes.int64Value)
        }
    }

    struct SizeCase: Sendable, CustomTestStringConvertible {
        let input: String
        let bytes: Int64
        var testDescription: String { "\"\(input)\"" }
    }
}

/// `Any` from JSON, read without ceremony.
extension Dictionary where Key == String, Value == Any {
    func dict(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }
    func string(_ key: String) -> String? { self[key] as? String }
    func int(_ key: String) -> Int? { (self[key] as? NSNumber)?.intValue ?? (self[key] as? String).flatMap { Int($0) } }
    func int64(_ key: String) -> Int64? { (self[key] as? NSNumber)?.int64Value }
    func isNull(_ key: String) -> Bool { self[key] is NSNull }
}
