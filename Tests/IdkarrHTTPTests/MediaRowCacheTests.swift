import Foundation
import IdkarrDomain
import IdkarrStore
import Testing

@testable import IdkarrHTTP

/// The row cache holds an encoded row per title for as long as the title is unchanged: at the
/// design size that is 15,000 rows, so a row must keep its bytes and nothing more.
@Suite("Media list rows")
struct MediaRowCacheTests {
    static func stored(_ id: Int, version: Int, title: String) -> Stored<Media> {
        let added = Date(timeIntervalSince1970: 1_764_000_000)
        var media = Media(instanceId: 1, mediaType: .series, title: title, added: added)
        media.overview = String(repeating: "An overview. ", count: 10)
        return Stored(id: id, version: version, schemaVersion: 1, createdAt: added, updatedAt: added, body: media)
    }

    @Test func aRowIsTheListJSONOfItsTitleInExactlyItsBytes() throws {
        let cache = MediaRowCache()
        let docs = [Self.stored(7, version: 1, title: "The Expanse")]
        let row = try cache.row(docs, 0)
        let expected = try JSONBody.encoder.encode(MediaResource(docs[0], withEpisodes: false))
        // Foundation orders keys by hash; compare what the two say, not their byte order.
        let ours = try JSONSerialization.jsonObject(with: Data(row)) as? NSDictionary
        let foundation = try JSONSerialization.jsonObject(with: expected) as? NSDictionary
        #expect(ours != nil && ours == foundation)
        #expect(row.capacity - row.count < 32, "capacity \(row.capacity) for \(row.count) bytes")
    }

    @Test func aNewVersionIsEncodedAgain() throws {
        let cache = MediaRowCache()
        let first = try cache.row([Self.stored(7, version: 1, title: "The Expanse")], 0)
        #expect(try cache.row([Self.stored(7, version: 1, title: "Changed without a new version")], 0) == first)
        let second = try cache.row([Self.stored(7, version: 2, title: "Expanse, The")], 0)
        #expect(second != first)
        #expect(String(decoding: second, as: UTF8.self).contains("Expanse, The"))
    }
}
