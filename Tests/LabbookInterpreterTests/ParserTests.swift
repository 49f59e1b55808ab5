import LabbookInterpreter
import Testing

struct ParserTests {
    @Test(arguments: [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("a ?? b ?? c", "(?? a (?? b c))"),
        ("x < 1 && y || !z", "(|| (&& (< x 1) y) (! z))"),
        ("0..<n + 1", "(..< 0 (+ n 1))"),
        ("c ? a : b ? d : e", "(? c a (? b d e))"),
        ("-x.y!", "(- (! (. x y)))"),
        ("t.0.1", "(. (. t 0) 1)"),
        ("f(1, label: 2) { $0 }", "(call f 1 label: 2 { $0 })"),
        ("xs.sorted(by: >)", "(call (. xs sorted) by: (operator >))"),
        ("d[\"k\", default: 0]", "(subscript d \"k\" default: 0)"),
        ("[1: \"a\"]", "[1: \"a\"]"),
        ("(loss: 1, 2)", "(tuple loss: 1 2)"),
        ("{ a, b in a }", "{ (a b) in a }"),
        ("\"v = \\(x + 1)!\"", "(interpolation \"v = \" (+ x 1) \"!\")"),
        ("let (a, _): (Int, Int) = p", "(let (a, _): (Int, Int) p)"),
        ("func f(_ a: Int, to b: Double = 1) -> [Int] { a }", "(func f (_ a: Int, to b: Double = 1) -> [Int] { a })"),
        ("for (i, x) in xs.enumerated() { }", "(for (i, x) in (call (. xs enumerated)) {  })"),
        ("if let v = d[k] { } else { }", "(if (let v (subscript d k)) {  } else {  })"),
        ("xs[0] += 1", "(+= (subscript xs 0) 1)"),
    ])
    func astDump(_ source: String, _ expected: String) {
        let block = ParsedBlock(source)
        #expect(block.diagnostics.isEmpty)
        #expect(block.astDump == expected)
    }

    @Test(arguments: [
        ("let a = 1 +\n    2", "(let a (+ 1 2))"),
        ("let a = 1\n- 2", "(let a 1)\n(- 2)"),
        ("let a = f(\n  1,\n  2\n)", "(let a (call f 1 2))"),
        ("xs\n    .map { $0 }\n    .count", "(. (call (. xs map) { $0 }) count)"),
        ("f\n(1)", "f\n1"),
        ("if x { }\nelse { }", "(if x {  } else {  })"),
    ])
    func newlines(_ source: String, _ expected: String) {
        let block = ParsedBlock(source)
        #expect(block.diagnostics.isEmpty)
        #expect(block.astDump == expected)
    }

    @Test func everyNodeHasASourceRange() {
        let block = ParsedBlock("let x = 1\nlet total = x +\n    foo(bar)", firstLine: 5)
        #expect(block.statements.map(\.range.description) == ["5:1", "6:1"])
        guard case .binding(_, _, _, let value) = block.statements[1].kind else {
            Issue.record("not a binding")
            return
        }
        #expect(value.range.start.line == 6 && value.range.start.column == 13)
        #expect(value.range.end.line == 7 && value.range.end.column == 13)
    }

    @Test func optionLinesAreComments() {
        let block = ParsedBlock("//| label: q2-fit\n//| fig-cap: Learning curves: run 1\n//|echo:false\nprint(1)\n//| not: an option", firstLine: 20)
        #expect(block.diagnostics.isEmpty)
        #expect(block.statements.count == 1)
    }
}
