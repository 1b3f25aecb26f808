import Foundation
import IdkarrDomain
import Testing

@testable import IdkarrIndexers

@Suite struct BackoffTests {
    @Test func escalatesThenStaysAtADay() {
        let minutes = (1...11).map { Int(IndexerBackoff.delay(afterFailures: $0).components.seconds / 60) }
        #expect(minutes == [1, 5, 15, 30, 60, 180, 360, 720, 1440, 1440, 1440])
    }

    @Test func retryAfterWinsWhenLongerButNeverPastADay() {
        #expect(IndexerBackoff.delay(afterFailures: 1, retryAfter: .seconds(600)) == .seconds(600))
        #expect(IndexerBackoff.delay(afterFailures: 3, retryAfter: .seconds(10)) == .seconds(900))
        #expect(IndexerBackoff.delay(afterFailures: 1, retryAfter: .seconds(7 * 86_400)) == .seconds(86_400))
    }

    @Test func statusFollowsFailuresAndSuccesses() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        var s = IndexerStatus()
        s = IndexerBackoff.failed(s, at: now, reason: "HTTP 503")
        s = IndexerBackoff.failed(s, at: now, reason: "HTTP 503")
        #expect(s.consecutiveFailures == 2 && s.failures == 2 && s.queries == 2)
        #expect(s.disabledUntil == now.addingTimeInterval(300))
        #expect(!IndexerBackoff.isAvailable(s, at: now.addingTimeInterval(299)))
        #expect(IndexerBackoff.isAvailable(s, at: now.addingTimeInterval(300)))
        s = IndexerBackoff.succeeded(s, milliseconds: 120)
        s = IndexerBackoff.succeeded(s, milliseconds: 80)
        #expect(s.consecutiveFailures == 0 && s.disabledUntil == nil && s.queries == 4)
        #expect(s.averageResponseMilliseconds == 100)
    }

    @Test func definitionsAreValidated() {
        var d = IndexerDefinition(name: "NZBgeek", kind: .newznab, baseURL: "https://api.nzbgeek.info", apiKey: "abc123")
        #expect(throws: Never.self) { try d.validate() }
        #expect(d.apiURL == "https://api.nzbgeek.info/api")
        d.baseURL = "ftp://x"
        d.priority = 0
        d.additionalParameters = "&apikey=steal"
        d.tvCategories = [-1]
        let error = #expect(throws: ServiceError.self) { try d.validate() }
        #expect(Set(error?.fieldErrors.map(\.field) ?? []) == ["baseURL", "priority", "additionalParameters", "tvCategories"])
    }

    @Test func theFormHasSeedSettingsOnlyForTorrents() {
        let newznab = Set(IndexerFields.fields(for: .newznab).map(\.name))
        let torznab = Set(IndexerFields.fields(for: .torznab).map(\.name))
        #expect(!newznab.contains("minimumSeeders") && torznab.isSuperset(of: ["minimumSeeders", "seedRatio", "seedTimeMinutes"]))
        #expect(IndexerFields.fields(for: .newznab).first { $0.name == "apiKey" }?.kind == .secret)
    }
}
