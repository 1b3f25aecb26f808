import Foundation
import IdkarrAutomation
import IdkarrDomain
import IdkarrMetadata

struct RecordsResource<T: Encodable>: Encodable {
    var records: [T]
}

struct LookupResultResource: Encodable {
    struct Copy: Encodable { var instanceId: Int, mediaId: Int }
    var kind: String
    var title: String
    var originalTitle: String?
    var year: Int?
    var overview: String?
    var status: MediaStatus?
    var network: String?
    var tmdbId: Int?
    var tvdbId: Int?
    var imdbId: String?
    var tvmazeId: Int?
    var lookupId: String
    var provider: String
    /// Through idkarr's image cache (the CSP allows only our own images).
    var poster: String?
    var inLibrary: [Copy]

    init(_ r: LookupResult) {
        kind = r.result.kind.rawValue
        title = r.result.title
        originalTitle = r.result.originalTitle
        year = r.result.year
        overview = r.result.overview
        status = r.result.status
        network = r.result.network
        tmdbId = r.result.externalIds.tmdbId
        tvdbId = r.result.externalIds.tvdbId
        imdbId = r.result.externalIds.imdbId
        tvmazeId = r.result.externalIds.tvmazeId
        lookupId = r.lookupId
        provider = r.result.provider
        poster = r.result.images.first { $0.coverType == .poster }.map {
            "/api/v1/images/remote?url=" + ($0.url.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }
        inLibrary = r.inLibrary.map { Copy(instanceId: $0.instanceId, mediaId: $0.mediaId) }
    }
}

/// The add form. Series fields are ignored for movies and the other way round.
struct AddTitleInputResource: Decodable {
    var lookupId: String
    var instanceId: Int
    var rootFolderId: Int?
    var qualityProfileId: Int?
    var tags: [Int]?
    var path: String?
    var monitor: MonitorOption?
    var monitorNewSeasons: Bool?
    var seriesType: SeriesType?
    var seasonFolder: Bool?
    var monitored: Bool?
    var minimumAvailability: MinimumAvailability?

    func request() throws -> AddTitleRequest {
        let id: LookupID
        do { id = try LookupID.parse(lookupId) } catch { throw APIError.invalid("lookupId", error.message) }
        if let path, !path.hasPrefix("/") { throw APIError.invalid("path", "path must be absolute.") }
        var r = AddTitleRequest(lookupId: id, instanceId: instanceId)
        r.rootFolderId = rootFolderId
        r.qualityProfileId = qualityProfileId
        r.tags = tags ?? []
        r.path = path
        r.monitor = monitor ?? .all
        r.monitorNewSeasons = monitorNewSeasons ?? true
        r.seriesType = seriesType
        r.seasonFolder = seasonFolder ?? true
        r.monitored = monitored ?? true
        r.minimumAvailability = minimumAvailability ?? .released
        return r
    }
}

/// The metadata settings as the API shows them: the TMDB key only as "set" or not.
struct MetadataSettingsResource: Encodable {
    var tmdbApiKeySet: Bool
    var tmdbLanguage: String
    var refreshIntervalHours: Int
    var tmdbBaseURL: String
    var tvmazeBaseURL: String
    var version: Int?

    init(_ s: MetadataSettings, version: Int?) {
        tmdbApiKeySet = !(s.tmdbApiKey ?? "").isEmpty
        tmdbLanguage = s.tmdbLanguage
        refreshIntervalHours = s.refreshIntervalHours
        tmdbBaseURL = s.tmdbBaseURL
        tvmazeBaseURL = s.tvmazeBaseURL
        self.version = version
    }
}

/// Absent fields stay; `tmdbApiKey` absent keeps the key, "" removes it.
struct MetadataSettingsInputResource: Decodable {
    var tmdbApiKey: String?
    var tmdbLanguage: String?
    var refreshIntervalHours: Int?
    var tmdbBaseURL: String?
    var tvmazeBaseURL: String?
    var version: Int?

    func applied(to current: MetadataSettings) -> MetadataSettings {
        var s = current
        if let key = tmdbApiKey { s.tmdbApiKey = key.trimmingCharacters(in: .whitespaces).isEmpty ? nil : key.trimmingCharacters(in: .whitespaces) }
        if let v = tmdbLanguage { s.tmdbLanguage = v }
        if let v = refreshIntervalHours { s.refreshIntervalHours = v }
        if let v = tmdbBaseURL { s.tmdbBaseURL = v }
        if let v = tvmazeBaseURL { s.tvmazeBaseURL = v }
        return s
    }
}
