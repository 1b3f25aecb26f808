/// One field of a provider's settings, described for the settings form the UI renders.
/// A `secret` field is shown as a password box and never returned in clear once saved.
public struct ProviderSettingField: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case text, secret, url, select }

    public var name: String
    public var label: String
    public var kind: Kind
    public var required: Bool
    public var help: String?
    public var defaultValue: String?

    public init(name: String, label: String, kind: Kind, required: Bool = false, help: String? = nil, defaultValue: String? = nil) {
        self.name = name
        self.label = label
        self.kind = kind
        self.required = required
        self.help = help
        self.defaultValue = defaultValue
    }
}
