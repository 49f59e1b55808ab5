import Foundation
import Testing
import LabbookDiagnostics
@testable import LabbookNotebook

@Suite struct ReaderTests {
    @Test func missingFile() {
        let r = NotebookReader.read(path: "/nonexistent/nb.md")
        #expect(r.notebook == nil)
        #expect(r.diagnostics.map(r.diagnosticFormatter().format) == ["/nonexistent/nb.md: error: no such notebook: /nonexistent/nb.md"])
    }

    @Test func directory() {
        let r = NotebookReader.read(path: NSTemporaryDirectory())
        #expect(r.notebook == nil)
        #expect(r.diagnostics.count == 1)
        #expect(r.diagnostics[0].message.hasSuffix("is a directory, not a notebook file"))
    }

    @Test func notUTF8() {
        let path = fixture("latin1.md")
        let r = NotebookReader.read(path: path)
        #expect(r.notebook == nil)
        // "Este fichero est" is 16 characters; the Latin-1 'á' (0xE1) is at byte 25 of the file.
        #expect(r.diagnostics.map(r.diagnosticFormatter().format) == [
            "\(path):3:17: error: the notebook is not UTF-8: byte 0xE1 at offset 25 is not valid UTF-8 (save the file as UTF-8)",
        ])
    }

    @Test(arguments: [
        ([0x61, 0xC3], 1),            // truncated sequence at the end
        ([0xED, 0xA0, 0x80], 0),      // a UTF-16 surrogate
        ([0xC0, 0xAF], 0),            // overlong
        ([0x61, 0x62, 0xFF], 2),
    ] as [([UInt8], Int)])
    func invalidUTF8Offsets(bytes: [UInt8], offset: Int) {
        #expect(NotebookReader.firstInvalidUTF8(bytes) == offset)
    }

    @Test func validUTF8() {
        #expect(NotebookReader.firstInvalidUTF8(Array("¿Qué? 😀 ñ".utf8)) == nil)
    }

    @Test func emptyFileIsAnEmptyNotebookWithAWarning() {
        let path = fixture("empty.md")
        let r = NotebookReader.read(path: path)
        #expect(r.notebook?.parts.isEmpty == true)
        #expect(r.notebook?.questions.isEmpty == true)
        #expect(r.diagnostics.map(r.diagnosticFormatter().format) == ["\(path): warning: the notebook is empty"])
        #expect(!r.hasErrors)
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let path = try temporaryFile([0xEF, 0xBB, 0xBF] + Array("---\nseed: 3\n---\n# A\n".utf8))
        let r = NotebookReader.read(path: path)
        #expect(r.diagnostics.isEmpty)
        #expect(r.notebook?.frontMatter.seed == 3)
    }

    @Test func crlfLineEndings() {
        let nb = notebook("---\r\ntitle: x\r\n---\r\n\r\n```swift\r\n//| label: a\r\nlet a = 1\r\n```\r\n")
        #expect(nb.frontMatter.title == "x")
        #expect(nb.cells[0].label == "a")
        #expect(nb.cells[0].firstCodeLine == 7)
        #expect(nb.cells[0].code == "let a = 1\n")
    }

    @Test func sampleFixture() {
        let r = NotebookReader.read(path: fixture("sample.md"))
        let nb = r.notebook!
        #expect(nb.frontMatter.title == "Sample: Fashion MNIST")
        #expect(nb.frontMatter.lang == .es && nb.frontMatter.seed == 7 && nb.frontMatter.threads == .count(2))
        #expect(nb.cells.map(\.label) == ["load", "fit"])
        #expect(nb.cells[1].options.timeout == 60 && nb.cells[1].options.figWidth == 640)
        #expect(nb.cells.map(\.firstCodeLine) == [18, 35])
        #expect(nb.inlineExpressions.map(\.code) == ["1 + 1", "data.count"])
        #expect(nb.questions.map(\.id) == ["1.1", "1.2", "2"])
        #expect(nb.questions.map(\.points) == [0.25, 0.5, 1])
        #expect(nb.questions.map(\.answered) == [true, false, true])
        #expect(nb.totalPoints == 1.75)
        #expect(r.diagnostics.map { "\($0.line): \($0.message)" } == ["23: Pregunta 1.2 has no answer yet"])
        #expect(NotebookReader.check(path: fixture("sample.md")) == r.diagnostics)
    }

    @Test func formatterShowsTheLineAndACaret() {
        let text = "# T\n\n```swift\n//| evl: false\nx\n```\n"
        let r = NotebookReader.parse(text, file: "notebook.md")
        let out = r.diagnosticFormatter().format(r.diagnostics)
        #expect(out == """
        notebook.md:4:5: warning: unknown cell option 'evl' (known: label, eval, echo, output, error, cache, timeout, fig-cap, fig-width, fig-height, solution, check, hidden, teacher)
         4 | //| evl: false
           |     ^

        """)
    }

    @Test func formatterWithoutPosition() {
        let d = Diagnostic.error("no such notebook: x.md")
        #expect(DiagnosticFormatter(fileName: "x.md", source: nil).format(d) == "x.md: error: no such notebook: x.md")
    }

    @Test func formatterKeepsTabsAndCountsCharacters() {
        let d = Diagnostic.warning("w", line: 1, column: 4)
        #expect(DiagnosticFormatter(fileName: "f", source: "\tñé`x`\n").format(d) == "f:1:4: warning: w\n 1 | \tñé`x`\n   | \t  ^")
    }

    @Test func diagnosticsAreSortedByPosition() {
        let r = reading("```swift\n//| zzz: 1\n```\n\n**Pregunta 1 (1 punto)**\n\n```swift\n//| label: cell-1\n```\n\n```python\n")
        #expect(r.diagnostics.map(\.line) == [2, 7, 11])
        #expect(r.hasErrors)
    }
}

@Suite struct RobustnessTests {
    /// Every prefix of the sample notebook (cut front matter, half fences, half questions) reads
    /// without crashing, and every diagnostic points inside the text.
    @Test func everyPrefixOfTheSampleReads() throws {
        let text = try String(contentsOfFile: fixture("sample.md"), encoding: .utf8)
        var prefix = ""
        for c in text {
            prefix.append(c)
            let r = NotebookReader.parse(prefix, file: "p.md")
            #expect(r.notebook != nil)
            let lineCount = prefix.split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(r.diagnostics.allSatisfy { $0.line <= lineCount })
        }
    }

    @Test(arguments: ["\0", "```", "---", "---\n---", "**", "**Pregunta", "**Pregunta 1 (", "`{swift}", "> ```swift\n>",
                      "- ```swift\n", "\r\r\r", "# \n## \n", "[x]: <", "<!--", "    ```swift\n"])
    func oddInputsRead(text: String) {
        #expect(NotebookReader.parse(text, file: "odd.md").notebook != nil)
    }
}
