import IdkarrDomain
import IdkarrParsing

/// Which of a title's episodes a release holds, and whether it is the title at all.
enum ReleaseMatch {
    /// The episodes of `media` the release names: by air date (daily), absolute number (anime,
    /// or when no season is given), or season and episode numbers; a season pack holds its
    /// whole season.
    static func episodes(of parsed: ParsedRelease, in media: Media) -> [Int] {
        guard media.mediaType.isEpisodic else { return [] }
        if let date = parsed.airDate {
            return media.episodes.filter { $0.airDate == date }.map(\.id)
        }
        if !parsed.absoluteEpisodeNumbers.isEmpty && (media.seriesType == .anime || parsed.seasonNumber == nil || parsed.episodeNumbers.isEmpty) {
            let wanted = Set(parsed.absoluteEpisodeNumbers)
            let found = media.episodes.filter { $0.absoluteEpisodeNumber.map(wanted.contains) ?? false }.map(\.id)
            if !found.isEmpty || parsed.seasonNumber == nil { return found }
        }
        guard let season = parsed.seasonNumber else { return [] }
        if parsed.fullSeason || (parsed.episodeNumbers.isEmpty && !parsed.special) {
            return media.episodes.filter { $0.seasonNumber == season }.map(\.id)
        }
        let numbers = Set(parsed.episodeNumbers)
        return media.episodes.filter { $0.seasonNumber == season && numbers.contains($0.episodeNumber) }.map(\.id)
    }

    /// The title's names, cleaned the way the parser cleans release titles.
    static func cleanTitles(of media: Media) -> Set<String> {
        var titles = Set(([media.title] + media.alternateTitles).map(TitleCleaner.cleanSeriesTitle))
        // "The Office (US)" is released as "The Office US"; a year in the title is often left out.
        if let year = media.year { titles.insert(TitleCleaner.cleanSeriesTitle("\(media.title) \(year)")) }
        return titles
    }

    /// A short "S01E02", "S03 (season pack)", "2024-05-31" or "#12" for messages.
    static func describe(_ parsed: ParsedRelease) -> String {
        if let date = parsed.airDate { return date }
        if let season = parsed.seasonNumber {
            if parsed.fullSeason || parsed.episodeNumbers.isEmpty { return "S\(pad(season)) (season pack)" }
            return "S\(pad(season))" + parsed.episodeNumbers.map { "E\(pad($0))" }.joined()
        }
        if !parsed.absoluteEpisodeNumbers.isEmpty { return parsed.absoluteEpisodeNumbers.map { "#\($0)" }.joined(separator: ", ") }
        return "no episode"
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
