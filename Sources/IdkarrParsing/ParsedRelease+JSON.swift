/// JSON for `idkarr parse` and the HTTP API: one object, keys sorted, absent values omitted.
/// Written by hand (no Foundation) so that the executable and the server share one shape.
extension ParsedRelease {
    /// The fields of this release as a JSON object on one line, keys in sorted order.
    public func jsonString() -> String {
        var w = JSONWriter()
        w.object { o in
            if !absoluteEpisodeNumbers.isEmpty { o.field("absoluteEpisodeNumbers") { $0.ints(absoluteEpisodeNumbers) } }
            if let airDate { o.field("airDate") { $0.string(airDate) } }
            if let cleanTitle { o.field("cleanTitle") { $0.string(cleanTitle) } }
            if let dailyPart { o.field("dailyPart") { $0.int(dailyPart) } }
            if let edition { o.field("edition") { $0.string(edition) } }
            if kind == .episode { o.field("episodeNumbers") { $0.ints(episodeNumbers) } }
            if kind == .episode { o.field("fullSeason") { $0.bool(fullSeason) } }
            if let hardcodedSubs { o.field("hardcodedSubs") { $0.string(hardcodedSubs) } }
            if let imdbId { o.field("imdbId") { $0.string(imdbId) } }
            if isMultiSeason { o.field("isMultiSeason") { $0.bool(true) } }
            if isPartialSeason { o.field("isPartialSeason") { $0.bool(true) } }
            if isSeasonExtra { o.field("isSeasonExtra") { $0.bool(true) } }
            if isSplitEpisode { o.field("isSplitEpisode") { $0.bool(true) } }
            o.field("kind") { $0.string(kind.rawValue) }
            o.field("languages") { a in a.array(languages) { $0.string($1.name) } }
            if let movieTitle { o.field("movieTitle") { $0.string(movieTitle) } }
            if movieTitles.count > 1 { o.field("movieTitles") { a in a.array(movieTitles) { $0.string($1) } } }
            o.field("quality") { q in
                q.object { f in
                    f.field("modifier") { $0.string(quality.quality.modifier.radarrName) }
                    f.field("name") { $0.string(quality.quality.name) }
                    f.field("resolution") { $0.int(quality.quality.resolution) }
                    f.field("source") { $0.string(quality.quality.source.rawValue) }
                }
            }
            if let releaseGroup { o.field("releaseGroup") { $0.string(releaseGroup) } }
            if let releaseHash { o.field("releaseHash") { $0.string(releaseHash) } }
            o.field("releaseTitle") { $0.string(releaseTitle) }
            o.field("revision") { r in
                r.object { f in
                    f.field("isRepack") { $0.bool(quality.revision.isRepack) }
                    f.field("real") { $0.int(quality.revision.real) }
                    f.field("version") { $0.int(quality.revision.version) }
                }
            }
            if let seasonNumber { o.field("seasonNumber") { $0.int(seasonNumber) } }
            if isPartialSeason { o.field("seasonPart") { $0.int(seasonPart) } }
            if let seriesTitle { o.field("seriesTitle") { $0.string(seriesTitle) } }
            if special { o.field("special") { $0.bool(true) } }
            if !specialAbsoluteEpisodeNumbers.isEmpty {
                o.field("specialAbsoluteEpisodeNumbers") { a in a.array(specialAbsoluteEpisodeNumbers) { $0.raw(JSONWriter.decimal($1)) } }
            }
            if let tmdbId { o.field("tmdbId") { $0.int(tmdbId) } }
            if let year { o.field("year") { $0.int(year) } }
        }
        return w.output
    }
}

/// A minimal JSON writer: objects, arrays, strings (escaped), numbers, booleans.
struct JSONWriter {
    var output = ""

    mutating func raw(_ s: String) { output += s }
    mutating func int(_ v: Int) { output += String(v) }
    mutating func bool(_ v: Bool) { output += v ? "true" : "false" }
    mutating func ints(_ v: [Int]) { array(v) { $0.int($1) } }

    mutating func string(_ s: String) {
        output += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (scalar.value >= 0x2028 && scalar.value <= 0x2029) {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    mutating func array<T>(_ items: [T], _ write: (inout JSONWriter, T) -> Void) {
        output += "["
        for (i, item) in items.enumerated() {
            if i > 0 { output += "," }
            write(&self, item)
        }
        output += "]"
    }

    struct ObjectWriter {
        var writer: JSONWriter
        var first = true

        mutating func field(_ key: String, _ write: (inout JSONWriter) -> Void) {
            if !first { writer.output += "," }
            first = false
            writer.string(key)
            writer.output += ":"
            write(&writer)
        }
    }

    mutating func object(_ body: (inout ObjectWriter) -> Void) {
        output += "{"
        var o = ObjectWriter(writer: self)
        body(&o)
        self = o.writer
        output += "}"
    }

    static func decimal(_ d: Double) -> String {
        abs(d) < 1e15 && Double(Int(d)) == d ? String(Int(d)) : String(d)
    }
}
