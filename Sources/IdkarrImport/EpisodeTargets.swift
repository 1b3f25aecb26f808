import IdkarrDomain
import IdkarrParsing

/// Where a parsed file name points inside one series: the episodes it covers, or why none.
enum FileTarget: Equatable {
    /// Indices into `Media.episodes`, in the order the name lists them.
    case episodes([Int])
    case movie
    case unmatched(String)
}

/// A series' episodes indexed the three ways a file name can name them.
struct EpisodeIndex {
    private struct SE: Hashable {
        var season: Int
        var episode: Int
    }

    private var bySeasonEpisode: [SE: Int] = [:]
    private var byAbsolute: [Int: Int] = [:]
    private var byAirDate: [String: [Int]] = [:]

    init(_ episodes: [Episode]) {
        for (i, e) in episodes.enumerated() {
            bySeasonEpisode[SE(season: e.seasonNumber, episode: e.episodeNumber)] = i
            if let a = e.absoluteEpisodeNumber { byAbsolute[a] = byAbsolute[a] ?? i }
            if let d = e.airDate { byAirDate[d, default: []].append(i) }
        }
    }

    /// One way of reading the name: the episodes found, or the reason when none is.
    private enum Lookup {
        case found([Int])
        case missing(String)
    }

    /// Reads the name by season/episode, absolute number or air date, in the order that fits
    /// the series type (anime: absolute first; daily: air date first); the first reading that
    /// finds an episode wins. A multi-episode file covers every listed episode the series has.
    func target(for p: ParsedRelease?, seriesType: SeriesType) -> FileTarget {
        guard let p else { return .unmatched(Self.unreadable) }
        let order: [Lookup?]
        switch seriesType {
        case .anime: order = [absolute(p), seasonEpisode(p), airDate(p)]
        case .daily: order = [airDate(p), seasonEpisode(p), absolute(p)]
        case .standard: order = [seasonEpisode(p), airDate(p), absolute(p)]
        }
        var firstReason: String?
        for case let lookup? in order {
            switch lookup {
            case .found(let indices): return .episodes(indices)
            case .missing(let reason): firstReason = firstReason ?? reason
            }
        }
        if let firstReason { return .unmatched(firstReason) }
        if p.fullSeason, let s = p.seasonNumber { return .unmatched("names a whole season (\(Self.season(s))), not an episode") }
        if !p.specialAbsoluteEpisodeNumbers.isEmpty { return .unmatched("names a special by a fractional number, which matches no episode") }
        return .unmatched(Self.unreadable)
    }

    static let unreadable = "could not read season/episode from the name"

    private func seasonEpisode(_ p: ParsedRelease) -> Lookup? {
        guard let s = p.seasonNumber, !p.episodeNumbers.isEmpty else { return nil }
        let numbers = Self.unique(p.episodeNumbers)
        let found = numbers.compactMap { bySeasonEpisode[SE(season: s, episode: $0)] }
        if !found.isEmpty { return .found(found) }
        let names = numbers.map { Self.season(s) + "E" + Self.two($0) }.joined(separator: ", ")
        return .missing("no episode \(names) in this series")
    }

    private func absolute(_ p: ParsedRelease) -> Lookup? {
        guard !p.absoluteEpisodeNumbers.isEmpty else { return nil }
        let numbers = Self.unique(p.absoluteEpisodeNumbers)
        let found = numbers.compactMap { byAbsolute[$0] }
        if !found.isEmpty { return .found(found) }
        let list = numbers.map(String.init).joined(separator: ", ")
        return .missing("no episode with absolute number \(list) in this series")
    }

    private func airDate(_ p: ParsedRelease) -> Lookup? {
        guard let date = p.airDate else { return nil }
        guard let found = byAirDate[date], !found.isEmpty else { return .missing("no episode aired on \(date) in this series") }
        // Two episodes on one day: the name's part number (`…2024.01.15.Part.2`) picks one, else both.
        if let part = p.dailyPart, found.count > 1, part >= 1, part <= found.count { return .found([found[part - 1]]) }
        return .found(found)
    }

    private static func unique(_ numbers: [Int]) -> [Int] {
        var seen = Set<Int>()
        return numbers.filter { seen.insert($0).inserted }
    }

    static func two(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : String(n) }
    static func season(_ s: Int) -> String { "S" + two(s) }
}
