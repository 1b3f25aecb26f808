import CArgon2
import Dispatch

/// Argon2id password hashing over libargon2.
///
/// Hashes are PHC strings that carry their own parameters and salt:
/// `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>` (16-byte random salt, 32-byte hash, both
/// unpadded standard base64). Verification reads the parameters from the string, so raising
/// the defaults later keeps old hashes valid; `needsRehash` tells the caller to re-hash on the
/// next successful login.
///
/// Cost: one hash with the defaults takes tens of milliseconds of one core and ~19 MiB of memory.
/// The `async` methods therefore (1) run libargon2 on a Dispatch global queue, not on the Swift
/// cooperative pool, so request handling keeps going while a hash runs, and (2) admit at most
/// `maxConcurrentHashes` at once (default 2, one per core on the target box) with at most
/// `maxWaiting` queued behind them; beyond that they fail fast with `.busy` so a login flood
/// can't pile up unbounded memory and latency. The `…Blocking` variants are for the CLI and tests.
public struct PasswordHasher: Sendable {
    public struct Parameters: Sendable, Hashable, CustomStringConvertible {
        /// Memory cost in KiB (`m`).
        public var memoryKiB: UInt32
        /// Number of passes (`t`).
        public var iterations: UInt32
        /// Lanes (`p`).
        public var parallelism: UInt32

        public init(memoryKiB: UInt32, iterations: UInt32, parallelism: UInt32) {
            self.memoryKiB = memoryKiB
            self.iterations = iterations
            self.parallelism = parallelism
        }

        /// OWASP Password Storage Cheat Sheet's minimum for Argon2id: 19 MiB, 2 passes, 1 lane.
        public static let owaspMinimum = Parameters(memoryKiB: 19_456, iterations: 2, parallelism: 1)
        public static let `default` = owaspMinimum

        public var description: String { "m=\(memoryKiB),t=\(iterations),p=\(parallelism)" }

        /// Limits applied to parameters read from a stored hash, so a damaged or hostile hash
        /// string can't make verification allocate gigabytes or run for minutes.
        static let accepted = (memoryKiB: UInt32(8)...UInt32(1 << 20), iterations: UInt32(1)...64, parallelism: UInt32(1)...16)

        var isAcceptable: Bool {
            Self.accepted.memoryKiB.contains(memoryKiB) && Self.accepted.iterations.contains(iterations)
                && Self.accepted.parallelism.contains(parallelism) && memoryKiB >= 8 * parallelism
        }
    }

    public static let saltLength = 16
    public static let hashLength = 32
    /// Longer passwords are refused (not truncated): hashing cost grows with length.
    public static let maxPasswordBytes = 4096

    public let parameters: Parameters
    private let gate: ConcurrencyGate

    public init(parameters: Parameters = .default, maxConcurrentHashes: Int = 2, maxWaiting: Int = 64) {
        precondition(parameters.isAcceptable, "Argon2id parameters out of range: \(parameters)")
        self.parameters = parameters
        self.gate = ConcurrencyGate(limit: max(1, maxConcurrentHashes), maxWaiting: max(0, maxWaiting))
    }

    // MARK: async (for request handlers)

    /// Hashes `password` with a fresh random salt, off the cooperative pool.
    /// - Throws: `PasswordHasherError` (`.passwordTooLong`, `.busy`, `.cancelled`, `.internalFailure`).
    public func hash(_ password: String) async throws -> String {
        let bytes = try Self.checkedBytes(password)
        let salt = Self.randomSalt()
        let parameters = self.parameters
        return try await limited {
            try Self.encode(password: bytes, salt: salt, parameters: parameters)
        }
    }

    /// True when `password` matches `encoded`. A malformed or non-Argon2id `encoded` is false.
    /// - Throws: `PasswordHasherError` `.busy` or `.cancelled` only.
    public func verify(_ password: String, against encoded: String) async throws -> Bool {
        try await limited { Self.verifyNow(password, against: encoded) }
    }

    /// Spends the same time as a real verification and returns nothing: call it when the account
    /// does not exist, so response timing does not reveal which account names exist.
    public func verifyAbsentAccount(_ password: String) async throws {
        _ = try await verify(password, against: dummyHash)
    }

    // MARK: blocking (CLI, tests)

    public func hashBlocking(_ password: String) throws -> String {
        try Self.encode(password: Self.checkedBytes(password), salt: Self.randomSalt(), parameters: parameters)
    }

    public func verifyBlocking(_ password: String, against encoded: String) -> Bool {
        Self.verifyNow(password, against: encoded)
    }

    // MARK: inspection

    /// True when `encoded` was made with other parameters or sizes than this hasher's (or does
    /// not parse): after a successful login, hash the password again and store the new string.
    public func needsRehash(_ encoded: String) -> Bool {
        guard let phc = PHCString(encoded) else { return true }
        return phc.parameters != parameters || phc.saltLength != Self.saltLength || phc.hashLength != Self.hashLength
    }

    /// The parameters recorded in `encoded`, or nil if it is not a valid Argon2id v1.3 string.
    public static func parameters(of encoded: String) -> Parameters? {
        PHCString(encoded)?.parameters
    }

    // MARK: internals

    private var dummyHash: String {
        // A well-formed string with this hasher's parameters; argon2 computes the full hash
        // before comparing, so the cost matches a real verification.
        let zeros = PHCString.base64([UInt8](repeating: 0, count: Self.hashLength))
        let salt = PHCString.base64([UInt8](repeating: 0x5a, count: Self.saltLength))
        return "$argon2id$v=19$\(parameters)$\(salt)$\(zeros)"
    }

    private func limited<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await gate.acquire()
        // Runs to completion even if the task is cancelled meanwhile: libargon2 can't be
        // interrupted, and the slot must be given back only once the core is free again.
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, any Error>, Never>) in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { try work() })
            }
        }
        await gate.release()
        return try result.get()
    }

    private static func checkedBytes(_ password: String) throws -> [UInt8] {
        let bytes = Array(password.utf8)
        guard bytes.count <= maxPasswordBytes else {
            throw PasswordHasherError(.passwordTooLong, "Passwords longer than \(maxPasswordBytes) bytes are not accepted.")
        }
        return bytes
    }

    private static func randomSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return SecretToken.randomBytes(count: saltLength, using: &generator)
    }

    private static func encode(password: [UInt8], salt: [UInt8], parameters p: Parameters) throws -> String {
        let length = argon2_encodedlen(
            p.iterations, p.memoryKiB, p.parallelism, UInt32(salt.count), UInt32(hashLength), Argon2_id)
        var buffer = [CChar](repeating: 0, count: length + 1)
        let code = password.withUnsafeBytes { pwd in
            salt.withUnsafeBytes { saltBytes in
                argon2id_hash_encoded(
                    p.iterations, p.memoryKiB, p.parallelism, pwd.baseAddress, pwd.count,
                    saltBytes.baseAddress, saltBytes.count, hashLength, &buffer, length)
            }
        }
        guard code == ARGON2_OK.rawValue else {
            throw PasswordHasherError(.internalFailure, "Argon2id hashing failed: \(argon2Message(code)).")
        }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func verifyNow(_ password: String, against encoded: String) -> Bool {
        // Parse first: refuses garbage and out-of-range costs before libargon2 sees them.
        guard PHCString(encoded) != nil, password.utf8.count <= maxPasswordBytes else { return false }
        let bytes = Array(password.utf8)
        let code = bytes.withUnsafeBytes { pwd in
            argon2id_verify(encoded, pwd.baseAddress, pwd.count)
        }
        return code == ARGON2_OK.rawValue
    }

    private static func argon2Message(_ code: Int32) -> String {
        guard let message = argon2_error_message(code) else { return "error \(code)" }
        return String(cString: message)
    }
}

public struct PasswordHasherError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        case passwordTooLong
        /// Too many hashes running and queued: answer 503 / 429 and let the client retry.
        case busy
        case cancelled
        case internalFailure
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
