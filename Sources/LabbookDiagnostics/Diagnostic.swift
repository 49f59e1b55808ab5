/// A problem found in a notebook, as data — the one model of every layer: the notebook reader's
/// (front matter, cell options, questions), the interpreter's (syntax and run-time errors) and
/// the report's. ``DiagnosticFormatter`` renders it, the same for `labbook check`, `render`'s
/// standard error, `report.md` and `index.html`.
///
/// Positions are notebook lines: a block's first line is an input of the lexer, so ranges need
/// no offsetting afterwards. Line 0 means the whole file, column 0 the whole line.
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable {
        case error, warning, note
    }

    /// A secondary message attached to a diagnostic, optionally at its own position
    /// ("to match this opening '('").
    public struct Note: Hashable, Sendable, Codable {
        public var message: String
        public var range: SourceRange?

        public init(_ message: String, at range: SourceRange? = nil) {
            self.message = message
            self.range = range
        }
    }

    /// A replacement that fixes the problem: the text to put in place of `range`.
    public struct FixIt: Hashable, Sendable, Codable {
        public var range: SourceRange
        public var replacement: String

        public init(replacing range: SourceRange, with replacement: String) {
            self.range = range
            self.replacement = replacement
        }
    }

    /// Errors end a block (and fail `check`); warnings and notes do not.
    public var severity: Severity
    /// One sentence a student understands; a "did you mean" suggestion for a name is part of it.
    public var message: String
    public var range: SourceRange
    public var notes: [Note]
    /// Advice on how to fix the problem, rendered as `help: ...`.
    public var help: String?
    /// The edit that fixes it, when there is exactly one (shown under the quoted line).
    public var fixIt: FixIt?

    public init(_ severity: Severity = .error, _ message: String, at range: SourceRange,
                notes: [Note] = [], help: String? = nil, fixIt: FixIt? = nil) {
        self.severity = severity
        self.message = message
        self.range = range
        self.notes = notes
        self.help = help
        self.fixIt = fixIt
    }

    /// An error at a line and column of the file (0 where there is no narrower place).
    public static func error(_ message: String, line: Int = 0, column: Int = 0, help: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: SourceRange(line: line, column: column), help: help)
    }

    /// A warning at a line and column of the file (0 where there is no narrower place).
    public static func warning(_ message: String, line: Int = 0, column: Int = 0, help: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: SourceRange(line: line, column: column), help: help)
    }

    public var isError: Bool { severity == .error }
    public var line: Int { range.line }
    public var column: Int { range.column }

    /// `LINE:COL: message`, the form the test corpus compares.
    public var description: String { "\(range.line):\(range.column): \(message)" }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.isError } }

    /// Sorted by position in the file; stable for diagnostics at the same place.
    public func sortedByPosition() -> [Diagnostic] {
        enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }.map(\.element)
    }
}
