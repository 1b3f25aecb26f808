/// Runs one body at a time, in arrival order. An actor alone does not: it is re-entered at every
/// `await`, so a check-then-write that awaits in between (a duplicate check, then a provider
/// call, then the write; the last-admin rule) needs this to keep its invariant.
public actor SerialGate {
    public init() {}

    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if busy {
            await withCheckedContinuation { waiters.append($0) }
        }
        busy = true
        defer {
            if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
        }
        return try await body()
    }
}
