import Foundation
import Hummingbird
import IdkarrAutomation
import IdkarrDomain
import IdkarrLibrary
import IdkarrMetadata
import IdkarrStore
import NIOCore

/// Titles from the metadata providers: `/api/v1/media/lookup`, `/media/add`, `/media/{id}/refresh`,
/// cached images, and the metadata settings.
struct TitlesController {
    let catalog: TitleCatalog

    func addRoutes(media: RouterGroup<AppRequestContext>, api: RouterGroup<AppRequestContext>) {
        media.get("lookup", use: lookup)
        media.post("add", use: add)
        media.post(":id/refresh", use: refresh)
        media.get(":id/image/:coverType", use: image)
        api.get("images/remote", use: remoteImage)
        api.get("settings/metadata", use: getSettings)
        api.put("settings/metadata", use: putSettings)
    }

    @Sendable func lookup(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireUser()
        let query = request.formQuery
        guard let term = query.get("term"), !term.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError.invalid("term", "term is required: a title, \"Title (1999)\", or an id such as tmdb:603 or tvmaze:82.")
        }
        guard term.count <= 200 else { throw APIError.invalid("term", "term is longer than 200 characters.") }
        let kind = try Self.kind(query.get("kind"))
        let results = try await catalog.lookup(term, kind: kind)
        return try JSONBody.response(RecordsResource(records: results.map(LookupResultResource.init)))
    }

    @Sendable func add(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        let input = try await JSONBody.decode(AddTitleInputResource.self, from: request, context: context)
        let s = try await catalog.add(try input.request())
        return try JSONBody.response(MediaResource(s, withEpisodes: true), status: .created, version: s.version)
    }

    @Sendable func refresh(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        let s = try await catalog.refresh(try request.id(context))
        return try JSONBody.response(MediaResource(s, withEpisodes: true), version: s.version)
    }

    @Sendable func image(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireUser()
        let id = try request.id(context)
        guard let type = context.parameters.get("coverType").flatMap(MediaImage.CoverType.init(rawValue:)) else {
            throw APIError(.notFound, "Images are poster, fanart or banner.")
        }
        guard let media = catalog.library.media.get(id) else { throw ServiceError.notFound("Media", id) }
        guard let image = await catalog.images.image(mediaId: id, coverType: type, in: media.body.images) else {
            throw APIError(.notFound, "\"\(media.body.title)\" has no \(type.rawValue) that can be shown.")
        }
        return Self.response(image)
    }

    @Sendable func remoteImage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireUser()
        guard let url = request.formQuery.get("url"), url.count <= 2000 else { throw APIError.invalid("url", "url is required.") }
        guard let image = await catalog.images.remote(url: url) else {
            throw APIError(.notFound, "No image at that address, or it is not a metadata provider's image host.")
        }
        return Self.response(image)
    }

    @Sendable func getSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        let s = catalog.settings
        return try JSONBody.response(MetadataSettingsResource(s?.body ?? MetadataSettings(), version: s?.version), version: s?.version)
    }

    @Sendable func putSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        let input = try await JSONBody.decode(MetadataSettingsInputResource.self, from: request, context: context)
        let saved = try await catalog.updateSettings(input.applied(to: catalog.currentSettings),
                                                     ifVersion: try request.ifMatchVersion() ?? input.version)
        return try JSONBody.response(MetadataSettingsResource(saved.body, version: saved.version), version: saved.version)
    }

    static func kind(_ text: String?) throws -> MediaKind {
        guard let text else { return .series }
        switch text {
        case "series", "anime": return .series
        case "movie": return .movie
        default: throw APIError.invalid("kind", "kind is series, anime or movie.")
        }
    }

    static func response(_ image: ImageCache.Image) -> Response {
        Response(status: .ok, headers: [.contentType: image.contentType, .cacheControl: "private, max-age=86400"],
                 body: .init(byteBuffer: ByteBuffer(bytes: image.bytes)))
    }
}
