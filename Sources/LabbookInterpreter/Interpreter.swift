import LabbookDiagnostics

/// Runs one block's statements in a session: a tree-walking evaluator over the AST.
///
/// The interpreter never traps on input: every failure is a thrown ``Diagnostic`` (or an
/// ``Interruption``), arithmetic reports overflow, and limits bound steps, time, recursion and
/// the size of collections it builds.
final class Interpreter {
    unowned let session: Session
    let sink: OutputSink
    let limits: ExecutionLimits
    /// Names resolve to the library's before the session's (see ``Session/run(_:firstLine:sink:limits:libraryNamesFirst:)``).
    var libraryNamesFirst = false
    let deadline: ContinuousClock.Instant?
    /// The block's source, to quote expressions in `expect` details.
    let source: [Unicode.Scalar]
    var steps = 0
    var callDepth = 0
    /// Statements and expressions being evaluated inside one another, across calls: bounds the
    /// interpreter's own recursion, whatever mix of calls and nesting causes it.
    var nesting = 0

    /// Far above what the call-depth limit lets programs reach, far below what the stack
    /// reserved by ``Session`` holds.
    static let maximumNesting = 20_000
    /// The declared return types of the functions and closures being run, innermost last, so
    /// that `return .stop` knows the type of its implicit member.
    var returnTypes: [TypeSpec?] = []
    /// The ranges of the native calls in progress, innermost last: a closure called back from
    /// native code reports errors in its own source but is charged to this call.
    var nativeCallRanges: [SourceRange] = []

    var library: Library { session.library }

    init(session: Session, sink: OutputSink, limits: ExecutionLimits, source: String) {
        self.session = session
        self.sink = sink
        self.limits = limits
        self.source = Array(source.unicodeScalars)
        deadline = limits.timeout.map { ContinuousClock.now + $0 }
    }

    /// Runs top-level statements in the session's global scope.
    func run(_ statements: [Stmt]) throws {
        switch try execute(statements, in: session.globals, collector: nil) {
        case .normal: return
        case .breakLoop(let range): throw Diagnostic(.error, Messages.breakOutsideLoop("break"), at: range)
        case .continueLoop(let range): throw Diagnostic(.error, Messages.breakOutsideLoop("continue"), at: range)
        case .returned(_, let range): throw Diagnostic(.error, Messages.returnOutsideFunction, at: range)
        }
    }

    func enterNesting(at range: SourceRange) throws {
        guard nesting < Self.maximumNesting else {
            throw Diagnostic(.error, Messages.nestingLimit(Self.maximumNesting), at: range)
        }
        nesting += 1
    }

    /// Counts a step and, every so often, checks the cancellation flag, the clock and the memory
    /// budget (every 4,096 steps, or sooner once 64 MB of native values were made).
    func tick(at range: SourceRange) throws {
        steps += 1
        if steps > limits.maximumSteps {
            throw Interruption(status: .failed, diagnostic: Diagnostic(.error, Messages.stepLimit(limits.maximumSteps), at: range))
        }
        guard steps & 0xFF == 0 else { return }
        try checkInterruption(at: range)
        if steps & 0xFFF == 0 || MemoryBudget.madeSinceCheck >= MemoryBudget.checkEvery { try checkMemory(0, at: range) }
    }

    /// Ends the block when the process holds more than the memory budget, or would with `extra`
    /// more bytes.
    func checkMemory(_ extra: Int, at range: SourceRange) throws {
        guard let limit = limits.maximumMemory else { return }
        let (fits, resident) = MemoryBudget.fits(extra, limit: limit)
        guard fits else {
            throw Interruption(status: .outOfMemory, diagnostic: Diagnostic(
                .error, Messages.memoryBudget(limit: limit, resident: resident, extra: extra), at: range,
                help: Messages.memoryBudgetHelp))
        }
    }

    func checkInterruption(at range: SourceRange) throws {
        if session.cancellation.isCancelled {
            throw Interruption(status: .cancelled, diagnostic: Diagnostic(.error, Messages.cancelled, at: range))
        }
        if let deadline, ContinuousClock.now >= deadline, let timeout = limits.timeout {
            throw Interruption(status: .timedOut, diagnostic: Diagnostic(.error, Messages.timedOut(timeout), at: range))
        }
    }

    /// The source text of `range`.
    func text(_ range: SourceRange) -> String {
        let start = max(0, min(range.start.offset, source.count))
        let end = max(start, min(range.end.offset, source.count))
        var text = ""
        text.unicodeScalars.append(contentsOf: source[start..<end])
        return text
    }

    /// Refuses to build a string longer than the collection limit.
    func checkStringSize(_ utf8Count: Int, at range: SourceRange) throws {
        guard utf8Count <= limits.maximumCollectionCount else {
            throw Diagnostic(.error, Messages.stringTooLarge(limits.maximumCollectionCount), at: range)
        }
    }

    /// Refuses to build a collection larger than the limit.
    func checkCollectionSize(_ count: Int?, at range: SourceRange) throws {
        guard let count, count <= limits.maximumCollectionCount else {
            throw Diagnostic(.error, Messages.collectionTooLarge(limits.maximumCollectionCount), at: range)
        }
        // A large collection is checked against the memory budget before it is built.
        let bytes = count * MemoryLayout<Value>.stride
        if bytes >= 1 << 20 { try checkMemory(bytes, at: range) }
    }
}

/// How a statement finished.
enum Completion {
    case normal
    case breakLoop(SourceRange)
    case continueLoop(SourceRange)
    case returned(Value, SourceRange)
}

/// A block ended before its end: cancelled, timed out, or over its step limit.
struct Interruption: Error {
    var status: RunResult.Status
    var diagnostic: Diagnostic
}

/// Gathers the values of a builder closure's expression statements (`Sequential { ... }`).
final class Collector {
    let element: TypeSpec
    var values: [Value] = []

    init(element: TypeSpec) {
        self.element = element
    }
}
