import Foundation
import IdkarrDecisions
import IdkarrDomain
import IdkarrIndexers
import IdkarrLibrary
import IdkarrParsing
import IdkarrStore

/// What a title's search looks for.
public enum ReleaseSearchTarget: Sendable, Equatable {
    case movie
    case season(Int)
    /// An episode, by its id in the series document.
    case episode(Int)
}

/// A title's search: every release the indexers offered, each accepted or rejected with reasons.
public struct ReleaseSearchResult: Sendable {
    /// Accepted first, in the order idkarr would take them; then the rejected.
    public var decisions: [Decision]
    /// The indexer's side of each decision's release, by `ReleaseSearch.key`.
    public var found: [String: FoundRelease]
    public var outcomes: [IndexerOutcome]
}

/// Sonarr's and Radarr's searches for a title: the best query each indexer's caps allow (ids,
/// season and episode, air date for daily shows, absolute number for anime, title and year for
/// movies), then the decisions of `IdkarrDecisions` with the title's profile and the indexer
/// settings.
public struct ReleaseSearch: Sendable {
    let library: Library
    let indexers: IndexerService

    public init(library: Library, indexers: IndexerService) {
        self.library = library
        self.indexers = indexers
    }

    /// - Throws: `ServiceError` for an unknown title or episode, or a target of the wrong kind.
    public func search(mediaId: Int, target: ReleaseSearchTarget, scope: SearchScope = .interactive) async throws -> ReleaseSearchResult {
        guard let media = library.media.get(mediaId) else { throw ServiceError.notFound("Media", mediaId) }
        let (criteria, categories, decisionTarget) = try Self.criteria(for: media.body, target)
        let answer = await indexers.search(criteria, scope: scope, categories: categories, titleTags: media.body.tags)
        let releases = answer.releases.map { Self.read($0, as: media.body.mediaType) }
        let decisions = decide(releases, media: media.body, target: decisionTarget, requireMonitored: scope != .interactive)
        var found: [String: FoundRelease] = [:]
        for release in releases { found[Self.key(release.indexerId, release.release.guid)] = release }
        return ReleaseSearchResult(decisions: decisions, found: found, outcomes: answer.outcomes)
    }

    /// Decides releases for one title with its profile, the quality sizes and the indexer settings.
    public func decide(_ releases: [FoundRelease], media: Media, target: SearchTarget, requireMonitored: Bool, now: Date? = nil) -> [Decision] {
        let settings = indexers.currentSettings
        var context = DecisionContext(
            media: media, target: target, profile: media.qualityProfileId.flatMap { library.qualityProfiles.get($0)?.body },
            definitions: qualityDefinitions(), minimumAgeMinutes: settings.minimumAgeMinutes,
            retentionDays: settings.retentionDays > 0 ? settings.retentionDays : nil, now: now ?? indexers.now())
        context.maximumSizeBytes = settings.maximumSizeMB > 0 ? Int64(settings.maximumSizeMB) * 1_048_576 : nil
        context.requireMonitored = requireMonitored
        for d in indexers.definitions.all() { context.indexerMinimumSeeders[d.id] = d.body.minimumSeeders ?? 0 }
        return DecisionMaker.decide(releases.map(Self.release), context)
    }

    func qualityDefinitions() -> [Int: QualityDefinition] {
        var byQuality: [Int: QualityDefinition] = [:]
        for d in library.qualityDefinitions.all() { byQuality[d.body.qualityId] = d.body }
        return byQuality
    }

    public static func key(_ indexerId: Int?, _ guid: String) -> String { "\(indexerId ?? 0)|\(guid)" }

    /// The release read as what was searched for: a movie search reads every name as a movie (as
    /// Radarr does: `Movie.Part.Two.2024` is no episode), a series search as an episode.
    static func read(_ found: FoundRelease, as type: MediaType) -> FoundRelease {
        var read = found
        if type == .movie, found.parsed.kind != .movie, let movie = ReleaseParser.parseMovie(found.release.title) {
            read.parsed = movie
        } else if type.isEpisodic, found.parsed.kind != .episode, let episode = ReleaseParser.parseEpisode(found.release.title) {
            read.parsed = episode
        }
        return read
    }

    static func release(_ found: FoundRelease) -> Release {
        let r = found.release
        return Release(
            title: r.title, guid: r.guid, size: r.size, publishDate: r.publishDate,
            downloadProtocol: r.downloadProtocol == .torrent ? .torrent : .usenet, seeders: r.seeders, peers: r.peers,
            indexerId: found.indexerId, parsed: found.parsed)
    }

    /// The query, the categories and the decisions' target of a title's search.
    static func criteria(for media: Media, _ target: ReleaseSearchTarget) throws -> (SearchCriteria, SearchCategories, SearchTarget) {
        let ids = SearchIds(tvdb: media.externalIds.tvdbId, tvmaze: media.externalIds.tvmazeId, imdb: media.externalIds.imdbId,
                            tmdb: media.externalIds.tmdbId)
        let titles = searchTitles(media)
        switch (target, media.mediaType) {
        case (.movie, .movie):
            return (.movie(titles: titles, ids: ids, year: media.year), .movies, .movie)
        case (.season(let season), let type) where type.isEpisodic:
            guard media.episodes.contains(where: { $0.seasonNumber == season }) else {
                throw ServiceError.invalid("seasonNumber", "\"\(media.title)\" has no season \(season).")
            }
            if media.seriesType == .anime { return (.anime(titles: titles, ids: ids, absoluteEpisode: nil), .anime, .season(season)) }
            return (.episode(titles: titles, ids: ids, season: season, episode: nil), .tv, .season(season))
        case (.episode(let id), let type) where type.isEpisodic:
            guard let episode = media.episodes.first(where: { $0.id == id }) else {
                throw ServiceError.invalid("episodeId", "\"\(media.title)\" has no episode \(id).")
            }
            return (episodeCriteria(media, episode, titles, ids), media.seriesType == .anime ? .anime : .tv, .episodes([id]))
        default:
            let field = media.mediaType == .movie ? "episodeId" : "target"
            throw ServiceError.invalid(field, media.mediaType == .movie
                ? "\"\(media.title)\" is a movie: search it without a season or episode."
                : "\"\(media.title)\" is a series: name a season or an episode.")
        }
    }

    private static func episodeCriteria(_ media: Media, _ episode: Episode, _ titles: [String], _ ids: SearchIds) -> SearchCriteria {
        if media.seriesType == .daily, let date = episode.airDate, let days = CivilDay.days(date) {
            let (year, month, day) = CivilDay.toCivil(days)
            return .daily(titles: titles, ids: ids, year: year, month: month, day: day)
        }
        if media.seriesType == .anime, let absolute = episode.absoluteEpisodeNumber {
            return .anime(titles: titles, ids: ids, absoluteEpisode: absolute)
        }
        return .episode(titles: titles, ids: ids, season: episode.seasonNumber, episode: episode.episodeNumber)
    }

    /// The title and up to two other names it is known by (ASCII ones first: indexers name
    /// releases in Latin letters), for indexers that cannot search by id.
    static func searchTitles(_ media: Media) -> [String] {
        let others = media.alternateTitles.filter { $0 != media.title }
        let latin = others.filter { $0.unicodeScalars.allSatisfy(\.isASCII) }
        return [media.title] + Array(latin.prefix(2))
    }
}
