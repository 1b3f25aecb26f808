import IdkarrDomain
import IdkarrStore

// Where each library document lives in the data folder, and its schema version.
// Migrations are append-only: add one to a type's list and bump its schemaVersion.

extension Instance: StoredDocument {
    public static let collection = "instances"
    public static let schemaVersion = 1
}

extension RootFolder: StoredDocument {
    public static let collection = "rootfolders"
    public static let schemaVersion = 1
}

extension Tag: StoredDocument {
    public static let collection = "tags"
    public static let schemaVersion = 1
}

extension QualityDefinition: StoredDocument {
    public static let collection = "qualitydefinitions"
    public static let schemaVersion = 1
}

extension QualityProfile: StoredDocument {
    public static let collection = "qualityprofiles"
    public static let schemaVersion = 1
}

extension Media: StoredDocument {
    public static let collection = "media"
    public static let schemaVersion = 1
}
