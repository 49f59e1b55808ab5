import LabbookInterpreter

/// `labbook check`: every diagnostic of reading the notebooks and parsing their blocks, in
/// file order, nothing run.
public enum NotebookCheck {
    /// Checks each notebook, writing its diagnostics and a summary line to standard error.
    /// Returns 0 when none has an error, 1 when one has, 2 when one cannot be read.
    public static func run(_ paths: [String]) -> Int32 {
        var status: Int32 = 0
        for path in paths {
            let reading = NotebookReader.read(path: path)
            guard let notebook = reading.notebook else {
                for diagnostic in reading.diagnostics { StandardError.write("\(diagnostic)") }
                status = 2
                continue
            }
            let formatter = NotebookDiagnosticFormatter(source: notebook.source)
            var diagnostics = reading.diagnostics.map { (line: $0.line, column: $0.column, isError: $0.severity == .error,
                                                         text: formatter.format($0)) }
            let codeFormatter = DiagnosticFormatter(fileName: path, source: notebook.source, firstLine: 1)
            for cell in notebook.cells where cell.options.eval {
                for diagnostic in Session.check(cell.code, firstLine: cell.firstCodeLine) {
                    diagnostics.append((diagnostic.range.line, diagnostic.range.column, diagnostic.severity == .error,
                                        codeFormatter.format(diagnostic)))
                }
            }
            for diagnostic in diagnostics.sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) {
                StandardError.write(diagnostic.text)
            }
            let errors = diagnostics.filter(\.isError).count, warnings = diagnostics.count - errors
            StandardError.write("\(path): \(notebook.cells.count) blocks, \(plural(notebook.questions.count, "question")), "
                                + "\(plural(errors, "error")), \(plural(warnings, "warning"))")
            if errors > 0 { status = max(status, 1) }
        }
        return status
    }

    private static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
