import Foundation
import IdkarrDecisions
import IdkarrDomain
import IdkarrIndexers
import IdkarrLibrary
import IdkarrParsing
import IdkarrStore
import Logging
import Synchronization

/// Sonarr's RSS sync: every few minutes ask each RSS-enabled indexer for its latest releases,
/// keep only those not seen before, find the library titles they belong to and decide them. One
/// sync at a time; the last report is kept (a document), so the UI shows it after a restart.
///
/// Paging: when every release of a page is new, the next page is fetched too (up to
/// `maxPages`), so a sync after a long pause misses nothing in between; the first sync of an
/// indexer reads one page.
public final class RssSync: Sendable {
    public static let maxPages = 3
    let indexers: IndexerService
    let search: ReleaseSearch
    let seen: DocumentCollection<RssSeenRecord>
    let reports: DocumentCollection<RssSyncReport>
    let running = Mutex(false)
    /// When the schedule's first sync is due (set when the schedule starts).
    let firstDue = Mutex<Date?>(nil)
    /// The title index of the last sync, kept while the library is unchanged (building it for
    /// 15,000 titles costs more than deciding a thousand releases).
    let matcherCache = Mutex<(fingerprint: Int, matcher: LibraryMatcher)?>(nil)
    let logger: Logger

    public static func open(in folder: DataFolder, indexers: IndexerService, search: ReleaseSearch, logger: Logger) async throws -> RssSync {
        RssSync(indexers: indexers, search: search,
                seen: try await folder.collection(RssSeenRecord.self, indexes: [SecondaryIndex("indexer") { [String($0.indexerId)] }]),
                reports: try await folder.collection(RssSyncReport.self), logger: logger)
    }

    init(indexers: IndexerService, search: ReleaseSearch, seen: DocumentCollection<RssSeenRecord>,
         reports: DocumentCollection<RssSyncReport>, logger: Logger) {
        self.indexers = indexers
        self.search = search
        self.seen = seen
        self.reports = reports
        self.logger = logger
    }

    /// Reports kept, newest replacing the oldest.
    public static let keptReports = 20

    public var lastReport: RssSyncReport? { reports.all().max { $0.body.run < $1.body.run }?.body }

    /// The kept reports, newest first.
    public var recentReports: [RssSyncReport] { reports.all().map(\.body).sorted { $0.run > $1.run } }
    public var isRunning: Bool { running.withLock { $0 } }

    /// When the next scheduled sync is due: an interval after the last one, or the schedule's
    /// first (nil: RSS sync is off, or no schedule runs and no sync has run yet).
    public var nextRun: Date? {
        guard let interval = indexers.currentSettings.rssSyncInterval else { return nil }
        guard let last = lastReport else { return firstDue.withLock { $0 } }
        return last.finishedAt.addingTimeInterval(Double(interval.components.seconds))
    }

    /// One sync. - Throws: `ServiceError` conflict when a sync is already running.
    @discardableResult
    public func run(_ trigger: RssSyncReport.Trigger) async throws -> RssSyncReport {
        guard running.withLock({ busy in defer { busy = true }; return !busy }) else {
            throw ServiceError(.conflict, "An RSS sync is running already; its report follows when it ends.")
        }
        defer { running.withLock { $0 = false } }
        let started = indexers.now()
        let clock = ContinuousClock.now
        let fetched = await withTaskGroup(of: (Int, RssSyncReport.IndexerPart, [FoundRelease]).self) { group in
            for (position, stored) in indexers.indexers(for: .rss).enumerated() {
                group.addTask {
                    let (part, found) = await self.fetchNew(stored)
                    return (position, part, found)
                }
            }
            var all: [(Int, RssSyncReport.IndexerPart, [FoundRelease])] = []
            for await part in group { all.append(part) }
            return all.sorted { $0.0 < $1.0 }
        }
        let fresh = IndexerService.merge(fetched.map(\.2))
        var report = decide(fresh, trigger: trigger, started: started)
        report.indexers = fetched.map(\.1)
        report.finishedAt = indexers.now()
        report.milliseconds = IndexerService.milliseconds(since: clock)
        await save(report)
        logger.info("RSS sync: \(fresh.count) new releases, \(report.matched) for library titles, \(report.acceptedCount) accepted")
        return report
    }

    /// Runs a sync whenever one is due, until cancelled. `sleep` is injected for tests.
    public func runScheduled(sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) async {
        // The first sync waits a minute after start, so a restart loop cannot hammer the indexers.
        let start = indexers.now().addingTimeInterval(60)
        firstDue.withLock { $0 = start }
        while !Task.isCancelled {
            if let next = nextRun, max(next, start) <= indexers.now() {
                do { try await run(.scheduled) } catch { logger.info("scheduled RSS sync skipped: \(error)") }
            }
            // Wake at the due time, and at least every minute to see a changed interval.
            let wait = nextRun.map { max(1, min(60, max($0, start).timeIntervalSince(indexers.now()))) } ?? 60
            do { try await sleep(.milliseconds(Int(wait * 1000))) } catch { return }
        }
    }

    // MARK: steps

    /// The indexer's releases not seen before (and the report line); remembers them as seen.
    private func fetchNew(_ stored: Stored<IndexerDefinition>) async -> (RssSyncReport.IndexerPart, [FoundRelease]) {
        let record = seen.lookup("indexer", String(stored.id)).first.flatMap { seen.get($0) }
        let known = Set(record?.body.guids ?? [])
        let request = SearchRequest(.recent, categories: SearchCategories.library.ids(for: stored.body),
                                    extraParameters: QueryParameter.parse(stored.body.additionalParameters ?? ""))
        let pages = record == nil ? 1 : Self.maxPages
        // Stop paging at the first page that holds a release seen before.
        let (outcome, found) = await indexers.ask(stored, request, maxPages: pages) { feed in
            !feed.releases.contains { known.contains($0.guid) }
        }
        let new = found.filter { !known.contains($0.release.guid) }
        var part = RssSyncReport.IndexerPart(indexerId: stored.id, name: stored.body.name, state: outcome.state, fetched: outcome.releases,
                                             new: new.count, pages: outcome.queries, message: outcome.message, code: outcome.code,
                                             disabledUntil: outcome.disabledUntil)
        if outcome.state == .ok {
            var updated = record?.body ?? RssSeenRecord(indexerId: stored.id, guids: [], lastSyncAt: indexers.now())
            updated.remember(found.map(\.release.guid), at: indexers.now())
            do {
                if let record { _ = try await seen.update(record.id, updated) } else { _ = try await seen.create(updated) }
            } catch {
                part.message = "Could not remember the releases seen: \(error)"
                logger.error("RSS sync: could not save what \(stored.body.name) offered: \(error)")
            }
        }
        return (part, new)
    }

    /// RSS sync's second half: matches releases to the library's titles and decides each for its
    /// title (monitored titles and episodes only). The report's `indexers` is left empty.
    public func decide(_ fresh: [FoundRelease], trigger: RssSyncReport.Trigger, started: Date) -> RssSyncReport {
        let matcher = currentMatcher()
        var report = RssSyncReport(run: (lastReport?.run ?? 0) + 1, trigger: trigger, startedAt: started, finishedAt: started,
                                   milliseconds: 0, indexers: [], newReleases: fresh.count,
                                   matched: 0, acceptedCount: 0, rejectedCount: 0, accepted: [], rejected: [])
        var byTitle: [Int: [FoundRelease]] = [:]
        for release in fresh {
            for (id, parsed) in matcher.titles(for: release.release, parsed: release.parsed) {
                var reading = release
                reading.parsed = parsed
                byTitle[id, default: []].append(reading)
            }
        }
        report.matched = Set(byTitle.values.joined().map { ReleaseSearch.key($0.indexerId, $0.release.guid) }).count
        for (id, releases) in byTitle.sorted(by: { $0.key < $1.key }) {
            guard let media = search.library.media.get(id)?.body else { continue }
            let target: SearchTarget = media.mediaType == .movie ? .movie : .anyEpisodes
            let byKey = Dictionary(releases.map { (ReleaseSearch.key($0.indexerId, $0.release.guid), $0) }) { a, _ in a }
            for decision in search.decide(releases, media: media, target: target, requireMonitored: true) {
                guard let found = byKey[ReleaseSearch.key(decision.release.indexerId, decision.release.guid)] else { continue }
                let r = found.release
                let match = RssSyncReport.Match(
                    mediaId: id, mediaTitle: media.title, releaseTitle: r.title, guid: r.guid, indexerId: found.indexerId,
                    indexer: found.indexerName, quality: found.parsed.quality.quality.name, qualityId: found.parsed.quality.quality.id,
                    size: r.size, publishDate: r.publishDate,
                    infoUrl: r.infoURL.flatMap { $0.hasPrefix("http://") || $0.hasPrefix("https://") ? $0 : nil },
                    episodeIds: decision.episodeIds, accepted: decision.accepted, rejections: decision.rejections.map(\.reason))
                if decision.accepted {
                    report.acceptedCount += 1
                    if report.accepted.count < RssSyncReport.listLimit { report.accepted.append(match) }
                } else {
                    report.rejectedCount += 1
                    if report.rejected.count < RssSyncReport.listLimit { report.rejected.append(match) }
                }
            }
        }
        return report
    }

    /// The title index, built again only when a title was added, changed or removed.
    private func currentMatcher() -> LibraryMatcher {
        let fingerprint = LibraryMatcher.fingerprint(search.library)
        if let cached = matcherCache.withLock({ $0 }), cached.fingerprint == fingerprint { return cached.matcher }
        let matcher = LibraryMatcher(library: search.library)
        matcherCache.withLock { $0 = (fingerprint, matcher) }
        return matcher
    }

    /// Keeps the newest `keptReports` reports: the oldest is replaced once there are as many.
    private func save(_ report: RssSyncReport) async {
        do {
            let all = reports.all()
            if all.count >= Self.keptReports, let oldest = all.min(by: { $0.body.run < $1.body.run }) {
                _ = try await reports.update(oldest.id, report)
            } else {
                _ = try await reports.create(report)
            }
        } catch {
            logger.error("RSS sync: could not save the report: \(error)")
        }
    }
}
