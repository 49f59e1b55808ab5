/// Renders diagnostics as a compiler prints them — the one formatter of `labbook check`,
/// `render`'s standard error, `report.md` and (through ``render(_:)``) `index.html`:
///
/// ```
/// notebook.md:14:9: error: unknown name 'Dense2'; did you mean 'Dense'?
///  14 |     Dense2(10, activation: .relu)
///     |     ^~~~~~
///     |     Dense
/// notebook.md:12:5: note: to match this opening '('
///  12 | ...
/// help: ...
/// ```
public struct DiagnosticFormatter: Sendable {
    /// The notebook's path as the user gave it, at the head of each location.
    public var fileName: String
    private let source: SourceLines

    /// - Parameters:
    ///   - source: the lines the diagnostics point into; empty quotes no line.
    public init(fileName: String, source: SourceLines = SourceLines()) {
        self.fileName = fileName
        self.source = source
    }

    /// - Parameters:
    ///   - source: the text the diagnostics' lines refer to: the whole notebook (`firstLine` 1),
    ///     or one block starting at notebook line `firstLine`; nil quotes no line.
    public init(fileName: String, source: String?, firstLine: Int = 1) {
        self.init(fileName: fileName, source: source.map { SourceLines($0, firstLine: firstLine) } ?? SourceLines())
    }

    /// The diagnostic's parts: its head, the quoted line with the caret (and the fix-it under it),
    /// each note likewise, and the help.
    public func render(_ diagnostic: Diagnostic) -> RenderedDiagnostic {
        let main = RenderedDiagnostic.Entry(location: location(diagnostic.range), severity: diagnostic.severity,
                                            message: diagnostic.message,
                                            quote: quote(diagnostic.range, fixIt: diagnostic.fixIt))
        let notes = diagnostic.notes.map { note in
            RenderedDiagnostic.Entry(location: note.range.map(location), severity: .note, message: note.message,
                                     quote: note.range.map { quote($0, fixIt: nil) } ?? [])
        }
        return RenderedDiagnostic(main: main, notes: notes, help: diagnostic.help)
    }

    /// The diagnostic as text, its lines joined by newlines (no newline at the end).
    public func format(_ diagnostic: Diagnostic) -> String {
        render(diagnostic).text
    }

    /// Every diagnostic, one after the other, each ending with a newline.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { format($0) + "\n" }.joined()
    }

    /// `FILE:LINE:COL` (shorter when the line or column is unknown).
    private func location(_ range: SourceRange) -> String {
        guard range.line > 0 else { return fileName }
        return fileName + ":\(range.line)" + (range.column > 0 ? ":\(range.column)" : "")
    }

    /// The source line with a gutter, and a caret under the range (`~` for the rest of it on
    /// that line); a fix-it of the same range goes under the caret. No caret for a whole line.
    private func quote(_ range: SourceRange, fixIt: Diagnostic.FixIt?) -> [RenderedDiagnostic.QuotedLine] {
        guard range.line > 0, let line = source[range.line] else { return [] }
        let number = String(range.line)
        let gutter = String(repeating: " ", count: number.count)
        let end = range.end.line == range.line ? range.end.column : line.unicodeScalars.count + 1
        let excerpt = SourceExcerpt(line: Substring(line), start: max(1, range.column), end: end)
        var lines = [RenderedDiagnostic.QuotedLine(gutter: number, text: excerpt.text)]
        guard range.column > 0 else { return lines }
        lines.append(RenderedDiagnostic.QuotedLine(gutter: gutter, text: excerpt.marker))
        if let fixIt, fixIt.range.line == range.line, fixIt.range.column == range.column {
            let padding = excerpt.marker.prefix { $0 != "^" }
            lines.append(RenderedDiagnostic.QuotedLine(gutter: gutter, text: padding + fixIt.replacement, isFixIt: true))
        }
        return lines
    }
}

/// A diagnostic laid out for display: text for a terminal and `report.md`, parts for a template.
public struct RenderedDiagnostic: Equatable, Sendable {
    /// One line of quoted source with its gutter (the line number, or spaces under it).
    public struct QuotedLine: Equatable, Sendable {
        public var gutter: String
        public var text: String
        /// The line shows the fix-it's replacement, under the caret.
        public var isFixIt = false
    }

    /// The diagnostic's head or one of its notes, with the source it quotes.
    public struct Entry: Equatable, Sendable {
        /// `FILE:LINE:COL`; nil for a note that has no place of its own.
        public var location: String?
        public var severity: Diagnostic.Severity
        public var message: String
        public var quote: [QuotedLine]

        /// `FILE:LINE:COL: severity: message`, or `note: message` without a place.
        public var head: String {
            (location.map { $0 + ": " } ?? "") + "\(severity.rawValue): \(message)"
        }
    }

    public var main: Entry
    public var notes: [Entry]
    public var help: String?

    /// The lines a terminal shows.
    public var lines: [String] {
        var lines: [String] = []
        for entry in [main] + notes {
            lines.append(entry.head)
            lines += entry.quote.map { " \($0.gutter) | \($0.text)" }
        }
        if let help { lines.append("help: \(help)") }
        return lines
    }

    /// ``lines`` joined by newlines.
    public var text: String { lines.joined(separator: "\n") }
}
