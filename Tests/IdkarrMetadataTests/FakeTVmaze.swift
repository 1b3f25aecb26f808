import Foundation
import IdkarrTestSupport

/// A fake TVmaze replaying the recorded bodies in Fixtures/metadata/tvmaze. `/lookup/shows`
/// answers as TVmaze documents it: a 301 to the show, or 404 when the id is unknown.
enum FakeTVmaze {
    /// The show id the long-series test generates (`LongSeries`).
    static let longShowId = 99999

    static let route: FakeRoute = { path, query, server in
        let parts = path.split(separator: "/").map(String.init)
        switch parts.first {
        case "search" where parts.count == 2 && parts[1] == "shows":
            switch query["q"]?.lowercased() {
            case "girls": return Fixture.ok("tvmaze/search-shows_q-girls.json")
            case "battlestar galactica": return Fixture.ok("tvmaze/search-shows_q-battlestar-galactica_EDITED-summaries.json")
            default: return Canned(status: 200, body: Array("[]".utf8))
            }
        case "singlesearch":
            if query["q"]?.lowercased() == "house md" { return Fixture.ok("tvmaze/singlesearch-shows_q-house-md_embed-seasons.json") }
            return Canned(status: 404)  // recorded: 404 with an empty body
        case "shows" where parts.count == 2: return show(parts[1])
        case "shows" where parts.count == 3 && parts[2] == "episodes": return episodes(parts[1], specials: query["specials"] == "1")
        case "lookup": return lookup(query, server)
        default: return notFound
        }
    }

    static let notFound = Fixture.json(["name": "Not Found", "message": "", "code": 0, "status": 404], status: 404)

    private static func show(_ id: String) -> Canned {
        switch id {
        case "82": return Fixture.ok("tvmaze/shows-82_embed-cast-seasons-images-crew.json")
        case "210": return Fixture.ok("tvmaze/shows-210.json")
        case "6456": return Fixture.ok("tvmaze/shows-6456.json")
        case "64860": return Fixture.ok("tvmaze/shows-64860.json")
        case String(longShowId): return Canned(status: 200, body: LongSeries.showBody)
        default: return notFound
        }
    }

    private static func episodes(_ id: String, specials: Bool) -> Canned {
        guard specials else { return Canned.status(400, "the fake serves only specials=1") }
        switch id {
        case "82": return Fixture.ok("tvmaze/shows-82-episodes_specials-1.json")
        case "210": return Fixture.ok("tvmaze/shows-210-episodes_specials-1.json")
        case "6456": return Fixture.ok("tvmaze/shows-6456-episodes_specials-1.json")
        case String(longShowId): return Canned(status: 200, body: LongSeries.episodesBody)
        default: return notFound
        }
    }

    private static func lookup(_ query: [String: String], _ server: FakeServer) -> Canned {
        let known = ["thetvdb=121361": 82, "imdb=tt0944947": 82, "thetvdb=78804": 210, "imdb=tt0436992": 210]
        let key = query.map { "\($0.key)=\($0.value)" }.first ?? ""
        guard let show = known[key] else { return notFound }
        return Canned.status(301, headers: ["Location": "\(server.base)/shows/\(show)"])
    }
}

/// A daily show generated in the test: 20 seasons (2001–2020) of 250 episodes and 100 specials,
/// 5,100 entries in TVmaze's shape. Odd episodes carry no `airstamp`, so the time zone path is used.
enum LongSeries {
    static let regularCount = 5_000
    static let specialCount = 100

    static let showBody: [UInt8] = Array(try! JSONSerialization.data(withJSONObject: [
        "id": FakeTVmaze.longShowId, "name": "The Nightly Long Show", "type": "Talk Show", "language": "English",
        "genres": ["Comedy"], "status": "Running", "runtime": 60, "premiered": "2001-01-01",
        "summary": "<p>Every night &amp; forever.</p>",
        "network": ["id": 1, "name": "NBC", "country": ["name": "United States", "code": "US", "timezone": "America/New_York"]],
        "externals": ["thetvdb": 999_001, "imdb": "tt9999001"], "image": NSNull(),
    ] as [String: Any]))

    static let episodesBody: [UInt8] = {
        var items: [[String: Any]] = []
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: 2001, month: 1, day: 1))!
        var id = 1_000_000
        for index in 0..<regularCount {
            let season = 2001 + index / 250
            let day = calendar.date(byAdding: .day, value: index, to: start)!
            let date = String(format: "%04d-%02d-%02d", calendar.component(.year, from: day),
                              calendar.component(.month, from: day), calendar.component(.day, from: day))
            id += 1
            var item: [String: Any] = [
                "id": id, "name": "Episode \(index + 1)", "season": season, "number": index % 250 + 1, "type": "regular",
                "airdate": date, "airtime": "23:35", "runtime": 60, "summary": "<p>Guest \(index).</p>",
            ]
            if index % 2 == 0 { item["airstamp"] = airstamp(date) }
            items.append(item)
            if index % 50 == 49 {
                id += 1
                items.append([
                    "id": id, "name": "Special \(index / 50 + 1)", "season": season, "number": NSNull(),
                    "type": index % 100 == 99 ? "significant_special" : "insignificant_special",
                    "airdate": date, "airtime": "", "runtime": 30, "summary": NSNull(),
                ])
            }
        }
        return Array(try! JSONSerialization.data(withJSONObject: items))
    }()

    /// What TVmaze would send: 23:35 in New York on `date`, as a UTC instant.
    static func airstamp(_ date: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "America/New_York")!
        let parts = date.split(separator: "-").map { Int($0)! }
        let instant = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 23, minute: 35))!
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: instant).replacingOccurrences(of: "Z", with: "+00:00")
    }
}
