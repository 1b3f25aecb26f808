import Foundation
import IdkarrDomain
import IdkarrLibrary
import IdkarrMetadata
import IdkarrStore
import Logging

extension TitleCatalog {
    /// Fetches the title again and applies what the provider owns (titles, ids, images, status,
    /// episodes, dates) onto the latest version of the document; monitoring, profile, path, tags
    /// and files stay the user's. A title without any provider id cannot be refreshed.
    @discardableResult
    public func refresh(_ id: Int) async throws -> Stored<Media> {
        guard let current = library.media.get(id) else { throw ServiceError.notFound("Media", id) }
        let ids = current.body.externalIds
        guard ids.tmdbId != nil || ids.tvdbId != nil || ids.imdbId != nil || ids.tvmazeId != nil else {
            throw ServiceError(.conflict, "\"\(current.body.title)\" has no TMDB, TVDB, IMDb or TVmaze id, so it cannot be refreshed.")
        }
        let refreshed: Stored<Media>
        let time = now()
        if current.body.mediaType.isEpisodic {
            let series = try await fetchSeries(ids)
            refreshed = try await library.media.update(id) { (m: inout Media) in
                series.apply(to: &m)
                m.lastRefreshed = time
            }
        } else {
            let movie = try await fetchMovie(ids)
            refreshed = try await library.media.update(id) { (m: inout Media) in
                movie.apply(to: &m)
                m.lastRefreshed = time
            }
        }
        images.forget(mediaId: id, keeping: refreshed.body.images)
        await afterChange(id)
        return library.media.get(id) ?? refreshed
    }

    /// Titles that came from a provider and whose last refresh is older than the interval,
    /// oldest first. Titles made by hand (never refreshed) are refreshed only on demand.
    public func titlesDueForRefresh() -> [Int] {
        let interval = TimeInterval(currentSettings.refreshIntervalHours * 3600)
        let cutoff = now().addingTimeInterval(-interval)
        return library.media.all()
            .compactMap { doc in doc.body.lastRefreshed.flatMap { $0 < cutoff ? (doc.id, $0) : nil } }
            .sorted { $0.1 < $1.1 }
            .map(\.0)
    }
}

/// Refreshes due titles in the background, one at a time, on an injected clock. A provider that
/// asks to slow down pauses the whole run for as long as it says; other failures are logged
/// and the title is tried again next round.
public struct RefreshScheduler: Sendable {
    let catalog: TitleCatalog
    /// How often to look for due titles.
    let checkEvery: Duration
    let sleep: @Sendable (Duration) async throws -> Void

    public init(catalog: TitleCatalog, checkEvery: Duration = .seconds(600),
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.catalog = catalog
        self.checkEvery = checkEvery
        self.sleep = sleep
    }

    /// Runs until cancelled.
    public func run() async {
        while !Task.isCancelled {
            await runOnce()
            do { try await sleep(checkEvery) } catch { return }
        }
    }

    /// One pass over the due titles; returns how many were refreshed.
    @discardableResult
    public func runOnce() async -> Int {
        var done = 0
        for id in catalog.titlesDueForRefresh() {
            if Task.isCancelled { break }
            do {
                try await catalog.refresh(id)
                done += 1
            } catch let error as MetadataError {
                catalog.logger.warning("scheduled refresh of media \(id) failed: \(error.message)")
                if case .rateLimited(let wait) = error.code {
                    do { try await sleep(wait ?? .seconds(60)) } catch { break }
                }
            } catch {
                catalog.logger.warning("scheduled refresh of media \(id) failed: \(error)")
            }
        }
        if done > 0 { catalog.logger.info("scheduled refresh: \(done) titles refreshed") }
        return done
    }
}
