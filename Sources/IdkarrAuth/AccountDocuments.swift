import IdkarrDomain
import IdkarrStore

// Where account documents live in the data folder. Files are mode 0600: sessions and keys are
// stored only as SHA-256 hashes, passwords only as Argon2id hashes, but they are still private.

extension User: StoredDocument {
    public static let collection = "users"
    public static let schemaVersion = 1
}

extension Session: StoredDocument {
    public static let collection = "sessions"
    public static let schemaVersion = 1
}

extension ApiKey: StoredDocument {
    public static let collection = "apikeys"
    public static let schemaVersion = 1
}

extension GeneralSettings: StoredDocument {
    public static let collection = "settings"
    public static let schemaVersion = 1
}
