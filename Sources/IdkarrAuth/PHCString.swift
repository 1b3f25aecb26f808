/// A parsed Argon2id PHC string: `$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>`,
/// salt and hash in standard base64 without padding (the format libargon2 writes).
///
/// Strict on purpose: only Argon2id, version 19 (0x13), parameters within
/// `Parameters.accepted`, salt 8–64 bytes, hash 16–64 bytes. Anything else is nil.
struct PHCString: Equatable {
    let parameters: PasswordHasher.Parameters
    let saltLength: Int
    let hashLength: Int

    init?(_ encoded: String) {
        guard encoded.utf8.count <= 512 else { return nil }
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0].isEmpty, parts[1] == "argon2id", parts[2] == "v=19" else { return nil }
        guard let parameters = Self.parseParameters(parts[3]), parameters.isAcceptable else { return nil }
        guard let saltLength = Self.decodedLength(parts[4]), (8...64).contains(saltLength),
            let hashLength = Self.decodedLength(parts[5]), (16...64).contains(hashLength)
        else { return nil }
        self.parameters = parameters
        self.saltLength = saltLength
        self.hashLength = hashLength
    }

    /// `m=19456,t=2,p=1` in exactly this order, as libargon2 writes and requires.
    private static func parseParameters(_ text: Substring) -> PasswordHasher.Parameters? {
        let fields = text.split(separator: ",", omittingEmptySubsequences: false)
        guard fields.count == 3 else { return nil }
        var values: [UInt32] = []
        for (field, name) in zip(fields, ["m=", "t=", "p="]) {
            guard field.hasPrefix(name) else { return nil }
            let digits = field.dropFirst(2)
            guard !digits.isEmpty, digits.count <= 10, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                !(digits.count > 1 && digits.first == "0"),
                let value = UInt32(digits)
            else { return nil }
            values.append(value)
        }
        return PasswordHasher.Parameters(memoryKiB: values[0], iterations: values[1], parallelism: values[2])
    }

    /// Byte length of unpadded standard base64 text, or nil if it is not such text.
    private static func decodedLength(_ text: Substring) -> Int? {
        let count = text.utf8.count
        guard count > 0, count % 4 != 1 else { return nil }
        let valid = text.utf8.allSatisfy { c in
            (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 43 || c == 47
        }
        return valid ? count * 6 / 8 : nil
    }

    /// Unpadded standard base64 (for building strings in the PHC format).
    static func base64(_ bytes: [UInt8]) -> String {
        Base64URL.encode(bytes).map { c -> Character in
            switch c {
            case "-": "+"
            case "_": "/"
            default: c
            }
        }.reduce(into: "") { $0.append($1) }
    }
}
