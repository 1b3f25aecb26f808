/// Writes releases as a Newznab (usenet) or Torznab (torrent) search answer: an RSS 2.0 document
/// with `newznab:attr` / `torznab:attr` elements, as Prowlarr serves it to Sonarr and Radarr.
/// Pure: no I/O, no clock. The inverse of `FeedReader`: reading the document gives back the
/// releases, field for field (dates to the second; see `write` for the few limits).
///
/// Every text comes from strangers (indexers): it is escaped once, and characters XML cannot
/// carry are dropped, so the document is always well-formed.
public enum FeedWriter {
    /// The download link written for a release: idkarr's own proxy link, or the release's
    /// `downloadURL` as it is.
    public typealias LinkWriter = (IndexerRelease) -> String

    static let newznabNamespace = "http://www.newznab.com/DTD/2010/feeds/attributes/"
    static let torznabNamespace = "http://torznab.com/schemas/2015/feed"
    static let atomNamespace = "http://www.w3.org/2005/Atom"

    /// - Parameters:
    ///   - releases: in feed order.
    ///   - downloadProtocol: `.usenet` writes a Newznab feed, `.torrent` a Torznab one (the
    ///     attributes' namespace). Each enclosure's type follows its own release's protocol.
    ///   - channel: the channel's title (default "idkarr"), description, link and language;
    ///     `link` is the feed's own address (`<link>` and `atom:link rel="self"`). `offset` and
    ///     `total` (paging) default to 0 and `offset + releases.count`.
    ///   - link: the download link of each release (`<link>` and the enclosure's `url`). When a
    ///     release's guid is its download URL (the indexer gave no guid), the guid is that link
    ///     too, so an upstream link with its API key is never written.
    ///
    /// What a reader cannot get back: characters XML cannot carry, white space around a title,
    /// and text in a title that is itself an entity reference (`&amp;` as written text), which
    /// readers decode as a double-encoded title (Sonarr does, and so does `FeedReader`).
    public static func write(
        _ releases: [IndexerRelease], protocol downloadProtocol: DownloadProtocol, channel: ChannelInfo = ChannelInfo(),
        link: LinkWriter = { $0.downloadURL }
    ) -> [UInt8] {
        let prefix = downloadProtocol == .torrent ? "torznab" : "newznab"
        var xml = XMLWriter()
        xml.open("rss", [
            ("version", "2.0"), ("xmlns:atom", atomNamespace),
            ("xmlns:\(prefix)", downloadProtocol == .torrent ? torznabNamespace : newznabNamespace),
        ])
        xml.open("channel")
        if let selfLink = channel.link {
            xml.element("atom:link", [("href", selfLink), ("rel", "self"), ("type", "application/rss+xml")])
        }
        let title = channel.title ?? "idkarr"
        xml.element("title", text: title)
        xml.element("description", text: channel.description ?? title)
        xml.element("link", text: channel.link ?? "")
        if let language = channel.language { xml.element("language", text: language) }
        let offset = max(0, channel.offset ?? 0)
        xml.element("\(prefix):response", [("offset", String(offset)), ("total", String(channel.total ?? offset + releases.count))])
        for release in releases {
            item(release, link: link(release), prefix: prefix, into: &xml)
        }
        xml.close("channel")
        xml.close("rss")
        return xml.bytes
    }

    /// One `<item>`: the RSS elements, then the attributes (`ReleaseAttributes`).
    private static func item(_ release: IndexerRelease, link: String, prefix: String, into xml: inout XMLWriter) {
        xml.open("item")
        xml.element("title", text: release.title)
        let guid = release.guid == release.downloadURL ? link : release.guid
        xml.element("guid", [("isPermaLink", guid == release.infoURL ? "true" : "false")], text: guid)
        xml.element("link", text: link)
        if let comments = comments(release, guid: guid) { xml.element("comments", text: comments) }
        xml.element("pubDate", text: FeedDate.format(release.publishDate))
        xml.element("size", text: String(release.size))
        xml.element("description", text: release.title)
        for category in release.categories { xml.element("category", text: String(category)) }
        let type = release.downloadProtocol == .torrent ? "application/x-bittorrent" : "application/x-nzb"
        xml.element("enclosure", [("url", link), ("length", String(release.size)), ("type", type)])
        for (name, value) in ReleaseAttributes.attributes(of: release) {
            xml.element("\(prefix):attr", [("name", name), ("value", value)])
        }
        xml.close("item")
    }

    /// `<comments>`: the release's comments URL when it names the info page (`…#comments`),
    /// else the info page; nil when the info page is the written guid (a permalink says it) or unknown.
    private static func comments(_ release: IndexerRelease, guid: String) -> String? {
        guard let info = release.infoURL else { return release.commentsURL }
        if let comments = release.commentsURL, comments == info || comments == info + "#comments" { return comments }
        return info == guid ? nil : info
    }
}
