import Foundation
import IdkarrDomain
import IdkarrParsing
import IdkarrStore

extension Library {
    public func updateQualityDefinition(_ id: Int, ifVersion: Int?, _ apply: (inout QualityDefinition) -> Void) async throws
        -> Stored<QualityDefinition>
    {
        guard let current = qualityDefinitions.get(id) else { throw ServiceError.notFound("Quality definition", id) }
        var updated = current.body
        apply(&updated)
        updated.qualityId = current.body.qualityId  // which quality a definition sizes is fixed
        var v = Validator()
        v.check(!updated.title.trimmingCharacters(in: .whitespaces).isEmpty, "title", "title must not be empty.")
        v.check(updated.minSize >= 0, "minSize", "minSize must not be negative.")
        v.check(updated.minSize <= updated.preferredSize, "preferredSize", "preferredSize must be at least minSize.")
        v.check(updated.preferredSize <= updated.maxSize, "maxSize", "maxSize must be at least preferredSize.")
        v.check(updated.maxSize <= 10_000, "maxSize", "maxSize is at most 10000 MB per minute.")
        try v.throwIfInvalid()
        return try await qualityDefinitions.update(id, ifVersion: ifVersion ?? current.version, updated)
    }

    public func createQualityProfile(_ profile: QualityProfile) async throws -> Stored<QualityProfile> {
        try validate(profile, id: nil)
        return try await qualityProfiles.create(profile)
    }

    public func updateQualityProfile(_ id: Int, ifVersion: Int?, _ profile: QualityProfile) async throws -> Stored<QualityProfile> {
        guard let current = qualityProfiles.get(id) else { throw ServiceError.notFound("Quality profile", id) }
        try validate(profile, id: id)
        return try await qualityProfiles.update(id, ifVersion: ifVersion ?? current.version, profile)
    }

    /// Refused while a title or an instance default uses the profile.
    public func deleteQualityProfile(_ id: Int, ifVersion: Int?) async throws {
        guard qualityProfiles.get(id) != nil else { throw ServiceError.notFound("Quality profile", id) }
        let users = media.lookup(MediaIndex.profile, String(id)).count
        let defaults = instances.all().filter { $0.body.defaultQualityProfileId == id }.count
        if users > 0 || defaults > 0 {
            throw ServiceError(.conflict, "Quality profile \(id) is used by \(users) title(s) and \(defaults) instance(s).")
        }
        try await qualityProfiles.delete(id, ifVersion: ifVersion)
    }

    private func validate(_ profile: QualityProfile, id: Int?) throws {
        var v = Validator()
        let name = profile.name.trimmingCharacters(in: .whitespaces)
        v.check(!name.isEmpty && name.count <= 100, "name", "name must be 1 to 100 characters.")
        v.check(!qualityProfiles.all().contains { $0.id != id && $0.body.name.lowercased() == name.lowercased() },
                "name", "A profile named \"\(name)\" already exists.")
        let flat = profile.flattened
        let ids = flat.map(\.qualityId)
        v.check(ids.allSatisfy { Quality.withID($0) != nil }, "items", "Every item must name a known quality.")
        v.check(Set(ids).count == ids.count, "items", "A quality appears more than once.")
        v.check(flat.contains { $0.allowed }, "items", "At least one quality must be allowed.")
        var groupIds = Set<Int>()
        for item in profile.items where item.isGroup {
            let gid = item.id ?? 0
            v.check(gid >= QualityProfile.firstGroupId && groupIds.insert(gid).inserted, "items",
                    "Each group needs a unique id of \(QualityProfile.firstGroupId) or more.")
            v.check(!(item.name ?? "").isEmpty, "items", "Each group needs a name.")
            v.check(!(item.items ?? []).isEmpty && (item.items ?? []).allSatisfy { !$0.isGroup && $0.qualityId != nil },
                    "items", "A group holds one or more qualities and no groups.")
        }
        for item in profile.items where !item.isGroup {
            v.check(item.qualityId != nil, "items", "An item is a quality (qualityId) or a group (id, name, items).")
        }
        let allowedCutoffs = profile.items.filter(\.allowed).compactMap { $0.isGroup ? $0.id : $0.qualityId }
        v.check(allowedCutoffs.contains(profile.cutoff), "cutoff", "The cutoff must be an allowed quality or group of this profile.")
        try v.throwIfInvalid()
    }
}
