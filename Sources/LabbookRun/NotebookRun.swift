import Foundation
import LabbookDiagnostics
import LabbookNotebook
import LabbookEngine
import LabbookInterpreter

/// What running a notebook produced: each cell's outputs and outcome, each inline expression's
/// value, and the data files read.
public struct NotebookRun {
    /// How a cell ended, with the names results.json uses.
    public enum Status: String, Sendable {
        case ok, error, expectedError = "expected-error", skipped, timeout, interrupted
        /// The block went past the memory budget (the report shows it as an error).
        case outOfMemory = "memory"
    }

    /// One cell's run.
    public struct CellResult {
        public var status: Status
        public var outputs: [Output]
        public var seconds: Double
        public var cached = false
        /// The cell is marked `error: true`: an error or a timeout is what it shows.
        public var errorExpected = false

        public init(status: Status, outputs: [Output], seconds: Double, cached: Bool = false, errorExpected: Bool = false) {
            self.status = status
            self.outputs = outputs
            self.seconds = seconds
            self.cached = cached
            self.errorExpected = errorExpected
        }

    }

    /// Each cell's result by label (cells not run are absent).
    public var cells: [String: CellResult] = [:]
    /// Each inline expression's value as the report shows it, by the expression's position.
    public var inlineValues: [SourcePosition: String] = [:]
    /// Inline expressions that failed, with their diagnostics (shown in place and reported).
    public var inlineDiagnostics: [Diagnostic] = []
    /// The positions of the inline expressions that failed.
    public var failedInline: Set<SourcePosition> = []
    /// The data files the notebook read.
    public var dataFiles: [CheckedFile] = []
    /// Whether the run was interrupted (Ctrl-C); the cells after that one did not run.
    public var interrupted = false
}
