/// A problem found while reading a notebook: data, not text. `NotebookDiagnosticFormatter` renders it.
public struct NotebookDiagnostic: Equatable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Equatable, Sendable, Codable {
        case error
        case warning
    }

    public var severity: Severity
    public var message: String
    /// The notebook's path as the user gave it.
    public var file: String
    /// 1-based line in the notebook file; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column, counted in characters (what a reader sees); 0 when not meaningful.
    public var column: Int

    public init(_ severity: Severity, _ message: String, file: String, line: Int = 0, column: Int = 0) {
        self.severity = severity
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    public static func error(_ message: String, file: String, line: Int = 0, column: Int = 0) -> Self {
        Self(.error, message, file: file, line: line, column: column)
    }

    public static func warning(_ message: String, file: String, line: Int = 0, column: Int = 0) -> Self {
        Self(.warning, message, file: file, line: line, column: column)
    }

    public var isError: Bool { severity == .error }

    /// `FILE:LINE:COL: severity: message` (the location shortens to `FILE:LINE:` or `FILE:` when
    /// the line or column is unknown).
    public var description: String {
        var location = file
        if line > 0 {
            location += ":\(line)"
            if column > 0 { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == NotebookDiagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.isError } }

    /// Sorted by position in the file; stable for diagnostics at the same place.
    public func sortedByPosition() -> [NotebookDiagnostic] {
        enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }.map(\.element)
    }
}
