import Foundation
import IdkarrDomain
import IdkarrStore
import Logging

/// The library: instances, root folders, tags, quality settings and media, as repositories over
/// the document store. Every write validates first and goes through the store's versioned update,
/// so a stale client gets a conflict and a bad one a field list; nothing is half-written.
public final class Library: Sendable {
    public let instances: DocumentCollection<Instance>
    public let rootFolders: DocumentCollection<RootFolder>
    public let tags: DocumentCollection<Tag>
    public let qualityDefinitions: DocumentCollection<QualityDefinition>
    public let qualityProfiles: DocumentCollection<QualityProfile>
    public let media: DocumentCollection<Media>
    /// Sorted orders of recent media list queries (see `listMedia`).
    let mediaListCache = MediaListCache()
    let wantedCache = WantedCache()
    let now: @Sendable () -> Date
    let logger: Logger

    /// Secondary index names on `media`.
    enum MediaIndex {
        static let instance = "instance"
        static let tag = "tag"
        static let rootFolder = "rootFolder"
        static let profile = "profile"
        static let externalId = "externalId"
    }

    public static func open(in folder: DataFolder, logger: Logger, now: @escaping @Sendable () -> Date = Date.init) async throws -> Library {
        let library = Library(
            instances: try await folder.collection(Instance.self),
            rootFolders: try await folder.collection(RootFolder.self, indexes: [
                SecondaryIndex("instance") { [String($0.instanceId)] },
            ]),
            tags: try await folder.collection(Tag.self, indexes: [SecondaryIndex("label") { [$0.label] }]),
            qualityDefinitions: try await folder.collection(QualityDefinition.self),
            qualityProfiles: try await folder.collection(QualityProfile.self),
            media: try await folder.collection(Media.self, indexes: Library.mediaIndexes),
            now: now, logger: logger
        )
        try await library.seedIfNew(folder)
        return library
    }

    private init(
        instances: DocumentCollection<Instance>, rootFolders: DocumentCollection<RootFolder>,
        tags: DocumentCollection<Tag>, qualityDefinitions: DocumentCollection<QualityDefinition>,
        qualityProfiles: DocumentCollection<QualityProfile>, media: DocumentCollection<Media>,
        now: @escaping @Sendable () -> Date, logger: Logger
    ) {
        self.instances = instances
        self.rootFolders = rootFolders
        self.tags = tags
        self.qualityDefinitions = qualityDefinitions
        self.qualityProfiles = qualityProfiles
        self.media = media
        self.now = now
        self.logger = logger
    }

    static let mediaIndexes: [SecondaryIndex<Media>] = [
        SecondaryIndex(MediaIndex.instance) { [String($0.instanceId)] },
        SecondaryIndex(MediaIndex.tag) { $0.tags.map(String.init) },
        SecondaryIndex(MediaIndex.rootFolder) { $0.rootFolderId.map { [String($0)] } ?? [] },
        SecondaryIndex(MediaIndex.profile) { $0.qualityProfileId.map { [String($0)] } ?? [] },
        SecondaryIndex(MediaIndex.externalId) { media in
            let ids = media.externalIds
            return [ids.tmdbId.map { "tmdb:\($0)" }, ids.tvdbId.map { "tvdb:\($0)" },
                    ids.imdbId.map { "imdb:\($0)" }, ids.tvmazeId.map { "tvmaze:\($0)" }].compactMap { $0 }
        },
    ]

    /// Quality definitions and profiles are created once, in a new data folder. A collection that is
    /// empty because its files were quarantined is left empty (and the health check says so): the
    /// user's settings are never silently replaced by defaults.
    private func seedIfNew(_ folder: DataFolder) async throws {
        let damaged = Set(folder.quarantined().map(\.collection))
        if qualityDefinitions.count == 0 && !damaged.contains(QualityDefinition.collection) {
            for definition in DefaultQualities.definitions() { _ = try await qualityDefinitions.create(definition) }
            logger.info("seeded quality definitions")
        }
        if qualityProfiles.count == 0 && !damaged.contains(QualityProfile.collection) {
            for profile in DefaultQualities.profiles() { _ = try await qualityProfiles.create(profile) }
            logger.info("seeded quality profiles")
        }
    }
}
