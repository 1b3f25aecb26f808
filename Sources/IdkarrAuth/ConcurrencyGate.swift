/// An async counting semaphore with a bounded, FIFO waiting line.
///
/// `acquire()` returns at once while fewer than `limit` holders run; otherwise it waits its turn
/// (cancellable), or throws `.busy` when `maxWaiting` callers already wait. `release()` hands the
/// slot straight to the next waiter, so a released slot can't be stolen by a newcomer.
actor ConcurrencyGate {
    private let limit: Int
    private let maxWaiting: Int
    private var running = 0
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextID: UInt64 = 0

    init(limit: Int, maxWaiting: Int) {
        self.limit = limit
        self.maxWaiting = maxWaiting
    }

    func acquire() async throws {
        if Task.isCancelled {
            throw PasswordHasherError(.cancelled, "Cancelled before hashing started.")
        }
        if running < limit {
            running += 1
            return
        }
        guard waiters.count < maxWaiting else {
            throw PasswordHasherError(.busy, "Too many password checks in progress; try again shortly.")
        }
        let id = nextID
        nextID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                waiters.append((id, continuation))
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    func release() {
        if waiters.isEmpty {
            running -= 1
        } else {
            // The slot passes to the first waiter; `running` stays the same.
            waiters.removeFirst().continuation.resume()
        }
    }

    private func cancelWaiter(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.continuation.resume(throwing: PasswordHasherError(.cancelled, "Cancelled while waiting to hash."))
    }

    /// For tests: holders and waiters right now.
    var load: (running: Int, waiting: Int) { (running, waiters.count) }
}
