import IdkarrStore

/// HMAC-SHA-256 (RFC 2104) over this module's SHA-256.
public enum HMACSHA256 {
    public static func authenticate(_ message: some Sequence<UInt8>, key: [UInt8]) -> [UInt8] {
        var block = key.count > SHA256.blockLength ? SHA256.hash(key) : key
        block += [UInt8](repeating: 0, count: SHA256.blockLength - block.count)
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        inner.update(message)
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5C })
        outer.update(inner.finalize())
        return outer.finalize()
    }
}

/// Seals a link (an indexer's download URL, which holds the indexer's API key) into an opaque
/// URL-safe token that only this server can open, and refuses any token it did not make.
///
/// Encrypt-then-MAC with HMAC-SHA-256 only: a random 16-byte nonce; the keystream is
/// HMAC(encryptionKey, nonce ‖ counter) block by block (HMAC as a PRF in counter mode); the tag
/// is HMAC(macKey, nonce ‖ ciphertext), checked in constant time before anything is decrypted.
/// The two keys are derived from one 256-bit secret kept in the data folder (`link-key`, 0600).
public struct LinkSealer: Sendable {
    let encryptionKey: [UInt8]
    let macKey: [UInt8]
    static let nonceLength = 16, tagLength = 32
    /// Longer tokens are refused unread.
    public static let maxTokenLength = 8192

    public init(secret: [UInt8]) {
        encryptionKey = HMACSHA256.authenticate(Array("idkarr link encryption".utf8), key: secret)
        macKey = HMACSHA256.authenticate(Array("idkarr link authentication".utf8), key: secret)
    }

    /// The sealer of a data folder: its secret is made once and kept in `link-key`.
    public static func open(in folder: DataFolder) async throws -> LinkSealer {
        let documents = try await folder.collection(LinkKey.self)
        if let key = documents.all().first, let secret = Base64URL.decode(key.body.secret), secret.count == 32 {
            return LinkSealer(secret: secret)
        }
        let secret = SecretToken.generate()
        _ = try await documents.create(LinkKey(secret: secret.value))
        return LinkSealer(secret: Base64URL.decode(secret.value) ?? [])
    }

    public func seal(_ link: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let nonce = (0..<Self.nonceLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let sealed = nonce + crypt(Array(link.utf8), nonce: nonce)
        return Base64URL.encode(sealed + HMACSHA256.authenticate(sealed, key: macKey))
    }

    /// The link, or nil when the token was not made by this sealer (or was changed).
    public func open(_ token: String) -> String? {
        guard token.utf8.count <= Self.maxTokenLength, let bytes = Base64URL.decode(token),
              bytes.count >= Self.nonceLength + Self.tagLength,
              Base64URL.encode(bytes) == token  // only the canonical spelling: one token per link
        else { return nil }
        let sealed = Array(bytes.dropLast(Self.tagLength)), tag = Array(bytes.suffix(Self.tagLength))
        let expected = HMACSHA256.authenticate(sealed, key: macKey)
        guard zip(tag, expected).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0 else { return nil }
        let nonce = Array(sealed.prefix(Self.nonceLength))
        return String(validating: crypt(Array(sealed.dropFirst(Self.nonceLength)), nonce: nonce), as: UTF8.self)
    }

    /// XOR with the keystream (the same operation encrypts and decrypts).
    private func crypt(_ bytes: [UInt8], nonce: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var counter: UInt32 = 0
        while out.count < bytes.count {
            let block = HMACSHA256.authenticate(nonce + withUnsafeBytes(of: counter.bigEndian, Array.init), key: encryptionKey)
            for byte in block where out.count < bytes.count { out.append(bytes[out.count] ^ byte) }
            counter += 1
        }
        return out
    }
}

/// The secret behind `LinkSealer`, one document (mode 0600 like every document).
struct LinkKey: Codable, Sendable, StoredDocument {
    static let collection = "link-key"
    static let schemaVersion = 1
    var secret: String
}
