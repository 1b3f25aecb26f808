import Foundation
import IdkarrDomain
import IdkarrLibrary
import IdkarrParsing
import IdkarrStore

struct InstanceResource: Codable {
    var id: Int?
    var version: Int?
    var name: String
    var mediaType: MediaType
    var defaultRootFolderId: Int?
    var defaultQualityProfileId: Int?
    var createdAt: Date?
    var updatedAt: Date?

    init(_ s: Stored<Instance>) {
        id = s.id
        version = s.version
        name = s.body.name
        mediaType = s.body.mediaType
        defaultRootFolderId = s.body.defaultRootFolderId
        defaultQualityProfileId = s.body.defaultQualityProfileId
        createdAt = s.createdAt
        updatedAt = s.updatedAt
    }

    var body: Instance {
        Instance(name: name, mediaType: mediaType, defaultRootFolderId: defaultRootFolderId, defaultQualityProfileId: defaultQualityProfileId)
    }
}

struct UnmappedFolderResource: Codable {
    var name: String
    var path: String
}

struct RootFolderResource: Codable {
    var id: Int
    var version: Int
    var path: String
    var instanceId: Int
    var accessible: Bool
    var freeSpace: Int64
    var totalSpace: Int64
    var unmappedFolders: [UnmappedFolderResource]

    init(_ s: Stored<RootFolder>, status: RootFolderStatus) {
        id = s.id
        version = s.version
        path = s.body.path
        instanceId = s.body.instanceId
        accessible = status.accessible
        freeSpace = status.freeSpace
        totalSpace = status.totalSpace
        unmappedFolders = status.unmappedFolders.map { UnmappedFolderResource(name: $0.name, path: $0.path) }
    }
}

struct RootFolderInputResource: Codable {
    var path: String
    var instanceId: Int
}

struct TagResource: Codable {
    var id: Int?
    var version: Int?
    var label: String

    init(_ s: Stored<Tag>) {
        id = s.id
        version = s.version
        label = s.body.label
    }
}

/// A quality as the API shows it. Decoding needs only `id`: the rest is looked up.
struct QualityResource: Codable {
    var id: Int
    var name: String
    var source: QualitySource
    var resolution: Int
    var modifier: QualityModifier

    init(_ q: Quality) {
        id = q.id
        name = q.name
        source = q.source
        resolution = q.resolution
        modifier = q.modifier
    }

    enum CodingKeys: String, CodingKey { case id, name, source, resolution, modifier }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decode(Int.self, forKey: .id)
        guard let quality = Quality.withID(id) else {
            throw DecodingError.dataCorruptedError(forKey: .id, in: c, debugDescription: "Cannot initialize Quality: unknown id \(id)")
        }
        self.init(quality)
    }
}

struct QualityDefinitionResource: Codable {
    var id: Int
    var version: Int
    var quality: QualityResource?
    var title: String
    var weight: Int
    var minSize: Double
    var preferredSize: Double
    var maxSize: Double

    init(_ s: Stored<QualityDefinition>) {
        id = s.id
        version = s.version
        quality = Quality.withID(s.body.qualityId).map(QualityResource.init)
        title = s.body.title
        weight = s.body.weight
        minSize = s.body.minSize
        preferredSize = s.body.preferredSize
        maxSize = s.body.maxSize
    }
}

struct QualityDefinitionInputResource: Codable {
    var title: String?
    var minSize: Double?
    var preferredSize: Double?
    var maxSize: Double?
    var version: Int?
}

struct QualityProfileItemResource: Codable {
    var quality: QualityResource?
    var id: Int?
    var name: String?
    var allowed: Bool
    var items: [QualityProfileItemResource]?

    init(_ item: QualityProfileItem) {
        quality = item.qualityId.flatMap(Quality.withID).map(QualityResource.init)
        id = item.id
        name = item.name
        allowed = item.allowed
        items = item.items?.map(QualityProfileItemResource.init)
    }

    var body: QualityProfileItem {
        if let items {
            var group = QualityProfileItem(groupId: id ?? 0, name: name ?? "", allowed: allowed, qualityIds: [])
            group.items = items.map(\.body)
            return group
        }
        var single = QualityProfileItem(qualityId: quality?.id ?? -1, allowed: allowed)
        if quality == nil { single.qualityId = nil }
        return single
    }
}

struct QualityProfileResource: Codable {
    var id: Int?
    var version: Int?
    var name: String
    var upgradeAllowed: Bool
    var cutoff: Int
    var items: [QualityProfileItemResource]

    init(_ s: Stored<QualityProfile>) {
        id = s.id
        version = s.version
        name = s.body.name
        upgradeAllowed = s.body.upgradeAllowed
        cutoff = s.body.cutoff
        items = s.body.items.map(QualityProfileItemResource.init)
    }

    var body: QualityProfile {
        QualityProfile(name: name, upgradeAllowed: upgradeAllowed, cutoff: cutoff, items: items.map(\.body))
    }
}
