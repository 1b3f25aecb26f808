import Foundation
import IdkarrDomain
import IdkarrIndexers
import IdkarrParsing
import IdkarrStore
import Logging

/// Why a search asks the indexers: each indexer says which of these it takes part in.
public enum SearchScope: String, Sendable {
    /// A user looking at the results (the Search page, interactive search on a title).
    case interactive
    /// idkarr looking for a wanted title on its own.
    case automatic
    /// RSS sync: the latest releases.
    case rss

    func allows(_ d: IndexerDefinition) -> Bool {
        switch self {
        case .interactive: d.enableInteractiveSearch
        case .automatic: d.enableAutomaticSearch
        case .rss: d.enableRss
        }
    }
}

/// Which of an indexer's category settings a search uses.
public enum SearchCategories: Sendable, Hashable {
    case tv, anime, movies
    /// TV, anime and movies together (RSS sync, the Test action).
    case library
    /// These ids, whatever the indexer's settings.
    case ids([Int])
    /// No `cat=`: everything the indexer has.
    case all

    func ids(for d: IndexerDefinition) -> [Int] {
        switch self {
        case .tv: d.tvCategories
        case .anime: d.animeCategories
        case .movies: d.movieCategories
        case .library: d.tvCategories + d.animeCategories + d.movieCategories
        case .ids(let ids): ids
        case .all: []
        }
    }
}

/// One release of a search, with the indexer that offered it and what the parser read.
public struct FoundRelease: Sendable {
    public var release: IndexerRelease
    public var indexerId: Int
    public var indexerName: String
    public var indexerPriority: Int
    public var parsed: ParsedRelease

    public init(release: IndexerRelease, indexerId: Int, indexerName: String, indexerPriority: Int, parsed: ParsedRelease) {
        self.release = release
        self.indexerId = indexerId
        self.indexerName = indexerName
        self.indexerPriority = indexerPriority
        self.parsed = parsed
    }
}

/// How one indexer did in a search.
public struct IndexerOutcome: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable {
        /// It answered.
        case ok
        /// It failed (the message says why; its backoff grew).
        case failed
        /// It was not asked: resting after failures, or its caps allow no query for this search.
        case skipped
    }

    public var indexerId: Int
    public var name: String
    public var state: State
    /// Releases it returned (before de-duplication across indexers).
    public var releases: Int
    /// Requests made (queries × pages).
    public var queries: Int
    public var milliseconds: Int?
    public var message: String?
    /// `IndexerError.codeName` for a failure, `backoff` for an indexer resting.
    public var code: String?
    /// Until when the indexer rests (after this failure, or the one that made it skip).
    public var disabledUntil: Date?
}

/// The merged answer of a search across indexers.
public struct IndexerSearchResult: Sendable {
    /// Every indexer's releases, de-duplicated (see `IndexerService.merge`), in the indexers'
    /// priority order and each indexer's answer order.
    public var releases: [FoundRelease]
    /// One per indexer considered, in priority order.
    public var outcomes: [IndexerOutcome]
}

extension IndexerService {
    /// The indexers a search of `scope` may ask: enabled for it, in `only` when given, and (for a
    /// title with tags) those without tags or sharing one; by priority, then id.
    public func indexers(for scope: SearchScope, only: Set<Int>? = nil, titleTags: [Int]? = nil) -> [Stored<IndexerDefinition>] {
        definitions.all()
            .filter { scope.allows($0.body) && (only?.contains($0.id) ?? true) }
            .filter { d in
                guard let titleTags else { return true }
                return d.body.tags.isEmpty || !Set(d.body.tags).isDisjoint(with: titleTags)
            }
            .sorted { ($0.body.priority, $0.id) < ($1.body.priority, $1.id) }
    }

    /// Asks every indexer in parallel, each within `searchDeadline`; an indexer that fails costs
    /// only its own results. Indexers resting after failures are skipped (Prowlarr's backoff).
    /// Every release is parsed.
    public func search(
        _ criteria: SearchCriteria, scope: SearchScope, categories: SearchCategories, only: Set<Int>? = nil,
        titleTags: [Int]? = nil, maxPages: Int = 3, limit: Int? = nil
    ) async -> IndexerSearchResult {
        let chosen = indexers(for: scope, only: only, titleTags: titleTags)
        let answers = await withTaskGroup(of: (Int, IndexerOutcome, [FoundRelease]).self) { group in
            for (position, stored) in chosen.enumerated() {
                group.addTask {
                    let request = SearchRequest(
                        criteria, categories: categories.ids(for: stored.body), limit: limit,
                        extraParameters: QueryParameter.parse(stored.body.additionalParameters ?? ""))
                    let (outcome, found) = await self.ask(stored, request, maxPages: maxPages)
                    return (position, outcome, found)
                }
            }
            var all: [(Int, IndexerOutcome, [FoundRelease])] = []
            for await answer in group { all.append(answer) }
            return all.sorted { $0.0 < $1.0 }
        }
        return IndexerSearchResult(releases: Self.merge(answers.map(\.2)), outcomes: answers.map(\.1))
    }

    /// One indexer's part of a search: backoff check, caps, the queries, the status it leaves.
    func ask(
        _ stored: Stored<IndexerDefinition>, _ request: SearchRequest, maxPages: Int,
        continuePaging: @escaping @Sendable (Feed) -> Bool = { _ in true }
    ) async -> (IndexerOutcome, [FoundRelease]) {
        let d = stored.body
        var outcome = IndexerOutcome(indexerId: stored.id, name: d.name, state: .skipped, releases: 0, queries: 0)
        let status = status(of: stored.id)
        guard IndexerBackoff.isAvailable(status, at: now()) else {
            outcome.message = "Not asked: resting after \(status.consecutiveFailures) failure(s) until "
                + (status.disabledUntil.map { ISO8601DateFormatter().string(from: $0) } ?? "later") + "."
            outcome.code = "backoff"
            outcome.disabledUntil = status.disabledUntil
            return (outcome, [])
        }
        let started = ContinuousClock.now
        let result = await withDeadline(searchDeadline, indexer: d.name) { () async -> Result<SearchResult, IndexerError> in
            do throws(IndexerError) {
                let caps = try await self.caps(of: stored.id, d)
                return .success(try await self.client(for: d).search(request, caps: caps, maxPages: maxPages, continuePaging: continuePaging))
            } catch {
                return .failure(error)
            }
        }
        let milliseconds = Self.milliseconds(since: started)
        outcome.milliseconds = milliseconds
        switch result {
        case .success(let answer):
            await record(stored.id) { IndexerBackoff.succeeded($0, milliseconds: milliseconds) }
            outcome.state = .ok
            outcome.queries = answer.queries.count
            outcome.releases = answer.releases.count
            if !answer.skipped.isEmpty { outcome.message = "\(answer.skipped.count) item(s) skipped: \(answer.skipped[0].explanation)." }
            let found = answer.releases.map {
                FoundRelease(release: $0, indexerId: stored.id, indexerName: d.name, indexerPriority: d.priority,
                             parsed: ReleaseParser.parse($0.title))
            }
            return (outcome, found)
        case .failure(let error):
            outcome.message = error.message
            outcome.code = error.codeName
            if case .unsupportedSearch = error.code { return (outcome, []) }
            outcome.state = .failed
            let at = now()
            logger.warning("indexer \(d.name) failed: \(error.message)")
            await record(stored.id) { IndexerBackoff.failed($0, at: at, reason: error.message, retryAfter: error.retryAfter) }
            outcome.disabledUntil = self.status(of: stored.id).disabledUntil
            return (outcome, [])
        }
    }

    /// One list from every indexer's answer: a torrent offered by several indexers (same info
    /// hash) is kept once, from the first indexer by priority.
    static func merge(_ answers: [[FoundRelease]]) -> [FoundRelease] {
        var seen = Set<String>()
        var merged: [FoundRelease] = []
        for found in answers.joined() {
            if let hash = found.release.infoHash, !seen.insert(hash).inserted { continue }
            merged.append(found)
        }
        return merged
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}

/// Runs `work`, or gives up after `deadline` with an `.unreachable` error naming the indexer (the
/// work is cancelled, which ends its transfer).
func withDeadline<T: Sendable>(
    _ deadline: Duration, indexer: String, _ work: @escaping @Sendable () async -> Result<T, IndexerError>
) async -> Result<T, IndexerError> {
    await withTaskGroup(of: Result<T, IndexerError>?.self) { group in
        group.addTask { await work() }
        group.addTask {
            do { try await Task.sleep(for: deadline) } catch { return nil }
            return .failure(IndexerError(.unreachable, message: "\(indexer) did not answer within \(deadline.components.seconds) seconds."))
        }
        var outcome: Result<T, IndexerError>?
        while outcome == nil, let next = await group.next() { outcome = next }
        group.cancelAll()
        return outcome ?? .failure(IndexerError(.unreachable, message: "\(indexer): the search was cancelled."))
    }
}
