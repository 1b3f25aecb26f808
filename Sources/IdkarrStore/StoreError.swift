#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every failure of the store: a code a program can switch on, a message a person can act on,
/// and the underlying cause. `errno` is set when the operating system refused something
/// (ENOSPC for a full disk, EACCES/EPERM/EROFS for a folder that cannot be written…).
public struct StoreError: Error, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// No document with that id.
        case notFound
        /// The caller named a version that is no longer current; nothing was written.
        case conflict(current: Int)
        /// The store refuses writes (opened read-only, or an fsync failed earlier in this run).
        case readOnly
        /// The operating system failed a read or write; `errno` says why.
        case io
        /// A file on disk does not decode.
        case corrupt
        /// Another process holds the data folder.
        case locked
        /// The caller asked for something impossible (bad collection name, missing migration…).
        case invalid
    }

    public let code: Code
    public let message: String
    public let errno: Int32?
    public let cause: (any Error)?

    public init(_ code: Code, _ message: String, errno: Int32? = nil, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.errno = errno
        self.cause = cause
    }

    public var description: String {
        var text = message
        if let errno { text += " (\(StoreError.errnoName(errno)): \(String(cString: strerror(errno))))" }
        if let cause { text += " [cause: \(cause)]" }
        return text
    }

    /// An I/O failure with a message that says what to do about the usual causes.
    static func io(_ what: String, path: String, errno: Int32) -> StoreError {
        let hint: String
        switch errno {
        case ENOSPC, EDQUOT: hint = "the disk is full; free some space"
        case EACCES, EPERM: hint = "permission denied; check the owner and mode of the data folder"
        case EROFS: hint = "the file system is read-only; remount it read-write"
        case EIO: hint = "the device reported an I/O error; check the disk"
        default: hint = "check the data folder"
        }
        return StoreError(.io, "\(what) \(path) failed: \(hint)", errno: errno)
    }

    static func errnoName(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "ENOSPC"
        case EDQUOT: return "EDQUOT"
        case EACCES: return "EACCES"
        case EPERM: return "EPERM"
        case EROFS: return "EROFS"
        case EIO: return "EIO"
        case ENOENT: return "ENOENT"
        case EEXIST: return "EEXIST"
        case EISDIR: return "EISDIR"
        case ENOTEMPTY: return "ENOTEMPTY"
        case EXDEV: return "EXDEV"
        case EWOULDBLOCK: return "EWOULDBLOCK"
        default: return "errno \(code)"
        }
    }
}
