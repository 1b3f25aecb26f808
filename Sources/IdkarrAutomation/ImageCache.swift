import Foundation
import IdkarrDomain
import IdkarrNet
import Logging
import Synchronization

/// Posters and fanart on disk under `<data>/images`, so the UI shows them when a provider is
/// slow or down and the browser never loads a third-party URL (the CSP allows `img-src 'self'`).
///
/// A file is named after the title, the kind and a hash of the source URL (a new URL after a
/// refresh is fetched again). Only real images (JPEG, PNG, WebP, GIF by their first bytes) up
/// to 10 MB are kept; the folder is bounded, least recently used files go first.
public final class ImageCache: Sendable {
    public struct Image: Sendable {
        public let bytes: [UInt8]
        public let contentType: String
    }

    let folder: URL
    let transport: any HTTPTransport
    let maxBytes: Int64
    let logger: Logger
    /// Hosts `remote(url:)` may fetch from (the providers' image hosts).
    let allowedHosts: Mutex<Set<String>>
    static let maxImageBytes = 10 * 1024 * 1024

    public init(folder: URL, transport: any HTTPTransport, maxBytes: Int64 = 512 * 1024 * 1024, logger: Logger,
                allowedHosts: Set<String> = ["image.tmdb.org", "static.tvmaze.com"]) {
        self.folder = folder
        self.transport = transport
        self.maxBytes = maxBytes
        self.logger = logger
        self.allowedHosts = Mutex(allowedHosts)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
    }

    /// Lets `remote` fetch from one more host (a provider address from the settings).
    public func allow(host: String) { allowedHosts.withLock { _ = $0.insert(host.lowercased()) } }

    /// The title's image of `coverType`: from disk, or fetched and kept. Nil when the title has
    /// no such image or it cannot be fetched.
    public func image(mediaId: Int, coverType: MediaImage.CoverType, in images: [MediaImage]) async -> Image? {
        guard let source = images.first(where: { $0.coverType == coverType }) else { return nil }
        return await cached(name: "\(mediaId)-\(coverType.rawValue)-\(Self.hash(source.url))", url: source.url)
    }

    /// An image from a provider's image host, for the add-title search (titles not in the library).
    public func remote(url: String) async -> Image? {
        guard let host = URL(string: url)?.host?.lowercased(), url.hasPrefix("https://") || url.hasPrefix("http://"),
              allowedHosts.withLock({ $0.contains(host) }) else { return nil }
        return await cached(name: "remote-\(Self.hash(url))", url: url)
    }

    /// Removes a title's cached files whose source is no longer among `images`.
    public func forget(mediaId: Int, keeping images: [MediaImage]) {
        let keep = Set(images.map { "\(mediaId)-\($0.coverType.rawValue)-\(Self.hash($0.url))" })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix("\(mediaId)-") && !keep.contains(Self.stem(name)) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    // MARK: - disk

    private func cached(name: String, url: String) async -> Image? {
        for (ext, type) in Self.types {
            let file = folder.appendingPathComponent(name + "." + ext)
            if let data = FileManager.default.contents(atPath: file.path) {
                try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: file.path)
                return Image(bytes: Array(data), contentType: type)
            }
        }
        guard let image = await fetch(url) else { return nil }
        store(image, name: name)
        return image
    }

    private func fetch(_ url: String) async -> Image? {
        var request = NetRequest(url: url)
        request.timeout = .seconds(20)
        request.maxResponseBytes = Self.maxImageBytes
        do {
            let response = try await transport.send(request)
            guard response.status == 200, let type = Self.sniff(response.body) else {
                logger.info("image not kept: HTTP \(response.status) from \(Redaction.url(url))")
                return nil
            }
            return Image(bytes: response.body, contentType: type)
        } catch {
            logger.info("image fetch failed: \(error)")
            return nil
        }
    }

    private func store(_ image: Image, name: String) {
        guard let ext = Self.types.first(where: { $0.1 == image.contentType })?.0 else { return }
        let target = folder.appendingPathComponent(name + "." + ext)
        let temp = folder.appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
        do {
            try Data(image.bytes).write(to: temp)
            _ = try FileManager.default.replaceItemAt(target, withItemAt: temp)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            logger.warning("image cache write failed: \(error)")
            return
        }
        trim()
    }

    /// Deletes least recently used files until the folder is under its bound.
    func trim() {
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey]
        guard let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: keys) else { return }
        var entries = files.compactMap { url -> (URL, Int64, Date)? in
            guard let values = try? url.resourceValues(forKeys: Set(keys)) else { return nil }
            return (url, Int64(values.fileSize ?? 0), values.contentModificationDate ?? .distantPast)
        }
        var total = entries.reduce(Int64(0)) { $0 + $1.1 }
        guard total > maxBytes else { return }
        entries.sort { $0.2 < $1.2 }
        for (url, size, _) in entries where total > maxBytes {
            try? FileManager.default.removeItem(at: url)
            total -= size
        }
    }

    static let types = [("jpg", "image/jpeg"), ("png", "image/png"), ("webp", "image/webp"), ("gif", "image/gif")]

    /// The image type from the first bytes, whatever the server said.
    static func sniff(_ b: [UInt8]) -> String? {
        if b.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if b.count >= 12, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        if b.starts(with: Array("GIF87a".utf8)) || b.starts(with: Array("GIF89a".utf8)) { return "image/gif" }
        return nil
    }

    /// FNV-1a of the URL, hex: a stable short name.
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }

    private static func stem(_ name: String) -> String {
        name.split(separator: ".").first.map(String.init) ?? name
    }
}
