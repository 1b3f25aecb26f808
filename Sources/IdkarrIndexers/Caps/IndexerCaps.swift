/// What a Newznab/Torznab indexer says it can do (`t=caps`): limits, search modes with their
/// parameters, categories. Defaults for what the document leaves out follow Sonarr/Radarr's
/// `NewznabCapabilitiesProvider`, so an indexer behaves here as it does there.
public struct IndexerCaps: Sendable, Hashable, Codable {
    /// The search functions of the API and their `t=` value.
    public enum Mode: String, Sendable, Hashable, CaseIterable, Codable, CodingKeyRepresentable {
        case search, tvSearch = "tv-search", movieSearch = "movie-search", audioSearch = "audio-search", bookSearch = "book-search"

        /// The `t=` parameter of the mode.
        public var function: String {
            switch self {
            case .search: "search"
            case .tvSearch: "tvsearch"
            case .movieSearch: "movie"
            case .audioSearch: "music"
            case .bookSearch: "book"
            }
        }

        /// The parameters assumed when the caps say `available="yes"` without `supportedParams`.
        public var defaultParameters: [String] {
            switch self {
            case .search: ["q"]
            case .tvSearch: ["q", "rid", "season", "ep"]
            case .movieSearch: ["q", "imdbid"]
            case .audioSearch: ["q"]
            case .bookSearch: ["q"]
            }
        }
    }

    public struct ModeCaps: Sendable, Hashable, Codable {
        /// Lower-cased parameter names (`q`, `season`, `ep`, `tvdbid`, `imdbid`, …).
        public var parameters: Set<String>
        /// True when the caps listed the parameters (Sonarr then sends every supported id at once).
        public var parametersListed: Bool
        /// `searchEngine` (`sphinx` when not stated; `raw` means exact words).
        public var searchEngine: String

        public init(parameters: Set<String>, parametersListed: Bool, searchEngine: String = "sphinx") {
            self.parameters = parameters
            self.parametersListed = parametersListed
            self.searchEngine = searchEngine
        }

        public func supports(_ parameter: String) -> Bool { parameters.contains(parameter) }
    }

    public struct Category: Sendable, Hashable, Codable {
        public var id: Int
        public var name: String
        public var subcategories: [Category]

        public init(id: Int, name: String, subcategories: [Category] = []) {
            self.id = id
            self.name = name
            self.subcategories = subcategories
        }
    }

    public var serverTitle: String?
    public var serverVersion: String?
    /// Most results one request may ask for (`limits max`); 100 when not stated.
    public var maxPageSize: Int
    /// Results per request when none is asked for (`limits default`); 100 when not stated.
    public var defaultPageSize: Int
    /// Available modes only.
    public var modes: [Mode: ModeCaps]
    public var categories: [Category]

    public init(
        serverTitle: String? = nil, serverVersion: String? = nil, maxPageSize: Int = 100, defaultPageSize: Int = 100,
        modes: [Mode: ModeCaps] = [.search: ModeCaps(parameters: ["q"], parametersListed: false)], categories: [Category] = []
    ) {
        self.serverTitle = serverTitle
        self.serverVersion = serverVersion
        self.maxPageSize = maxPageSize
        self.defaultPageSize = defaultPageSize
        self.modes = modes
        self.categories = categories
    }

    /// Every category id, parents and subcategories, in document order.
    public var allCategoryIds: [Int] {
        categories.flatMap { [$0.id] + $0.subcategories.map(\.id) }
    }
}
