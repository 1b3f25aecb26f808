import Foundation
import IdkarrDomain
import IdkarrIndexers
import IdkarrNet
import IdkarrStore
import Logging

/// A release's file fetched from its indexer for another app.
public struct IndexerDownload: Sendable {
    public var body: [UInt8]
    public var contentType: String?
}

/// What idkarr's Prowlarr-compatible feed needs of the indexers: one indexer's caps and one
/// search, with the same backoff and statistics as idkarr's own searches, and the download of a
/// release through idkarr (counted as a grab).
extension IndexerService {
    /// The largest NZB or torrent file passed through.
    public static let maxDownloadBytes = 32 * 1024 * 1024

    /// One indexer's answer to `request` (its own additional parameters added), one page.
    /// - Throws: `ServiceError.notFound` for an unknown indexer.
    public func searchOne(_ id: Int, _ request: SearchRequest) async throws -> (IndexerOutcome, [FoundRelease]) {
        guard let stored = definitions.get(id) else { throw ServiceError.notFound("Indexer", id) }
        var request = request
        let taken = Set(request.extraParameters.map(\.name))
        request.extraParameters += QueryParameter.parse(stored.body.additionalParameters ?? "").filter { !taken.contains($0.name) }
        return await ask(stored, request, maxPages: 1)
    }

    /// How long a resting indexer still rests (nil: it may be asked).
    public func restingFor(_ id: Int) -> Duration? {
        guard let until = status(of: id).disabledUntil, until > now() else { return nil }
        return .seconds(Int(until.timeIntervalSince(now()).rounded(.up)))
    }

    /// Fetches `link` (a release's download URL from this indexer's feed) and counts a grab.
    /// - Throws: `ServiceError.notFound` for an unknown indexer; `IndexerError` when the indexer
    ///   does not deliver (unreachable, refused, not a file).
    public func download(_ id: Int, link: String) async throws -> IndexerDownload {
        guard let stored = definitions.get(id) else { throw ServiceError.notFound("Indexer", id) }
        var request = NetRequest.get(link)
        request.timeout = .seconds(60)
        request.maxResponseBytes = Self.maxDownloadBytes
        let response: NetResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw IndexerError(.unreachable, message: "\(stored.body.name): the download could not be fetched: \(error.message)",
                               underlying: error)
        }
        guard (200..<300).contains(response.status), !response.body.isEmpty else {
            throw IndexerError(.unavailable, message: "\(stored.body.name) answered the download with HTTP \(response.status).",
                               status: response.status)
        }
        await record(id) { status in
            var s = status
            s.grabs += 1
            return s
        }
        logger.info("release downloaded through the feed from \(stored.body.name)")
        return IndexerDownload(body: response.body, contentType: response.headers["Content-Type"])
    }
}
