import Foundation

/// Settings read once at start, in layers: flags > environment > defaults. Passed down explicitly.
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var dataFolder: URL
    public var webRoot: URL
    public var logLevel: String

    public static let defaultPort = 7979

    public init(host: String = "0.0.0.0", port: Int = defaultPort, dataFolder: URL, webRoot: URL, logLevel: String = "info") {
        self.host = host
        self.port = port
        self.dataFolder = dataFolder
        self.webRoot = webRoot
        self.logLevel = logLevel
    }

    /// Resolves each setting from a flag, else an environment variable, else the default.
    public static func resolve(
        host: String?, port: Int?, data: String?, web: String?, logLevel: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> AppConfiguration {
        let portValue: Int
        if let port { portValue = port } else if let text = environment["IDKARR_PORT"] {
            guard let p = Int(text) else { throw ConfigurationError("IDKARR_PORT must be a number, not \"\(text)\".") }
            portValue = p
        } else { portValue = defaultPort }
        guard (1...65535).contains(portValue) else { throw ConfigurationError("The port must be between 1 and 65535.") }
        let dataPath = data ?? environment["IDKARR_DATA"] ?? "./data"
        let webPath = web ?? environment["IDKARR_WEB"] ?? defaultWebRoot()
        return AppConfiguration(
            host: host ?? environment["IDKARR_HOST"] ?? "0.0.0.0",
            port: portValue,
            dataFolder: URL(fileURLWithPath: dataPath).standardizedFileURL,
            webRoot: URL(fileURLWithPath: webPath).standardizedFileURL,
            logLevel: logLevel ?? environment["IDKARR_LOG_LEVEL"] ?? "info"
        )
    }

    /// `./web` when started from a checkout; else `web/` beside the binary's package (`.build/<config>/idkarr` → `../../web`).
    static func defaultWebRoot() -> String {
        if FileManager.default.fileExists(atPath: "web/index.html") { return "web" }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for up in 1...4 {
            var dir = binary
            for _ in 0..<up { dir.deleteLastPathComponent() }
            let candidate = dir.appendingPathComponent("web")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("index.html").path) { return candidate.path }
        }
        return "web"
    }
}

public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
