import Foundation
import IdkarrDomain
import Testing

@testable import IdkarrMetadata

@Suite struct LookupIDTests {
    @Test(arguments: [
        ("tmdb:603", LookupID.tmdb(603)), ("tvdb:121361", .tvdb(121361)), ("imdb:tt0133093", .imdb("tt0133093")),
        ("tvmaze:82", .tvmaze(82)), ("TMDB: 603", .tmdb(603)), (" imdb:TT0944947 ", .imdb("tt0944947")),
        ("tt0133093", .imdb("tt0133093")), ("tvdb:81189", .tvdb(81189)),
    ])
    func parsesIds(text: String, expected: LookupID) throws {
        #expect(try LookupID.parse(text) == expected)
        #expect(try LookupID.parse(expected.description) == expected)
    }

    @Test(arguments: [
        ("tmdb:abc", "positive whole number"), ("tmdb:-5", "positive whole number"), ("tmdb:0", "positive whole number"),
        ("tvdb:", "positive whole number"), ("imdb:0133093", "\"tt\" and at least 7 digits"), ("imdb:tt12", "at least 7 digits"),
        ("anidb:123", "unknown source \"anidb\""), ("603", "expected a source and an id"),
        ("tmdb:99999999999999999999", "positive whole number"),
    ])
    func rejectsJunk(text: String, reason: String) {
        let error = #expect(throws: MetadataError.self) { try LookupID.parse(text) }
        #expect(error?.code == .invalidQuery)
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
    }

    @Test func queryParsing() throws {
        #expect(try MetadataQuery.parse("tmdb:603", kind: .movie) == .id(.tmdb(603), kind: .movie))
        #expect(try MetadataQuery.parse("The Matrix (1999)", kind: .movie) == .title("The Matrix", year: 1999, kind: .movie))
        #expect(try MetadataQuery.parse("Blade Runner 2049", kind: .movie) == .title("Blade Runner 2049", year: nil, kind: .movie))
        #expect(try MetadataQuery.parse("Star Trek: Discovery", kind: .series) == .title("Star Trek: Discovery", year: nil, kind: .series))
        #expect(throws: MetadataError.self) { try MetadataQuery.parse("   ", kind: .series) }
        #expect(throws: MetadataError.self) { try MetadataQuery.parse("tvdb:x", kind: .series) }
    }
}

@Suite struct HelperTests {
    @Test func htmlBecomesPlainText() {
        #expect(HTMLText.plain("<p>Based on <i>A Song of Ice and Fire</i> by George R.R. Martin.</p>")
                == "Based on A Song of Ice and Fire by George R.R. Martin.")
        #expect(HTMLText.plain("<p>Tom &amp; Jerry&#39;s &quot;big&quot; day&#x21; &lt;b&gt;</p><p>Second.</p>")
                == "Tom & Jerry's \"big\" day! <b>\nSecond.")
        #expect(HTMLText.plain("<p>\u{a0}</p>") == nil)
        #expect(HTMLText.plain("<script>alert(1)</script>x") == "alert(1)x")
        #expect(HTMLText.plain("AT&T & co &unknown; 1 < 2") == "AT&T & co &unknown; 1 < 2")
        #expect(HTMLText.plain(nil) == nil)
        #expect(HTMLText.plain("First  line\r\nSecond\r</p>\r\n\r\n\r\nThird&nbsp;&#160;part\u{a0}end") == "First line\nSecond\n\nThird part end",
                "Windows line ends are line ends; no-break spaces are spaces")
        #expect(HTMLText.plain("Amélie <i>et</i> 日本語 😀<br/>x") == "Amélie et 日本語 😀\nx")
    }

    @Test func airTimes() {
        let stamp = AirDates.instant("2010-12-06T02:00:00+00:00")
        #expect(stamp == Date(timeIntervalSince1970: 1_291_600_800))
        #expect(AirDates.instant("2010-12-05T21:00:00-05:00") == stamp)
        #expect(AirDates.instant(date: "2010-12-05", time: "21:00", timeZone: "America/New_York") == stamp)
        #expect(AirDates.instant(date: "2011-07-05", time: "21:00", timeZone: "America/New_York")
                == AirDates.instant("2011-07-06T01:00:00Z"), "daylight saving time")
        #expect(AirDates.instant(date: "2010-12-05", time: "", timeZone: "America/New_York") == nil)
        #expect(AirDates.instant(date: "2010-12-05", time: "21:00", timeZone: "Mars/Olympus") == nil)
        #expect(AirDates.instant("yesterday") == nil)
    }

    @Test func retryAfterValues() {
        let now = Date(timeIntervalSince1970: 1_445_412_470)  // Wed, 21 Oct 2015 07:27:50 GMT
        #expect(RetryPolicy.retryAfter("7", now: now) == .seconds(7))
        #expect(RetryPolicy.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now: now) == .seconds(10))
        #expect(RetryPolicy.retryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now: now) == .seconds(0))
        #expect(RetryPolicy.retryAfter("soon", now: now) == nil)
        #expect(RetryPolicy.retryAfter("-3", now: now) == nil)
        #expect(RetryPolicy.retryAfter(nil, now: now) == nil)
        let policy = RetryPolicy()
        #expect([1, 2, 3, 4, 5, 6].map(policy.backoff(afterAttempt:)) == [1, 2, 4, 8, 16, 16].map { Duration.seconds($0) })
    }

    @Test func queryEncoding() {
        #expect(URLBuilder.url("http://h/3/", "/search/tv", [("query", "Tom & Jerry é"), ("api_key", "k")])
                == "http://h/3/search/tv?query=Tom%20%26%20Jerry%20%C3%A9&api_key=k")
    }

    @Test func settingsHideTheKey() {
        let settings = TMDBSettings(apiKey: "0123456789abcdef")
        #expect(!"\(settings)".contains("0123456789abcdef"))
        #expect(TMDBSettings.fields.first { $0.name == "apiKey" }?.kind == .secret)
        #expect(settings.validate().isEmpty)
        #expect(TMDBSettings(apiKey: " ", language: "english").validate().map(\.field) == ["apiKey", "language"])
        #expect(TVmazeSettings().requestInterval == .milliseconds(500), "TVmaze allows about 20 calls per 10 s")
    }
}
