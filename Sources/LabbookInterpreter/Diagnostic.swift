/// A problem found in a block, as data: the notebook layer stores it, the formatter renders it.
///
/// Positions are file lines: the block's first line is an input of the lexer (see
/// ``Session/run(_:firstLine:sink:limits:)``), so ranges need no offsetting afterwards.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable {
        case error, warning, note
    }

    /// A secondary message attached to a diagnostic, optionally at its own position.
    public struct Note: Hashable, Sendable {
        public var message: String
        public var range: SourceRange?

        public init(_ message: String, at range: SourceRange? = nil) {
            self.message = message
            self.range = range
        }
    }

    /// Errors end a block; warnings and notes do not.
    public var severity: Severity
    /// One sentence a student understands; a "did you mean" suggestion for a name is part of it.
    public var message: String
    public var range: SourceRange
    public var notes: [Note]
    /// Advice on how to fix the problem, rendered as `help: ...`.
    public var help: String?

    public init(_ severity: Severity = .error, _ message: String, at range: SourceRange,
                notes: [Note] = [], help: String? = nil) {
        self.severity = severity
        self.message = message
        self.range = range
        self.notes = notes
        self.help = help
    }

    /// `LINE:COL: message`, the form the test corpus compares.
    public var description: String { "\(range.line):\(range.column): \(message)" }
}

/// An error a native function (a binding) throws to report a problem in student terms; the
/// interpreter turns it (and any other `Error`) into a ``Diagnostic`` located at the call.
public struct NativeError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var help: String?

    public init(_ message: String, help: String? = nil) {
        self.message = message
        self.help = help
    }

    public var description: String { message }
}
