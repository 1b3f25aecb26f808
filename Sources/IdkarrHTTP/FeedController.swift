import Foundation
import Hummingbird
import IdkarrAuth
import IdkarrAutomation
import IdkarrDomain
import IdkarrIndexers
import IdkarrStore
import NIOCore

/// Prowlarr's feed for other apps: each indexer as a Newznab/Torznab API of its own, so a Sonarr
/// or Radarr added with the URL `http://host:7979/{indexerId}/` and an idkarr API key (admin)
/// searches through idkarr, with idkarr's backoff and statistics.
///
/// - `GET /{id}/api?t=caps|search|tvsearch|movie&apikey=…` answers XML: the indexer's caps, or its
///   results with every download link pointing back at idkarr;
/// - `GET /{id}/download?link=…&apikey=…` fetches the NZB or torrent from the indexer (a magnet
///   link is a redirect). The `link` is sealed (`LinkSealer`): the indexer's own URL, which holds
///   its API key, never leaves idkarr, and a link made for one indexer opens for no other.
///
/// Errors are Newznab error documents, which every Newznab client reads.
struct FeedController {
    let indexers: IndexerService
    let sealer: LinkSealer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(":indexerId/api", use: api)
        router.get(":indexerId/download", use: download)
    }

    /// The feed's paths: an invalid API key there is answered by the feed (as XML), not refused
    /// by the auth middleware.
    static func isFeedPath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].isEmpty && !parts[1].isEmpty && parts[1].allSatisfy(\.isASCII)
            && parts[1].allSatisfy(\.isNumber) && (parts[2] == "api" || parts[2] == "download")
    }

    @Sendable func api(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id: Int
        switch authorize(request, context) {
        case .failure(let refusal): return refusal.response
        case .success(let allowed): id = allowed
        }
        let caps: IndexerCaps
        do {
            caps = Self.served(try await indexers.caps(of: id))
        } catch let error as IndexerError {
            return Self.error(.unknownError(error.message), status: .badGateway)
        }
        let parsed: FeedRequest
        do {
            parsed = try FeedRequest.parse(FormQuery(request.uri.query).pairs, caps: caps)
        } catch {
            return Self.error(error.document, status: .badRequest)
        }
        guard case .search(_, let search) = parsed else { return Self.xml(CapsWriter.write(caps)) }
        if let wait = indexers.restingFor(id) {
            return Self.error(NewznabErrorDocument(code: 429, description: "Request limit reached: the indexer is resting after failures"),
                              status: .tooManyRequests, headers: [.retryAfter: String(wait.components.seconds)])
        }
        let (outcome, found) = try await indexers.searchOne(id, search)
        if outcome.state != .ok {
            return Self.error(.unknownError(outcome.message ?? "the indexer failed"), status: .badGateway)
        }
        let definition = indexers.definitions.get(id)?.body
        let base = Self.baseURL(request, context)
        let apiKey = request.headers[.xApiKey] ?? FormQuery(request.uri.query).get("apikey") ?? ""
        var channel = ChannelInfo()
        channel.title = definition?.name
        channel.description = "\(definition?.name ?? "Indexer") through idkarr"
        channel.link = "\(base)/\(id)/api"
        channel.offset = search.offset
        let body = FeedWriter.write(found.map(\.release), protocol: definition?.kind == .torznab ? .torrent : .usenet, channel: channel) {
            release in
            "\(base)/\(id)/download?apikey=\(Self.encode(apiKey))&link=\(sealer.seal("\(id) \(release.downloadURL)"))"
                + "&file=\(Self.encode(String(release.title.prefix(200))))"
        }
        return Self.xml(body)
    }

    @Sendable func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id: Int
        switch authorize(request, context) {
        case .failure(let refusal): return refusal.response
        case .success(let allowed): id = allowed
        }
        let form = FormQuery(request.uri.query)
        guard let token = form.get("link"), let opened = sealer.open(token),
              let space = opened.firstIndex(of: " "), opened[..<space] == String(id)
        else {
            return Self.error(.incorrectParameter("link", "not a download link idkarr made for this indexer"), status: .badRequest)
        }
        let link = String(opened[opened.index(after: space)...])
        if link.lowercased().hasPrefix("magnet:") {
            return Response(status: .found, headers: [.location: link])
        }
        do {
            let file = try await indexers.download(id, link: link)
            let torrent = indexers.definitions.get(id)?.body.kind == .torznab
            let name = (form.get("file") ?? "release")
                .filter { $0.isLetter || $0.isNumber || " .-_()[]".contains($0) }
            return Response(status: .ok, headers: [
                .contentType: torrent ? "application/x-bittorrent" : "application/x-nzb",
                .contentDisposition: "attachment; filename=\"\(name.prefix(200)).\(torrent ? "torrent" : "nzb")\"",
            ], body: .init(byteBuffer: ByteBuffer(bytes: file.body)))
        } catch let error as IndexerError {
            return Self.error(.unknownError(error.message), status: .badGateway)
        }
    }

    /// The indexer id of the path, for an admin's API key; otherwise the Newznab refusal.
    private func authorize(_ request: Request, _ context: AppRequestContext) -> Result<Int, RefusalResponse> {
        guard let principal = context.principal else {
            return .failure(RefusalResponse(Self.error(.incorrectCredentials, status: .unauthorized)))
        }
        guard principal.isAdmin else {
            return .failure(RefusalResponse(Self.error(NewznabErrorDocument(code: 102, description: "Insufficient privileges: an admin's API key is needed"),
                                                       status: .forbidden)))
        }
        guard let id = context.parameters.get("indexerId").flatMap({ Int($0) }), indexers.definitions.get(id) != nil else {
            return .failure(RefusalResponse(Self.error(.noSuchItem, status: .notFound)))
        }
        return .success(id)
    }

    /// The caps other apps see: the indexer's categories and limits, the three searches idkarr serves.
    static func served(_ caps: IndexerCaps) -> IndexerCaps {
        var served = caps
        served.modes = caps.modes.filter { [.search, .tvSearch, .movieSearch].contains($0.key) }
        if served.modes[.search] == nil { served.modes[.search] = IndexerCaps.ModeCaps(parameters: ["q"], parametersListed: true) }
        return served
    }

    static func baseURL(_ request: Request, _ context: AppRequestContext) -> String {
        "\(context.isSecure ? "https" : "http")://\(request.head.authority ?? "localhost")"
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }

    static func xml(_ body: [UInt8], status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var all = headers
        all[.contentType] = "application/xml; charset=utf-8"
        return Response(status: status, headers: all, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func error(_ document: NewznabErrorDocument, status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
        xml(document.xml, status: status, headers: headers)
    }
}

/// A response that ends a feed request early (a `Result` failure needs an `Error`).
struct RefusalResponse: Error {
    let response: Response
    init(_ response: Response) { self.response = response }
}
