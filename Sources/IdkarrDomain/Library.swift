#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What kind of titles a library instance holds.
public enum MediaType: String, Codable, Sendable, CaseIterable {
    case series, movie, anime

    /// Series and anime are episodic; movies are not.
    public var isEpisodic: Bool { self != .movie }
}

/// A library of one kind ("TV", "Anime", "Movies", "Movies 4K") with its own root folders and defaults.
public struct Instance: Codable, Sendable, Equatable {
    public var name: String
    public var mediaType: MediaType
    public var defaultRootFolderId: Int?
    public var defaultQualityProfileId: Int?

    public init(name: String, mediaType: MediaType, defaultRootFolderId: Int? = nil, defaultQualityProfileId: Int? = nil) {
        self.name = name
        self.mediaType = mediaType
        self.defaultRootFolderId = defaultRootFolderId
        self.defaultQualityProfileId = defaultQualityProfileId
    }
}

/// A folder on disk where one instance keeps its titles.
public struct RootFolder: Codable, Sendable, Equatable {
    public var path: String
    public var instanceId: Int

    public init(path: String, instanceId: Int) {
        self.path = path
        self.instanceId = instanceId
    }
}

/// A label users attach to titles, indexers and clients (`^[a-z0-9-]+$`).
public struct Tag: Codable, Sendable, Equatable {
    public var label: String

    public init(label: String) { self.label = label }

    /// Whether a label has the allowed shape: 1…64 of `a-z`, `0-9` and `-`.
    public static func isValidLabel(_ label: String) -> Bool {
        !label.isEmpty && label.utf8.count <= 64
            && label.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}

/// Size limits of one quality, in megabytes per minute of runtime.
/// The document's id is the quality id (see `IdkarrParsing.Quality`).
public struct QualityDefinition: Codable, Sendable, Equatable {
    public var qualityId: Int
    public var title: String
    public var weight: Int
    public var minSize: Double
    public var preferredSize: Double
    public var maxSize: Double

    public init(qualityId: Int, title: String, weight: Int, minSize: Double, preferredSize: Double, maxSize: Double) {
        self.qualityId = qualityId
        self.title = title
        self.weight = weight
        self.minSize = minSize
        self.preferredSize = preferredSize
        self.maxSize = maxSize
    }
}

/// Which qualities a title may be grabbed in, in which order of preference, and when to stop upgrading.
public struct QualityProfile: Codable, Sendable, Equatable {
    public var name: String
    public var upgradeAllowed: Bool
    /// A quality id, or the id of a group (≥ 1000) among `items`.
    public var cutoff: Int
    /// Worst first, best last.
    public var items: [QualityProfileItem]

    public init(name: String, upgradeAllowed: Bool, cutoff: Int, items: [QualityProfileItem]) {
        self.name = name
        self.upgradeAllowed = upgradeAllowed
        self.cutoff = cutoff
        self.items = items
    }

    /// Group ids start here, so they never collide with quality ids.
    public static let firstGroupId = 1000

    /// Every quality id in the profile, in order, with whether it is allowed (a group's members
    /// take the group's allowed flag only when the member itself is allowed).
    public var flattened: [(qualityId: Int, allowed: Bool)] {
        items.flatMap { item -> [(qualityId: Int, allowed: Bool)] in
            if let group = item.items {
                return group.map { ($0.qualityId ?? -1, $0.allowed && item.allowed) }
            }
            return [(item.qualityId ?? -1, item.allowed)]
        }
    }
}

/// One row of a profile: a single quality (`qualityId`) or a named group of equal qualities (`id`, `name`, `items`).
public struct QualityProfileItem: Codable, Sendable, Equatable {
    public var qualityId: Int?
    public var id: Int?
    public var name: String?
    public var allowed: Bool
    public var items: [QualityProfileItem]?

    public init(qualityId: Int, allowed: Bool) {
        self.qualityId = qualityId
        self.allowed = allowed
    }

    public init(groupId: Int, name: String, allowed: Bool, qualityIds: [Int]) {
        self.id = groupId
        self.name = name
        self.allowed = allowed
        self.items = qualityIds.map { QualityProfileItem(qualityId: $0, allowed: allowed) }
    }

    public var isGroup: Bool { items != nil }
}
