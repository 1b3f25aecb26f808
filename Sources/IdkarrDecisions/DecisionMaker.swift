import Foundation
import IdkarrDomain
import IdkarrParsing

/// Decides a search's releases for one title: every release comes back accepted or rejected with
/// every reason, accepted ones first in the order idkarr would grab them.
public enum DecisionMaker {
    public static func decide(_ releases: [Release], _ context: DecisionContext) -> [Decision] {
        let decisions = releases.map { release in
            let episodes = ReleaseMatch.episodes(of: release.parsed, in: context.media)
            let rejections = Specification.all.compactMap { $0.check(release, episodes, context) }
            return Decision(release: release, episodeIds: episodes, rejections: rejections)
        }
        let accepted = decisions.filter(\.accepted).sorted { better($0, than: $1, context) }
        return accepted + decisions.filter { !$0.accepted }
    }

    /// Quality (by the profile's order), then revision, then seeders (torrents) or freshness
    /// (Usenet, in Sonarr's buckets: under an hour, a day, a week, older), then the size nearest
    /// the quality's preferred size (larger when there is no preference).
    static func better(_ a: Decision, than b: Decision, _ c: DecisionContext) -> Bool {
        let qa = a.release.parsed.quality, qb = b.release.parsed.quality
        let ra = c.profile?.rank(of: qa.quality.id) ?? qa.quality.id, rb = c.profile?.rank(of: qb.quality.id) ?? qb.quality.id
        if ra != rb { return ra > rb }
        if qa.revision != qb.revision { return qa.revision > qb.revision }
        let pa = availability(a.release, c.now), pb = availability(b.release, c.now)
        if pa != pb { return pa > pb }
        return sizeScore(a, c) > sizeScore(b, c)
    }

    private static func availability(_ r: Release, _ now: Date) -> Int {
        switch r.downloadProtocol {
        case .torrent: return r.seeders ?? 0
        case .usenet:
            let hours = r.ageHours(now: now)
            return hours < 1 ? 1000 : hours <= 24 ? 100 : hours <= 24 * 7 ? 10 : 1
        }
    }

    private static func sizeScore(_ d: Decision, _ c: DecisionContext) -> Double {
        let bytes = Double(d.release.size ?? 0)
        guard let preferred = c.definitions[d.release.parsed.quality.quality.id]?.preferredSize, preferred > 0 else { return bytes }
        let count = c.media.mediaType == .movie ? 1 : max(d.episodeIds.count, 1)
        let minutes = Double(c.media.runtime ?? (c.media.mediaType == .movie ? 110 : 45)) * Double(count)
        return -abs(bytes / 1_048_576 - preferred * minutes)
    }
}
