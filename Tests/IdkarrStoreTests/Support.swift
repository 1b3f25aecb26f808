import Foundation
import Logging
@testable import IdkarrStore

/// A fresh data folder under the system temp directory, removed at the end of the test.
final class TempFolder {
    let url: URL
    var path: String { url.path }

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("idkarr-store-tests-\(UUID().uuidString)", isDirectory: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    func write(_ relative: String, _ text: String) throws {
        let target = file(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
    }

    func read(_ relative: String) throws -> String {
        String(decoding: try Data(contentsOf: file(relative)), as: UTF8.self)
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: file(relative).path) }

    func list(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: file(relative).path)) ?? []).sorted()
    }
}

/// Silent: the failure tests provoke critical log lines on purpose.
let testLogger = Logger(label: "store-tests", factory: { _ in SwiftLogNoOpLogHandler() })

struct Note: StoredDocument, Equatable {
    static let collection = "notes"
    static let schemaVersion = 1
    var title: String
    var tags: [String] = []
    var counter: Int = 0
}

struct Episode: Codable, Equatable, Sendable {
    var number: Int
    var title: String
    var airDate: Date?
    var monitored: Bool
    var rating: Double
}

struct Show: StoredDocument, Equatable {
    static let collection = "shows"
    static let schemaVersion = 1
    var title: String
    var tvdbID: Int?
    var url: URL?
    var secret: Data
    var episodes: [Episode]
    var extra: [String: Int]
}
