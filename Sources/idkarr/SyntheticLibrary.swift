import Foundation
import IdkarrDomain
import IdkarrLibrary
import IdkarrStore

/// Deterministic titles, overviews, seasons, air dates, files and tags (SplitMix64).
struct SyntheticLibrary: Sendable {
    let seed: UInt64
    let instanceIds: [MediaType: Int]
    let rootIds: [MediaType: Int]
    let rootsPath: String
    let profileIds: [Int]
    let tagIds: [Int]
    let episodesPerSeries: Int

    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    static let adjectives = ["Silent", "Broken", "Golden", "Last", "Hidden", "Northern", "Crimson", "Iron", "Lost", "Wild", "Dark",
                             "Bright", "Endless", "Hollow", "Savage", "Quiet", "Electric", "Frozen", "Burning", "Little", "Secret",
                             "Distant", "Black", "Scarlet", "Glass", "Paper", "Velvet", "Final", "Restless", "Sleeping"]
    static let nouns = ["River", "Empire", "Signal", "Garden", "Kingdom", "Harbor", "Machine", "Detective", "Frontier", "Station",
                        "Island", "Protocol", "Line", "Crown", "Valley", "Road", "Circle", "Witness", "Shore", "City", "House",
                        "Doctor", "Letters", "Orchard", "Tide", "Lighthouse", "Society", "Hour", "Winter", "Academy"]
    static let places = ["Boston", "Brighton", "Oslo", "Tokyo", "Dublin", "Marseille", "Vancouver", "Lagos", "Lisbon", "Kyoto",
                         "Glasgow", "Austin", "Berlin", "Naples", "Seoul"]
    static let sentences = [
        "A retired detective returns to the town she left twenty years ago when a body washes up on the shore.",
        "Two estranged brothers inherit a failing vineyard and must decide what they owe to each other.",
        "In a city run by a single company, a young engineer finds a flaw that could bring the whole system down.",
        "The crew of a research station loses contact with the mainland during the longest night of the year.",
        "A family of con artists takes on the one mark they cannot afford to lose.",
        "An overworked emergency doctor starts to suspect that her hospital is hiding something.",
        "A small-town radio host receives calls from someone who seems to know the future.",
        "After a storm cuts the island off, the guests of an old hotel begin to disappear one by one.",
        "A chef with a past opens a restaurant in the neighbourhood that once ran him out.",
        "Three friends who met in school reunite to finish the film they abandoned as teenagers.",
        "A lawyer takes the case nobody wants and uncovers a conspiracy that reaches the top.",
        "When the lights go out across the country, a teenage hacker becomes the most wanted person alive.",
    ]
    static let episodeWords = ["Pilot", "Homecoming", "The Long Night", "Crossroads", "Aftermath", "Ghosts", "Fault Lines", "Reckoning",
                               "Undertow", "Blackout", "First Light", "The Offer", "Exposure", "Safe Harbor", "Old Friends", "Endgame",
                               "The Visitor", "Thaw", "Low Tide", "Checkmate", "Family Business", "Static", "Inheritance", "Echoes"]
    static let networks = ["HBO", "BBC One", "NBC", "Netflix", "AMC", "FX", "Channel 4", "ABC", "Hulu", "Apple TV+", "NHK", "Showtime"]
    static let genres = ["Drama", "Crime", "Comedy", "Thriller", "Science Fiction", "Mystery", "Documentary", "Animation", "Romance", "Action"]
    static let groups = ["NTb", "FLUX", "SPARKS", "GalaxyTV", "playWEB", "CAKES", "KOGi", "EDITH", "RARBG", "NOGRP", "SiGMA", "TEPES"]
    static let qualities: [(id: Int, name: String, gb: ClosedRange<Int>)] = [
        (3, "WEBDL-1080p", 900...2500), (4, "HDTV-720p", 400...1200), (5, "WEBDL-720p", 500...1400),
        (7, "Bluray-1080p", 2000...6000), (9, "HDTV-1080p", 900...2200), (15, "WEBRip-1080p", 800...2000),
    ]

    func random(_ kind: UInt64, _ i: Int) -> Random { Random(state: seed &* 1_000_003 &+ kind &* 7_919 &+ UInt64(i) &* 104_729) }

    func title(_ r: inout Random, _ i: Int) -> String {
        switch r.int(0...5) {
        case 0: "The \(r.pick(Self.adjectives)) \(r.pick(Self.nouns))"
        case 1: "\(r.pick(Self.adjectives)) \(r.pick(Self.nouns))"
        case 2: "The \(r.pick(Self.nouns)) of \(r.pick(Self.places))"
        case 3: "\(r.pick(Self.places)) \(r.pick(Self.nouns))"
        case 4: "A \(r.pick(Self.adjectives)) \(r.pick(Self.nouns)) in \(r.pick(Self.places))"
        default: "\(r.pick(Self.nouns)) \(i % 97 + 2)"
        }
    }

    /// About `length` characters of sentences.
    func text(_ r: inout Random, _ length: Int) -> String {
        var out = r.pick(Self.sentences)
        while out.count < length - 40 { out += " " + r.pick(Self.sentences) }
        return out
    }

    func date(_ year: Int, _ dayOfYear: Int) -> Date {
        let days: Int = (year - 1970) * 365 + (year - 1969) / 4 + dayOfYear
        return Date(timeIntervalSince1970: Double(days) * 86_400)
    }

    func airDateString(_ d: Date) -> String {
        let days = Int(d.timeIntervalSince1970 / 86_400)
        var y = 1970, rest = days
        while true {
            let len = (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 366 : 365
            if rest < len { break }
            rest -= len; y += 1
        }
        let leap = (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
        let months = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var m = 0
        while rest >= months[m] { rest -= months[m]; m += 1 }
        return String(format: "%04d-%02d-%02d", y, m + 1, rest + 1)
    }

    func common(_ m: inout Media, _ r: inout Random, type: MediaType, year: Int) {
        m.year = year
        m.overview = text(&r, 200)
        m.qualityProfileId = r.pick(profileIds)
        m.rootFolderId = rootIds[type]
        m.tags = r.chance(0.3) ? Array(Set([r.pick(tagIds), r.pick(tagIds)])).sorted() : []
        m.genres = Array(Set([r.pick(Self.genres), r.pick(Self.genres)])).sorted()
        m.images = [MediaImage(coverType: .poster, url: "https://image.tmdb.org/t/p/original/\(r.next() % 1_000_000_000).jpg"),
                    MediaImage(coverType: .fanart, url: "https://image.tmdb.org/t/p/original/\(r.next() % 1_000_000_000).jpg")]
        if r.chance(0.2) { m.alternateTitles = [title(&r, year)] }
        m.monitored = r.chance(0.85)
    }

    func series(_ i: Int) -> Media {
        var r = random(1, i)
        let name = title(&r, i)
        let year = r.int(1985...2025)
        var m = Media(instanceId: instanceIds[.series]!, mediaType: .series, title: name, added: date(2019, r.int(0...1800)))
        common(&m, &r, type: .series, year: year)
        m.path = rootsPath + "/tv/\(name) (\(year))"
        m.network = r.pick(Self.networks)
        m.runtime = r.pick([22, 30, 45, 50, 60])
        m.externalIds = ExternalIds(tmdbId: 10_000 + i, tvdbId: 70_000 + i, imdbId: "tt\(1_000_000 + i)", tvmazeId: 1_000 + i)
        let ended = year < 2018 && r.chance(0.7)
        m.status = ended ? .ended : .continuing
        // Seasons of 8…13 episodes, weekly, from the premiere; recent ones not aired yet get no file.
        let premiere = date(year, r.int(0...300))
        let today = Date(timeIntervalSince1970: 1_764_000_000)
        var season = 1, inSeason = 0, seasonLength = r.int(8...13), week = 0
        let quality = r.pick(Self.qualities), group = r.pick(Self.groups)
        let hasFiles = r.chance(0.85)
        for e in 0..<episodesPerSeries {
            if inSeason == seasonLength { season += 1; inSeason = 0; seasonLength = r.int(8...13); week += 30 }
            inSeason += 1
            var ep = Episode(id: e + 1, seasonNumber: season, episodeNumber: inSeason, monitored: m.monitored && r.chance(0.9))
            let air = premiere.addingTimeInterval(Double(week) * 7 * 86_400)
            week += 1
            ep.title = r.pick(Self.episodeWords) + (r.chance(0.3) ? " (\(r.int(1...3)))" : "")
            ep.airDate = airDateString(air)
            ep.airDateUtc = air.addingTimeInterval(Double(r.int(0...6) + 18) * 3600)
            ep.overview = r.chance(0.8) ? text(&r, 150) : nil
            ep.absoluteEpisodeNumber = e + 1
            if hasFiles, air < today, r.chance(0.8) {
                let code = String(format: "S%02dE%02d", season, inSeason)
                ep.episodeFile = MediaFile(path: "\(m.path!)/Season \(String(format: "%02d", season))/\(name) - \(code) - \(ep.title!) \(quality.name).mkv",
                                           size: Int64(r.int(quality.gb)) * 1_048_576, qualityId: quality.id, releaseGroup: group,
                                           dateAdded: air.addingTimeInterval(86_400))
            }
            m.episodes.append(ep)
        }
        m.normalizeSeasons()
        return m
    }

    func movie(_ i: Int) -> Media {
        var r = random(2, i)
        let name = title(&r, i)
        let year = r.int(1950...2025)
        var m = Media(instanceId: instanceIds[.movie]!, mediaType: .movie, title: name, added: date(2019, r.int(0...1800)))
        common(&m, &r, type: .movie, year: year)
        m.path = rootsPath + "/movies/\(name) (\(year))"
        m.runtime = r.int(80...170)
        m.status = year < 2025 ? .released : .inCinemas
        m.externalIds = ExternalIds(tmdbId: 500_000 + i, imdbId: "tt\(5_000_000 + i)")
        if r.chance(0.7) {
            let quality = r.pick(Self.qualities)
            m.movieFile = MediaFile(path: "\(m.path!)/\(name) (\(year)) \(quality.name).mkv", size: Int64(r.int(quality.gb)) * 4 * 1_048_576,
                                    qualityId: quality.id, releaseGroup: r.pick(Self.groups), dateAdded: date(2020, r.int(0...1500)))
        }
        // Drawn last, so the fields above stay what they were before release dates were added.
        let cinema = date(year, r.int(0...364))
        m.releaseDates = MovieReleaseDates(inCinemas: airDateString(cinema), digital: airDateString(cinema.addingTimeInterval(90 * 86_400)),
                                           physical: r.chance(0.7) ? airDateString(cinema.addingTimeInterval(120 * 86_400)) : nil)
        m.minimumAvailability = r.pick(MinimumAvailability.allCases)
        return m
    }

    /// The client-settable part of a title, as `POST /api/v1/media` would carry it.
    static func changes(for m: Media) -> MediaChanges {
        var c = MediaChanges()
        c.instanceId = m.instanceId
        c.mediaType = m.mediaType
        c.title = m.title
        c.alternateTitles = m.alternateTitles
        c.year = .some(m.year)
        c.status = m.status
        c.overview = .some(m.overview)
        c.monitored = m.monitored
        c.qualityProfileId = .some(m.qualityProfileId)
        c.rootFolderId = .some(m.rootFolderId)
        c.path = .some(m.path)
        c.tags = m.tags
        c.externalIds = m.externalIds
        c.images = m.images
        c.genres = m.genres
        c.network = .some(m.network)
        c.runtime = .some(m.runtime)
        c.seasons = m.seasons
        c.episodes = m.episodes.map { e in
            var ec = EpisodeChanges(seasonNumber: e.seasonNumber, episodeNumber: e.episodeNumber)
            ec.absoluteEpisodeNumber = e.absoluteEpisodeNumber
            ec.title = e.title
            ec.airDate = e.airDate
            ec.airDateUtc = e.airDateUtc
            ec.overview = e.overview
            ec.monitored = e.monitored
            return ec
        }
        return c
    }

    /// The store's envelope, in its field order.
    struct Envelope: Encodable {
        let id: Int
        let version: Int
        let schemaVersion: Int
        let createdAt: Date
        let updatedAt: Date
        let body: Media
    }

    final class Outcome: @unchecked Sendable {  // guarded by `lock`
        let lock = NSLock()
        var bytes = 0
        var error: (any Error)?
    }

    /// Writes the documents on every core; one `sync` at the end.
    static func writeDirect(_ jobs: [(id: Int, series: Bool, index: Int)], world: SyntheticLibrary, directory: String) throws -> (count: Int, megabytes: Double) {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let outcome = Outcome()
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let now = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded() / 1000)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let encoder = StoreJSON.makeEncoder()
            var bytes = 0
            do {
                for job in stride(from: w, to: jobs.count, by: workers).map({ jobs[$0] }) {
                    let body = job.series ? world.series(job.index) : world.movie(job.index)
                    var data = try encoder.encode(Envelope(id: job.id, version: 1, schemaVersion: Media.schemaVersion,
                                                           createdAt: now, updatedAt: now, body: body))
                    data.append(0x0A)
                    let path = directory + "/\(job.id).json"
                    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
                    guard fd >= 0 else { throw CLIFailure("cannot create \(path): errno \(errno)") }
                    let ok = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == data.count
                    close(fd)
                    guard ok else { throw CLIFailure("cannot write \(path): errno \(errno)") }
                    bytes += data.count
                }
            } catch {
                outcome.lock.lock(); outcome.error = outcome.error ?? error; outcome.lock.unlock()
            }
            outcome.lock.lock(); outcome.bytes += bytes; outcome.lock.unlock()
        }
        if let error = outcome.error { throw error }
        sync()
        return (jobs.count, Double(outcome.bytes) / 1_048_576)
    }
}
