import ArgumentParser
import Foundation
import IdkarrApp
import IdkarrAuth
import IdkarrDomain
import IdkarrStore
import Logging

/// `idkarr user create|reset-password`: account recovery from a shell on the server.
/// The server must be stopped (the data folder has one writer).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Create users or reset passwords from a shell (stop the server first).",
        subcommands: [Create.self, ResetPassword.self]
    )

    struct Options: ParsableArguments {
        @Option(help: "The data folder (env IDKARR_DATA; default ./data).") var data: String?
        @Option(help: "Read the password from this environment variable instead of standard input.") var passwordEnv: String?

        var folder: URL {
            URL(fileURLWithPath: data ?? ProcessInfo.processInfo.environment["IDKARR_DATA"] ?? "./data").standardizedFileURL
        }

        /// The password from the named variable, else the first line of standard input.
        func password() throws -> String {
            if let name = passwordEnv {
                guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
                    throw ValidationError("The environment variable \(name) is empty or not set.")
                }
                return value
            }
            FileHandle.standardError.write(Data("Password: ".utf8))
            guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw ValidationError("No password given on standard input.") }
            return line
        }

        func accounts() async throws -> Accounts {
            let logger = Logger(label: "idkarr.user")
            do {
                let folder = try DataFolder.open(at: folder, logger: logger)
                return try await Accounts.open(in: folder, logger: logger)
            } catch {
                throw CLIFailure("cannot open the data folder \(folder.path): \(error)")
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a user (the first user is always an admin).")
        @OptionGroup var options: Options
        @Argument(help: "The username.") var username: String
        @Flag(help: "Make the user an admin.") var admin = false

        func run() async throws {
            let password = try options.password()
            let accounts = try await options.accounts()
            do {
                let user = try await accounts.createUserFromShell(username: username, password: password, role: admin ? .admin : .user)
                print("created \(user.body.username) (\(user.body.role.rawValue)), id \(user.id)")
            } catch let error as ServiceError {
                throw CLIFailure(error.fieldErrors.isEmpty ? error.message : error.fieldErrors.map(\.message).joined(separator: " "))
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset-password",
                                                        abstract: "Set a new password (and re-enable the account); ends its sessions.")
        @OptionGroup var options: Options
        @Argument(help: "The username.") var username: String

        func run() async throws {
            let password = try options.password()
            let accounts = try await options.accounts()
            do {
                let user = try await accounts.resetPassword(username: username, to: password)
                print("password reset for \(user.body.username)")
            } catch let error as ServiceError {
                throw CLIFailure(error.message)
            }
        }
    }
}

/// A failure the CLI reports as one line on standard error with exit code 1.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
