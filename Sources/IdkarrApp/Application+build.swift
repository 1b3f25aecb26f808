import Foundation
import Hummingbird
import IdkarrAuth
import IdkarrHTTP
import IdkarrLibrary
import IdkarrStore
import Logging

public enum IdkarrVersion {
    public static let current = "0.1.0"
}

/// The running pieces of idkarr over one data folder: used by `serve` and by the tests.
public struct AppServices: Sendable {
    public let folder: DataFolder
    public let library: Library
    public let accounts: Accounts

    /// Opens (and locks) the data folder and loads everything into memory.
    public static func open(dataFolder: URL, logger: Logger, hasher: PasswordHasher = PasswordHasher()) async throws -> AppServices {
        let folder = try DataFolder.open(at: dataFolder, logger: logger)
        let library = try await Library.open(in: folder, logger: logger)
        let accounts = try await Accounts.open(in: folder, logger: logger, hasher: hasher)
        return AppServices(folder: folder, library: library, accounts: accounts)
    }
}

/// Builds the real application from configuration, the way production runs it.
public func buildApplication(
    _ config: AppConfiguration, services: AppServices, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let http = HTTPServices(folder: services.folder, library: services.library, accounts: services.accounts,
                            version: IdkarrVersion.current, startTime: Date(), webRoot: config.webRoot.path, logger: logger)
    let router = buildRouter(http)
    return Application(
        router: router,
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "idkarr"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? config.port) },
        logger: logger
    )
}
