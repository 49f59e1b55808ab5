import Testing
@testable import LabbookNotebook
import LabbookDiagnostics

@Suite struct CellTests {
    @Test func everyOption() {
        let nb = notebook("""
        ```swift
        //| label: q2-fit
        //| eval: false
        //| echo: false
        //| output: false
        //| error: true
        //| cache: false
        //| timeout: 1.5
        //| fig-cap: "Curvas de aprendizaje"
        //| fig-width: 640
        //| fig-height: 480
        model.fit(x, y)
        ```

        """)
        let cell = nb.cells[0]
        var expected = CellOptions()
        expected.label = "q2-fit"
        expected.eval = false
        expected.echo = false
        expected.output = false
        expected.error = true
        expected.cache = false
        expected.timeout = 1.5
        expected.figCaption = "Curvas de aprendizaje"
        expected.figWidth = 640
        expected.figHeight = 480
        expected.lines = ["label": 2, "eval": 3, "echo": 4, "output": 5, "error": 6, "cache": 7, "timeout": 8, "fig-cap": 9,
                          "fig-width": 10, "fig-height": 11]
        #expect(cell.options == expected)
        #expect(cell.label == "q2-fit")
        #expect(cell.code == "model.fit(x, y)\n")
        #expect(cell.firstCodeLine == 12)
        #expect(cell.fenceLine == 1)
        #expect(cell.closed)
    }

    @Test func defaults() {
        let options = notebook("```swift\nlet a = 1\n```\n").cells[0].options
        #expect(options == CellOptions())
        #expect(options.eval && options.echo && options.output && !options.error && options.cache)
        #expect(options.timeout == nil && options.figCaption == nil && options.figWidth == nil && options.figHeight == nil)
    }

    @Test func defaultLabelsCountSwiftCellsFromOne() {
        let nb = notebook("""
        ```swift
        a
        ```

        ```python
        not a cell
        ```

        ```swift title=x
        //| label: named
        b
        ```

        ```
        no info
        ```

        ```swift
        c
        ```

        """)
        #expect(nb.cells.map(\.label) == ["cell-1", "named", "cell-3"])
        #expect(nb.cells.map(\.index) == [1, 2, 3])
        #expect(nb.cells[1].infoRest == "title=x")
        #expect(nb.parts.count == 5)
    }

    @Test(arguments: [
        ("//| evl: false", "2:5: warning: unknown cell option 'evl' (known: label, eval, echo, output, error, cache, timeout, fig-cap, fig-width, fig-height, solution, check, hidden, teacher)"),
        ("//| eval: nope", "2:11: warning: cell option 'eval' should be true or false, found 'nope'"),
        ("//| timeout: soon", "2:14: warning: cell option 'timeout' should be a positive number of seconds up to a week (604800), found 'soon'"),
        ("//| timeout: -1", "2:14: warning: cell option 'timeout' should be a positive number of seconds up to a week (604800), found '-1'"),
        ("//| fig-width: 12.5", "2:16: warning: cell option 'fig-width' should be a whole number of pixels between 1 and 4096, found '12.5'"),
        ("//| fig-height: 0", "2:17: warning: cell option 'fig-height' should be a whole number of pixels between 1 and 4096, found '0'"),
        ("//| label: has space", "2:12: warning: cell label should be at most 100 letters, digits, '-', '_' or '.', found 'has space'; using the default label"),
        ("//| eval false", "2:5: warning: expected '//| key: value', found '//| eval false'"),
    ])
    func badOptionsAreWarningsAtTheirPlace(line: String, expected: String) {
        let r = reading("```swift\n\(line)\nx\n```\n")
        #expect(located(r) == [expected])
        #expect(r.notebook!.cells[0].options.eval == true)
    }

    @Test func optionsDoNotSkipCode() {
        let cell = notebook("```swift\n//| eval: false\nlet a = 1\n//| not an option any more\n```\n").cells[0]
        #expect(cell.code == "let a = 1\n//| not an option any more\n")
        #expect(cell.options.eval == false)
    }

    @Test func duplicateLabelsAreErrors() {
        let r = reading("```swift\n//| label: a\n```\n\n```swift\n//| label: a\n```\n\n```swift\n//| label: cell-1\n```\n\n```swift\n```\n")
        #expect(located(r) == [
            "5:1: error: duplicate cell label 'a' (first used by the cell at line 1)",
        ])
        let r2 = reading("```swift\n//| label: cell-2\n```\n\n```swift\nx\n```\n")
        #expect(located(r2) == ["5:1: error: duplicate cell label 'cell-2' (first used by the cell at line 1)"])
    }

    @Test func lineMapping() {
        // The fence opens on file line 120, so code line 1 is file line 121.
        let text = String(repeating: "Line.\n\n", count: 59) + "Line 119.\n" + "```swift\nlet a = 1\nlet b = a +\n```\n"
        let cell = notebook(text).cells[0]
        #expect(cell.fenceLine == 120)
        #expect(cell.firstCodeLine == 121)
        #expect(cell.fileLine(forCodeLine: 1) == 121)
        #expect(cell.fileLine(forCodeLine: 2) == 122)
        #expect(cell.fileColumn(forCodeColumn: 9) == 9)
    }

    @Test func lineMappingSkipsOptionLines() {
        let cell = notebook("Text\n\n```swift\n//| label: x\n//| echo: false\nprint(1)\n```\n").cells[0]
        #expect(cell.fenceLine == 3)
        #expect(cell.firstCodeLine == 6)
        #expect(cell.fileLine(forCodeLine: 1) == 6)
    }

    @Test func indentedFenceShiftsColumns() {
        let cell = notebook("  ```swift\n  let a = 1\n  ```\n").cells[0]
        #expect(cell.code == "let a = 1\n")
        #expect(cell.codeColumn == 3)
        #expect(cell.fileColumn(forCodeColumn: 5) == 7)
    }

    @Test func unterminatedFence() {
        let r = reading("# T\n\n```swift\nlet a = 1\n\nmore prose that is now code\n")
        #expect(located(r) == ["3:1: error: unterminated code block starting at line 3: expected a closing fence"])
        #expect(r.notebook!.cells[0].closed == false)
        #expect(r.notebook!.cells[0].code == "let a = 1\n\nmore prose that is now code\n")
    }

    @Test(arguments: [
        "```swift\n```",          // closed on the last line, no newline
        "~~~swift\nx\n~~~~\n",     // longer closing fence
        "````swift\n```\n````\n",  // a shorter fence inside does not close it
        "> ```swift\n> x\n> ```\n",
        "- ```swift\n  x\n  ```\n",
    ])
    func closedFences(text: String) {
        #expect(!reading(text).diagnostics.contains { $0.message.hasPrefix("unterminated") })
    }

    @Test(arguments: ["```swift", "```python\nx\n``\n", "~~~\nx\n```\n", "> ```swift\n> x\n"])
    func unterminatedFences(text: String) {
        #expect(reading(text).diagnostics.filter { $0.message.hasPrefix("unterminated") }.count == 1)
    }

    @Test func nestedSwiftBlocksAreShownNotRun() {
        let r = reading("> ```swift\n> x\n> ```\n")
        #expect(r.notebook!.cells.isEmpty)
        #expect(located(r) == ["1:3: warning: a swift block inside a list or quote is shown, not run: move it to the top level to run it"])
    }

    @Test func quartoBracesAreShownNotRun() {
        let r = reading("```{swift}\nx\n```\n")
        #expect(r.notebook!.cells.isEmpty)
        #expect(located(r) == ["1:1: warning: ```{swift} is shown, not run: write ```swift to make it a cell"])
    }

    @Test func cellSourceIsTheWholeFence() {
        let cell = notebook("```swift\n//| label: a\nx\n```\n").cells[0]
        #expect(cell.source == "```swift\n//| label: a\nx\n```")
        #expect(cell.range == MarkdownRange(1, 1, 4, 3))
    }
}
