import IdkarrDomain

/// The settings form of an indexer, as the UI renders it.
public enum IndexerFields {
    public static func fields(for kind: IndexerKind) -> [SettingField] {
        var fields = [
            SettingField(name: "name", label: "Name", kind: .text, required: true),
            SettingField(name: "baseURL", label: "URL", kind: .url, required: true, help: "The indexer's address, such as https://indexer.example."),
            SettingField(name: "apiPath", label: "API path", kind: .text, defaultValue: "/api", advanced: true),
            SettingField(name: "apiKey", label: "API key", kind: .secret, help: "From your profile page at the indexer."),
            SettingField(name: "tvCategories", label: "TV categories", kind: .multiSelect,
                         help: "Filled from the indexer's categories once it answers.", defaultValue: "5000"),
            SettingField(name: "animeCategories", label: "Anime categories", kind: .multiSelect, defaultValue: "5070"),
            SettingField(name: "movieCategories", label: "Movie categories", kind: .multiSelect, defaultValue: "2000"),
            SettingField(name: "enableRss", label: "RSS", kind: .checkbox, defaultValue: "true"),
            SettingField(name: "enableAutomaticSearch", label: "Automatic search", kind: .checkbox, defaultValue: "true"),
            SettingField(name: "enableInteractiveSearch", label: "Interactive search", kind: .checkbox, defaultValue: "true"),
            SettingField(name: "priority", label: "Priority", kind: .number, help: "1 is asked first, 50 last.", defaultValue: "25", advanced: true),
            SettingField(name: "tags", label: "Tags", kind: .tags, help: "Used only for titles with one of these tags."),
            SettingField(name: "additionalParameters", label: "Additional parameters", kind: .text, help: "Added to every request, such as &extended=1.",
                         advanced: true),
        ]
        if kind.isTorrent {
            fields += [
                SettingField(name: "minimumSeeders", label: "Minimum seeders", kind: .number, defaultValue: "1"),
                SettingField(name: "seedRatio", label: "Seed ratio", kind: .number, help: "Empty: the download client's default.", advanced: true),
                SettingField(name: "seedTimeMinutes", label: "Seed time (minutes)", kind: .number, advanced: true),
            ]
        }
        return fields
    }
}
