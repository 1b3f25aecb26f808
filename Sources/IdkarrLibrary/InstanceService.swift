import Foundation
import IdkarrDomain
import IdkarrStore

extension Library {
    public func createInstance(_ instance: Instance) async throws -> Stored<Instance> {
        try validate(instance, id: nil)
        return try await instances.create(instance)
    }

    public func updateInstance(_ id: Int, ifVersion: Int?, _ apply: (inout Instance) -> Void) async throws -> Stored<Instance> {
        guard let current = instances.get(id) else { throw ServiceError.notFound("Instance", id) }
        var updated = current.body
        apply(&updated)
        if updated.mediaType != current.body.mediaType, !media.lookup(MediaIndex.instance, String(id)).isEmpty {
            throw ServiceError.invalid("mediaType", "The media type of an instance that holds titles cannot change.")
        }
        try validate(updated, id: id)
        return try await instances.update(id, ifVersion: ifVersion ?? current.version, updated)
    }

    /// Refused while the instance still holds titles or root folders.
    public func deleteInstance(_ id: Int, ifVersion: Int?) async throws {
        guard instances.get(id) != nil else { throw ServiceError.notFound("Instance", id) }
        let titles = media.lookup(MediaIndex.instance, String(id)).count
        let folders = rootFolders.lookup("instance", String(id)).count
        if titles > 0 || folders > 0 {
            throw ServiceError(.conflict, "Instance \(id) still holds \(titles) title(s) and \(folders) root folder(s); remove them first.")
        }
        try await instances.delete(id, ifVersion: ifVersion)
    }

    private func validate(_ instance: Instance, id: Int?) throws {
        var v = Validator()
        let name = instance.name.trimmingCharacters(in: .whitespaces)
        v.check(!name.isEmpty && name.count <= 100, "name", "name must be 1 to 100 characters.")
        let clash = instances.all().contains { $0.id != id && $0.body.name.lowercased() == name.lowercased() }
        v.check(!clash, "name", "An instance named \"\(name)\" already exists.")
        if let r = instance.defaultRootFolderId {
            v.check(rootFolders.get(r)?.body.instanceId == id && id != nil, "defaultRootFolderId",
                    "Root folder \(r) is not one of this instance's folders.")
        }
        if let p = instance.defaultQualityProfileId {
            v.check(qualityProfiles.get(p) != nil, "defaultQualityProfileId", "Quality profile \(p) does not exist.")
        }
        try v.throwIfInvalid()
    }
}

extension Library {
    public func createTag(label: String) async throws -> Stored<Tag> {
        try validateTag(label, id: nil)
        return try await tags.create(Tag(label: label))
    }

    public func updateTag(_ id: Int, ifVersion: Int?, label: String) async throws -> Stored<Tag> {
        guard let current = tags.get(id) else { throw ServiceError.notFound("Tag", id) }
        try validateTag(label, id: id)
        return try await tags.update(id, ifVersion: ifVersion ?? current.version, Tag(label: label))
    }

    /// Deleting a tag removes it from every title that carries it.
    public func deleteTag(_ id: Int, ifVersion: Int?) async throws {
        guard tags.get(id) != nil else { throw ServiceError.notFound("Tag", id) }
        try await tags.delete(id, ifVersion: ifVersion)
        for mediaId in media.lookup(MediaIndex.tag, String(id)) {
            _ = try? await media.update(mediaId) { (m: inout Media) in m.tags.removeAll { $0 == id } }
        }
    }

    private func validateTag(_ label: String, id: Int?) throws {
        guard Tag.isValidLabel(label) else {
            throw ServiceError.invalid("label", "A label is 1 to 64 of a-z, 0-9 and '-'.")
        }
        if let other = tags.lookup("label", label).first, other != id {
            throw ServiceError(.conflict, "Tag \"\(label)\" already exists (id \(other)).",
                               fieldErrors: [FieldError(field: "label", message: "Already exists.")])
        }
    }
}
