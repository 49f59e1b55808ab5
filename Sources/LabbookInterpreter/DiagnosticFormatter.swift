/// Renders diagnostics for a terminal or a report:
///
/// ```
/// notebook.md:14:9: error: unknown name 'Dense2'; did you mean 'Dense'?
///  14 |     Dense2(10, activation: .relu)
///     |     ^~~~~~
/// help: ...
/// ```
public struct DiagnosticFormatter {
    public var fileName: String
    private let lines: [Substring]
    private let firstLine: Int

    /// - Parameters:
    ///   - source: the text the diagnostics' lines refer to: the whole notebook
    ///     (`firstLine` 1), or one block starting at notebook line `firstLine`.
    public init(fileName: String, source: String, firstLine: Int = 1) {
        self.fileName = fileName
        self.lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        self.firstLine = firstLine
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        let range = diagnostic.range
        var text = "\(fileName):\(range.line):\(range.column): \(diagnostic.severity.rawValue): \(diagnostic.message)\n"
        text += excerpt(range)
        for note in diagnostic.notes {
            if let noteRange = note.range {
                text += "\(fileName):\(noteRange.line):\(noteRange.column): note: \(note.message)\n" + excerpt(noteRange)
            } else {
                text += "note: \(note.message)\n"
            }
        }
        if let help = diagnostic.help { text += "help: \(help)\n" }
        return text
    }

    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined()
    }

    /// The source line with a gutter, and a caret under the range (`~` for the rest of it on
    /// that line).
    private func excerpt(_ range: SourceRange) -> String {
        let index = range.line - firstLine
        guard index >= 0, index < lines.count else { return "" }
        let line = lines[index]
        let number = String(range.line)
        let gutter = String(repeating: " ", count: number.count + 1)
        let excerpt = SourceExcerpt(line: line, start: range.column,
                                    end: range.end.line == range.line ? range.end.column : line.unicodeScalars.count + 1)
        return " \(number) | \(excerpt.text)\n\(gutter) | \(excerpt.marker)\n"
    }
}
