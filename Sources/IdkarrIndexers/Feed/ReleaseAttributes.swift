/// The Newznab/Torznab attributes (`newznab:attr`, `torznab:attr`) that fill a release's
/// optional fields. Unparseable values are left out, never guessed.
enum ReleaseAttributes {
    static func apply(_ attributes: ItemAttributes, to release: inout IndexerRelease) {
        var seen = Set<Int>()
        release.categories = attributes.all("category").compactMap { Int($0) }.filter { seen.insert($0).inserted }
        release.languages = attributes.all("language").flatMap { $0.split(separator: ",") }
            .map { String($0).trimmedXMLSpace }.filter { !$0.isEmpty }
        torrent(attributes, &release)
        ids(attributes, &release)
        release.usenetDate = attributes["usenetdate"].flatMap(FeedDate.parse)
        release.poster = attributes["poster"]
        release.group = attributes["group"]
        release.flags = flags(attributes)
    }

    private static func torrent(_ attributes: ItemAttributes, _ release: inout IndexerRelease) {
        release.seeders = attributes.int("seeders").map { max(0, $0) }
        release.leechers = attributes.int("leechers").map { max(0, $0) }
        if let peers = attributes.int("peers") {
            release.peers = max(0, peers)
        } else if let seeders = release.seeders, let leechers = release.leechers {
            release.peers = seeders + leechers
        }
        release.infoHash = attributes["infohash"]?.lowercased()
        release.magnetURL = attributes["magneturl"]
        release.grabs = attributes.int("grabs")
        release.files = attributes.int("files")
        release.minimumRatio = attributes.double("minimumratio")
        release.minimumSeedTime = attributes.int("minimumseedtime")
        release.downloadVolumeFactor = attributes.double("downloadvolumefactor")
        release.uploadVolumeFactor = attributes.double("uploadvolumefactor")
    }

    private static func ids(_ attributes: ItemAttributes, _ release: inout IndexerRelease) {
        release.tvdbId = positive(attributes.int("tvdbid"))
        release.tvmazeId = positive(attributes.int("tvmazeid"))
        release.tvRageId = positive(attributes.int("rageid") ?? attributes.int("tvrageid"))
        release.tmdbId = positive(attributes.int("tmdbid") ?? attributes.int("tmdb"))
        release.imdbId = imdb(attributes["imdbid"] ?? attributes["imdb"])
        release.season = attributes["season"]
        release.episode = attributes["episode"]
    }

    /// `tt0088247` from `tt0088247`, `0088247` or `88247` (IMDb pads to at least 7 digits).
    static func imdb(_ text: String?) -> String? {
        guard var digits = text?.lowercased() else { return nil }
        if digits.hasPrefix("tt") { digits.removeFirst(2) }
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy(\.isASCII), let number = Int(digits), number > 0 else {
            return nil
        }
        let padded = String(number)
        return "tt" + String(repeating: "0", count: max(0, 7 - padded.count)) + padded
    }

    private static func positive(_ value: Int?) -> Int? {
        value.flatMap { $0 > 0 ? $0 : nil }
    }

    private static func flags(_ attributes: ItemAttributes) -> Set<IndexerFlag> {
        var flags = Set<IndexerFlag>()
        if attributes["prematch"] == "1" || attributes["haspretime"] == "1" { flags.insert(.scene) }
        if attributes["nuked"] == "1" { flags.insert(.nuked) }
        if let subs = attributes["subs"], !subs.isEmpty { flags.insert(.subtitles) }
        if let factor = attributes.double("downloadvolumefactor") {
            if factor == 0 { flags.insert(.freeleech) } else if factor < 1 { flags.insert(.halfleech) }
        }
        if let factor = attributes.double("uploadvolumefactor"), factor >= 2 { flags.insert(.doubleUpload) }
        if attributes.all("tag").contains(where: { $0.lowercased() == "internal" }) { flags.insert(.internal) }
        return flags
    }
}
