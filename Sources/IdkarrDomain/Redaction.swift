/// Scrubs secrets from URLs and text bound for logs, error messages and health reports.
///
/// Secrets are replaced by `Redaction.mask` (`***`); everything else is left as it was, so the
/// result still says which host and which call failed. Redacting twice gives the same text.
///
/// What is a secret (names compared case-insensitively):
/// - **query and form parameters** and `name=value` pairs anywhere in text (also with a
///   percent-encoded `%3D`, as inside a magnet's `tr=` tracker URL) whose name is sensitive;
/// - **JSON fields** `"name": "value"` whose name is sensitive;
/// - **header lines** `Name: value` whose name is sensitive — the rest of the line is masked;
/// - **credentials in URLs**: `scheme://user:password@` → `scheme://user:***@`, and a lone
///   `scheme://token@` → `scheme://***@`;
/// - **path secrets**: the segment after `/passkey/`, `/apikey/`, `/api_key/`, `/authkey/`,
///   `/token/`, `/torrent_pass/`, `/rsskey/`; and a segment of 16+ letters and digits followed by
///   `/announce` (the usual private tracker announce URL);
/// - **auth schemes**: the credentials after `Bearer`, `Basic` or `Digest`.
///
/// A name is sensitive when it is one of `sensitiveNames`, or ends in one of
/// `sensitiveSuffixes` after removing `-` and `_` (so `X-Api-Key`, `client_secret`,
/// `access_token`, `rssPasskey` all are). Over-redacting a harmless value is accepted as the
/// price of never printing a real one.
///
/// Cost: a few regular-expression passes over the text (milliseconds in a debug build). Meant
/// for messages, URLs and header values, not for whole response bodies.
public enum Redaction {
    public static let mask = "***"

    public static let sensitiveNames: Set<String> = [
        "auth", "authorization", "proxyauthorization", "cookie", "setcookie", "password", "passwd", "pwd",
        "pass", "passkey", "apikey", "key", "token", "secret", "session", "sessionid", "sid", "sig",
        "signature", "credentials", "torrentpass", "authkey", "rsskey", "xplextoken", "xembytoken",
        "xmediabrowsertoken", "xtransmissionsessionid",
    ]

    public static let sensitiveSuffixes = ["apikey", "passkey", "password", "passwd", "token", "secret", "authkey", "key"]

    /// Names that match a suffix but hold no secret (our own API's paging parameters).
    private static let notSecrets: Set<String> = ["sortkey", "groupkey", "monkey"]

    /// True when a parameter, field or header called `name` holds a secret.
    public static func isSensitiveName(_ name: some StringProtocol) -> Bool {
        let folded = String(name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != "." })
        guard !folded.isEmpty, !notSecrets.contains(folded) else { return false }
        return sensitiveNames.contains(folded) || sensitiveSuffixes.contains { folded.hasSuffix($0) }
    }

    /// The value to log for a header: the value itself, or the mask for a sensitive header.
    public static func headerValue(name: String, value: String) -> String {
        isSensitiveName(name) ? mask : text(value)
    }

    /// A URL with its secrets masked (same rules as `text`).
    public static func url(_ url: String) -> String {
        text(url)
    }

    /// Text with every secret it contains masked.
    public static func text(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        // Each rule runs only when the text holds a byte its pattern needs: Swift compiles a
        // regular expression literal every time it is evaluated, and most texts need few rules.
        let has = RuleBytes(text)
        var result = text
        if has.at { result = redactURLCredentials(result) }
        if has.slash { result = redactPathSecrets(result) }
        if has.authWord { result = redactAuthSchemes(result) }
        if has.quote && has.colon { result = redactJSONFields(result) }
        if has.colon { result = redactHeaderLines(result) }
        if has.equals { result = redactPairs(result) }
        return result
    }

    /// Which of the bytes the rules need a text holds (`=` also as `%3D`).
    private struct RuleBytes {
        var at = false, slash = false, quote = false, colon = false, equals = false, authWord = false

        init(_ text: String) {
            for b in text.utf8 {
                switch b {
                case UInt8(ascii: "@"): at = true
                case UInt8(ascii: "/"): slash = true
                case UInt8(ascii: "\""): quote = true
                case UInt8(ascii: ":"): colon = true
                case UInt8(ascii: "="): equals = true
                default: break
                }
            }
            let lower = text.lowercased()
            if !equals { equals = lower.contains("%3d") }
            authWord = lower.contains("bearer") || lower.contains("basic") || lower.contains("digest")
        }
    }

    // MARK: rules

    private static func redactURLCredentials(_ text: String) -> String {
        let withPassword = #/([A-Za-z][A-Za-z0-9+.\-]*://)([^/\s:@?#]*):([^/\s@?#]*)@/#
        var result = text.replacing(withPassword) { match in
            "\(match.output.1)\(match.output.2):\(mask)@"
        }
        let userOnly = #/([A-Za-z][A-Za-z0-9+.\-]*://)([^/\s:@?#]+)@/#
        result = result.replacing(userOnly) { match in
            "\(match.output.1)\(mask)@"
        }
        return result
    }

    private static func redactPathSecrets(_ text: String) -> String {
        let named = #/(?i)/(passkey|apikey|api_key|authkey|token|torrent_pass|rsskey)/([^/?#\s"'<>]+)/#
        var result = text.replacing(named) { match in
            "/\(match.output.1)/\(mask)"
        }
        let announce = #//[A-Za-z0-9]{16,}/announce/#
        result = result.replacing(announce) { _ in "/\(mask)/announce" }
        return result
    }

    private static func redactAuthSchemes(_ text: String) -> String {
        // The credential must hold a digit or a symbol, so prose such as "Basic authentication
        // failed" is left alone; header lines are caught whole by `redactHeaderLines`.
        let scheme = #/(?i)\b(bearer|basic)[ \t]+(?=[A-Za-z]*[0-9._~+/=\-])[A-Za-z0-9._~+/=\-]{8,}/#
        var result = text.replacing(scheme) { match in "\(match.output.1) \(mask)" }
        let digest = #/(?i)\b(digest)[ \t]+[A-Za-z]+=[^\r\n]*/#
        result = result.replacing(digest) { match in "\(match.output.1) \(mask)" }
        return result
    }

    private static func redactJSONFields(_ text: String) -> String {
        let field = #/"([A-Za-z0-9_.\-]+)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/#
        return text.replacing(field) { match in
            guard isSensitiveName(match.output.1) else { return "\(match.output.0)" }
            return "\"\(match.output.1)\"\(match.output.2)\"\(mask)\""
        }
    }

    private static func redactHeaderLines(_ text: String) -> String {
        let header = #/(?m)^([ \t]*)([A-Za-z][A-Za-z0-9\-_]*)([ \t]*:[ \t]*)([^\r\n]+)/#
        return text.replacing(header) { match in
            guard isSensitiveName(match.output.2) else { return "\(match.output.0)" }
            return "\(match.output.1)\(match.output.2)\(match.output.3)\(mask)"
        }
    }

    private static func redactPairs(_ text: String) -> String {
        // An optional percent-encoded `?`/`&` before the name finds pairs inside an encoded URL
        // (a magnet's `tr=`); a non-sensitive value is searched again for such nested pairs.
        let pair = #/(?i)((?:%3F|%26)?)([A-Za-z0-9_.\-\[\]]+)(=|%3D)([^&\s"'<>#;,)]*)/#
        return text.replacing(pair) { match in
            let (_, prefix, name, separator, value) = match.output
            guard isSensitiveName(name.replacing("[]", with: "")), !value.isEmpty else {
                return "\(prefix)\(name)\(separator)\(redactPairs(String(value)))"
            }
            return "\(prefix)\(name)\(separator)\(mask)"
        }
    }
}
