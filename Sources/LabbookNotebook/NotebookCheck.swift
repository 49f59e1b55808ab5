import LabbookDiagnostics
import LabbookInterpreter

/// `labbook check`: every diagnostic of reading the notebooks and parsing their blocks, in
/// file order, nothing run.
public enum NotebookCheck {
    /// What checking one notebook found.
    public struct Result: Sendable {
        /// Every diagnostic, formatted, in file order, then the summary line.
        public var messages: [String]
        /// 0: no error; 1: an error; 2: the notebook cannot be read.
        public var status: Int32
    }

    /// Checks each notebook, writing its diagnostics and a summary line to standard error.
    /// Returns 0 when none has an error, 1 when one has, 2 when one cannot be read.
    public static func run(_ paths: [String]) -> Int32 {
        var status: Int32 = 0
        for path in paths {
            let result = check(path)
            for message in result.messages { StandardError.write(message) }
            status = max(status, result.status)
        }
        return status
    }

    /// Checks the notebook at `path`: reads it and parses every block that runs.
    public static func check(_ path: String) -> Result {
        let reading = NotebookReader.read(path: path)
        let formatter = reading.diagnosticFormatter()
        guard let notebook = reading.notebook else {
            return Result(messages: reading.diagnostics.map(formatter.format), status: 2)
        }
        var diagnostics = reading.diagnostics
        for cell in notebook.cells where cell.options.eval {
            diagnostics += Session.check(cell.code, firstLine: cell.firstCodeLine).map { cell.fileDiagnostic($0) }
        }
        diagnostics = diagnostics.sortedByPosition()
        let errors = diagnostics.filter(\.isError).count, warnings = diagnostics.count - errors
        let summary = "\(path): \(notebook.cells.count) blocks, \(plural(notebook.questions.count, "question")), "
            + "\(plural(errors, "error")), \(plural(warnings, "warning"))"
        return Result(messages: diagnostics.map(formatter.format) + [summary], status: errors > 0 ? 1 : 0)
    }

    private static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
