import LabbookInterpreter

/// Renders diagnostics as a compiler does:
///
///     notebook.md:14:9: error: unknown cell option 'evl'
///        14 | //| evl: false
///           |     ^
public struct NotebookDiagnosticFormatter: Sendable {
    private let lines: [Substring]

    /// - Parameter source: the notebook's text, for the quoted line; nil prints the header only.
    public init(source: String?) {
        lines = source.map(SourceText.splitLines) ?? []
    }

    public func format(_ diagnostic: NotebookDiagnostic) -> String {
        var out = diagnostic.description
        guard diagnostic.line > 0, diagnostic.line <= lines.count else { return out }
        let excerpt = SourceExcerpt(line: lines[diagnostic.line - 1], start: max(1, diagnostic.column))
        let number = String(diagnostic.line)
        let gutter = String(repeating: " ", count: number.count)
        out += "\n \(number) | \(excerpt.text)"
        if diagnostic.column > 0 { out += "\n \(gutter) | \(excerpt.marker)" }
        return out
    }

    /// Every diagnostic, one after the other, each ending with a newline.
    public func format(_ diagnostics: [NotebookDiagnostic]) -> String {
        diagnostics.map { format($0) + "\n" }.joined()
    }
}
