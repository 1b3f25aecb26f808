import ArgumentParser
import Foundation
import IdkarrApp
import IdkarrAuth
import IdkarrDomain
import IdkarrLibrary
import IdkarrStore
import Logging

/// `idkarr bench generate` — a synthetic library at the design size (ARCHITECTURE §9) in a data
/// folder, for `bench app` and `Benchmarks/bench-app.sh`.
///
/// Instances, root folders, tags, the admin and its API key go through the real services. The
/// first `--api-titles` titles go through `Library.createMedia` (and a `media.update` for their
/// files, as an import would), timed; the rest are written straight to `<data>/media/<id>.json`
/// in the store's format (same envelope, same encoder, mode 0600) on every core with one `sync`
/// at the end — 15,000 fsync'd creates would take minutes on an ordinary disk. The folder is then
/// loaded back read-only to check that every document decodes.
struct BenchGenerate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Write a synthetic library at the design size.")

    @Option(help: "The data folder to fill (must be new or empty).") var data: String
    @Option(help: "Series documents.") var series = 5000
    @Option(help: "Episodes per series (on average; seasons of 8 to 13).") var episodesPerSeries = 50
    @Option(help: "Movie documents.") var movies = 10000
    @Option(help: "Titles created through Library.createMedia (half series, half movies); the rest are written directly.")
    var apiTitles = 100
    @Option(help: "Folder for the instances' root folders (default: <data>.roots).") var roots: String?
    @Option(help: "Write the admin's API key to this file (0600) as well as printing it.") var keyFile: String?
    @Option(help: "Seed of the pseudo-random titles.") var seed: UInt64 = 42

    func run() async throws {
        let dataURL = URL(fileURLWithPath: data).standardizedFileURL
        let rootsPath = roots ?? dataURL.path + ".roots"
        if let names = try? FileManager.default.contentsOfDirectory(atPath: dataURL.path), !names.filter({ !$0.hasPrefix(".") }).isEmpty {
            throw ValidationError("\(dataURL.path) is not empty; bench generate fills a new folder.")
        }
        var logger = Logger(label: "idkarr.bench")
        logger.logLevel = .warning
        let clock = ContinuousClock()
        let t0 = clock.now

        // 1. Settings through the real services.
        let folder = try DataFolder.open(at: dataURL, logger: logger)
        let library = try await Library.open(in: folder, logger: logger)
        let accounts = try await Accounts.open(in: folder, logger: logger)
        var rootIds: [MediaType: Int] = [:], instanceIds: [MediaType: Int] = [:]
        for (type, name) in [(MediaType.series, "TV"), (.anime, "Anime"), (.movie, "Movies")] {
            let instance = try await library.createInstance(Instance(name: name, mediaType: type))
            let path = rootsPath + "/" + name.lowercased()
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            let root = try await library.createRootFolder(path: path, instanceId: instance.id)
            _ = try await library.updateInstance(instance.id, ifVersion: nil) { $0.defaultRootFolderId = root.id; $0.defaultQualityProfileId = 4 }
            instanceIds[type] = instance.id
            rootIds[type] = root.id
        }
        var tagIds: [Int] = []
        for label in ["4k", "kids", "anime-fans", "requested", "archive", "favourites"] {
            tagIds.append(try await library.createTag(label: label).id)
        }
        let profileIds = library.qualityProfiles.all().map(\.id)
        let password = ProcessInfo.processInfo.environment["IDKARR_BENCH_PASSWORD"] ?? SecretToken.generate(encoding: .hex).value
        let admin = try await accounts.createUserFromShell(username: "admin", password: password, role: .admin)
        let key = try await accounts.createApiKey(name: "bench", for: admin)
        let t1 = clock.now

        let world = SyntheticLibrary(seed: seed, instanceIds: instanceIds, rootIds: rootIds, rootsPath: rootsPath,
                                     profileIds: profileIds, tagIds: tagIds, episodesPerSeries: episodesPerSeries)
        // 2. The first titles through the Library API, timed.
        let apiSeries = min(series, apiTitles / 2), apiMovies = min(movies, apiTitles - apiTitles / 2)
        var createMs: [Double] = [], fileMs: [Double] = []
        for (isSeries, count) in [(true, apiSeries), (false, apiMovies)] {
            for i in 0..<count {
                let body = isSeries ? world.series(i) : world.movie(i)
                let c0 = clock.now
                let created = try await library.createMedia(SyntheticLibrary.changes(for: body))
                let c1 = clock.now
                createMs.append(AppBenchStats.ms(c1 - c0))
                // Files are facts the import finds, never client input: set them as the import will.
                var files: [Int: MediaFile] = [:]
                for e in body.episodes { if let f = e.episodeFile { files[e.seasonNumber * 100_000 + e.episodeNumber] = f } }
                _ = try await library.media.update(created.id) { (m: inout Media) in
                    m.movieFile = body.movieFile
                    for k in m.episodes.indices {
                        m.episodes[k].episodeFile = files[m.episodes[k].seasonNumber * 100_000 + m.episodes[k].episodeNumber]
                    }
                }
                fileMs.append(AppBenchStats.ms(clock.now - c1))
            }
        }
        let t2 = clock.now

        // 3. The rest straight to disk in the store's format.
        let firstId = library.media.all().last.map { $0.id + 1 } ?? 1
        var jobs: [(id: Int, series: Bool, index: Int)] = []
        var next = firstId
        for i in apiSeries..<max(apiSeries, series) { jobs.append((next, true, i)); next += 1 }
        for i in apiMovies..<max(apiMovies, movies) { jobs.append((next, false, i)); next += 1 }
        let written = try SyntheticLibrary.writeDirect(jobs, world: world, directory: dataURL.path + "/" + Media.collection)
        let t3 = clock.now

        // 4. Load it back (read-only, like `idkarr check`) and check every document decoded.
        let check = try DataFolder.openReadOnly(at: dataURL, logger: logger)
        let loaded = try await Library.open(in: check, logger: logger)
        let t4 = clock.now
        let all = loaded.media.all()
        let episodes = all.reduce(0) { $0 + $1.body.episodes.count }
        let files = all.reduce(0) { $0 + $1.body.statistics.episodeFileCount }
        guard check.quarantined().isEmpty, all.count == series + movies else {
            throw CLIFailure("the generated library did not load back: \(all.count) of \(series + movies) titles, \(check.quarantined().count) quarantined")
        }

        if let keyFile {
            FileManager.default.createFile(atPath: keyFile, contents: Data((key.key + "\n").utf8), attributes: [.posixPermissions: 0o600])
        }
        let seriesCount = all.filter { $0.body.mediaType != .movie }.count
        print("generated \(dataURL.path): \(seriesCount) series, \(episodes) episodes (\(files) with files), \(all.count - seriesCount) movies, "
              + "\(tagIds.count) tags, \(instanceIds.count) instances; \(AppBenchStats.f(written.megabytes, 1)) MB of media documents")
        print("  settings, admin and key (Argon2id)     \(AppBenchStats.f(AppBenchStats.ms(t1 - t0), 0)) ms")
        if !createMs.isEmpty {
            let c = createMs.sorted(), u = fileMs.sorted()
            print("  \(createMs.count) titles via Library.createMedia  p50 \(AppBenchStats.f(AppBenchStats.pct(c, 0.5))) ms  p99 \(AppBenchStats.f(AppBenchStats.pct(c, 0.99))) ms;"
                  + " file update p50 \(AppBenchStats.f(AppBenchStats.pct(u, 0.5))) ms (\(AppBenchStats.f(AppBenchStats.ms(t2 - t1), 0)) ms in all)")
        }
        print("  \(jobs.count) titles written directly  \(AppBenchStats.f(AppBenchStats.ms(t3 - t2), 0)) ms (incl. sync)")
        print("  loaded back read-only                 \(AppBenchStats.f(AppBenchStats.ms(t4 - t3), 0)) ms, every document decoded")
        print("  total                                 \(AppBenchStats.f(AppBenchStats.seconds(clock.now - t0), 1)) s")
        print("api key: \(key.key)")
    }
}
