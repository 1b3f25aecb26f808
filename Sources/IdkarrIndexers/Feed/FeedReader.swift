#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads a Newznab or Torznab search answer (an RSS 2.0 document with `newznab:attr` /
/// `torznab:attr` elements) into releases. Pure: no I/O, no clock.
///
/// A document that cannot be read at all throws an `IndexerError` (see `IndexerDocument`); an
/// item that cannot become a release (no title, no download of the dialect's protocol, no date,
/// no size) is skipped and listed in `Feed.skipped` with its reason, so one bad item never costs
/// the others.
public enum FeedReader {
    /// The default limit on an answer's size: 10 MB is some 10,000 items.
    public static let defaultMaxBytes = 10 * 1024 * 1024

    /// - Parameters:
    ///   - body: the answer's bytes, as received.
    ///   - dialect: which link is the download (see `FeedDialect`).
    ///   - baseURL: the URL the answer came from; relative links are resolved against it.
    ///   - indexer: the indexer's name, for error messages.
    public static func read(
        _ body: [UInt8], dialect: FeedDialect, baseURL: String? = nil, indexer: String = "The indexer",
        maxBytes: Int = defaultMaxBytes
    ) throws(IndexerError) -> Feed {
        let root = try IndexerDocument.root(body, expectedRoot: "rss", indexer: indexer, maxBytes: maxBytes)
        guard let channel = root.child("channel") else {
            throw IndexerError(.badResponse, message: "\(indexer) sent an RSS document without a <channel>.")
        }
        var feed = Feed(channel: channelInfo(channel))
        let reader = ItemReader(dialect: dialect, base: baseURL.flatMap { URL(string: $0) })
        var index = 0
        for item in channel.children where item.name == "item" {
            switch reader.release(item) {
            case .release(let release): feed.releases.append(release)
            case .skipped(let reason): feed.skipped.append(SkippedItem(index: index, title: reader.title(item), reason: reason))
            }
            index += 1
        }
        return feed
    }

    private static func channelInfo(_ channel: XMLNode) -> ChannelInfo {
        var info = ChannelInfo()
        info.title = channel.childText("title")
        info.description = channel.childText("description")
        info.link = channel.childText("link")
        info.language = channel.childText("language")
        if let response = channel.children.first(where: { $0.localName == "response" && !$0.prefix.isEmpty }) {
            info.offset = response.attribute("offset").flatMap { Int($0.trimmedXMLSpace) }
            info.total = response.attribute("total").flatMap { Int($0.trimmedXMLSpace) }
        }
        return info
    }
}

/// `<newznab:attr name="…" value="…"/>` and `<torznab:attr …/>` of one item, names lower-cased.
struct ItemAttributes {
    private var pairs: [(name: String, value: String)] = []

    init(_ item: XMLNode) {
        // `prefix:attr` with any prefix; a suffix test, cheaper than splitting every child's name.
        for child in item.children where child.name.utf8.count > 5 && child.name.hasSuffix(":attr") {
            guard let name = child.attribute("name"), let value = child.attribute("value") else { continue }
            pairs.append((name.lowercased(), value.trimmedXMLSpace))
        }
    }

    /// The first non-empty value of `name`.
    subscript(_ name: String) -> String? {
        pairs.first { $0.name == name && !$0.value.isEmpty }?.value
    }

    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    func int(_ name: String) -> Int? {
        self[name].flatMap { Int($0) ?? Double($0).flatMap { $0.isFinite && abs($0) < 1e15 ? Int($0) : nil } }
    }

    func double(_ name: String) -> Double? {
        self[name].flatMap { Double($0) }.flatMap { $0.isFinite ? $0 : nil }
    }
}
