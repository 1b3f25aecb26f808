import Foundation
import IdkarrDomain
import IdkarrStore

/// A page of a wanted list: what is missing (monitored, aired or available, no file) or what has
/// a file below its quality profile's cutoff.
public struct WantedQuery: Sendable, Equatable {
    public enum List: String, Sendable { case missing, cutoffUnmet }
    public enum SortKey: String, Sendable, CaseIterable { case airDateUtc, title, year }

    public var list: List
    public var page = 1
    public var pageSize = 50
    public var sortKey = SortKey.airDateUtc
    public var ascending = false
    public var instanceId: Int?
    /// true: monitored items (title, season and episode); false: the ones that are not.
    public var monitored = true

    public init(_ list: List) { self.list = list }
}

/// One wanted episode or movie.
public struct WantedRecord: Sendable, Equatable {
    public var mediaId: Int
    public var mediaType: MediaType
    public var title: String
    public var year: Int?
    public var tags: [Int]
    public var qualityProfileId: Int?
    public var monitored: Bool
    /// When it aired or became available (nil: not known).
    public var date: Date?
    public var episodeId: Int?
    public var seasonNumber: Int?
    public var episodeNumber: Int?
    public var episodeTitle: String?
    public var airDate: String?
    public var airDateUtc: Date?
    /// Cutoff unmet: the file's quality id.
    public var qualityId: Int?
    public var releaseDates: MovieReleaseDates?
    public var minimumAvailability: MinimumAvailability?
}

extension Library {
    /// A page of the missing or cutoff-unmet list over the current snapshot, as of the library's clock.
    /// The sorted list is kept between pages (`WantedCache`) while the snapshot is the same and no
    /// air or release time has passed that would change it.
    public func wanted(_ query: WantedQuery) -> Page<WantedRecord> {
        let docs = media.all(), profiles = qualityProfiles.all(), at = now()
        let hits = wantedCache.hits(for: query, in: docs, profiles: profiles, now: at.timeIntervalSince1970) {
            WantedQuery.sortedHits(in: docs, profiles: profiles, query, now: at)
        }
        return WantedQuery.page(of: hits, in: docs, query)
    }
}

extension WantedQuery {
    public static let maxPageSize = 1000

    /// A match found by the scan: where it is in the snapshot, and its sort time.
    struct Hit {
        var doc: Int32
        var episode: Int32  // -1 for a movie
        var time: Double  // .nan when unknown
        /// Season and episode number, for ordering inside a title.
        var code: Int64 = 0
    }

    public static func page(in docs: [Stored<Media>], profiles: [Stored<QualityProfile>], _ q: WantedQuery, now: Date) -> Page<WantedRecord> {
        page(of: sortedHits(in: docs, profiles: profiles, q, now: now).hits, in: docs, q)
    }

    /// Everything on the list in order, and until when that stays true: the earliest air or
    /// release time after `now` that would add an item or move one (infinity when none).
    static func sortedHits(in docs: [Stored<Media>], profiles: [Stored<QualityProfile>], _ q: WantedQuery, now: Date)
        -> (hits: [Hit], validUntil: Double)
    {
        let cutoffs = q.list == .cutoffUnmet ? CutoffTable(profiles) : nil
        var hits: [Hit] = []
        let nowT = now.timeIntervalSince1970
        var next = Double.infinity
        // Read in place (see CalendarQuery.entries): no copies of documents or episodes.
        docs.withUnsafeBufferPointer { docs in
            for i in docs.indices {
                if let id = q.instanceId, docs[i].body.instanceId != id { continue }
                if docs[i].body.mediaType == .movie {
                    if let hit = movieHit(docs[i].body, q, cutoffs, nowT, next: &next) { hits.append(Hit(doc: Int32(i), episode: -1, time: hit)) }
                } else {
                    episodeHits(i, docs[i].body, q, cutoffs, nowT, into: &hits, next: &next)
                }
            }
        }
        sort(&hits, docs, q)
        return (hits, next)
    }

    static func page(of hits: [Hit], in docs: [Stored<Media>], _ q: WantedQuery) -> Page<WantedRecord> {
        let size = max(1, min(q.pageSize, maxPageSize))
        let page = max(1, q.page)
        let start = min(hits.count, (page - 1) * size), end = min(hits.count, start + size)
        let records = hits[start..<end].map { record(docs[Int($0.doc)], $0) }
        return Page(page: page, pageSize: size, totalRecords: hits.count, records: records)
    }

    private static func episodeHits(_ i: Int, _ m: Media, _ q: WantedQuery, _ cutoffs: CutoffTable?, _ now: Double,
                                    into hits: inout [Hit], next: inout Double) {
        var unmonitoredSeasons: Set<Int> = []
        for s in m.seasons where !s.monitored { unmonitoredSeasons.insert(s.seasonNumber) }
        let profile = m.qualityProfileId.flatMap { cutoffs?.profiles[$0] }
        if cutoffs != nil && profile == nil { return }  // no profile (or no upgrades): nothing is below a cutoff
        m.episodes.withUnsafeBufferPointer { episodes in
            for k in episodes.indices {
                if episodes[k].removedFromProvider == true { continue }
                let season = episodes[k].seasonNumber
                let monitored = m.monitored && episodes[k].monitored && !unmonitoredSeasons.contains(season)
                if monitored != q.monitored { continue }
                // Specials count only when monitored: an unmonitored special is not wanted, ever.
                if season == 0 && !monitored { continue }
                if let profile {
                    guard let quality = episodes[k].episodeFile.map({ $0.qualityId }), profile.isBelowCutoff(quality) else { continue }
                } else if episodes[k].episodeFile != nil {
                    continue
                }
                let t = airTime(episodes[k])
                if profile == nil {
                    guard let t else { continue }
                    // Not aired yet: on the list once `now` passes it.
                    guard t < now else { next = min(next, t); continue }
                }
                hits.append(Hit(doc: Int32(i), episode: Int32(k), time: t ?? .nan,
                                code: Int64(season) << 32 | Int64(UInt32(truncatingIfNeeded: episodes[k].episodeNumber))))
            }
        }
    }

    /// The movie's sort time when it is wanted, `.nan` when wanted without a known date, nil when not wanted.
    private static func movieHit(_ m: Media, _ q: WantedQuery, _ cutoffs: CutoffTable?, _ now: Double, next: inout Double) -> Double? {
        guard m.monitored == q.monitored else { return nil }
        // A release date still ahead changes availability and the sort time when it passes.
        for text in [m.releaseDates?.inCinemas, m.releaseDates?.digital, m.releaseDates?.physical] {
            if let days = text.flatMap(CivilDay.days), Double(days) * CivilDay.secondsPerDay >= now {
                next = min(next, Double(days) * CivilDay.secondsPerDay)
            }
        }
        let date = releaseTime(m.releaseDates, before: now)
        if let cutoffs {
            guard let profile = m.qualityProfileId.flatMap({ cutoffs.profiles[$0] }), let file = m.movieFile,
                  profile.isBelowCutoff(file.qualityId) else { return nil }
            return date ?? .nan
        }
        guard m.movieFile == nil, isAvailable(m, now: now) else { return nil }
        return date ?? .nan
    }

    static func airTime(_ e: borrowing Episode) -> Double? {
        if let utc = e.airDateUtc { return utc.timeIntervalSince1970 }
        return e.airDate.flatMap(CivilDay.days).map { Double($0) * CivilDay.secondsPerDay }
    }

    /// The latest release date that has passed (the one that made it available), else the earliest known.
    static func releaseTime(_ dates: MovieReleaseDates?, before now: Double) -> Double? {
        let times = [dates?.inCinemas, dates?.digital, dates?.physical].compactMap { $0.flatMap(CivilDay.days) }
            .map { Double($0) * CivilDay.secondsPerDay }
        return times.filter { $0 < now }.max() ?? times.min()
    }

    /// Whether a movie has reached its minimum availability (unset: released, Radarr's default).
    public static func isAvailable(_ m: Media, now: Double) -> Bool {
        func passed(_ text: String?) -> Bool {
            guard let days = text.flatMap(CivilDay.days) else { return false }
            return Double(days) * CivilDay.secondsPerDay < now
        }
        let released = m.status == .released || passed(m.releaseDates?.digital) || passed(m.releaseDates?.physical)
        switch m.minimumAvailability ?? .released {
        case .announced: return true
        case .inCinemas: return released || m.status == .inCinemas || passed(m.releaseDates?.inCinemas)
        case .released: return released
        }
    }

    private static func sort(_ hits: inout [Hit], _ docs: [Stored<Media>], _ q: WantedQuery) {
        // Titles ranked once (only those with hits), so comparisons are of integers.
        var rank = [Int32](repeating: 0, count: docs.count)
        var seen = Array(Set(hits.map(\.doc)))
        seen.sort { a, b in
            let ta = docs[Int(a)].body.sortTitle, tb = docs[Int(b)].body.sortTitle
            return ta == tb ? docs[Int(a)].id < docs[Int(b)].id : ta < tb
        }
        for (r, d) in seen.enumerated() { rank[Int(d)] = Int32(r) }
        let asc = q.ascending
        // Ties: title, then season and episode, always ascending, so pages are stable.
        func tie(_ a: Hit, _ b: Hit) -> Bool {
            let ra = rank[Int(a.doc)], rb = rank[Int(b.doc)]
            return ra == rb ? a.code < b.code : ra < rb
        }
        switch q.sortKey {
        case .airDateUtc:
            hits.sort { a, b in
                if a.time.isNaN || b.time.isNaN { return a.time.isNaN == b.time.isNaN ? tie(a, b) : b.time.isNaN }  // unknown last
                return a.time == b.time ? tie(a, b) : (asc ? a.time < b.time : a.time > b.time)
            }
        case .title:
            hits.sort { a, b in asc ? tie(a, b) : tie(b, a) }
        case .year:
            let years = docs.map { $0.body.year ?? 0 }
            hits.sort { a, b in
                let ya = years[Int(a.doc)], yb = years[Int(b.doc)]
                return ya == yb ? tie(a, b) : (asc ? ya < yb : ya > yb)
            }
        }
    }

    private static func record(_ doc: Stored<Media>, _ h: Hit) -> WantedRecord {
        let m = doc.body
        var r = WantedRecord(mediaId: doc.id, mediaType: m.mediaType, title: m.title, year: m.year, tags: m.tags,
                             qualityProfileId: m.qualityProfileId, monitored: m.monitored,
                             date: h.time.isNaN ? nil : Date(timeIntervalSince1970: h.time))
        if h.episode >= 0 {
            let e = m.episodes[Int(h.episode)]
            r.episodeId = e.id
            r.seasonNumber = e.seasonNumber
            r.episodeNumber = e.episodeNumber
            r.episodeTitle = e.title
            r.airDate = e.airDate
            r.airDateUtc = e.airDateUtc
            r.monitored = m.monitored && e.monitored && (m.seasons.first { $0.seasonNumber == e.seasonNumber }?.monitored ?? true)
            r.qualityId = e.episodeFile?.qualityId
        } else {
            r.qualityId = m.movieFile?.qualityId
            r.releaseDates = m.releaseDates
            r.minimumAvailability = m.minimumAvailability
        }
        return r
    }
}

extension WantedRecord {
    init(mediaId: Int, mediaType: MediaType, title: String, year: Int?, tags: [Int], qualityProfileId: Int?, monitored: Bool, date: Date?) {
        self.mediaId = mediaId
        self.mediaType = mediaType
        self.title = title
        self.year = year
        self.tags = tags
        self.qualityProfileId = qualityProfileId
        self.monitored = monitored
        self.date = date
    }
}

/// For each quality profile that allows upgrades: which quality ids meet its cutoff.
struct CutoffTable {
    struct Profile {
        /// Allowed qualities at or above the cutoff; anything else (lower, not allowed, not in the profile) is below.
        var meetsCutoff: Set<Int>
        func isBelowCutoff(_ qualityId: Int?) -> Bool { !meetsCutoff.contains(qualityId ?? 0) }
    }

    var profiles: [Int: Profile] = [:]

    init(_ stored: [Stored<QualityProfile>]) {
        for s in stored where s.body.upgradeAllowed {
            profiles[s.id] = Profile(meetsCutoff: Self.meetingCutoff(s.body))
        }
    }

    /// Items are worst first; a group is one rank. Members of the cutoff item and of every item after it meet it.
    static func meetingCutoff(_ p: QualityProfile) -> Set<Int> {
        guard let cut = p.items.firstIndex(where: { ($0.isGroup ? $0.id : $0.qualityId) == p.cutoff }) else { return [] }
        var ids: Set<Int> = []
        for item in p.items[cut...] where item.allowed {
            if let members = item.items {
                for member in members where member.allowed { if let q = member.qualityId { ids.insert(q) } }
            } else if let q = item.qualityId {
                ids.insert(q)
            }
        }
        return ids
    }
}
