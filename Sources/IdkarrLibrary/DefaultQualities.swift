import IdkarrDomain
import IdkarrParsing

/// The quality definitions and profiles a new data folder starts with.
enum DefaultQualities {
    /// One definition per quality, in rank order, with size limits in MB per minute.
    static func definitions() -> [QualityDefinition] {
        Quality.all.enumerated().map { rank, quality in
            let (min, max) = sizeLimits(quality)
            return QualityDefinition(qualityId: quality.id, title: quality.name, weight: rank + 1,
                                     minSize: min, preferredSize: (max * 0.95).rounded(), maxSize: max)
        }
    }

    private static func sizeLimits(_ quality: Quality) -> (Double, Double) {
        if quality.modifier == .remux || quality.modifier == .brdisk { return (quality.resolution >= 2160 ? 50 : 35, 2000) }
        switch quality.resolution {
        case 2160...: return (15, 1000)
        case 1080...: return (4, 400)
        case 720...: return (3, 200)
        case 1...: return (1, 100)
        default: return (0, 100)
        }
    }

    /// WEBDL and WEBRip of one resolution are worth the same; profiles group them.
    private static let webGroups: [(resolution: Int, members: [Quality])] = [
        (480, [.webrip480p, .webdl480p]), (720, [.webrip720p, .webdl720p]),
        (1080, [.webrip1080p, .webdl1080p]), (2160, [.webrip2160p, .webdl2160p]),
    ]

    static func groupId(resolution: Int) -> Int {
        QualityProfile.firstGroupId + (webGroups.firstIndex { $0.resolution == resolution } ?? 0) + 1
    }

    /// The full ordered item list with only `allowed` qualities switched on.
    static func items(allowing allowed: Set<Quality>) -> [QualityProfileItem] {
        var items: [QualityProfileItem] = []
        for quality in Quality.all {
            if let group = webGroups.first(where: { $0.members.contains(quality) }) {
                guard quality == group.members[0] else { continue }
                let on = group.members.contains { allowed.contains($0) }
                items.append(QualityProfileItem(groupId: groupId(resolution: group.resolution),
                                                name: "WEB \(group.resolution)p", allowed: on,
                                                qualityIds: group.members.map(\.id)))
            } else {
                items.append(QualityProfileItem(qualityId: quality.id, allowed: allowed.contains(quality)))
            }
        }
        return items
    }

    static func profiles() -> [QualityProfile] {
        let sd: Set<Quality> = [.sdtv, .hdtv480p, .webrip480p, .webdl480p, .dvd, .bluray480p, .bluray576p]
        let hd720: Set<Quality> = [.hdtv720p, .webrip720p, .webdl720p, .bluray720p]
        let hd1080: Set<Quality> = [.hdtv1080p, .webrip1080p, .webdl1080p, .bluray1080p, .remux1080p]
        let uhd: Set<Quality> = [.hdtv2160p, .webrip2160p, .webdl2160p, .bluray2160p, .remux2160p]
        let any = sd.union(hd720).union(hd1080).union(uhd)
        return [
            QualityProfile(name: "Any", upgradeAllowed: false, cutoff: Quality.sdtv.id, items: items(allowing: any)),
            QualityProfile(name: "SD", upgradeAllowed: false, cutoff: Quality.sdtv.id, items: items(allowing: sd)),
            QualityProfile(name: "HD-720p", upgradeAllowed: false, cutoff: Quality.hdtv720p.id, items: items(allowing: hd720)),
            QualityProfile(name: "HD-1080p", upgradeAllowed: false, cutoff: Quality.hdtv1080p.id, items: items(allowing: hd1080)),
            QualityProfile(name: "HD - 720p/1080p", upgradeAllowed: true, cutoff: Quality.hdtv720p.id,
                           items: items(allowing: hd720.union(hd1080))),
            QualityProfile(name: "Ultra-HD", upgradeAllowed: false, cutoff: Quality.hdtv2160p.id, items: items(allowing: uhd)),
        ]
    }
}
