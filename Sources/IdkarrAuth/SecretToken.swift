// Random secrets handed to clients: session tokens (cookie values) and API keys.
//
// A token is 256 bits from `SystemRandomNumberGenerator` (getrandom(2) on Linux, arc4random on
// Darwin). The server keeps only `hash` (SHA-256 hex of the token's text), so a copy of the data
// folder does not hold usable credentials. When a client presents a token, look it up by
// `SecretToken.hash(presented)` — a single indexed lookup of a fixed-length digest.

/// A freshly generated secret in its text form. Its `description` never shows the value, so it
/// can't leak into a log by string interpolation; read `value` explicitly to hand it out.
public struct SecretToken: Sendable, CustomStringConvertible {
    public enum Encoding: Sendable, Hashable {
        /// RFC 4648 §5 base64url without padding: 43 characters for 32 bytes. Cookie- and URL-safe.
        case base64URL
        /// Lower-case hex: 64 characters for 32 bytes. Easy to copy from a settings page.
        case hex
    }

    public static let byteCount = 32

    /// The text to give to the client (cookie value, API key). Never store it; store `hash`.
    public let value: String
    public let encoding: Encoding

    /// Wraps existing random bytes (tests, or a caller with its own source of randomness).
    public init(bytes: [UInt8], encoding: Encoding = .base64URL) {
        self.encoding = encoding
        switch encoding {
        case .base64URL: value = Base64URL.encode(bytes)
        case .hex: value = Hex.encode(bytes)
        }
    }

    /// 256 random bits from the system's cryptographic generator.
    public static func generate(encoding: Encoding = .base64URL) -> SecretToken {
        var generator = SystemRandomNumberGenerator()
        return generate(encoding: encoding, using: &generator)
    }

    /// Only pass a cryptographically secure generator; a seeded one is for tests.
    public static func generate(
        encoding: Encoding = .base64URL,
        using generator: inout some RandomNumberGenerator
    ) -> SecretToken {
        SecretToken(bytes: randomBytes(count: byteCount, using: &generator), encoding: encoding)
    }

    /// SHA-256 hex (64 characters) of `value`: what the server stores.
    public var hash: String { Self.hash(value) }

    /// SHA-256 hex of a token as presented by a client; compare with the stored `hash`.
    public static func hash(_ presented: String) -> String {
        SHA256.hexDigest(presented)
    }

    /// A cheap syntactic check before any lookup: right length and alphabet for `encoding`.
    public static func isWellFormed(_ presented: String, encoding: Encoding = .base64URL) -> Bool {
        let utf8 = presented.utf8
        switch encoding {
        case .base64URL:
            return utf8.count == Base64URL.encodedLength(byteCount)
                && utf8.allSatisfy { Base64URL.value(of: $0) != nil }
        case .hex:
            return utf8.count == byteCount * 2 && utf8.allSatisfy(Self.isLowerHex)
        }
    }

    public var description: String { "SecretToken(***)" }

    // MARK: comparison

    /// Compares without an early exit on the first differing byte, so the time taken does not
    /// tell an attacker how much of a guess was right. Lengths are not secret: unequal lengths
    /// return false at once.
    public static func constantTimeEquals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(lhs, rhs) {
            difference |= a ^ b
        }
        return difference == 0
    }

    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        constantTimeEquals(Array(lhs.utf8), Array(rhs.utf8))
    }

    // MARK: helpers

    static func randomBytes(count: Int, using generator: inout some RandomNumberGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 8)
        while bytes.count < count {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) where bytes.count < count {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return bytes
    }

    private static func isLowerHex(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f"))
    }
}

/// RFC 4648 §5 base64url without padding (also the PHC string format's alphabet, minus `+/`).
enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encodedLength(_ byteCount: Int) -> Int {
        (byteCount * 8 + 5) / 6
    }

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(encodedLength(bytes.count))
        var index = 0
        while index < bytes.count {
            let b0 = UInt32(bytes[index])
            let b1 = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
            let b2 = index + 2 < bytes.count ? UInt32(bytes[index + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            let remaining = min(3, bytes.count - index)
            for position in 0...remaining {
                out.append(alphabet[Int((triple >> UInt32(18 - 6 * position)) & 0x3f)])
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        var accumulator: UInt32 = 0
        var bits = 0
        for c in text.utf8 {
            guard let v = value(of: c) else { return nil }
            accumulator = accumulator << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        // A single leftover character (6 bits) can't encode a byte: not a valid length.
        return bits >= 6 ? nil : out
    }

    static func value(of c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): c - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): c - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): 62
        case UInt8(ascii: "_"): 63
        default: nil
        }
    }
}
