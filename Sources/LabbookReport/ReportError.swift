import LabbookDiagnostics

/// What can go wrong while writing a report.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    /// A template that does not parse or cannot be read; line and column are 0 when unknown.
    case badTemplate(path: String, line: Int, column: Int, message: String)
    /// Writing failed; the previous report is untouched and what was written is in `partial`
    /// (nil when even that could not be kept).
    case writeFailed(report: String, partial: String?, message: String)
    /// A notebook whose name makes no report folder (`..md` would make it `.`).
    case badReportName(notebook: String, name: String)
    /// Something at the report's place that labbook did not write (`what`: "a file", "a folder
    /// labbook did not write", "a symbolic link").
    case notAReport(path: String, what: String)
    /// Two notebooks of one command whose reports would go to the same folder.
    case duplicateReportName(first: String, second: String, folder: String)

    /// The message as a compiler prints it, with its severity (`bad.mustache:2: error: ...`).
    public var description: String {
        switch self {
        case .badTemplate(let path, let line, let column, let message):
            return DiagnosticFormatter(fileName: path).format(.error("bad report template: \(message)", line: line, column: column))
        case .writeFailed(let report, let partial, let message):
            let kept = partial.map { "; the partial report is in \($0)" } ?? ""
            return "error: could not write the report \(report): \(message); the previous report is unchanged\(kept)"
        case .badReportName(let notebook, let name):
            let shown = name.isEmpty ? "an empty name" : "'\(name)'"
            return "\(notebook): error: the report of this notebook would be named \(shown), which is not a folder name; "
                + "rename the notebook (for example to report.md)"
        case .notAReport(let path, let what):
            return "error: the report would replace \(path), which is \(what); labbook replaces only the report folders it "
                + "wrote: choose another --output, rename the notebook, or pass --force to replace it"
        case .duplicateReportName(let first, let second, let folder):
            return "error: \(first) and \(second) would both write the report \(folder); render them with different "
                + "--output folders or rename one"
        }
    }
}
