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

// MARK: writing

extension ReleaseAttributes {
    /// The attributes that give `release` back through `apply`, in Prowlarr's order (`FeedWriter`).
    /// Ids that are not positive and numbers that are not finite are left out. A flag is written
    /// the ways Sonarr and Prowlarr read it (`prematch`, `nuked`, `subs`, `tag`); freeleech,
    /// halfleech and double upload become volume factors when the release states none.
    static func attributes(of release: IndexerRelease) -> [(name: String, value: String)] {
        var list = AttributeList()
        for category in release.categories { list.add("category", category) }
        list.add("size", release.size)
        list.add("files", release.files)
        list.add("grabs", release.grabs)
        list.add("seeders", release.seeders)
        list.add("peers", release.peers)
        list.add("leechers", release.leechers)
        list.add("infohash", release.infoHash)
        list.add("magneturl", release.magnetURL)
        list.add("minimumratio", release.minimumRatio)
        list.add("minimumseedtime", release.minimumSeedTime)
        list.add("downloadvolumefactor", release.downloadVolumeFactor ?? impliedDownloadFactor(release.flags))
        list.add("uploadvolumefactor", release.uploadVolumeFactor ?? (release.flags.contains(.doubleUpload) ? 2 : nil))
        list.add("tvdbid", positive(release.tvdbId))
        list.add("tvmazeid", positive(release.tvmazeId))
        list.add("rageid", positive(release.tvRageId))
        if let imdb = imdb(release.imdbId) {
            list.add("imdb", String(imdb.dropFirst(2)))
            list.add("imdbid", imdb)
        }
        list.add("tmdbid", positive(release.tmdbId))
        list.add("season", release.season)
        list.add("episode", release.episode)
        list.add("usenetdate", release.usenetDate.map(FeedDate.format))
        list.add("poster", release.poster)
        list.add("group", release.group)
        for language in release.languages { list.add("language", language) }
        flagAttributes(release.flags, &list)
        return list.pairs
    }

    private static func impliedDownloadFactor(_ flags: Set<IndexerFlag>) -> Double? {
        flags.contains(.freeleech) ? 0 : flags.contains(.halfleech) ? 0.5 : nil
    }

    /// Prowlarr's `tag` names for the flags, beside the Newznab attributes Sonarr reads.
    private static func flagAttributes(_ flags: Set<IndexerFlag>, _ list: inout AttributeList) {
        if flags.contains(.scene) { list.add("prematch", 1) }
        if flags.contains(.nuked) { list.add("nuked", 1) }
        // The subtitle languages are not kept: any non-empty value says "has subtitles".
        if flags.contains(.subtitles) { list.add("subs", 1) }
        let tags: [(IndexerFlag, String)] = [
            (.freeleech, "freeleech"), (.halfleech, "halfleech"), (.doubleUpload, "double_upload"), (.internal, "internal"),
            (.scene, "scene"), (.nuked, "nuked"),
        ]
        for (flag, tag) in tags where flags.contains(flag) { list.add("tag", tag) }
    }

    private struct AttributeList {
        var pairs: [(name: String, value: String)] = []

        /// Adds `value` unless it is nil, empty after trimming, or a number that is not finite.
        mutating func add(_ name: String, _ value: (any CustomStringConvertible)?) {
            let text: String
            switch value {
            case nil: return
            case let number as Double:
                guard number.isFinite else { return }
                // `1` rather than `1.0`, as Prowlarr writes whole numbers.
                text = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
            case let value?:
                text = value.description.trimmedXMLSpace
            }
            if !text.isEmpty { pairs.append((name, text)) }
        }
    }
}
