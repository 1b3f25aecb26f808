import Foundation
import IdkarrDomain
import IdkarrImport
import IdkarrParsing
import Testing

/// The folder trees of `Tests/Fixtures/scan/trees.json`: real file names, what each should become.
struct ScanTree: Decodable, Sendable, CustomTestStringConvertible {
    struct EpisodeRange: Decodable, Sendable {
        var s: Int
        var e: [Int]
        var abs: Int?
        var airDate: String?
    }

    struct Entry: Decodable, Sendable {
        enum Expect: Sendable, Equatable {
            case episodes([String]), movie, unmatched, skipped, ignored
        }
        var path: String
        var size: Int64
        var expect: Expect
        var reason: String?
        var quality: String?
        var group: String?
        var revision: Int?

        enum Key: String, CodingKey { case path, size, expect, reason, quality, group, revision }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            path = try c.decode(String.self, forKey: .path)
            size = try c.decode(Int64.self, forKey: .size)
            reason = try c.decodeIfPresent(String.self, forKey: .reason)
            quality = try c.decodeIfPresent(String.self, forKey: .quality)
            group = try c.decodeIfPresent(String.self, forKey: .group)
            revision = try c.decodeIfPresent(Int.self, forKey: .revision)
            if let list = try? c.decode([String].self, forKey: .expect) {
                expect = .episodes(list)
            } else {
                switch try c.decode(String.self, forKey: .expect) {
                case "movie": expect = .movie
                case "unmatched": expect = .unmatched
                case "skipped": expect = .skipped
                default: expect = .ignored
                }
            }
        }
    }

    var name: String
    var mediaType: MediaType
    var seriesType: SeriesType?
    var folder: String
    var year: Int?
    var episodes: [EpisodeRange]?
    var files: [Entry]

    var testDescription: String { name }

    static let all: [ScanTree] = {
        struct Doc: Decodable { var trees: [ScanTree] }
        let url = fixtures.appendingPathComponent("scan/trees.json")
        return (try? JSONDecoder().decode(Doc.self, from: Data(contentsOf: url)).trees) ?? []
    }()

    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// The title this tree belongs to, its folder under `root`.
    func media(root: URL) -> Media {
        var m = Media(instanceId: 1, mediaType: mediaType, title: folder, added: Date(timeIntervalSince1970: 0))
        m.path = root.appendingPathComponent(folder).path
        m.year = year
        if let seriesType { m.seriesType = seriesType }
        for range in episodes ?? [] {
            for n in range.e[0]...range.e[1] {
                var e = Episode(id: m.nextEpisodeId, seasonNumber: range.s, episodeNumber: n)
                e.absoluteEpisodeNumber = range.abs.map { $0 + n - range.e[0] }
                e.airDate = range.airDate
                m.episodes.append(e)
            }
        }
        m.normalizeSeasons()
        return m
    }

    /// Writes the tree's files (sparse, of their listed sizes) under `root`.
    func write(under root: URL) throws {
        for entry in files { try TempTree.file(root.appendingPathComponent(folder).appendingPathComponent(entry.path), size: entry.size) }
    }
}

enum TempTree {
    static func make() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("idkarr-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func file(_ url: URL, size: Int64) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
    }
}

extension Media {
    /// The episode named `S01E02` (or `S2014E01`).
    func episode(_ code: String) -> Episode? {
        let parts = code.dropFirst().split(separator: "E")
        guard parts.count == 2, let s = Int(parts[0]), let e = Int(parts[1]) else { return nil }
        return episodes.first { $0.seasonNumber == s && $0.episodeNumber == e }
    }
}
