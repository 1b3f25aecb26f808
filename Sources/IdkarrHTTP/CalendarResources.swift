import Foundation
import IdkarrDomain
import IdkarrLibrary
import IdkarrParsing

/// One calendar item as the API shows it: an episode (`kind: episode`) or one release date of a
/// movie (`inCinemas`, `digital`, `physical`). `start`/`end` are UTC; all-day items span the day.
struct CalendarEntryResource: Encodable {
    var kind: CalendarEntry.Kind
    var mediaId: Int
    var mediaType: MediaType
    var title: String
    var year: Int?
    var start: Date
    var end: Date
    var allDay: Bool
    var monitored: Bool
    var hasFile: Bool
    var tags: [Int]
    var overview: String?
    var episodeId: Int?
    var seasonNumber: Int?
    var episodeNumber: Int?
    var episodeTitle: String?
    var airDate: String?
    var airDateUtc: Date?
    var releaseDate: String?

    init(_ e: CalendarEntry) {
        kind = e.kind
        mediaId = e.mediaId
        mediaType = e.mediaType
        title = e.title
        year = e.year
        start = e.start
        let minutes = (e.runtime ?? 0) > 0 ? e.runtime! : 30
        end = e.allDay ? e.start.addingTimeInterval(CivilDay.secondsPerDay) : e.start.addingTimeInterval(Double(minutes) * 60)
        allDay = e.allDay
        monitored = e.monitored
        hasFile = e.hasFile
        tags = e.tags
        overview = e.overview
        episodeId = e.episodeId
        seasonNumber = e.seasonNumber
        episodeNumber = e.episodeNumber
        episodeTitle = e.episodeTitle
        airDate = e.airDate
        airDateUtc = e.airDateUtc
        releaseDate = e.releaseDate
    }
}

/// A row of `GET /api/v1/wanted/missing` and `…/cutoff`.
struct WantedRecordResource: Encodable {
    var mediaId: Int
    var mediaType: MediaType
    var title: String
    var year: Int?
    var tags: [Int]
    var monitored: Bool
    var qualityProfileId: Int?
    /// When it aired or became available.
    var date: Date?
    var episodeId: Int?
    var seasonNumber: Int?
    var episodeNumber: Int?
    var episodeTitle: String?
    var airDate: String?
    var airDateUtc: Date?
    var releaseDates: MovieReleaseDates?
    var minimumAvailability: MinimumAvailability?
    /// Cutoff unmet: the file's quality.
    var quality: QualityResource?

    init(_ r: WantedRecord) {
        mediaId = r.mediaId
        mediaType = r.mediaType
        title = r.title
        year = r.year
        tags = r.tags
        monitored = r.monitored
        qualityProfileId = r.qualityProfileId
        date = r.date
        episodeId = r.episodeId
        seasonNumber = r.seasonNumber
        episodeNumber = r.episodeNumber
        episodeTitle = r.episodeTitle
        airDate = r.airDate
        airDateUtc = r.airDateUtc
        releaseDates = r.releaseDates
        minimumAvailability = r.minimumAvailability
        quality = r.qualityId.flatMap(Quality.withID).map(QualityResource.init)
    }
}
