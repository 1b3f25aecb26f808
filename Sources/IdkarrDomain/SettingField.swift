/// One field of a configurable thing's settings (a metadata provider, an indexer), described for
/// the form the UI renders from it. A `secret` field is shown as a password box and never
/// returned in clear once saved.
public struct SettingField: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case text, secret, url, number, checkbox, select, multiSelect, tags }

    /// A choice of a `select` or `multiSelect` field.
    public struct Option: Sendable, Equatable, Codable {
        public var value: String
        public var label: String
        public init(value: String, label: String) {
            self.value = value
            self.label = label
        }
    }

    public var name: String
    public var label: String
    public var kind: Kind
    public var required: Bool
    public var help: String?
    public var defaultValue: String?
    public var options: [Option]?
    /// Shown only when the user asks for advanced settings.
    public var advanced: Bool

    public init(name: String, label: String, kind: Kind, required: Bool = false, help: String? = nil, defaultValue: String? = nil,
                options: [Option]? = nil, advanced: Bool = false) {
        self.name = name
        self.label = label
        self.kind = kind
        self.required = required
        self.help = help
        self.defaultValue = defaultValue
        self.options = options
        self.advanced = advanced
    }
}
