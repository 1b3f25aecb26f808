import Foundation
import Hummingbird
import IdkarrAutomation
import IdkarrDomain
import IdkarrImport
import IdkarrMetadata

/// Library import: `/api/v1/import/folders` proposes a title for each unmapped folder of a root
/// folder; `POST /api/v1/import` adds the confirmed ones, keeping their folders.
struct ImportController {
    let catalog: TitleCatalog

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("folders", use: proposals)
        group.post(use: importFolders)
    }

    @Sendable func proposals(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        guard let text = request.formQuery.get("rootFolderId"), let id = Int(text), id > 0 else {
            throw APIError.invalid("rootFolderId", "rootFolderId is required: the root folder whose unmapped folders to read.")
        }
        let proposals = try await catalog.importProposals(rootFolderId: id)
        return try JSONBody.response(RecordsResource(records: proposals.map(ImportProposalResource.init)))
    }

    @Sendable func importFolders(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdmin()
        let input = try await JSONBody.decode(ImportInputResource.self, from: request, context: context)
        let (items, template) = try input.parsed()
        let outcomes = try await catalog.importFolders(items, template: template)
        return try JSONBody.response(ImportResultsResource(results: outcomes.map {
            ImportResultsResource.Outcome(path: $0.path, mediaId: $0.mediaId, error: $0.error)
        }))
    }
}

struct ImportProposalResource: Encodable {
    struct Match: Encodable {
        var result: LookupResultResource
        var confidence: Double
        func encode(to encoder: any Encoder) throws {
            try result.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(confidence, forKey: .confidence)
        }
        enum Key: String, CodingKey { case confidence }
    }
    var folderName: String
    var path: String
    var title: String
    var year: Int?
    var tmdbId: Int?, tvdbId: Int?, imdbId: String?, tvmazeId: Int?
    var bestMatch: Match?
    var candidates: [Match]
    var error: String?

    init(_ p: ImportProposal) {
        folderName = p.folder.folderName
        path = p.path
        title = p.folder.title
        year = p.folder.year
        tmdbId = p.folder.ids.tmdbId
        tvdbId = p.folder.ids.tvdbId
        imdbId = p.folder.ids.imdbId
        tvmazeId = p.folder.ids.tvmazeId
        candidates = zip(p.candidates, p.confidence).map { Match(result: LookupResultResource($0), confidence: ($1 * 100).rounded() / 100) }
        bestMatch = candidates.first
        error = p.error
    }
}

/// The import form: the folders with the titles the user confirmed, and the options for all.
struct ImportInputResource: Decodable {
    struct Item: Decodable { var path: String; var lookupId: String }
    var instanceId: Int
    var rootFolderId: Int
    var qualityProfileId: Int?
    var tags: [Int]?
    var monitor: MonitorOption?
    var monitorNewSeasons: Bool?
    var seriesType: SeriesType?
    var seasonFolder: Bool?
    var monitored: Bool?
    var minimumAvailability: MinimumAvailability?
    var items: [Item]

    func parsed() throws -> ([(path: String, lookupId: LookupID)], AddTitleRequest) {
        guard !items.isEmpty else { throw APIError.invalid("items", "Choose at least one folder to import.") }
        guard items.count <= 1000 else { throw APIError.invalid("items", "At most 1,000 folders at a time.") }
        var parsed: [(path: String, lookupId: LookupID)] = []
        for (index, item) in items.enumerated() {
            do { parsed.append((item.path, try LookupID.parse(item.lookupId))) } catch {
                throw APIError.invalid("items[\(index)].lookupId", error.message)
            }
        }
        // The add form's options, shared by every folder; each item's id replaces the first one's.
        let options = AddTitleInputResource(
            lookupId: parsed[0].lookupId.description, instanceId: instanceId, rootFolderId: rootFolderId,
            qualityProfileId: qualityProfileId, tags: tags, path: nil, monitor: monitor, monitorNewSeasons: monitorNewSeasons,
            seriesType: seriesType, seasonFolder: seasonFolder, monitored: monitored, minimumAvailability: minimumAvailability)
        let template = try options.request()
        return (parsed, template)
    }
}

struct ImportResultsResource: Encodable {
    struct Outcome: Encodable { var path: String; var mediaId: Int?; var error: String? }
    var results: [Outcome]
}
