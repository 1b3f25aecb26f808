import Foundation
import IdkarrDomain
import IdkarrParsing

/// One rule a release must pass. Each looks at one thing and says why not, Sonarr-style.
struct Specification: Sendable {
    let name: String
    let check: @Sendable (_ release: Release, _ episodes: [Int], _ context: DecisionContext) -> Rejection?

    /// In the order a user reads them: is it the right thing, is it wanted, is it usable.
    static let all: [Specification] = [
        title, target, monitored, quality, size, maximumSize, upgrade, seeders, retention, minimumAge, blocklist,
    ]

    static let title = Specification(name: "title") { release, _, c in
        let p = release.parsed
        let media = c.media
        if media.mediaType == .movie {
            guard let name = p.movieTitle else { return Rejection("title", "Could not read a movie title from the release name.") }
            let titles = ReleaseMatch.cleanTitles(of: media)
            if !p.movieTitles.map(TitleCleaner.cleanMovieTitle).contains(where: titles.contains) {
                return Rejection("title", "Wrong movie: the release is \"\(name)\", not \"\(media.title)\".")
            }
            if let year = p.year, let wanted = media.year, abs(year - wanted) > 1 {
                return Rejection("title", "Wrong year: the release is from \(year), \"\(media.title)\" from \(wanted).")
            }
            return nil
        }
        guard let clean = p.cleanTitle, let name = p.seriesTitle else {
            return Rejection("title", "Could not read a series title from the release name.")
        }
        return ReleaseMatch.cleanTitles(of: media).contains(clean) ? nil
            : Rejection("title", "Wrong series: the release is \"\(name)\", not \"\(media.title)\".")
    }

    static let target = Specification(name: "target") { release, episodes, c in
        let p = release.parsed
        switch c.target {
        case .movie:
            return nil
        case .anyEpisodes:
            return episodes.isEmpty
                ? Rejection("target", "The release (\(ReleaseMatch.describe(p))) holds no episode of this series.") : nil
        case .season(let season):
            let inSeason = Set(c.media.episodes.filter { $0.seasonNumber == season }.map(\.id))
            return !episodes.isEmpty && episodes.allSatisfy(inSeason.contains) ? nil
                : Rejection("target", "Wrong season: the release is \(ReleaseMatch.describe(p)), searched season \(season).")
        case .episodes(let wanted):
            if episodes.isEmpty { return Rejection("target", "The release (\(ReleaseMatch.describe(p))) holds no episode of this series.") }
            if p.fullSeason { return Rejection("target", "A full season pack, searched for single episodes.") }
            return Set(wanted).isDisjoint(with: episodes)
                ? Rejection("target", "Wrong episode: the release is \(ReleaseMatch.describe(p)).") : nil
        }
    }

    /// Automatic searches only: the title and the release's episodes must be monitored.
    static let monitored = Specification(name: "monitored") { _, episodes, c in
        guard c.requireMonitored else { return nil }
        if !c.media.monitored { return Rejection("monitored", "\"\(c.media.title)\" is not monitored.") }
        guard c.media.mediaType.isEpisodic, !episodes.isEmpty else { return nil }
        let ids = Set(episodes)
        let unmonitored = c.media.episodes.filter { ids.contains($0.id) && !$0.monitored }
        guard !unmonitored.isEmpty else { return nil }
        let names = unmonitored.prefix(3).map { "S\(ReleaseMatch.pad($0.seasonNumber))E\(ReleaseMatch.pad($0.episodeNumber))" }
        return Rejection("monitored", "Episode\(unmonitored.count == 1 ? "" : "s") \(names.joined(separator: ", "))"
                         + "\(unmonitored.count > 3 ? "…" : "") not monitored.")
    }

    static let maximumSize = Specification(name: "maximumSize") { release, _, c in
        guard let limit = c.maximumSizeBytes, limit > 0, let bytes = release.size, bytes > limit else { return nil }
        return Rejection("maximumSize", "\(SizeText.format(bytes)) is larger than the maximum size of \(SizeText.format(limit)) (Settings → Indexers).")
    }

    static let quality = Specification(name: "quality") { release, _, c in
        guard let profile = c.profile else { return nil }
        let q = release.parsed.quality.quality
        return profile.allows(q.id) ? nil
            : Rejection("quality", "\(q.name) is not wanted by the profile \"\(profile.name)\".")
    }

    static let size = Specification(name: "size") { release, episodes, c in
        guard let bytes = release.size, bytes > 0 else { return nil }
        let q = release.parsed.quality.quality
        guard let limits = c.definitions[q.id] else { return nil }
        let count = c.media.mediaType == .movie ? 1 : max(episodes.count, 1)
        let minutes = Double(c.media.runtime ?? (c.media.mediaType == .movie ? 110 : 45)) * Double(count)
        let megabytes = Double(bytes) / 1_048_576
        if limits.minSize > 0 && megabytes < limits.minSize * minutes {
            return Rejection("size", "\(SizeText.format(bytes)) is smaller than the \(SizeText.format(mb: limits.minSize * minutes)) "
                             + "minimum for \(q.name) (\(Int(minutes)) minutes).")
        }
        if limits.maxSize > 0 && megabytes > limits.maxSize * minutes {
            return Rejection("size", "\(SizeText.format(bytes)) is larger than the \(SizeText.format(mb: limits.maxSize * minutes)) "
                             + "maximum for \(q.name) (\(Int(minutes)) minutes).")
        }
        return nil
    }

    /// Not an upgrade over any file it would replace, or the file already meets the cutoff.
    static let upgrade = Specification(name: "upgrade") { release, episodes, c in
        guard let profile = c.profile else { return nil }
        let files: [MediaFile]
        if c.media.mediaType == .movie {
            files = c.media.movieFile.map { [$0] } ?? []
        } else {
            let ids = Set(episodes)
            files = c.media.episodes.filter { ids.contains($0.id) }.compactMap(\.episodeFile)
        }
        let new = release.parsed.quality
        for file in files {
            guard let id = file.qualityId, let existing = Quality.withID(id) else { continue }
            let oldRank = profile.rank(of: id) ?? -1, newRank = profile.rank(of: new.quality.id) ?? -1
            let newerRevision = new.revision.version > (file.revision ?? 1)
            if newRank == oldRank && newerRevision && new.quality.id == id { continue }  // a PROPER of the same quality
            if profile.meetsCutoff(id) || !profile.upgradeAllowed {
                return Rejection("upgrade", "The file on disk (\(existing.name)) already meets the profile's cutoff.")
            }
            if newRank <= oldRank {
                return Rejection("upgrade", "Not an upgrade: the file on disk is \(existing.name), the release \(new.quality.name).")
            }
        }
        return nil
    }

    static let seeders = Specification(name: "seeders") { release, _, c in
        let minimum = release.indexerId.flatMap { c.indexerMinimumSeeders[$0] } ?? c.minimumSeeders
        guard release.downloadProtocol == .torrent, let seeders = release.seeders, seeders < minimum else { return nil }
        return Rejection("seeders", "\(seeders) seeder\(seeders == 1 ? "" : "s"), fewer than the minimum of \(minimum).", temporary: true)
    }

    static let retention = Specification(name: "retention") { release, _, c in
        guard release.downloadProtocol == .usenet, let days = c.retentionDays, days > 0 else { return nil }
        let age = release.ageHours(now: c.now) / 24
        return age > Double(days) ? Rejection("retention", "\(Int(age)) days old, beyond the \(days)-day retention.") : nil
    }

    static let minimumAge = Specification(name: "minimumAge") { release, _, c in
        guard release.downloadProtocol == .usenet, c.minimumAgeMinutes > 0 else { return nil }
        let minutes = release.ageHours(now: c.now) * 60
        return minutes < Double(c.minimumAgeMinutes)
            ? Rejection("minimumAge", "Posted \(Int(minutes)) minutes ago; waiting until it is \(c.minimumAgeMinutes) minutes old.", temporary: true)
            : nil
    }

    static let blocklist = Specification(name: "blocklist") { release, _, c in
        c.blocklist.contains(release.guid) || c.blocklist.contains(release.title)
            ? Rejection("blocklist", "The release is blocklisted (it failed before).") : nil
    }
}

/// Sizes as people read them: 1.4 GB, 350 MB.
enum SizeText {
    static func format(_ bytes: Int64) -> String { format(mb: Double(bytes) / 1_048_576) }

    static func format(mb: Double) -> String {
        mb >= 1024 ? String(format: "%.1f GB", mb / 1024) : String(format: "%.0f MB", mb)
    }
}
