import Foundation
import IdkarrAutomation
import IdkarrDecisions
import IdkarrIndexers
import IdkarrParsing

/// What the parser read from a release title, as search results show it.
struct ParsedInfoResource: Encodable {
    struct QualityInfo: Encodable {
        var id: Int
        var name: String
        var source: String
        var resolution: Int
        var modifier: String
    }
    struct RevisionInfo: Encodable {
        var version: Int
        var real: Int
        var isRepack: Bool
    }
    var kind: String
    var seriesTitle: String?
    var movieTitle: String?
    var year: Int?
    var seasonNumber: Int?
    var episodeNumbers: [Int]
    var absoluteEpisodeNumbers: [Int]
    var airDate: String?
    var fullSeason: Bool
    var quality: QualityInfo
    var revision: RevisionInfo
    var languages: [String]
    var releaseGroup: String?
    var edition: String?

    init(_ p: ParsedRelease) {
        kind = p.kind.rawValue
        seriesTitle = p.seriesTitle
        movieTitle = p.movieTitle
        year = p.year
        seasonNumber = p.seasonNumber
        episodeNumbers = p.episodeNumbers
        absoluteEpisodeNumbers = p.absoluteEpisodeNumbers
        airDate = p.airDate
        fullSeason = p.fullSeason
        let q = p.quality.quality
        quality = QualityInfo(id: q.id, name: q.name, source: q.source.rawValue, resolution: q.resolution, modifier: q.modifier.radarrName)
        revision = RevisionInfo(version: p.quality.revision.version, real: p.quality.revision.real, isRepack: p.quality.revision.isRepack)
        languages = p.languages.map(\.name)
        releaseGroup = p.releaseGroup
        edition = p.edition
    }
}

/// One release an indexer offered. The download link is not shown: grabbing goes through idkarr.
struct ReleaseResource: Encodable {
    var guid: String
    var title: String
    var indexerId: Int
    var indexer: String
    var `protocol`: String
    var size: Int64
    var publishDate: Date
    /// Minutes since it was posted.
    var ageMinutes: Int
    var seeders: Int?
    var leechers: Int?
    var peers: Int?
    var grabs: Int?
    var infoUrl: String?
    var categories: [Int]
    var indexerFlags: [String]
    var parsed: ParsedInfoResource

    init(_ f: FoundRelease, now: Date) {
        let r = f.release
        guid = r.guid
        title = r.title
        indexerId = f.indexerId
        indexer = f.indexerName
        `protocol` = r.downloadProtocol.rawValue
        size = r.size
        publishDate = r.publishDate
        ageMinutes = max(0, Int(now.timeIntervalSince(r.publishDate) / 60))
        seeders = r.seeders
        leechers = r.leechers
        peers = r.peers
        grabs = r.grabs
        infoUrl = r.infoURL.flatMap { $0.hasPrefix("http://") || $0.hasPrefix("https://") ? $0 : nil }
        categories = r.categories
        indexerFlags = r.flags.map(\.rawValue).sorted()
        parsed = ParsedInfoResource(f.parsed)
    }
}

struct SearchResultsResource: Encodable {
    var releases: [ReleaseResource]
    var indexers: [IndexerOutcome]
}

/// A release with its verdict for a title.
struct DecisionResource: Encodable {
    struct RejectionResource: Encodable {
        var specification: String
        var reason: String
        var temporary: Bool
    }
    var release: ReleaseResource
    var accepted: Bool
    /// 1 for the release idkarr would take first; nil for rejected ones.
    var rank: Int?
    var rejections: [RejectionResource]
    var episodeIds: [Int]
}

struct DecisionsResource: Encodable {
    var mediaId: Int
    var decisions: [DecisionResource]
    var indexers: [IndexerOutcome]

    init(mediaId: Int, _ result: ReleaseSearchResult, now: Date) {
        self.mediaId = mediaId
        var rank = 0
        decisions = result.decisions.compactMap { d -> DecisionResource? in
            guard let found = result.found[ReleaseSearch.key(d.release.indexerId, d.release.guid)] else { return nil }
            if d.accepted { rank += 1 }
            return DecisionResource(
                release: ReleaseResource(found, now: now), accepted: d.accepted, rank: d.accepted ? rank : nil,
                rejections: d.rejections.map { DecisionResource.RejectionResource(specification: $0.specification, reason: $0.reason, temporary: $0.temporary) },
                episodeIds: d.episodeIds)
        }
        indexers = result.outcomes
    }
}
