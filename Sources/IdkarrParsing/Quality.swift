/// The quality model: one list of named qualities that covers both TV (Sonarr's 23) and movies
/// (Radarr's 30).
///
/// Ids are Radarr's (`src/NzbDrone.Core/Qualities/Quality.cs`), plus Sonarr's HDTV-480p, which Radarr
/// lacks and whose Sonarr id (11) Radarr leaves free. Sonarr's "Bluray-1080p Remux" and
/// "Bluray-2160p Remux" are the same qualities as Radarr's "Remux-1080p" and "Remux-2160p"; their
/// Sonarr names are kept as aliases so either spelling resolves.
public struct Quality: Hashable, Sendable, Codable, CustomStringConvertible {
    public let id: Int
    public let name: String
    public let source: QualitySource
    public let resolution: Int
    public let modifier: QualityModifier

    public init(id: Int, name: String, source: QualitySource, resolution: Int, modifier: QualityModifier = .none) {
        self.id = id
        self.name = name
        self.source = source
        self.resolution = resolution
        self.modifier = modifier
    }

    public var description: String { name }
}

public enum QualitySource: String, Sendable, Codable, CaseIterable {
    case unknown, workprint, cam, telesync, telecine, dvd, television, televisionRaw, webdl, webrip, bluray
}

public enum QualityModifier: String, Sendable, Codable, CaseIterable {
    case none, regional, screener, rawhd, brdisk, remux
}

extension Quality {
    public static let unknown = Quality(id: 0, name: "Unknown", source: .unknown, resolution: 0)
    public static let sdtv = Quality(id: 1, name: "SDTV", source: .television, resolution: 480)
    public static let dvd = Quality(id: 2, name: "DVD", source: .dvd, resolution: 480)
    public static let webdl1080p = Quality(id: 3, name: "WEBDL-1080p", source: .webdl, resolution: 1080)
    public static let hdtv720p = Quality(id: 4, name: "HDTV-720p", source: .television, resolution: 720)
    public static let webdl720p = Quality(id: 5, name: "WEBDL-720p", source: .webdl, resolution: 720)
    public static let bluray720p = Quality(id: 6, name: "Bluray-720p", source: .bluray, resolution: 720)
    public static let bluray1080p = Quality(id: 7, name: "Bluray-1080p", source: .bluray, resolution: 1080)
    public static let webdl480p = Quality(id: 8, name: "WEBDL-480p", source: .webdl, resolution: 480)
    public static let hdtv1080p = Quality(id: 9, name: "HDTV-1080p", source: .television, resolution: 1080)
    public static let rawHD = Quality(id: 10, name: "Raw-HD", source: .televisionRaw, resolution: 1080, modifier: .rawhd)
    public static let hdtv480p = Quality(id: 11, name: "HDTV-480p", source: .television, resolution: 480)
    public static let webrip480p = Quality(id: 12, name: "WEBRip-480p", source: .webrip, resolution: 480)
    public static let webrip720p = Quality(id: 14, name: "WEBRip-720p", source: .webrip, resolution: 720)
    public static let webrip1080p = Quality(id: 15, name: "WEBRip-1080p", source: .webrip, resolution: 1080)
    public static let hdtv2160p = Quality(id: 16, name: "HDTV-2160p", source: .television, resolution: 2160)
    public static let webrip2160p = Quality(id: 17, name: "WEBRip-2160p", source: .webrip, resolution: 2160)
    public static let webdl2160p = Quality(id: 18, name: "WEBDL-2160p", source: .webdl, resolution: 2160)
    public static let bluray2160p = Quality(id: 19, name: "Bluray-2160p", source: .bluray, resolution: 2160)
    public static let bluray480p = Quality(id: 20, name: "Bluray-480p", source: .bluray, resolution: 480)
    public static let bluray576p = Quality(id: 21, name: "Bluray-576p", source: .bluray, resolution: 576)
    public static let brdisk = Quality(id: 22, name: "BR-DISK", source: .bluray, resolution: 1080, modifier: .brdisk)
    public static let dvdR = Quality(id: 23, name: "DVD-R", source: .dvd, resolution: 480, modifier: .remux)
    public static let workprint = Quality(id: 24, name: "WORKPRINT", source: .workprint, resolution: 0)
    public static let cam = Quality(id: 25, name: "CAM", source: .cam, resolution: 0)
    public static let telesync = Quality(id: 26, name: "TELESYNC", source: .telesync, resolution: 0)
    public static let telecine = Quality(id: 27, name: "TELECINE", source: .telecine, resolution: 0)
    public static let dvdscr = Quality(id: 28, name: "DVDSCR", source: .dvd, resolution: 480, modifier: .screener)
    public static let regional = Quality(id: 29, name: "REGIONAL", source: .dvd, resolution: 480, modifier: .regional)
    public static let remux1080p = Quality(id: 30, name: "Remux-1080p", source: .bluray, resolution: 1080, modifier: .remux)
    public static let remux2160p = Quality(id: 31, name: "Remux-2160p", source: .bluray, resolution: 2160, modifier: .remux)

    /// Every quality, ordered from worst to best: the default rank used by quality definitions and
    /// seeded profiles (a profile may reorder). Qualities of equal worth (WEBDL and WEBRip of one
    /// resolution) sit side by side; the seeded profiles group them.
    public static let all: [Quality] = [
        .unknown, .workprint, .cam, .telesync, .telecine, .regional, .dvdscr,
        .sdtv, .hdtv480p, .webrip480p, .webdl480p, .dvd, .dvdR, .bluray480p, .bluray576p,
        .hdtv720p, .webrip720p, .webdl720p, .bluray720p,
        .hdtv1080p, .webrip1080p, .webdl1080p, .bluray1080p, .remux1080p, .brdisk, .rawHD,
        .hdtv2160p, .webrip2160p, .webdl2160p, .bluray2160p, .remux2160p,
    ]

    private static let byID: [Int: Quality] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
    private static let byLowercasedName: [String: Quality] = {
        var map = Dictionary(uniqueKeysWithValues: all.map { ($0.name.lowercased(), $0) })
        map["bluray-1080p remux"] = .remux1080p  // Sonarr's name
        map["bluray-2160p remux"] = .remux2160p  // Sonarr's name
        return map
    }()

    /// The quality with this id, or nil.
    public static func withID(_ id: Int) -> Quality? { byID[id] }

    /// The quality with this name (case-insensitive; Sonarr's and Radarr's spellings both work), or nil.
    public static func named(_ name: String) -> Quality? { byLowercasedName[name.lowercased()] }

    /// Position of this quality in `all` (higher is better).
    public var defaultRank: Int { Quality.all.firstIndex(of: self) ?? 0 }
}
