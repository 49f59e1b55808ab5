import LabbookNotebook
import Foundation
import LabbookBindings
import LabbookInterpreter

/// Runs a notebook's cells in document order in one interpreter session (names persist from
/// cell to cell, as in a Jupyter kernel), evaluating each inline expression where it stands.
/// An error ends its cell; the following cells still run.
public final class NotebookRunner {
    /// Follows the run: which cell starts and how it ended (the command line's `[7/31] label`).
    public protocol Observer: AnyObject {
        func cellStarted(_ cell: Cell, number: Int, of total: Int)
        func cellFinished(_ cell: Cell, result: NotebookRun.CellResult)
        /// A cell before the restart point, whose results come from the cache.
        func cellReplayed(_ cell: Cell, number: Int, of total: Int)
    }

    public let notebook: Notebook
    public let session: Session
    public let context: BindingContext
    public weak var observer: Observer?
    /// Called after each cell that ran to its end, error or not (not after a timeout or an
    /// interruption), with the session as the cell left it: the cache saves its state here.
    public var cellCompleted: ((Cell, Session) -> Void)?
    /// The resident memory in bytes the process may reach while a cell runs (nil: no budget).
    public var memoryLimit: Int? = MemoryBudget.defaultLimit
    /// The labels of the cells in which the library's names mean the library's, whatever the
    /// session defined (a teacher's checks in a student's notebook).
    public var libraryNamesFirst: Set<String> = []

    /// A runner for `notebook` whose random streams start from `seed`, whose files stay in
    /// `filesDirectory`.
    public init(notebook: Notebook, seed: Int, dataDirectory: String? = nil, filesDirectory: String) {
        self.notebook = notebook
        session = Session()
        context = BindingContext(seed: UInt64(bitPattern: Int64(seed)), dataDirectory: dataDirectory,
                                 filesDirectory: filesDirectory)
        context.language = notebook.frontMatter.lang.rawValue
        Bindings.install(into: session.library, context: context)
    }

    /// Stops the running cell between two statements or batches (Ctrl-C); safe from any thread.
    public func interrupt() { session.cancellation.cancel() }

    /// Runs every cell and inline expression from part `firstPart` of the notebook on (the
    /// parts before it are the cache's, and the session holds the state they left).
    public func run(fromPart firstPart: Int = 0) -> NotebookRun {
        var run = NotebookRun()
        let cells = notebook.cells.filter(\.options.eval)
        var number = 0
        for (index, part) in notebook.parts.enumerated() {
            switch part {
            case .prose(let prose):
                guard !run.interrupted, index >= firstPart else { continue }
                for expression in prose.inlineExpressions { evaluate(expression, into: &run) }
            case .cell(let cell):
                guard cell.options.eval else {
                    run.cells[cell.label] = NotebookRun.CellResult(status: .skipped, outputs: [], seconds: 0)
                    continue
                }
                guard !run.interrupted else { continue }
                number += 1
                guard index >= firstPart else {
                    observer?.cellReplayed(cell, number: number, of: cells.count)
                    continue
                }
                observer?.cellStarted(cell, number: number, of: cells.count)
                let result = execute(cell)
                run.cells[cell.label] = result
                if result.status == .interrupted { run.interrupted = true }
                observer?.cellFinished(cell, result: result)
                if [.ok, .error, .expectedError].contains(result.status) { cellCompleted?(cell, session) }
            }
        }
        run.dataFiles = context.dataFiles
        return run
    }

    /// Evaluates only these inline expressions, in the session as it stands (restored from the
    /// cache's state after the block before them): their values and diagnostics.
    public func evaluate(_ expressions: [InlineExpression]) -> NotebookRun {
        var run = NotebookRun()
        for expression in expressions { evaluate(expression, into: &run) }
        return run
    }

    /// Runs one cell.
    func execute(_ cell: Cell) -> NotebookRun.CellResult {
        let buffer = OutputBuffer()
        let limits = ExecutionLimits(timeout: cell.options.timeout.map { .milliseconds(Int64(($0 * 1000).rounded())) },
                                     maximumMemory: memoryLimit)
        let start = DispatchTime.now().uptimeNanoseconds
        let result = session.run(cell.code, firstLine: cell.firstCodeLine, sink: buffer, limits: limits,
                                 libraryNamesFirst: libraryNamesFirst.contains(cell.label))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let status: NotebookRun.Status
        switch result.status {
        case .completed: status = .ok
        case .failed: status = cell.options.error ? .expectedError : .error
        case .timedOut: status = .timeout
        case .cancelled: status = .interrupted
        case .outOfMemory: status = cell.options.error ? .expectedError : .outOfMemory
        }
        session.cancellation.reset()
        return NotebookRun.CellResult(status: status, outputs: buffer.outputs, seconds: seconds,
                                      errorExpected: cell.options.error)
    }

    /// Evaluates one inline expression; a failure is shown in its place and reported.
    private func evaluate(_ expression: InlineExpression, into run: inout NotebookRun) {
        let buffer = OutputBuffer()
        var code = expression.code.trimmingCharacters(in: .whitespaces)
        let asPercent = code.hasSuffix(".percent")
        if asPercent { code = String(code.dropLast(".percent".count)) }
        switch session.evaluate(code, line: expression.position.line, sink: buffer) {
        case .success(let value):
            run.inlineValues[expression.position] = InlineFormat.text(of: value, asPercent: asPercent)
        case .failure(let diagnostic):
            run.inlineValues[expression.position] = "⚠ \(diagnostic.message)"
            run.failedInline.insert(expression.position)
            run.inlineDiagnostics.append(expression.fileDiagnostic(diagnostic))
        }
    }
}

extension NotebookRunner.Observer {
    public func cellReplayed(_ cell: Cell, number: Int, of total: Int) {}
}

/// How inline values read in prose: numbers with a sensible precision (up to 4 decimals),
/// percentages with two decimals (`88.21 %`), everything else as `print` shows it.
enum InlineFormat {
    static func text(of value: Value, asPercent: Bool) -> String {
        if asPercent, let number = value.doubleValue {
            return String(format: "%.2f %%", number * 100)
        }
        switch value {
        case .double(let d):
            if d.isNaN || d.isInfinite { return "\(d)" }
            if d == d.rounded(), abs(d) < 1e15 { return String(format: "%.0f", d) }
            let magnitude = abs(d)
            return magnitude >= 1000 ? String(format: "%.1f", d) : magnitude >= 0.001 ? trimmed(String(format: "%.4f", d)) : "\(d)"
        default:
            return value.description
        }
    }

    private static func trimmed(_ s: String) -> String {
        var s = s
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
