/// What can go wrong while writing a report.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    /// A template that does not parse or cannot be read; line and column are 0 when unknown.
    case badTemplate(path: String, line: Int, column: Int, message: String)
    /// A figure that could not be drawn or encoded.
    case figure(label: String, number: Int, message: String)
    /// Writing failed; the previous report is untouched and what was written is in `partial`
    /// (nil when even that could not be kept).
    case writeFailed(report: String, partial: String?, message: String)

    /// The message without a severity: the command line prints it after `error: `.
    public var description: String {
        switch self {
        case .badTemplate(let path, let line, let column, let message):
            let location = line > 0 ? "\(path):\(line):\(column)" : path
            return "\(location): bad report template: \(message)"
        case .figure(let label, let number, let message):
            return "figure \(number) of block '\(label)' could not be drawn: \(message)"
        case .writeFailed(let report, let partial, let message):
            let kept = partial.map { "; the partial report is in \($0)" } ?? ""
            return "could not write the report \(report): \(message); the previous report is unchanged\(kept)"
        }
    }
}
