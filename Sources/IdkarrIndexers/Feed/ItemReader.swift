#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One `<item>` → one `IndexerRelease`, or the reason it is skipped.
struct ItemReader {
    enum Outcome {
        case release(IndexerRelease)
        case skipped(SkippedItem.Reason)
    }

    let dialect: FeedDialect
    let base: URL?

    /// The title, with entities encoded twice (`&amp;amp;`) decoded too and white space trimmed.
    func title(_ item: XMLNode) -> String? {
        guard let raw = item.childText("title") else { return nil }
        let title = XMLEntities.decodeAgain(raw).trimmedXMLSpace
        return title.isEmpty ? nil : title
    }

    func release(_ item: XMLNode) -> Outcome {
        guard let title = title(item) else { return .skipped(.missingTitle) }
        let attributes = ItemAttributes(item)
        let download: String
        switch downloadURL(item, attributes) {
        case .success(let url): download = url
        case .failure(let reason): return .skipped(reason.reason)
        }
        let dateText = item.childText("pubDate") ?? attributes["usenetdate"]
        guard let dateText else { return .skipped(.missingPublishDate) }
        guard let date = FeedDate.parse(dateText) else { return .skipped(.unreadablePublishDate(String(dateText.prefix(64)))) }
        guard let size = size(item, attributes) else { return .skipped(.missingSize) }

        var release = IndexerRelease(
            title: title, guid: item.childText("guid") ?? download, downloadProtocol: dialect.downloadProtocol, downloadURL: download,
            publishDate: date, size: size)
        release.commentsURL = item.childText("comments").flatMap(resolve)
        release.infoURL = infoURL(item, comments: release.commentsURL)
        ReleaseAttributes.apply(attributes, to: &release)
        if release.infoHash == nil, let magnet = release.magnetURL ?? (download.hasPrefix("magnet:") ? download : nil) {
            release.infoHash = Self.infoHash(fromMagnet: magnet)
        }
        return .release(release)
    }

    struct Skip: Error {
        let reason: SkippedItem.Reason
    }

    /// The dialect's download link, resolved (see `FeedDialect`).
    private func downloadURL(_ item: XMLNode, _ attributes: ItemAttributes) -> Result<String, Skip> {
        let link = item.childText("link").flatMap(resolve)
        let enclosures = item.children("enclosure").compactMap { node -> (url: String, type: String)? in
            guard let url = node.attribute("url").flatMap({ resolve($0.trimmedXMLSpace) }) else { return nil }
            return (url, node.attribute("type")?.lowercased() ?? "")
        }
        let isNZB: (String) -> Bool = { $0.contains("nzb") }
        let isTorrent: (String) -> Bool = { $0.contains("bittorrent") || $0.contains("magnet") }
        let url: String?
        switch dialect {
        case .rss:
            url = link ?? enclosures.first?.url
        case .newznab:
            if let nzb = enclosures.first(where: { isNZB($0.type) }) {
                url = nzb.url
            } else if !enclosures.isEmpty, enclosures.allSatisfy({ isTorrent($0.type) }) {
                return .failure(Skip(reason: .wrongProtocol))
            } else {
                url = enclosures.first?.url ?? link
            }
        case .torznab:
            if let torrent = enclosures.first(where: { isTorrent($0.type) }) {
                url = torrent.url
            } else if !enclosures.isEmpty, enclosures.allSatisfy({ isNZB($0.type) }) {
                return .failure(Skip(reason: .wrongProtocol))
            } else {
                url = enclosures.first?.url ?? link ?? attributes["magneturl"]
            }
        }
        guard let url else { return .failure(Skip(reason: .missingDownloadLink)) }
        return .success(url)
    }

    /// `newznab:attr size`, else `<size>`, else a non-zero enclosure length.
    private func size(_ item: XMLNode, _ attributes: ItemAttributes) -> Int64? {
        if let text = attributes["size"], let size = ReleaseSize.parse(text), size > 0 { return size }
        if let text = item.childText("size"), let size = ReleaseSize.parse(text), size > 0 { return size }
        for enclosure in item.children("enclosure") {
            if let text = enclosure.attribute("length"), let size = Int64(text.trimmedXMLSpace), size > 0 { return size }
        }
        return nil
    }

    /// `<comments>` without its `#comments` anchor, else the guid when it is a permalink.
    private func infoURL(_ item: XMLNode, comments: String?) -> String? {
        if let comments {
            return comments.hasSuffix("#comments") ? String(comments.dropLast("#comments".count)) : comments
        }
        guard let guid = item.child("guid"), guid.attribute("isPermaLink")?.lowercased() != "false" else { return nil }
        let text = guid.text.trimmedXMLSpace
        return text.hasPrefix("http://") || text.hasPrefix("https://") ? text : nil
    }

    /// An absolute URL as written; a relative one resolved against the answer's URL (nil without one).
    func resolve(_ text: String) -> String? {
        guard !text.isEmpty else { return nil }
        if Self.hasScheme(text) { return text }
        guard let base, let url = URL(string: text, relativeTo: base) else { return nil }
        return url.absoluteString
    }

    static func hasScheme(_ text: String) -> Bool {
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: ":"): return offset > 0
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if offset == 0 { return false }
            default: return false
            }
        }
        return false
    }

    /// The `xt=urn:btih:` value of a magnet link, lower-cased (hex or base32, as written).
    static func infoHash(fromMagnet magnet: String) -> String? {
        let lower = magnet.lowercased()
        guard let range = lower.firstRange(of: "urn:btih:") else { return nil }
        let hash = lower[range.upperBound...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return hash.count == 40 || hash.count == 32 ? hash.lowercased() : nil
    }
}
