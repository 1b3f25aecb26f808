import Foundation
import IdkarrDomain
import IdkarrStore

extension Library {
    public func createMedia(_ changes: MediaChanges) async throws -> Stored<Media> {
        var v = Validator()
        v.check(changes.instanceId != nil, "instanceId", "instanceId is required.")
        v.check(changes.mediaType != nil, "mediaType", "mediaType is required.")
        v.check(!(changes.title ?? "").trimmingCharacters(in: .whitespaces).isEmpty, "title", "title is required.")
        try v.throwIfInvalid()
        var new = Media(instanceId: changes.instanceId!, mediaType: changes.mediaType!, title: changes.title!, added: now())
        changes.apply(to: &new)
        try validate(new)
        return try await media.create(new)
    }

    /// Stores a title built elsewhere (from a provider): validated like any other.
    public func createMedia(_ new: Media) async throws -> Stored<Media> {
        try validate(new)
        return try await media.create(new)
    }

    /// The title in `instanceId` known by any of `ids`, if there is one.
    public func existingMedia(in instanceId: Int, matching ids: ExternalIds) -> Stored<Media>? {
        let keys = [ids.tmdbId.map { "tmdb:\($0)" }, ids.tvdbId.map { "tvdb:\($0)" },
                    ids.imdbId.map { "imdb:\($0)" }, ids.tvmazeId.map { "tvmaze:\($0)" }].compactMap { $0 }
        for key in keys {
            for id in media.lookup(MediaIndex.externalId, key) {
                if let found = media.get(id), found.body.instanceId == instanceId { return found }
            }
        }
        return nil
    }

    public func updateMedia(_ id: Int, ifVersion: Int?, _ changes: MediaChanges) async throws -> Stored<Media> {
        guard let current = media.get(id) else { throw ServiceError.notFound("Media", id) }
        var updated = current.body
        changes.apply(to: &updated)
        // Moving a title between instances is not a field edit: it would orphan its files.
        if let instanceId = changes.instanceId, instanceId != current.body.instanceId {
            throw ServiceError.invalid("instanceId", "A title cannot be moved to another instance.")
        }
        if let type = changes.mediaType, type != current.body.mediaType {
            throw ServiceError.invalid("mediaType", "mediaType cannot be changed.")
        }
        try validate(updated)
        return try await media.update(id, ifVersion: ifVersion ?? current.version, updated)
    }

    public func deleteMedia(_ id: Int, ifVersion: Int?) async throws {
        guard media.get(id) != nil else { throw ServiceError.notFound("Media", id) }
        try await media.delete(id, ifVersion: ifVersion)
    }

    /// Monitors or unmonitors a whole title, one season (and its episodes), or a list of episodes.
    public func setMonitored(_ id: Int, monitored: Bool, seasonNumber: Int?, episodeIds: [Int]?) async throws -> Stored<Media> {
        guard let current = media.get(id) else { throw ServiceError.notFound("Media", id) }
        let body = current.body
        if let seasonNumber, !body.seasons.contains(where: { $0.seasonNumber == seasonNumber }) {
            throw ServiceError.invalid("seasonNumber", "Season \(seasonNumber) does not exist in this title.")
        }
        if let episodeIds {
            let known = Set(body.episodes.map(\.id))
            if let unknown = episodeIds.first(where: { !known.contains($0) }) {
                throw ServiceError.invalid("episodeIds", "Episode \(unknown) does not exist in this title.")
            }
        }
        return try await media.update(id) { (m: inout Media) in
            switch (seasonNumber, episodeIds) {
            case (let season?, _):
                for i in m.seasons.indices where m.seasons[i].seasonNumber == season { m.seasons[i].monitored = monitored }
                for i in m.episodes.indices where m.episodes[i].seasonNumber == season { m.episodes[i].monitored = monitored }
            case (nil, let ids?):
                let wanted = Set(ids)
                for i in m.episodes.indices where wanted.contains(m.episodes[i].id) { m.episodes[i].monitored = monitored }
            case (nil, nil):
                m.monitored = monitored
            }
        }
    }

    /// Checks references and shapes; throws every problem at once.
    func validate(_ m: Media) throws {
        var v = Validator()
        let instance = instances.get(m.instanceId)
        v.check(instance != nil, "instanceId", "Instance \(m.instanceId) does not exist.")
        if let instance {
            v.check(instance.body.mediaType == m.mediaType, "mediaType",
                    "Instance \"\(instance.body.name)\" holds \(instance.body.mediaType.rawValue), not \(m.mediaType.rawValue).")
        }
        v.check(m.title.count <= 500, "title", "title is longer than 500 characters.")
        if let year = m.year { v.check((1800...3000).contains(year), "year", "year must be between 1800 and 3000.") }
        if let p = m.qualityProfileId { v.check(qualityProfiles.get(p) != nil, "qualityProfileId", "Quality profile \(p) does not exist.") }
        if let r = m.rootFolderId {
            let folder = rootFolders.get(r)
            v.check(folder != nil, "rootFolderId", "Root folder \(r) does not exist.")
            if let folder { v.check(folder.body.instanceId == m.instanceId, "rootFolderId", "Root folder \(r) belongs to another instance.") }
        }
        if let missing = m.tags.first(where: { tags.get($0) == nil }) { v.check(false, "tags", "Tag \(missing) does not exist.") }
        if let path = m.path { v.check(path.hasPrefix("/"), "path", "path must be absolute.") }
        if m.mediaType == .movie {
            v.check(m.episodes.isEmpty, "episodes", "A movie has no episodes.")
            v.check(m.monitorNewSeasons == nil, "monitorNewSeasons", "A movie has no seasons.")
            if let dates = m.releaseDates {
                for (name, value) in [("inCinemas", dates.inCinemas), ("digital", dates.digital), ("physical", dates.physical)] {
                    if let value { v.check(Self.isCalendarDate(value), "releaseDates.\(name)", "\(name) must be a date like 2024-05-31.") }
                }
            }
        } else {
            v.check(m.minimumAvailability == nil, "minimumAvailability", "minimumAvailability applies to movies only.")
            v.check(m.releaseDates == nil, "releaseDates", "releaseDates apply to movies only; episodes have air dates.")
            validateEpisodes(m.episodes, &v)
        }
        try v.throwIfInvalid()
    }

    /// `yyyy-MM-dd` with a real month and day.
    static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return false }
        return (1800...3000).contains(y) && (1...12).contains(m) && (1...31).contains(d)
    }

    private func validateEpisodes(_ episodes: [Episode], _ v: inout Validator) {
        v.check(episodes.count <= 20_000, "episodes", "A title holds at most 20,000 episodes.")
        var seen = Set<[Int]>()
        for e in episodes {
            v.check(e.seasonNumber >= 0 && e.episodeNumber >= 0, "episodes", "Season and episode numbers must not be negative.")
            if !seen.insert([e.seasonNumber, e.episodeNumber]).inserted {
                v.check(false, "episodes", "Episode S\(e.seasonNumber)E\(e.episodeNumber) appears twice.")
                return
            }
        }
    }
}
