import Testing
@testable import LabbookNotebook

@Suite struct InlineExpressionTests {
    @Test(arguments: [
        // (text, expression, line, column of the expression's first character)
        ("La exactitud es `{swift} acc.percent`.\n", "acc.percent", 1, 26),
        ("Texto\ncon acentos: áé `{swift} x + 1`\n", "x + 1", 2, 26),
        ("Line one\n   indented `{swift} y`\n", "y", 2, 22),
        ("> quoted `{swift} q`\n", "q", 1, 19),
        ("- item `{swift}   z  `\n", "z", 1, 19),
        ("**strong `{swift} s`**\n", "s", 1, 19),
        ("# Heading `{swift} h`\n", "h", 1, 20),
        ("``{swift} a `b` c``\n", "a `b` c", 1, 11),
    ])
    func expressionsWithPositions(text: String, code: String, line: Int, column: Int) {
        let expressions = notebook(text).inlineExpressions
        #expect(expressions == [InlineExpression(code: code, position: SourcePosition(line: line, column: column))])
    }

    @Test func ordinaryCodeSpansStayCode() {
        let nb = notebook("Use `let x` and `{swiftly}` and `{python} 1`.\n")
        #expect(nb.inlineExpressions.isEmpty)
    }

    @Test func emptyExpressionIsAWarning() {
        let r = reading("Value: `{swift}`\n")
        #expect(located(r) == ["1:9: warning: empty inline expression: expected `{swift} expression`"])
    }

    @Test func expressionReplacesTheCodeSpanInTheTree() {
        guard case .prose(let p) = notebook("A `{swift} 1 + 2` b\n").parts[0],
              case .paragraph(let inlines, _) = p.blocks[0] else { Issue.record("no paragraph"); return }
        #expect(inlines == [
            .text("A "),
            .expression(InlineExpression(code: "1 + 2", position: SourcePosition(line: 1, column: 12))),
            .text(" b"),
        ])
    }
}
