import LabbookDiagnostics

/// A block after lexing and parsing: its statements and syntax errors. (Its `//|` option lines
/// are comments to the lexer; the notebook layer reads them.)
public struct ParsedBlock {
    public let statements: [Stmt]
    /// Every lexical and syntax error, in source order.
    public let diagnostics: [Diagnostic]

    /// Lexes and parses `source`, whose first line is line `firstLine` of the notebook.
    public init(_ source: String, firstLine: Int = 1) {
        var lexer = Lexer(source, firstLine: firstLine)
        let tokens = lexer.tokenize()
        var parser = Parser(tokens: tokens)
        statements = parser.parseBlock()
        // A lexical error usually causes a syntax error on its line too; report only the first.
        let lexical = lexer.diagnostics
        var lexicalLines = Set(lexical.map(\.range.line))
        // A construct the lexer could not finish is also unfinished at the end of the block.
        if !lexical.isEmpty, let end = tokens.last { lexicalLines.insert(end.range.line) }
        let syntax = parser.diagnostics.filter { !lexicalLines.contains($0.range.line) }
        diagnostics = (lexical + syntax).sorted {
            ($0.range.start.offset, $0.range.start.line) < ($1.range.start.offset, $1.range.start.line)
        }
    }

    /// The AST as an indented S-expression, one statement per line (`--dump-ast`).
    public var astDump: String {
        statements.map { ASTDumper.dump($0) }.joined(separator: "\n")
    }
}
