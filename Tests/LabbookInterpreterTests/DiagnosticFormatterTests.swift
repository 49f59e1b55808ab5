import LabbookInterpreter
import Testing

struct DiagnosticFormatterTests {
    @Test func rendersLocationSourceLineCaretAndHelp() {
        let notebook = "# Title\n\n```swift\nlet model = Sequential {\n    Dense2(10)\n}\n```\n"
        let block = "let model = Sequential {\n    Dense2(10)\n}"
        let session = Session()
        session.library.function("Dense") { _ in .void }
        let result = session.run(block, firstLine: 4, sink: OutputBuffer())
        let text = DiagnosticFormatter(fileName: "notebook.md", source: notebook).format(result.diagnostics)
        #expect(text == """
            notebook.md:4:13: error: unknown name 'Sequential'
             4 | let model = Sequential {
               |             ^~~~~~~~~~

            """)
        let typo = session.run("let x = 1\nDense2(10)", firstLine: 5, sink: OutputBuffer())
        #expect(DiagnosticFormatter(fileName: "notebook.md", source: notebook).format(typo.diagnostics) == """
            notebook.md:6:1: error: unknown name 'Dense2'; did you mean 'Dense'?
             6 | }
               | ^

            """)
    }

    @Test func rendersHelpAndNotesOfABlockSource() {
        let source = "func f() {\n\tguard false else { }\n}\nf()"
        let result = Session().run(source, firstLine: 10, sink: OutputBuffer())
        #expect(DiagnosticFormatter(fileName: "nb.md", source: source, firstLine: 10).format(result.diagnostics) == """
            nb.md:11:2: error: the body of 'guard' must not fall through
             11 | \tguard false else { }
                | \t^~~~~~~~~~~~~~~~~~~~
            help: end it with 'return', 'break' or 'continue'

            """)
    }
}
