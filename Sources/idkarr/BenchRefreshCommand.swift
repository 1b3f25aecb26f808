import ArgumentParser
import Foundation
import Hummingbird
import IdkarrAutomation
import IdkarrDomain
import IdkarrLibrary
import IdkarrMetadata
import IdkarrNet
import IdkarrStore
import Logging

/// `idkarr bench refresh` — adding and refreshing one series of `--episodes` episodes (5,000 by
/// default, a daily show) through the real path: libcurl to a local TVmaze stand-in serving the
/// generated show in TVmaze's JSON, decode, merge onto the document, durable write. The
/// provider's politeness interval is off (it would only measure the wait).
struct BenchRefresh: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "refresh", abstract: "Add and refresh a 5,000-episode series.")

    @Option(help: "Episodes in the series.") var episodes = 5_000
    @Option(help: "Timed refreshes.") var runs = 10

    func run() async throws {
        var logger = Logger(label: "idkarr.bench")
        logger.logLevel = .warning
        let show = RefreshBenchShow(episodes: episodes)
        let router = Router()
        router.get("shows/1") { _, _ in show.response(show.showBody) }
        router.get("shows/1/episodes") { _, _ in show.response(show.episodesBody) }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var quiet = logger
        quiet.logLevel = .critical  // the stand-in's shutdown is not news
        let server = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                                 onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: quiet)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.runService() }
            guard let port = await ports.first(where: { _ in true }) else { return }
            try await measure(base: "http://127.0.0.1:\(port)", bodyBytes: show.episodesBody.count, logger: logger)
            group.cancelAll()
        }
    }

    private func measure(base: String, bodyBytes: Int, logger: Logger) async throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("idkarr-bench-refresh-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try DataFolder.open(at: folder.appendingPathComponent("data"), logger: logger)
        let library = try await Library.open(in: data, logger: logger)
        let transport = CurlHTTPClient(configuration: NetConfiguration(maxResponseBytes: 64 * 1024 * 1024), logger: logger)
        let catalog = TitleCatalog(library: library, settings: try await data.collection(MetadataSettings.self),
                                   providers: ProviderSet(transport: transport, logger: logger, requestInterval: .zero),
                                   images: ImageCache(folder: folder.appendingPathComponent("images"), transport: transport, logger: logger),
                                   logger: logger)
        _ = try await catalog.updateSettings(MetadataSettings(tvmazeBaseURL: base), ifVersion: nil)
        let instance = try await library.createInstance(Instance(name: "TV", mediaType: .series)).id
        var request = AddTitleRequest(lookupId: .tvmaze(1), instanceId: instance)
        request.path = folder.appendingPathComponent("tv/Nightly").path
        let clock = ContinuousClock()
        let a0 = clock.now
        let added = try await catalog.add(request)
        let addMs = AppBenchStats.seconds(clock.now - a0) * 1000
        var times: [Double] = []
        for _ in 0..<runs {
            let r0 = clock.now
            try await catalog.refresh(added.id)
            times.append(AppBenchStats.seconds(clock.now - r0) * 1000)
        }
        times.sort()
        let doc = try Data(contentsOf: folder.appendingPathComponent("data/media/\(added.id).json"))
        print("bench refresh — one series of \(added.body.episodes.count) episodes (\(bodyBytes / 1024) KB of TVmaze JSON, document \(doc.count / 1024) KB); load average \(BenchApp.loadAverage())")
        print("  add (fetch, decode, fill, write): \(AppBenchStats.f(addMs, 1)) ms")
        print("  refresh ×\(runs): median \(AppBenchStats.f(times[times.count / 2], 1)) ms, best \(AppBenchStats.f(times[0], 1)) ms, worst \(AppBenchStats.f(times[times.count - 1], 1)) ms")
        print("IDKARR_REFRESH_MS=\(Int(times[times.count / 2]))")
    }
}

/// A daily show in TVmaze's JSON: `episodes` regular episodes in seasons of 250, a special every 50.
struct RefreshBenchShow: Sendable {
    let showBody: [UInt8]
    let episodesBody: [UInt8]

    init(episodes: Int) {
        let show: [String: Any] = [
            "id": 1, "name": "The Nightly Bench Show", "type": "Talk Show", "language": "English", "genres": ["Comedy"],
            "status": "Running", "runtime": 60, "premiered": "2001-01-01", "summary": "<p>Every night.</p>",
            "network": ["id": 1, "name": "NBC", "country": ["name": "United States", "code": "US", "timezone": "America/New_York"]],
            "externals": ["thetvdb": 999_001, "imdb": "tt9999001"], "image": NSNull(),
        ]
        var items: [[String: Any]] = []
        let start = Date(timeIntervalSince1970: 978_307_200)  // 2001-01-01
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        for index in 0..<episodes {
            let date = start.addingTimeInterval(Double(index) * 86_400)
            items.append([
                "id": 1_000_000 + index, "name": "Episode \(index + 1)", "season": index / 250 + 1, "number": index % 250 + 1,
                "type": "regular", "airdate": day.string(from: date), "airtime": "23:35", "runtime": 60,
                "airstamp": ISO8601DateFormatter().string(from: date.addingTimeInterval(4 * 3600 + 35 * 60)),
                "summary": "<p>Guest number \(index) &amp; the band.</p>",
            ])
        }
        showBody = Array(try! JSONSerialization.data(withJSONObject: show))
        episodesBody = Array(try! JSONSerialization.data(withJSONObject: items))
    }

    func response(_ body: [UInt8]) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
