import Testing
import LabbookDiagnostics

/// The one formatter, on diagnostics built by hand: every part of the model and where it shows.
struct DiagnosticFormatterTests {
    let source = """
    let model = Sequential([
        Dense2(10, activation: .relu),
    \tDense(10)
    ])
    """

    func range(_ line: Int, _ column: Int, to endLine: Int, _ endColumn: Int) -> SourceRange {
        SourceRange(start: SourceLocation(line: line, column: column), end: SourceLocation(line: endLine, column: endColumn))
    }

    @Test func theHeadShortensWhereTheLineOrColumnIsUnknown() {
        let formatter = DiagnosticFormatter(fileName: "nb.md", source: source)
        #expect(formatter.format(.error("the notebook is empty")) == "nb.md: error: the notebook is empty")
        #expect(formatter.format(.warning("a whole line", line: 2)) == "nb.md:2: warning: a whole line\n 2 |     Dense2(10, activation: .relu),")
        #expect(formatter.format(.error("x", line: 9, column: 3)) == "nb.md:9:3: error: x", "a line the source does not have quotes nothing")
    }

    @Test func theCaretCoversTheRangeAndTheFixItGoesUnderIt() {
        let name = range(2, 5, to: 2, 11)
        let d = Diagnostic(.error, "unknown name 'Dense2'; did you mean 'Dense'?", at: name,
                           fixIt: .init(replacing: name, with: "Dense"))
        #expect(DiagnosticFormatter(fileName: "nb.md", source: source).format(d) == """
        nb.md:2:5: error: unknown name 'Dense2'; did you mean 'Dense'?
         2 |     Dense2(10, activation: .relu),
           |     ^~~~~~
           |     Dense
        """)
    }

    @Test func aRangeOverSeveralLinesIsMarkedToTheEndOfItsFirst() {
        let d = Diagnostic(.error, "m", at: range(1, 13, to: 4, 2))
        #expect(DiagnosticFormatter(fileName: "f", source: source).render(d).main.quote.map(\.text)
                == ["let model = Sequential([", "            ^~~~~~~~~~~~"])
    }

    @Test func notesWithAndWithoutAPlaceThenHelp() {
        let d = Diagnostic(.error, "expected ')'", at: range(3, 11, to: 3, 11),
                           notes: [.init("to match this opening '('", at: range(3, 7, to: 3, 8)), .init("no place")],
                           help: "close the call")
        #expect(DiagnosticFormatter(fileName: "nb.md", source: source).format(d) == """
        nb.md:3:11: error: expected ')'
         3 | \tDense(10)
           | \t         ^
        nb.md:3:7: note: to match this opening '('
         3 | \tDense(10)
           | \t     ^
        note: no place
        help: close the call
        """)
    }

    @Test func theRenderedPartsAreWhatTheTextIsMadeOf() {
        let d = Diagnostic(.warning, "w", at: range(2, 5, to: 2, 6), notes: [.init("n")])
        let rendered = DiagnosticFormatter(fileName: "nb.md", source: source).render(d)
        #expect(rendered.main.location == "nb.md:2:5")
        #expect(rendered.main.severity == .warning)
        #expect(rendered.notes.map(\.head) == ["note: n"])
        #expect(rendered.text == rendered.lines.joined(separator: "\n"))
        #expect(rendered.lines.count == 4)
    }

    @Test func aBlockFormatterNumbersFromItsFirstLine() {
        let d = Diagnostic.error("x", line: 11, column: 1)
        #expect(DiagnosticFormatter(fileName: "f", source: "a\nb\n", firstLine: 10).format(d) == "f:11:1: error: x\n 11 | b\n    | ^")
    }

    @Test func aReportKeepsOnlyTheLinesADiagnosticQuotes() {
        let all = SourceLines(source)
        let d = Diagnostic(.error, "m", at: range(3, 2, to: 3, 7), notes: [.init("n", at: range(1, 1, to: 1, 4))])
        let kept = all.quoted(by: d)
        #expect(kept[1] == "let model = Sequential([")
        #expect(kept[3] == "\tDense(10)")
        #expect(kept[2] == nil)
        #expect(DiagnosticFormatter(fileName: "f", source: kept).format(d) == DiagnosticFormatter(fileName: "f", source: all).format(d))
    }

    @Test func linesEndWithAnyTerminator() {
        #expect(SourceLines.split("a\r\nb\rc\nd\n") == ["a", "b", "c", "d"])
        #expect(SourceLines.split("") == [])
    }

    @Test func columnsShiftButWholeLinesStayWhole() {
        let d = Diagnostic(.error, "m", at: range(2, 3, to: 2, 5), notes: [.init("n", at: SourceRange(line: 2))],
                           fixIt: .init(replacing: range(2, 3, to: 2, 5), with: "x"))
        let shifted = d.shiftingColumns(by: 4)
        #expect(shifted.range == range(2, 7, to: 2, 9))
        #expect(shifted.notes[0].range == SourceRange(line: 2))
        #expect(shifted.fixIt?.range == range(2, 7, to: 2, 9))
    }
}
