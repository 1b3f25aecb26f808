import Foundation
import IdkarrTestSupport

/// The recorded provider responses in Tests/Fixtures/metadata (copied from ../shared/fixtures).
enum Fixture {
    static let directory = FixtureFiles.directory.appendingPathComponent("metadata")

    static func bytes(_ name: String) -> [UInt8] { FixtureFiles.bytes("metadata/" + name) }

    static func ok(_ name: String) -> Canned { Canned(status: 200, body: bytes(name)) }

    /// A recorded body with other recorded bodies added under keys, as `append_to_response` does.
    static func merged(_ name: String, adding parts: [String: String]) -> Canned {
        var object = (try? JSONSerialization.jsonObject(with: Data(bytes(name)))) as? [String: Any] ?? [:]
        for (key, file) in parts where object[key] == nil {
            object[key] = try? JSONSerialization.jsonObject(with: Data(bytes(file)))
        }
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return Canned(status: 200, body: Array(data))
    }

    static func json(_ value: Any, status: Int = 200) -> Canned {
        Canned(status: status, body: Array((try? JSONSerialization.data(withJSONObject: value)) ?? Data()))
    }
}
