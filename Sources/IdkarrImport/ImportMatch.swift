import IdkarrDomain
import IdkarrParsing

/// A provider's answer for a folder, as `ImportMatch` scores it.
public struct ImportCandidate: Sendable, Equatable {
    public var title: String
    public var year: Int?
    public var ids: ExternalIds
    public var alternateTitles: [String]

    public init(title: String, year: Int?, ids: ExternalIds = ExternalIds(), alternateTitles: [String] = []) {
        self.title = title
        self.year = year
        self.ids = ids
        self.alternateTitles = alternateTitles
    }
}

/// How sure idkarr is that a provider's title is the one in a folder (0...1), for the
/// existing-library import's proposals. Pure.
///
/// | evidence | confidence |
/// |---|---|
/// | an id in the folder name equals the candidate's | 1.0 |
/// | an id in the folder name of a kind the candidate has, with another value (and none equal) | 0.0 |
/// | same clean title (or an alternate title), same year | 0.95 (alternate 0.93) |
/// | same clean title, a year missing on either side | 0.86 |
/// | same clean title, year off by one (release vs. air year) | 0.81 |
/// | same clean title, year further off (a remake, a reboot) | 0.48 |
/// | different titles: similarity² (edit distance of the clean titles) × the year factor | lower |
public enum ImportMatch {
    /// Proposals at or above this are shown as confident matches.
    public static let confident = 0.8

    public static func confidence(
        folder: ImportFolderName, candidateTitle: String, candidateYear: Int?, candidateIds: ExternalIds,
        alternateTitles: [String] = []
    ) -> Double {
        if let byId = idEvidence(folder.ids, candidateIds) { return byId }
        let title = titleScore(folder.cleanTitle, main: candidateTitle, alternates: alternateTitles)
        return min(1, max(0, 0.95 * title * yearFactor(folder.year, candidateYear)))
    }

    public static func confidence(folder: ImportFolderName, candidate: ImportCandidate) -> Double {
        confidence(folder: folder, candidateTitle: candidate.title, candidateYear: candidate.year, candidateIds: candidate.ids,
                   alternateTitles: candidate.alternateTitles)
    }

    /// The best-scoring candidate and its confidence; on a tie the earlier one (the provider's
    /// own ranking). Nil when there are no candidates.
    public static func best(folder: ImportFolderName, candidates: [ImportCandidate]) -> (index: Int, confidence: Double)? {
        var best: (index: Int, confidence: Double)?
        for (i, c) in candidates.enumerated() {
            let score = confidence(folder: folder, candidate: c)
            if best == nil || score > best!.confidence { best = (i, score) }
        }
        return best
    }

    /// 1 when any id agrees, 0 when the folder names an id the candidate contradicts, else nil.
    static func idEvidence(_ folder: ExternalIds, _ candidate: ExternalIds) -> Double? {
        let pairs: [(String?, String?)] = [
            (folder.tmdbId.map(String.init), candidate.tmdbId.map(String.init)),
            (folder.tvdbId.map(String.init), candidate.tvdbId.map(String.init)),
            (folder.imdbId?.lowercased(), candidate.imdbId?.lowercased()),
            (folder.tvmazeId.map(String.init), candidate.tvmazeId.map(String.init)),
        ]
        var contradicted = false
        for case let (a?, b?) in pairs {
            if a == b { return 1 }
            contradicted = true
        }
        return contradicted ? 0 : nil
    }

    static func titleScore(_ folderClean: String, main: String, alternates: [String]) -> Double {
        guard !folderClean.isEmpty else { return 0 }
        let mainClean = TitleCleaner.cleanMovieTitle(main)
        if mainClean == folderClean { return 1 }
        let altClean = alternates.map(TitleCleaner.cleanMovieTitle)
        if altClean.contains(folderClean) { return 0.98 }
        let similarity = ([mainClean] + altClean).map { Self.similarity(folderClean, $0) }.max() ?? 0
        return similarity * similarity
    }

    static func yearFactor(_ a: Int?, _ b: Int?) -> Double {
        guard let a, let b else { return 0.9 }
        switch abs(a - b) {
        case 0: return 1
        case 1: return 0.85
        default: return 0.5
        }
    }

    /// 1 − edit distance / longer length, over Unicode scalars.
    static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        let longer = max(x.count, y.count)
        guard !x.isEmpty, !y.isEmpty else { return longer == 0 ? 1 : 0 }
        var previous = Array(0...y.count)
        var row = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            row[0] = i
            for j in 1...y.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&row, &previous)
        }
        let distance = previous[y.count]
        return 1 - Double(distance) / Double(longer)
    }
}
