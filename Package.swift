// swift-tools-version:6.2
import PackageDescription

// Every dependency is a well-kept server-side Swift package (see README "Dependencies" for why each is here).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "idkarr",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "idkarr", targets: ["idkarr"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // Already under Hummingbird; named so the app can run background work (refresh schedule) as a service.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: [
        // MARK: system libraries
        .systemLibrary(name: "CArgon2", pkgConfig: "libargon2", providers: [.apt(["libargon2-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // MARK: leaf modules (depend on nothing of ours)
        .target(name: "IdkarrParsing", exclude: ["README.md"], swiftSettings: swiftSettings),
        .target(name: "IdkarrDomain", swiftSettings: swiftSettings),
        .target(
            name: "IdkarrStore",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "IdkarrNet",
            dependencies: ["CCurl", "IdkarrDomain", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "IdkarrAuth",
            dependencies: ["CArgon2", "IdkarrDomain", "IdkarrStore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),

        // MARK: features
        .target(
            name: "IdkarrMetadata",
            dependencies: ["IdkarrDomain", "IdkarrNet", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "IdkarrLibrary",
            dependencies: ["IdkarrDomain", "IdkarrStore", "IdkarrParsing", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),

        // Newznab/Torznab indexers: backoff, settings form (and the feed reader and client).
        .target(
            name: "IdkarrIndexers",
            dependencies: ["IdkarrDomain", "IdkarrNet", "IdkarrParsing", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // Which releases are acceptable for a title, and why not (Sonarr-style specifications).
        .target(name: "IdkarrDecisions", dependencies: ["IdkarrDomain", "IdkarrParsing"], swiftSettings: swiftSettings),
        .target(
            name: "IdkarrImport",
            dependencies: ["IdkarrDomain", "IdkarrParsing", "IdkarrLibrary", "IdkarrStore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),

        // Provider answers → library documents (look up, add, refresh, image cache, library import); indexer
        // searches across indexers, RSS sync and the decisions on what they offer.
        .target(
            name: "IdkarrAutomation",
            dependencies: ["IdkarrDomain", "IdkarrStore", "IdkarrLibrary", "IdkarrMetadata", "IdkarrNet", "IdkarrImport",
                           "IdkarrIndexers", "IdkarrDecisions", "IdkarrParsing", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),

        // MARK: edges
        .target(
            name: "IdkarrHTTP",
            dependencies: [
                "IdkarrDomain", "IdkarrStore", "IdkarrAuth", "IdkarrLibrary", "IdkarrParsing", "IdkarrMetadata",
                "IdkarrAutomation", "IdkarrImport", "IdkarrIndexers", "IdkarrDecisions",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "IdkarrApp",
            dependencies: [
                "IdkarrHTTP", "IdkarrLibrary", "IdkarrAuth", "IdkarrStore", "IdkarrDomain", "IdkarrParsing",
                "IdkarrAutomation", "IdkarrMetadata", "IdkarrNet", "IdkarrImport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "idkarr",
            dependencies: [
                "IdkarrApp", "IdkarrParsing", "IdkarrStore", "IdkarrImport", "IdkarrAutomation", "IdkarrLibrary", "IdkarrNet",
                "IdkarrDomain", "IdkarrMetadata", "IdkarrIndexers", "IdkarrAuth", "IdkarrDecisions",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // A child process for the store's crash test: writes documents in a loop and reports each
        // acknowledged write, so the test can SIGKILL it and verify nothing acknowledged was lost.
        .executableTarget(name: "StoreTorture", dependencies: ["IdkarrStore"], swiftSettings: swiftSettings),

        // MARK: tests
        // Fake internet services for the tests: a real local HTTP server replaying recorded answers.
        .target(
            name: "IdkarrTestSupport", dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Tests/IdkarrTestSupport", swiftSettings: swiftSettings
        ),
        .testTarget(name: "IdkarrParsingTests", dependencies: ["IdkarrParsing"], exclude: ["KnownFailures.json"], swiftSettings: swiftSettings),
        .testTarget(name: "IdkarrStoreTests", dependencies: ["IdkarrStore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "IdkarrNetTests",
            dependencies: ["IdkarrNet", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IdkarrMetadataTests",
            dependencies: ["IdkarrMetadata", "IdkarrNet", "IdkarrAutomation", "IdkarrLibrary", "IdkarrStore", "IdkarrTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "IdkarrAuthTests", dependencies: ["IdkarrAuth", "IdkarrStore"], swiftSettings: swiftSettings),
        .testTarget(name: "IdkarrLibraryTests", dependencies: ["IdkarrLibrary", "IdkarrStore", "IdkarrDomain"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "IdkarrIndexersTests", dependencies: ["IdkarrIndexers", "IdkarrNet", "IdkarrDomain", "IdkarrTestSupport"],
                    swiftSettings: swiftSettings),
        .testTarget(
            name: "IdkarrAutomationTests",
            dependencies: ["IdkarrAutomation", "IdkarrIndexers", "IdkarrDecisions", "IdkarrLibrary", "IdkarrStore", "IdkarrDomain",
                           "IdkarrNet", "IdkarrParsing", "IdkarrTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "IdkarrDecisionsTests", dependencies: ["IdkarrDecisions", "IdkarrDomain", "IdkarrParsing"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "IdkarrImportTests", dependencies: ["IdkarrImport", "IdkarrLibrary", "IdkarrStore", "IdkarrDomain", "IdkarrParsing"],
                    swiftSettings: swiftSettings),
        .testTarget(
            name: "IdkarrHTTPTests",
            dependencies: [
                "IdkarrApp", "IdkarrHTTP", "IdkarrIndexers", "IdkarrTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
