import ArgumentParser
import LabbookInterpreter
import LabbookNotebook

/// `labbook check NOTEBOOK...`: every diagnostic of reading and parsing, nothing run.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every diagnostic of the notebooks (options, fences, questions, syntax) without running them."
    )

    @ArgumentParser.Argument(help: "The notebooks to check.")
    var notebooks: [String]

    func run() throws {
        var status: Int32 = 0
        for path in notebooks {
            let reading = NotebookReader.read(path: path)
            guard let notebook = reading.notebook else {
                for diagnostic in reading.diagnostics { printError("\(diagnostic)") }
                status = 2
                continue
            }
            let formatter = LabbookNotebook.DiagnosticFormatter(source: notebook.source)
            var diagnostics = reading.diagnostics.map { (line: $0.line, column: $0.column, isError: $0.severity == .error,
                                                         text: formatter.format($0)) }
            let codeFormatter = LabbookInterpreter.DiagnosticFormatter(fileName: path, source: notebook.source, firstLine: 1)
            for cell in notebook.cells where cell.options.eval {
                for diagnostic in Session.check(cell.code, firstLine: cell.firstCodeLine) {
                    diagnostics.append((diagnostic.range.line, diagnostic.range.column, diagnostic.severity == .error,
                                        codeFormatter.format(diagnostic)))
                }
            }
            for diagnostic in diagnostics.sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) {
                printError(diagnostic.text)
            }
            let errors = diagnostics.filter(\.isError).count
            printError("\(path): \(notebook.cells.count) blocks, \(notebook.questions.count) question\(notebook.questions.count == 1 ? "" : "s"), "
                       + "\(errors) error\(errors == 1 ? "" : "s"), \(diagnostics.count - errors) warning\(diagnostics.count - errors == 1 ? "" : "s")")
            if errors > 0 { status = max(status, 1) }
        }
        if status != 0 { throw ExitCode(status) }
    }
}
