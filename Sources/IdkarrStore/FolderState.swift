import Foundation
import Logging
import Synchronization

/// What the data folder knows about its own health, shared by its collections and logs.
final class FolderState: Sendable {
    private struct Values {
        var writeFailure: String?
        var issues: [StoreHealthIssue] = []
        var quarantined: [QuarantinedFile] = []
    }

    let openedReadOnly: Bool
    let faults = FaultInjector()
    private let values = Mutex(Values())
    private let logger: Logger

    init(openedReadOnly: Bool, logger: Logger) {
        self.openedReadOnly = openedReadOnly
        self.logger = logger
    }

    /// Refuses a write when the store cannot be trusted to write.
    func checkWritable() throws {
        if openedReadOnly {
            throw StoreError(.readOnly, "the data folder was opened read-only; nothing can be changed")
        }
        if let failure = values.withLock({ $0.writeFailure }) {
            throw StoreError(.readOnly, "the store is read-only until idkarr restarts, because a write could not be made durable: \(failure)")
        }
    }

    /// An fsync failed: the kernel may have dropped the data, so no later write is trusted.
    /// (Retrying fsync would report success without the data being on disk; see "fsyncgate".)
    func durabilityLost(_ error: StoreError) {
        logger.critical("store turned read-only: \(error)")
        values.withLock { v in
            if v.writeFailure == nil { v.writeFailure = error.description }
        }
    }

    func report(_ issue: StoreHealthIssue) {
        switch issue.severity {
        case .warning: logger.warning("\(issue)")
        case .error: logger.error("\(issue)")
        }
        values.withLock { $0.issues.append(issue) }
    }

    func reportQuarantined(_ file: QuarantinedFile) {
        logger.error("damaged document \(file.collection)/\(file.fileName): \(file.reason) — \(file.movedAside ? "moved to \(file.url.path)" : "left in place (read-only)")")
        values.withLock { $0.quarantined.append(file) }
    }

    var quarantined: [QuarantinedFile] { values.withLock { $0.quarantined } }

    var health: [StoreHealthIssue] {
        values.withLock { v in
            var list = v.issues
            if let failure = v.writeFailure {
                list.append(StoreHealthIssue(severity: .error, source: "store",
                    message: "read-only until restart: a write could not be made durable (\(failure)); check the disk, then restart idkarr"))
            }
            for q in v.quarantined {
                list.append(StoreHealthIssue(severity: .error, source: q.collection,
                    message: "damaged document \(q.fileName) \(q.movedAside ? "moved to \(q.url.path)" : "at \(q.url.path)"): \(q.reason)"))
            }
            return list
        }
    }
}
