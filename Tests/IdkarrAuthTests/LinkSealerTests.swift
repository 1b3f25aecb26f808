import Foundation
import Testing

@testable import IdkarrAuth

@Suite("HMAC-SHA-256 and sealed links")
struct LinkSealerTests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// RFC 4231 test cases 1, 2 and 6 (a key longer than a block).
    @Test func rfc4231() {
        #expect(Self.hex(HMACSHA256.authenticate(Array("Hi There".utf8), key: [UInt8](repeating: 0x0B, count: 20)))
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(Self.hex(HMACSHA256.authenticate(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(Self.hex(HMACSHA256.authenticate(Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
                                                 key: [UInt8](repeating: 0xAA, count: 131)))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func sealsAndOpensWithoutShowingTheLink() {
        let sealer = LinkSealer(secret: [UInt8](repeating: 7, count: 32))
        let link = "https://indexer.example/getnzb/abc.nzb?i=1&r=SECRETKEY0123456789&ünïcode"
        let token = sealer.seal(link)
        #expect(!token.contains("SECRETKEY") && !token.contains("indexer"))
        #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(sealer.open(token) == link)
        #expect(sealer.seal(link) != token, "a fresh nonce each time")
        #expect(sealer.open(sealer.seal("")) == "")
        let long = String(repeating: "x", count: 3000)
        #expect(sealer.open(sealer.seal(long)) == long)
    }

    @Test func refusesWhatItDidNotSeal() {
        let sealer = LinkSealer(secret: [UInt8](repeating: 7, count: 32))
        let other = LinkSealer(secret: [UInt8](repeating: 8, count: 32))
        let token = sealer.seal("https://indexer.example/x")
        #expect(other.open(token) == nil)
        var bytes = Array(token.utf8)
        for position in [0, bytes.count / 2, bytes.count - 1] {
            var changed = bytes
            changed[position] = changed[position] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            #expect(sealer.open(String(decoding: changed, as: UTF8.self)) == nil)
        }
        bytes.removeLast()
        #expect(sealer.open(String(decoding: bytes, as: UTF8.self)) == nil)
        for junk in ["", "a", "!!!!", String(repeating: "A", count: 10_000), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"] {
            #expect(sealer.open(junk) == nil)
        }
    }
}
