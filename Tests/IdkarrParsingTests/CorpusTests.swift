import Foundation
import Testing

/// Every Sonarr and Radarr parser test case, run against our parser. A case listed in
/// KnownFailures.json must fail (so the list only shrinks); any other case must pass.
@Suite("Parser corpus") struct CorpusTests {
    @Test("fixtures load", .tags()) func fixturesLoad() {
        #expect(Fixtures.all.count == 1693 + 1165)
    }

    @Test("fixture case", arguments: Fixtures.all)
    func fixtureCase(_ c: FixtureCase) {
        let failures = FixtureCheck.run(c)
        let known = Fixtures.knownFailures[c.id]
        if let known {
            #expect(known.title == c.title, "KnownFailures.json entry \(c.id) names another title")
            #expect(!failures.isEmpty, "\(c.id) \(c.title) now passes: remove it from KnownFailures.json")
        } else {
            #expect(failures.isEmpty, "\(c.id) [\(c.function)] \(c.title): \(failures.joined(separator: "; "))")
        }
    }

    @Test("pass rate is at least 99 %")
    func passRate() {
        let failed = Fixtures.all.filter { !FixtureCheck.run($0).isEmpty }.count
        let total = Fixtures.all.count
        let rate = Double(total - failed) / Double(total)
        if let path = ProcessInfo.processInfo.environment["PARSE_REPORT"] {
            writeReport(to: path)
        }
        #expect(rate >= 0.99, "pass rate \(total - failed)/\(total) = \(rate)")
    }

    func writeReport(to path: String) {
        var lines: [String] = []
        for c in Fixtures.all {
            let f = FixtureCheck.run(c)
            if !f.isEmpty { lines.append("\(c.id)\t\(c.kind)\t\(c.function)\t\(c.title)\t\(f.joined(separator: "; "))") }
        }
        try? lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}

extension FixtureCase: CustomTestStringConvertible {}
