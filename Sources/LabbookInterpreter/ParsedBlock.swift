import LabbookDiagnostics

/// A block after lexing and parsing: its cell options, statements and syntax errors.
public struct ParsedBlock {
    public let options: [CellOption]
    public let statements: [Stmt]
    /// Every lexical and syntax error, in source order.
    public let diagnostics: [Diagnostic]

    /// Lexes and parses `source`, whose first line is line `firstLine` of the notebook.
    public init(_ source: String, firstLine: Int = 1) {
        options = CellOption.parse(source, firstLine: firstLine)
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

/// A `//| key: value` line at the top of a block (the Quarto convention). The lexer treats
/// these lines as comments; the notebook layer reads them from here.
public struct CellOption: Hashable, Sendable {
    public var key: String
    public var value: String
    /// The notebook line of the option.
    public var line: Int

    public init(key: String, value: String, line: Int) {
        self.key = key
        self.value = value
        self.line = line
    }

    /// The options at the top of `source`: consecutive `//|` lines, blank lines allowed before.
    public static func parse(_ source: String, firstLine: Int = 1) -> [CellOption] {
        var options: [CellOption] = []
        var lineNumber = firstLine
        for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { lineNumber += 1 }
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty && options.isEmpty { continue }
            guard line.hasPrefix("//|") else { break }
            let body = line.dropFirst(3)
            let parts = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let key = parts[0].trimmingSpaces
            let value = parts.count > 1 ? parts[1].trimmingSpaces : ""
            options.append(CellOption(key: key, value: value, line: lineNumber))
        }
        return options
    }
}

private extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
