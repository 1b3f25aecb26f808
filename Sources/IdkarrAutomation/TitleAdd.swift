import Foundation
import IdkarrDomain
import IdkarrLibrary
import IdkarrMetadata
import IdkarrStore
import Logging

/// Which episodes of a new series are monitored (Sonarr's choices). Specials are never
/// monitored by these; the user turns them on one by one.
public enum MonitorOption: String, Sendable, Codable, CaseIterable {
    case all, future, missing, existing, firstSeason, lastSeason, pilot, none
}

/// What the add form sends: the title (by any provider id) and where and how to keep it.
public struct AddTitleRequest: Sendable {
    public var lookupId: LookupID
    public var instanceId: Int
    public var rootFolderId: Int?
    public var qualityProfileId: Int?
    public var tags: [Int] = []
    /// Absolute; default: the root folder + "Title (Year)". The library import passes the existing folder.
    public var path: String?
    // Series and anime
    public var monitor: MonitorOption = .all
    public var monitorNewSeasons = true
    public var seriesType: SeriesType?
    public var seasonFolder = true
    // Movies
    public var monitored = true
    public var minimumAvailability: MinimumAvailability = .released

    public init(lookupId: LookupID, instanceId: Int) {
        self.lookupId = lookupId
        self.instanceId = instanceId
    }
}

extension TitleCatalog {
    /// Adds a title: fetches everything the provider knows, then stores it in one write.
    /// - Throws: `ServiceError.conflict` naming the title when the instance already has it (by
    ///   any shared id); validation errors for bad references; `MetadataError` naming the
    ///   provider and the cause. Nothing is stored unless everything succeeded.
    public func add(_ request: AddTitleRequest) async throws -> Stored<Media> {
        guard let instance = library.instances.get(request.instanceId) else {
            throw ServiceError.invalid("instanceId", "Instance \(request.instanceId) does not exist.")
        }
        let type = instance.body.mediaType
        let rootFolder = try request.rootFolderId.map { id in
            guard let folder = library.rootFolders.get(id) else { throw ServiceError.invalid("rootFolderId", "Root folder \(id) does not exist.") }
            return folder
        }
        guard rootFolder != nil || request.path != nil else {
            throw ServiceError.invalid("rootFolderId", "Choose a root folder for the title.")
        }
        try refuseDuplicate(in: instance, ExternalIds(request.lookupId))
        var media = Media(instanceId: instance.id, mediaType: type, title: "", added: now())
        if type.isEpisodic {
            let series = try await fetchSeries(ExternalIds(request.lookupId))
            series.apply(to: &media)
            media.seriesType = request.seriesType ?? (type == .anime ? .anime : series.seriesType)
            media.seasonFolder = request.seasonFolder
            media.monitorNewSeasons = request.monitorNewSeasons
        } else {
            let movie = try await fetchMovie(ExternalIds(request.lookupId))
            movie.apply(to: &media)
            media.monitored = request.monitored
            media.minimumAvailability = request.minimumAvailability
        }
        media.qualityProfileId = request.qualityProfileId ?? instance.body.defaultQualityProfileId
        media.rootFolderId = rootFolder?.id
        media.tags = Array(Set(request.tags)).sorted()
        media.path = request.path ?? rootFolder.map { Self.join($0.body.path, Self.folderName(for: media)) }
        media.lastRefreshed = now()
        if type.isEpisodic { request.monitor.apply(to: &media, now: now()) }

        let finished = media
        let stored = try await addGate.run {
            try self.refuseDuplicate(in: instance, finished.externalIds)
            return try await self.library.createMedia(finished)
        }
        logger.info("added \(type.rawValue) \"\(stored.body.title)\" (id \(stored.id)) to \(instance.body.name)")
        await afterChange(stored.id)
        // "Missing" and "existing" depend on the files, known only after the scan.
        if type.isEpisodic && (request.monitor == .missing || request.monitor == .existing) {
            let time = now()
            return try await library.media.update(stored.id) { (m: inout Media) in request.monitor.apply(to: &m, now: time) }
        }
        return library.media.get(stored.id) ?? stored
    }

    func refuseDuplicate(in instance: Stored<Instance>, _ ids: ExternalIds) throws {
        if let existing = library.existingMedia(in: instance.id, matching: ids) {
            let year = existing.body.year.map { " (\($0))" } ?? ""
            throw ServiceError(.conflict, "\"\(existing.body.title)\"\(year) is already in \(instance.body.name) (id \(existing.id)).",
                               existingId: existing.id)
        }
    }

    /// "Title (Year)" without the characters file systems refuse.
    static func folderName(for media: Media) -> String {
        let forbidden = Set("/\\:*?\"<>|")
        var name = String(media.title.map { forbidden.contains($0) ? " " : $0 })
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        while name.hasPrefix(".") { name.removeFirst() }
        if name.isEmpty { name = "Untitled" }
        if let year = media.year { name += " (\(year))" }
        return name
    }

    static func join(_ root: String, _ name: String) -> String {
        root.hasSuffix("/") ? root + name : root + "/" + name
    }
}

extension MonitorOption {
    /// Sets episode and season monitoring on a freshly filled series.
    public func apply(to media: inout Media, now: Date) {
        let regular = media.episodes.filter { $0.seasonNumber > 0 }
        let first = regular.map(\.seasonNumber).min()
        let last = regular.map(\.seasonNumber).max()
        for i in media.episodes.indices {
            let e = media.episodes[i]
            guard e.seasonNumber > 0 else { media.episodes[i].monitored = false; continue }
            media.episodes[i].monitored = switch self {
            case .all: true
            case .future: Self.airsAfter(e, now)
            case .missing: e.episodeFile == nil
            case .existing: e.episodeFile != nil
            case .firstSeason: e.seasonNumber == first
            case .lastSeason: e.seasonNumber == last
            case .pilot: e.seasonNumber == first && e.episodeNumber == regular.filter { $0.seasonNumber == first }.map(\.episodeNumber).min()
            case .none: false
            }
        }
        for i in media.seasons.indices {
            let number = media.seasons[i].seasonNumber
            let anyMonitored = media.episodes.contains { $0.seasonNumber == number && $0.monitored }
            media.seasons[i].monitored = number > 0 && (anyMonitored || self == .all || (self == .future && number == last))
        }
    }

    /// Not aired yet (an episode without any date counts as future: it is announced, not aired).
    static func airsAfter(_ e: Episode, _ now: Date) -> Bool {
        if let utc = e.airDateUtc { return utc > now }
        guard let date = e.airDate else { return true }
        return date > ISO8601DateFormatter.dateOnly.string(from: now)
    }
}

extension ISO8601DateFormatter {
    /// `yyyy-MM-dd` in UTC.
    nonisolated(unsafe) static let dateOnly: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        return f
    }()
}
