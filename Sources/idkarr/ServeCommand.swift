import ArgumentParser
import Foundation
import Hummingbird
import IdkarrApp
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the web UI and the API (the default).")

    @Option(help: "Address to listen on (env IDKARR_HOST; default 0.0.0.0).") var host: String?
    @Option(help: "Port to listen on (env IDKARR_PORT; default 7979).") var port: Int?
    @Option(help: "The data folder (env IDKARR_DATA; default ./data).") var data: String?
    @Option(help: "The web UI folder (env IDKARR_WEB; default ./web).") var web: String?
    @Option(help: "trace, debug, info, notice, warning or error (env IDKARR_LOG_LEVEL).") var logLevel: String?

    func run() async throws {
        let config: AppConfiguration
        do {
            config = try AppConfiguration.resolve(host: host, port: port, data: data, web: web, logLevel: logLevel)
        } catch {
            throw ValidationError("\(error)")
        }
        var logger = Logger(label: "idkarr")
        logger.logLevel = Logger.Level(rawValue: config.logLevel) ?? .info
        let services: AppServices
        do {
            services = try await AppServices.open(dataFolder: config.dataFolder, logger: logger)
        } catch {
            FileHandle.standardError.write(Data("idkarr: cannot open the data folder \(config.dataFolder.path): \(error)\n".utf8))
            throw ExitCode(2)
        }
        let startLogger = logger
        let app = buildApplication(config, services: services, logger: logger) { port in
            startLogger.info("idkarr \(IdkarrVersion.current) serving http://\(config.host):\(port) with data in \(config.dataFolder.path)")
        }
        try await app.runService()
    }
}
