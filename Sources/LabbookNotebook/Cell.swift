import LabbookDiagnostics

/// A fenced block whose info string starts with `swift`: an experiment block that the engine runs.
public struct Cell: Equatable, Sendable {
    /// 1-based position among the notebook's cells.
    public var index: Int
    /// `options.label`, or `cell-N` with N = `index`.
    public var label: String
    public var options: CellOptions
    /// The code without the `//|` option lines; each line ends with "\n".
    public var code: String
    /// The file line of the code's first line: code line n is file line `firstCodeLine + n - 1`.
    public var firstCodeLine: Int
    /// The file column of the code's column 1 (> 1 only in an indented fence).
    public var codeColumn: Int
    /// The whole fenced block: opening fence line, closing fence line (or last line if unclosed).
    public var range: MarkdownRange
    /// The block exactly as in the file, fences and options included (lines joined with "\n").
    public var source: String
    /// The info string after `swift` (e.g. `title=x` in ```` ```swift title=x ````), trimmed.
    public var infoRest: String
    /// False when the fence is never closed (an error was reported).
    public var closed: Bool
    /// In a master: the solution regions of the code (`// BEGIN SOLUTION` ... `// END SOLUTION`).
    public var solutionRegions: [SolutionRegion] = []

    /// The file line of 1-based code line `line` (as the interpreter numbers `code`).
    public func fileLine(forCodeLine line: Int) -> Int { firstCodeLine + line - 1 }

    /// The file column of 1-based code column `column`.
    public func fileColumn(forCodeColumn column: Int) -> Int { codeColumn + column - 1 }

    /// Whether the code is only blank lines and `//` comments (a template cell left untouched).
    public var isOnlyComments: Bool {
        code.split(separator: "\n").allSatisfy {
            let line = $0.trimmingWhitespace()
            return line.isEmpty || line.hasPrefix("//")
        }
    }

    /// The file line of the opening fence.
    public var fenceLine: Int { range.start.line }
}

extension Cell {
    /// Builds the cell of `block`, the `index`th swift block (options read, default label).
    static func make(_ block: MarkdownCodeBlock, index: Int, source: SourceText) -> (Cell, [Diagnostic]) {
        var lines = block.literal.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        var optionLines: [CellOptions.Line] = []
        for line in lines {
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            guard line.dropFirst(indent).hasPrefix("//|") else { break }
            optionLines.append(.init(text: line.dropFirst(indent + 3),
                                     line: block.contentLine + optionLines.count,
                                     column: block.contentColumn + indent + 3))
        }
        let (options, diagnostics) = CellOptions.parse(optionLines)
        let codeLines = lines.dropFirst(optionLines.count)
        let code = codeLines.map { $0 + "\n" }.joined()
        let info = block.info.trimmingWhitespace()
        let cell = Cell(index: index, label: options.label ?? "cell-\(index)", options: options, code: code,
                        firstCodeLine: block.contentLine + optionLines.count, codeColumn: block.contentColumn,
                        range: block.range,
                        source: source.slice(lines: block.range.start.line, block.range.end.line),
                        infoRest: String(info.dropFirst(block.language.count)).trimmingWhitespace(),
                        closed: block.closed)
        return (cell, diagnostics)
    }
}

extension Cell {
    /// `diagnostic`, found in ``code``, with its columns made the file's (they differ in an
    /// indented fence, whose indentation the code does not have); lines are the file's already.
    public func fileDiagnostic(_ diagnostic: Diagnostic) -> Diagnostic {
        diagnostic.shiftingColumns(by: codeColumn - 1)
    }
}

extension InlineExpression {
    /// `diagnostic`, found in ``code`` (evaluated at the file's line), at the file's columns.
    public func fileDiagnostic(_ diagnostic: Diagnostic) -> Diagnostic {
        diagnostic.shiftingColumns(by: position.column - 1)
    }
}
