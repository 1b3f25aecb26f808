import Foundation
import IdkarrDomain

/// What one disk scan of a title found and changed.
public struct ScanReport: Sendable, Equatable, Codable {
    /// The title's folder that was scanned.
    public var path: String
    /// Video files found (samples, extras and hidden files not counted).
    public var videoFiles: Int
    /// Entries passed over on purpose (see `FolderListing.skipped`).
    public var skipped: Int
    /// Files recorded on an episode or as the movie's file.
    public var matched: Int
    /// Of `matched`, files that were not recorded before this scan.
    public var added: Int
    /// Episodes (or the movie) that have a file after the scan.
    public var episodesWithFiles: Int
    /// Video files that match nothing, with why.
    public var unmatched: [UnmatchedFile]
    /// Paths that were recorded before and are no longer on disk (or no longer match); their
    /// episodes (or the movie) now have no file.
    public var cleared: [String]
    public var scannedAt: Date

    public init(path: String, videoFiles: Int, skipped: Int, matched: Int, added: Int, episodesWithFiles: Int,
                unmatched: [UnmatchedFile], cleared: [String], scannedAt: Date) {
        self.path = path
        self.videoFiles = videoFiles
        self.skipped = skipped
        self.matched = matched
        self.added = added
        self.episodesWithFiles = episodesWithFiles
        self.unmatched = unmatched
        self.cleared = cleared
        self.scannedAt = scannedAt
    }
}
