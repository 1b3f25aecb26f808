import Testing

@testable import IdkarrAuth

@Suite struct SecretTokenTests {
    static let base64URLAlphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    @Test func base64URLTokens() {
        let token = SecretToken.generate()
        #expect(token.value.count == 43)
        #expect(token.value.allSatisfy { Self.base64URLAlphabet.contains($0) })
        #expect(SecretToken.isWellFormed(token.value))
        #expect(!SecretToken.isWellFormed(token.value + "A"))
        #expect(!SecretToken.isWellFormed(String(token.value.dropLast()) + "="))
    }

    @Test func hexTokens() {
        let token = SecretToken.generate(encoding: .hex)
        #expect(token.value.count == 64)
        #expect(token.value.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(SecretToken.isWellFormed(token.value, encoding: .hex))
        #expect(!SecretToken.isWellFormed(token.value.uppercased(), encoding: .hex))
    }

    @Test func tokensAreUnique() {
        let tokens = Set((0..<10_000).map { _ in SecretToken.generate().value })
        #expect(tokens.count == 10_000)
    }

    @Test func encodingsOfKnownBytes() {
        let bytes = [UInt8](0..<32)
        #expect(SecretToken(bytes: bytes).value == "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8")
        #expect(SecretToken(bytes: bytes, encoding: .hex).value
            == "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
        #expect(SecretToken(bytes: [0xfb, 0xff], encoding: .base64URL).value == "-_8")
        #expect(Base64URL.decode("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8") == bytes)
        #expect(Base64URL.decode("A") == nil)
        #expect(Base64URL.decode("A+") == nil)
    }

    @Test func hashIsSHA256HexOfTheText() {
        let token = SecretToken(bytes: [UInt8](repeating: 7, count: 32))
        #expect(token.hash == SHA256.hexDigest(token.value))
        #expect(token.hash.count == 64)
        #expect(SecretToken.hash(token.value) == token.hash)
        #expect(SecretToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func descriptionHidesTheValue() {
        let token = SecretToken.generate()
        #expect(!"\(token)".contains(token.value))
        #expect(!String(describing: [token]).contains(token.value))
    }

    @Test func constantTimeEquality() {
        #expect(SecretToken.constantTimeEquals("abc", "abc"))
        #expect(!SecretToken.constantTimeEquals("abc", "abd"))
        #expect(!SecretToken.constantTimeEquals("abc", "ab"))
        #expect(SecretToken.constantTimeEquals("", ""))
        #expect(SecretToken.constantTimeEquals([1, 2, 3] as [UInt8], [1, 2, 3] as [UInt8]))
        #expect(!SecretToken.constantTimeEquals([1, 2, 3] as [UInt8], [1, 2, 4] as [UInt8]))
    }
}
