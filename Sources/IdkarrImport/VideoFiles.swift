/// Which entries of a title's folder a disk scan looks at: video files by extension, minus
/// samples, extras and hidden or system folders. Pure name rules, shared by the walk and tests.
public enum VideoFiles {
    /// Extensions (lower case, no dot) of the video containers Sonarr and Radarr import.
    public static let extensions: Set<String> = [
        "mkv", "mp4", "m4v", "avi", "ts", "m2ts", "mts", "wmv", "mov", "webm", "mpg", "mpeg", "mpe", "m2v", "m1v",
        "iso", "img", "vob", "divx", "xvid", "ogm", "ogv", "flv", "f4v", "3gp", "asf", "rm", "rmvb", "wtv", "dvr-ms",
        "strm", "bdmv", "evo", "wm", "mk3d", "mp2", "mpv2", "nsv", "nuv", "qt", "tp", "trp",
    ]

    /// Folder names (lower case) that hold extras, thumbnails or NAS metadata, never episodes or
    /// the movie: Plex/Jellyfin local-extras folders, Synology's `@eaDir`, QNAP's `.@__thumb`.
    public static let excludedFolders: Set<String> = [
        "extras", "featurettes", "behind the scenes", "deleted scenes", "interviews", "scenes", "shorts", "trailers",
        "other", "sample", "samples", "extrafanart", "plex versions", "@eadir", "@__thumb", "lost+found",
        "#recycle", "$recycle.bin",
    ]

    /// The extension of a file name, lower case, without the dot ("" when there is none).
    public static func pathExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    public static func isVideo(_ name: String) -> Bool { extensions.contains(pathExtension(name)) }

    /// Hidden entries (`.grab`, `.DS_Store`, `._x.mkv` resource forks, `.partial~` files).
    public static func isHidden(_ name: String) -> Bool { name.hasPrefix(".") }

    public static func isExcludedFolder(_ name: String) -> Bool { isHidden(name) || excludedFolders.contains(name.lowercased()) }

    /// Plex's local-extras suffixes (`Movie (2010)-trailer.mp4`), read only after a hyphen at the
    /// end of the name so "Trailer Park Boys" stays a series.
    public static let extraSuffixes = ["trailer", "featurette", "behindthescenes", "deleted", "interview", "scene", "short", "other"]

    /// A sample or a local extra by its name: the word "sample" anywhere
    /// (`show.s01e01.720p-sample.mkv`, `sample-movie.mkv`), or an extras suffix after a hyphen.
    public static func isSample(_ name: String) -> Bool {
        var stem = Substring(name)
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { stem = name[..<dot] }
        let lower = stem.lowercased()
        if let hyphen = lower.lastIndex(of: "-"), extraSuffixes.contains(String(lower[lower.index(after: hyphen)...])) {
            return true
        }
        return lower.split { !($0.isLetter || $0.isNumber) }.contains("sample")
    }
}
