import Foundation
import IdkarrParsing

/// A release an indexer offered, with what the parser read from its title.
public struct Release: Sendable {
    public enum DownloadProtocol: String, Sendable, Codable { case usenet, torrent }

    public var title: String
    public var guid: String
    /// Bytes; nil when the indexer did not say.
    public var size: Int64?
    public var publishDate: Date?
    public var downloadProtocol: DownloadProtocol
    public var seeders: Int?
    public var peers: Int?
    public var indexerId: Int?
    public var parsed: ParsedRelease

    public init(title: String, guid: String, size: Int64? = nil, publishDate: Date? = nil,
                downloadProtocol: DownloadProtocol, seeders: Int? = nil, peers: Int? = nil, indexerId: Int? = nil,
                parsed: ParsedRelease? = nil) {
        self.title = title
        self.guid = guid
        self.size = size
        self.publishDate = publishDate
        self.downloadProtocol = downloadProtocol
        self.seeders = seeders
        self.peers = peers
        self.indexerId = indexerId
        self.parsed = parsed ?? ReleaseParser.parse(title)
    }

    /// Hours since it was posted (0 when unknown or in the future).
    func ageHours(now: Date) -> Double {
        guard let publishDate else { return 0 }
        return max(0, now.timeIntervalSince(publishDate) / 3600)
    }
}
