import Testing

@testable import IdkarrParsing

@Suite("Byte search")
struct TextTests {
    @Test(
        "containsBytes finds a needle wherever it starts, including needles that overlap themselves",
        arguments: [
            ("aaab", "aab", true), ("xx.c.com", ".com", true), ("a]]b[", "][", false), ("a]][b", "][", true),
            ("Show  Title", "  ", true), ("abab", "abb", false), ("ab", "abc", false), ("★ title", "★", true), ("", "a", false),
        ])
    func containsBytes(haystack: String, needle: String, expected: Bool) {
        #expect(Text.containsBytes(haystack, Array(needle.utf8)) == expected)
        #expect(contains(haystack, needle) == expected, "the table agrees with a plain byte search")
    }

    /// Every position compared in full: the obvious way, as the reference.
    private func contains(_ s: String, _ n: String) -> Bool {
        let h = Array(s.utf8), m = Array(n.utf8)
        guard m.count <= h.count else { return false }
        return (0...(h.count - m.count)).contains { Array(h[$0..<($0 + m.count)]) == m }
    }
}
