/// Renders diagnostics as a compiler does:
///
///     notebook.md:14:9: error: unknown cell option 'evl'
///        14 | //| evl: false
///           |     ^
public struct DiagnosticFormatter: Sendable {
    private let lines: [Substring]

    /// - Parameter source: the notebook's text, for the quoted line; nil prints the header only.
    public init(source: String?) {
        lines = source.map(SourceText.splitLines) ?? []
    }

    public func format(_ diagnostic: NotebookDiagnostic) -> String {
        var out = diagnostic.description
        guard diagnostic.line > 0, diagnostic.line <= lines.count else { return out }
        let text = lines[diagnostic.line - 1]
        let number = String(diagnostic.line)
        let gutter = String(repeating: " ", count: number.count)
        out += "\n \(number) | \(text)"
        if diagnostic.column > 0 {
            // Tabs before the caret stay tabs so the caret lines up in a terminal.
            let prefix = text.prefix(diagnostic.column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
            out += "\n \(gutter) | \(prefix)^"
        }
        return out
    }

    /// Every diagnostic, one after the other, each ending with a newline.
    public func format(_ diagnostics: [NotebookDiagnostic]) -> String {
        diagnostics.map { format($0) + "\n" }.joined()
    }
}
