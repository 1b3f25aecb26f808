/// Sizes written as text: `12341234`, `845 MB`, `5.54 GiB`, `7,162.1MB`, `7,162,100.0KB`.
///
/// Units are binary (KB = KiB = 1024 bytes), as Sonarr reads them; the whole text must be a
/// size (`100 Kbps`, `12341234 other`, a leading space → nil). Cases: `index.json`'s
/// `sizeStringParsing`, from Sonarr's `BasicRssParserFixture`.
public enum ReleaseSize {
    public static func parse(_ text: String) -> Int64? {
        if let bytes = Int64(text), bytes >= 0 { return bytes }
        guard text.utf8.count < 40,
            let match = text.wholeMatch(of: #/(?i)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)? ?([KMGTP]I?B|B)?/#)
        else { return nil }
        let number = String(match.output.1).replacing(",", with: "") + String(match.output.2 ?? "")
        guard let value = Double(number) else { return nil }
        let unit = match.output.3.map { $0.uppercased().first! } ?? "B"
        let power: Double =
            switch unit {
            case "K": 1
            case "M": 2
            case "G": 3
            case "T": 4
            case "P": 5
            default: 0
            }
        let bytes = (value * pow1024(power)).rounded()
        guard bytes < 9e18 else { return nil }
        return Int64(bytes)
    }

    private static func pow1024(_ power: Double) -> Double {
        var result = 1.0
        var k = 0.0
        while k < power {
            result *= 1024
            k += 1
        }
        return result
    }
}
