import Foundation

/// Bounds on one block's run. Every limit ends the block with a diagnostic, never a crash.
public struct ExecutionLimits: Sendable {
    /// Wall-clock time for the block (the cell option `timeout`); nil for none.
    public var timeout: Duration?
    /// Statements and calls executed; small in fuzz tests, effectively unbounded otherwise.
    public var maximumSteps: Int
    /// Nested function calls (recursion).
    public var maximumCallDepth: Int
    /// Elements a collection built by the interpreter may hold (`Array(0..<n)`, `map` on a
    /// range), and characters a string may hold: doubling a string in a loop must end in a
    /// diagnostic, not in an exhausted memory.
    public var maximumCollectionCount: Int
    /// The resident memory, in bytes, the process may reach while the block runs (see
    /// ``MemoryBudget``); nil for no budget.
    public var maximumMemory: Int?

    public init(timeout: Duration? = nil, maximumSteps: Int = .max, maximumCallDepth: Int = 1_000,
                maximumCollectionCount: Int = 10_000_000, maximumMemory: Int? = nil) {
        self.timeout = timeout
        self.maximumMemory = maximumMemory
        self.maximumSteps = maximumSteps
        self.maximumCallDepth = maximumCallDepth
        self.maximumCollectionCount = maximumCollectionCount
    }
}

/// A flag another thread sets (Ctrl-C) to interrupt a running block. The interpreter checks it
/// between statements; native code checks it between batches through
/// ``CallContext/checkInterruption()``.
public final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    /// Clears the flag before the next block runs.
    public func reset() {
        lock.lock()
        cancelled = false
        lock.unlock()
    }

    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }
}
