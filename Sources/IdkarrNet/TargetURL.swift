import CCurl
import IdkarrDomain

/// The parts of a request URL that idkarr needs before sending: scheme and host, parsed by
/// libcurl's own URL parser so that what we check is what curl will connect to.
struct TargetURL: Sendable, Hashable {
    let scheme: String
    /// Lower-case host name or address (IPv6 in brackets).
    let host: String
    let port: Int?

    /// `host` or `host:port` for messages.
    var label: String { port.map { "\(host):\($0)" } ?? host }

    /// Scheme, host and effective port: credentials stay within one origin on redirects.
    var origin: String { "\(scheme)://\(host):\(port ?? (scheme == "https" ? 443 : 80))" }

    /// Parses an absolute http(s) URL; throws `.invalidURL` (with a redacted URL) otherwise.
    static func parse(_ url: String) throws(NetError) -> TargetURL {
        guard let handle = curl_url() else {
            throw NetError(.other, host: "", message: "Out of memory parsing a URL.")
        }
        defer { curl_url_cleanup(handle) }
        // Made only when needed: redacting runs several regular expressions, and every request
        // comes through here.
        func invalid() -> NetError {
            NetError(.invalidURL, host: "", message: "\"\(Redaction.url(url))\" is not a valid http or https URL.")
        }
        guard !url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7f }),
            curl_url_set(handle, CURLUPART_URL, url, 0) == CURLUE_OK,
            let scheme = part(handle, CURLUPART_SCHEME)?.lowercased(),
            scheme == "http" || scheme == "https",
            let host = part(handle, CURLUPART_HOST), !host.isEmpty
        else { throw invalid() }
        let port = part(handle, CURLUPART_PORT).flatMap { Int($0) }
        return TargetURL(scheme: scheme, host: host.lowercased(), port: port)
    }

    private static func part(_ handle: OpaquePointer, _ which: CURLUPart) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, which, &value, 0) == CURLUE_OK, let value else { return nil }
        defer { curl_free(value) }
        return String(cString: value)
    }
}
