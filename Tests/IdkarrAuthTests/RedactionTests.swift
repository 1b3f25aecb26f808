import IdkarrDomain
import Testing

@Suite struct RedactionTests {
    @Test(arguments: [
        // query parameters
        ("https://indexer.example/api?t=search&apikey=secret&q=foo",
         "https://indexer.example/api?t=search&apikey=***&q=foo"),
        ("https://api.themoviedb.org/3/movie/550?api_key=abc123", "https://api.themoviedb.org/3/movie/550?api_key=***"),
        ("http://t.example/rss?passkey=0123abcd&cat=5000", "http://t.example/rss?passkey=***&cat=5000"),
        ("http://x/?ApiKey=S&TOKEN=T&Password=P&auth=A&key=K", "http://x/?ApiKey=***&TOKEN=***&Password=***&auth=***&key=***"),
        ("http://x/?access_token=a&client_secret=b&rssPasskey=c", "http://x/?access_token=***&client_secret=***&rssPasskey=***"),
        ("http://x/?sortKey=title&page=2&q=monkey", "http://x/?sortKey=title&page=2&q=monkey"),
        ("http://x/?apikey=&t=caps", "http://x/?apikey=&t=caps"),
        ("http://x/a#apikey=frag", "http://x/a#apikey=***"),
        // credentials in the authority
        ("http://admin:hunter2@qbit.lan:8080/api/v2", "http://admin:***@qbit.lan:8080/api/v2"),
        ("https://ghp_token123@host.example/repo", "https://***@host.example/repo"),
        ("http://host:8080/path?email=a@b.c", "http://host:8080/path?email=a@b.c"),
        // path secrets
        ("https://tracker.example/0123456789abcdef0123/announce", "https://tracker.example/***/announce"),
        ("https://t.example/rss/passkey/ab12cd34/feed.xml", "https://t.example/rss/passkey/***/feed.xml"),
        ("https://t.example/download/123/announce", "https://t.example/download/123/announce"),
        // magnet with an encoded tracker URL
        ("magnet:?xt=urn:btih:abc&tr=https%3A%2F%2Ft.example%2Fannounce%3Fpasskey%3Dsecretpk",
         "magnet:?xt=urn:btih:abc&tr=https%3A%2F%2Ft.example%2Fannounce%3Fpasskey%3D***"),
    ])
    func urls(input: String, expected: String) {
        #expect(Redaction.url(input) == expected)
        #expect(Redaction.url(expected) == expected, "idempotent")
    }

    @Test(arguments: [
        ("Authorization: Bearer eyJhbGciOi.abc.def", "Authorization: ***"),
        ("X-Api-Key: 0123456789abcdef", "X-Api-Key: ***"),
        ("cookie: SID=abc; other=1", "cookie: ***"),
        ("Set-Cookie: session=xyz; HttpOnly", "Set-Cookie: ***"),
        ("Content-Type: application/json", "Content-Type: application/json"),
        ("GET /x\nAuthorization: Basic YWRtaW46YWRtaW4=\nAccept: */*",
         "GET /x\nAuthorization: ***\nAccept: */*"),
        ("sent header Bearer abcdefgh12345 to host", "sent header Bearer *** to host"),
        ("Basic authentication failed for user", "Basic authentication failed for user"),
        ("Digest username=\"a\", response=\"b\"", "Digest ***"),
        (#"{"apiKey":"s3cr3t","name":"Jackett"}"#, #"{"apiKey":"***","name":"Jackett"}"#),
        (#"{"password" : "p\"w", "user": "bob"}"#, #"{"password" : "***", "user": "bob"}"#),
        ("login failed: password=hunter2 user=bob", "login failed: password=*** user=bob"),
        ("Connection refused by qbit.lan:8080", "Connection refused by qbit.lan:8080"),
        ("Error: timeout after 30s", "Error: timeout after 30s"),
        ("", ""),
    ])
    func text(input: String, expected: String) {
        #expect(Redaction.text(input) == expected)
        #expect(Redaction.text(expected) == expected, "idempotent")
    }

    @Test func urlInsideAMessage() {
        let message = "GET https://user:pw@indexer.example/api?apikey=secret&t=caps failed: HTTP 500"
        let redacted = Redaction.text(message)
        #expect(redacted == "GET https://user:***@indexer.example/api?apikey=***&t=caps failed: HTTP 500")
        #expect(!redacted.contains("secret"))
        #expect(!redacted.contains(":pw@"))
    }

    @Test(arguments: [
        ("Authorization", true), ("X-Api-Key", true), ("cookie", true), ("Proxy-Authorization", true),
        ("X-Plex-Token", true), ("passkey", true), ("api_key", true), ("torrent_pass", true),
        ("Content-Type", false), ("Accept", false), ("t", false), ("q", false), ("cat", false), ("sortKey", false),
        ("", false),
    ])
    func sensitiveNames(name: String, sensitive: Bool) {
        #expect(Redaction.isSensitiveName(name) == sensitive)
    }

    @Test func headerValues() {
        #expect(Redaction.headerValue(name: "X-Api-Key", value: "abc") == "***")
        #expect(Redaction.headerValue(name: "Accept", value: "application/json") == "application/json")
        #expect(Redaction.headerValue(name: "Location", value: "http://x/?apikey=k") == "http://x/?apikey=***")
    }
}
