import Foundation
import Hummingbird
import IdkarrStore
import IdkarrDomain
import IdkarrLibrary

/// Instances, root folders, tags, quality definitions and profiles. Reads need a signed-in user;
/// writes need an admin.
struct LibrarySettingsController {
    let library: Library

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        let instances = api.group("instances")
        instances.get { _, c in try c.requireUser(); return try JSONBody.response(PageResource(all: library.instances.all().map(InstanceResource.init))) }
        instances.post(use: createInstance)
        instances.get(":id") { r, c in
            try c.requireUser()
            let s = try found(library.instances.get(try r.id(c)), "Instance")
            return try JSONBody.response(InstanceResource(s), version: s.version)
        }
        instances.put(":id", use: updateInstance)
        instances.delete(":id") { r, c in
            try c.requireAdmin()
            try await library.deleteInstance(try r.id(c), ifVersion: try r.ifMatchVersion())
            return JSONBody.noContent()
        }

        let folders = api.group("rootfolders")
        folders.get { _, c in
            try c.requireUser()
            return try JSONBody.response(PageResource(all: library.rootFolders.all().map { RootFolderResource($0, status: library.status(of: $0)) }))
        }
        folders.post { r, c in
            try c.requireAdmin()
            let input = try await JSONBody.decode(RootFolderInputResource.self, from: r, context: c)
            let s = try await library.createRootFolder(path: input.path, instanceId: input.instanceId)
            return try JSONBody.response(RootFolderResource(s, status: library.status(of: s)), status: .created, version: s.version)
        }
        folders.get(":id") { r, c in
            try c.requireUser()
            let s = try found(library.rootFolders.get(try r.id(c)), "Root folder")
            return try JSONBody.response(RootFolderResource(s, status: library.status(of: s)), version: s.version)
        }
        folders.delete(":id") { r, c in
            try c.requireAdmin()
            try await library.deleteRootFolder(try r.id(c), ifVersion: try r.ifMatchVersion())
            return JSONBody.noContent()
        }

        let tags = api.group("tags")
        tags.get { _, c in try c.requireUser(); return try JSONBody.response(PageResource(all: library.tags.all().map(TagResource.init))) }
        tags.post { r, c in
            try c.requireAdmin()
            let input = try await JSONBody.decode(TagResource.self, from: r, context: c)
            let s = try await library.createTag(label: input.label)
            return try JSONBody.response(TagResource(s), status: .created, version: s.version)
        }
        tags.get(":id") { r, c in
            try c.requireUser()
            let s = try found(library.tags.get(try r.id(c)), "Tag")
            return try JSONBody.response(TagResource(s), version: s.version)
        }
        tags.put(":id") { r, c in
            try c.requireAdmin()
            let input = try await JSONBody.decode(TagResource.self, from: r, context: c)
            let s = try await library.updateTag(try r.id(c), ifVersion: try r.ifMatchVersion() ?? input.version, label: input.label)
            return try JSONBody.response(TagResource(s), version: s.version)
        }
        tags.delete(":id") { r, c in
            try c.requireAdmin()
            try await library.deleteTag(try r.id(c), ifVersion: try r.ifMatchVersion())
            return JSONBody.noContent()
        }
        addQualityRoutes(to: api)
    }

    @Sendable func createInstance(_ r: Request, context c: AppRequestContext) async throws -> Response {
        try c.requireAdmin()
        let input = try await JSONBody.decode(InstanceResource.self, from: r, context: c)
        let s = try await library.createInstance(input.body)
        return try JSONBody.response(InstanceResource(s), status: .created, version: s.version)
    }

    @Sendable func updateInstance(_ r: Request, context c: AppRequestContext) async throws -> Response {
        try c.requireAdmin()
        let input = try await JSONBody.decode(InstanceResource.self, from: r, context: c)
        let s = try await library.updateInstance(try r.id(c), ifVersion: try r.ifMatchVersion() ?? input.version) { $0 = input.body }
        return try JSONBody.response(InstanceResource(s), version: s.version)
    }

    private func addQualityRoutes(to api: RouterGroup<AppRequestContext>) {
        let definitions = api.group("qualitydefinitions")
        definitions.get { _, c in
            try c.requireUser()
            let all = library.qualityDefinitions.all().sorted { $0.body.weight < $1.body.weight }
            return try JSONBody.response(PageResource(all: all.map(QualityDefinitionResource.init)))
        }
        definitions.get(":id") { r, c in
            try c.requireUser()
            let s = try found(library.qualityDefinitions.get(try r.id(c)), "Quality definition")
            return try JSONBody.response(QualityDefinitionResource(s), version: s.version)
        }
        definitions.put(":id") { r, c in
            try c.requireAdmin()
            let input = try await JSONBody.decode(QualityDefinitionInputResource.self, from: r, context: c)
            let s = try await library.updateQualityDefinition(try r.id(c), ifVersion: try r.ifMatchVersion() ?? input.version) { d in
                if let v = input.title { d.title = v }
                if let v = input.minSize { d.minSize = v }
                if let v = input.preferredSize { d.preferredSize = v }
                if let v = input.maxSize { d.maxSize = v }
            }
            return try JSONBody.response(QualityDefinitionResource(s), version: s.version)
        }

        let profiles = api.group("qualityprofiles")
        profiles.get { _, c in
            try c.requireUser()
            return try JSONBody.response(PageResource(all: library.qualityProfiles.all().map(QualityProfileResource.init)))
        }
        profiles.post { r, c in
            try c.requireAdmin()
            let input = try await JSONBody.decode(QualityProfileResource.self, from: r, context: c)
            let s = try await library.createQualityProfile(input.body)
            return try JSONBody.response(QualityProfileResource(s), status: .created, version: s.version)
        }
        profiles.get(":id") { r, c in
            try c.requireUser()
            let s = try found(library.qualityProfiles.get(try r.id(c)), "Quality profile")
            return try JSONBody.response(QualityProfileResource(s), version: s.version)
        }
        profiles.put(":id") { r, c in
            try c.requireAdmin()
            let input = try await JSONBody.decode(QualityProfileResource.self, from: r, context: c)
            let s = try await library.updateQualityProfile(try r.id(c), ifVersion: try r.ifMatchVersion() ?? input.version, input.body)
            return try JSONBody.response(QualityProfileResource(s), version: s.version)
        }
        profiles.delete(":id") { r, c in
            try c.requireAdmin()
            try await library.deleteQualityProfile(try r.id(c), ifVersion: try r.ifMatchVersion())
            return JSONBody.noContent()
        }
    }
}

/// The resource, or a 404 naming what was missing.
func found<T>(_ value: T?, _ what: String) throws -> T {
    guard let value else { throw APIError(.notFound, "\(what) not found.") }
    return value
}
