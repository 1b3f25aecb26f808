import CCurl
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs every transfer of one client on one dedicated thread with the libcurl multi interface.
///
/// Why this design: curl's easy interface blocks its thread for the whole transfer, and the
/// Swift cooperative pool has only as many threads as cores (two on the target box), so a
/// handful of slow indexers would stall the whole server. The multi interface drives any number
/// of transfers from one thread with non-blocking sockets; DNS runs in curl's threaded resolver
/// (this libcurl has AsynchDNS), connections are reused per host across requests, and the
/// caller's task just awaits a continuation. One thread is plenty for a home server's traffic;
/// the bytes are copied once into the response body on this thread.
///
/// The loop: take new and cancelled transfers from the inbox, let curl work
/// (`curl_multi_perform`), hand finished transfers back, then sleep in `curl_multi_poll` until a
/// socket is ready, a curl timer is due, or `curl_multi_wakeup` (from `submit`/`cancel`) rings.
///
/// `@unchecked Sendable`: the multi handle and `active` are used only by the loop thread; other
/// threads reach the engine through `inbox` (a Mutex) and `curl_multi_wakeup`, which libcurl
/// documents as callable from any thread. The wakeup is made under the inbox lock so it can't
/// race the loop's final `curl_multi_cleanup`.
final class CurlEngine: @unchecked Sendable {
    private struct Inbox {
        var pending: [CurlTransfer] = []
        var cancelRequested = false
        var stopping = false
        var closed = false
    }

    private static let globalInit: Bool = idk_curl_global_init_all() == CURLE_OK

    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    init() {
        precondition(Self.globalInit, "curl_global_init failed")
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed: out of memory") }
        self.multi = multi
        Self.startThread { [self] in self.run() }
    }

    // MARK: any thread

    func submit(_ transfer: CurlTransfer) {
        let accepted = inbox.withLock { inbox -> Bool in
            guard !inbox.stopping else { return false }
            inbox.pending.append(transfer)
            curl_multi_wakeup(multi)
            return true
        }
        if !accepted { transfer.finish(.failure(.cancelled(host: transfer.target.label))) }
    }

    /// Call after `transfer.markCancelled()`: the loop aborts it on its next turn.
    func wakeForCancellation() {
        inbox.withLock { inbox in
            guard !inbox.closed else { return }
            inbox.cancelRequested = true
            curl_multi_wakeup(multi)
        }
    }

    /// Fails what is still running and ends the thread. Called when the client goes away.
    func stop() {
        inbox.withLock { inbox in
            inbox.stopping = true
            if !inbox.closed { curl_multi_wakeup(multi) }
        }
    }

    // MARK: loop thread

    private func run() {
        while true {
            let (incoming, checkCancelled, stopping) = inbox.withLock { inbox in
                defer {
                    inbox.pending.removeAll()
                    inbox.cancelRequested = false
                }
                return (inbox.pending, inbox.cancelRequested, inbox.stopping)
            }
            if stopping {
                shutDown(alsoFailing: incoming)
                return
            }
            for transfer in incoming { start(transfer) }
            if checkCancelled { abortCancelled() }
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            collectFinished()
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
    }

    private func start(_ transfer: CurlTransfer) {
        guard !transfer.isCancelled else {
            transfer.finish(.failure(.cancelled(host: transfer.target.label)))
            return
        }
        guard curl_multi_add_handle(multi, transfer.easy) == CURLM_OK else {
            transfer.finish(.failure(NetError(.other, host: transfer.target.label,
                                              message: "Could not start the request to \(transfer.target.label).")))
            return
        }
        active[transfer.easy] = transfer
    }

    private func abortCancelled() {
        for (easy, transfer) in active where transfer.isCancelled {
            curl_multi_remove_handle(multi, easy)
            active[easy] = nil
            transfer.finish(.failure(.cancelled(host: transfer.target.label)))
        }
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            let code = idk_curl_msg_result(message)
            curl_multi_remove_handle(multi, easy)
            // `message` is invalid after remove_handle; `code` was read before.
            active.removeValue(forKey: easy)?.complete(with: code)
        }
    }

    private func shutDown(alsoFailing incoming: [CurlTransfer]) {
        for (easy, transfer) in active {
            curl_multi_remove_handle(multi, easy)
            transfer.finish(.failure(.cancelled(host: transfer.target.label)))
        }
        active.removeAll()
        for transfer in incoming {
            transfer.finish(.failure(.cancelled(host: transfer.target.label)))
        }
        inbox.withLock { inbox in
            inbox.closed = true
            curl_multi_cleanup(multi)
        }
    }

    // MARK: thread

    private final class ThreadBody {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    private static func startThread(_ body: @escaping () -> Void) {
        let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let status = pthread_create(&thread, nil, { context in
            let box = Unmanaged<ThreadBody>.fromOpaque(context!)
            box.takeUnretainedValue().body()
            box.release()
            return nil
        }, box)
        precondition(status == 0, "could not start the curl thread: \(status)")
        #if canImport(Glibc)
        pthread_detach(thread)
        #else
        pthread_detach(thread!)
        #endif
    }
}
