/// Where the quality parser found a part of the quality.
public enum QualityDetectionSource: String, Sendable, Codable {
    case name = "Name", `extension` = "Extension", unknown = "Unknown"
}

/// The version of a release: PROPER/REPACK raise `version`, the scene's REAL tags count in `real`.
public struct Revision: Hashable, Sendable, Codable, Comparable {
    public var version: Int
    public var real: Int
    public var isRepack: Bool

    public init(version: Int = 1, real: Int = 0, isRepack: Bool = false) {
        self.version = version
        self.real = real
        self.isRepack = isRepack
    }

    /// REAL outranks version: a REAL PROPER beats a PROPER, and any REAL beats a plain release.
    public static func < (a: Revision, b: Revision) -> Bool {
        if a.real != b.real { return a.real < b.real }
        return a.version < b.version
    }
}

/// A release's quality as parsed: the named quality plus its revision and where each part came from.
public struct QualityModel: Hashable, Sendable, Codable {
    public var quality: Quality
    public var revision: Revision
    public var sourceDetectionSource: QualityDetectionSource
    public var resolutionDetectionSource: QualityDetectionSource
    /// Hardcoded subtitle tag when the name carries one (e.g. "HC", "KORSUB").
    public var hardcodedSubs: String?

    public init(
        quality: Quality = .unknown, revision: Revision = Revision(),
        sourceDetectionSource: QualityDetectionSource = .unknown,
        resolutionDetectionSource: QualityDetectionSource = .unknown, hardcodedSubs: String? = nil
    ) {
        self.quality = quality
        self.revision = revision
        self.sourceDetectionSource = sourceDetectionSource
        self.resolutionDetectionSource = resolutionDetectionSource
        self.hardcodedSubs = hardcodedSubs
    }
}

/// Comparing qualities and checking a profile's cutoff. The profile type lives elsewhere; these
/// functions take the profile's ordered list of allowed quality ids (worst first) and its cutoff.
public enum QualityComparison {
    /// Rank of a quality in an ordered list of ids (worst first); qualities not in the list rank
    /// below every listed one, ordered among themselves by the default rank.
    public static func rank(of quality: Quality, in orderedIDs: [Int]?) -> Int {
        guard let ids = orderedIDs else { return quality.defaultRank }
        if let index = ids.firstIndex(of: quality.id) { return index + 1000 }
        return quality.defaultRank - 1000
    }

    /// Negative, zero or positive as `a` is worse than, as good as or better than `b`.
    /// Quality first (by the profile's order when given, else the default order), then revision.
    public static func compare(
        _ a: QualityModel, _ b: QualityModel, order orderedIDs: [Int]? = nil, respectRevision: Bool = true
    ) -> Int {
        let ra = rank(of: a.quality, in: orderedIDs)
        let rb = rank(of: b.quality, in: orderedIDs)
        if ra != rb { return ra < rb ? -1 : 1 }
        guard respectRevision else { return 0 }
        if a.revision == b.revision { return 0 }
        return a.revision < b.revision ? -1 : 1
    }

    /// True when `a` is better than `b`.
    public static func isUpgrade(_ a: QualityModel, over b: QualityModel, order orderedIDs: [Int]? = nil) -> Bool {
        compare(a, b, order: orderedIDs) > 0
    }

    /// True when `quality` meets the cutoff of a profile whose allowed qualities are
    /// `allowedIDs` in order (worst first) and whose cutoff is `cutoffID`. A quality the profile
    /// does not list never meets the cutoff.
    public static func meetsCutoff(_ quality: Quality, allowedIDs: [Int], cutoffID: Int) -> Bool {
        guard let q = allowedIDs.firstIndex(of: quality.id) else { return false }
        guard let c = allowedIDs.firstIndex(of: cutoffID) else { return true }
        return q >= c
    }

    /// True when the cutoff is met and no better revision of the same quality is wanted.
    public static func meetsCutoff(_ model: QualityModel, allowedIDs: [Int], cutoffID: Int, newer: Revision? = nil) -> Bool {
        guard meetsCutoff(model.quality, allowedIDs: allowedIDs, cutoffID: cutoffID) else { return false }
        if let newer, model.quality.id == cutoffID, model.revision < newer { return false }
        return true
    }
}

extension QualitySource {
    /// Radarr's spelling of the source (`TV`, `WEBDL`, `BLURAY`…).
    public var radarrName: String {
        switch self {
        case .unknown: "UNKNOWN"
        case .workprint: "WORKPRINT"
        case .cam: "CAM"
        case .telesync: "TELESYNC"
        case .telecine: "TELECINE"
        case .dvd: "DVD"
        case .television, .televisionRaw: "TV"
        case .webdl: "WEBDL"
        case .webrip: "WEBRIP"
        case .bluray: "BLURAY"
        }
    }

    /// Reads Sonarr's and Radarr's source names ("Television", "Web", "BlurayRaw", "TV", "WEBDL"…).
    public init?(externalName: String) {
        switch Bytes.lowercased(externalName) {
        case "unknown": self = .unknown
        case "workprint": self = .workprint
        case "cam": self = .cam
        case "telesync": self = .telesync
        case "telecine": self = .telecine
        case "dvd": self = .dvd
        case "tv", "television": self = .television
        case "televisionraw": self = .televisionRaw
        case "web", "webdl": self = .webdl
        case "webrip": self = .webrip
        case "bluray", "blurayraw": self = .bluray
        default: return nil
        }
    }
}

extension QualityModifier {
    /// Radarr's spelling of the modifier (`NONE`, `REMUX`…).
    public var radarrName: String { rawValue.uppercased() }
}
