import LabbookInterpreter
import Testing
import LabbookDiagnostics

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
        let typoBlock = "let x = 1\nDense2(10)"
        let typo = session.run(typoBlock, firstLine: 5, sink: OutputBuffer())
        #expect(DiagnosticFormatter(fileName: "notebook.md", source: typoBlock, firstLine: 5).format(typo.diagnostics) == """
            notebook.md:6:1: error: unknown name 'Dense2'; did you mean 'Dense'?
             6 | Dense2(10)
               | ^~~~~~
               | Dense

            """)
        #expect(typo.diagnostics.first?.fixIt == Diagnostic.FixIt(replacing: typo.diagnostics[0].range, with: "Dense"))
    }

    @Test func anUnclosedBracketHasANoteAtTheOpeningOne() {
        let source = "let sizes = [16, 32\nprint(sizes)"
        #expect(DiagnosticFormatter(fileName: "nb.md", source: source, firstLine: 3).format(Session.check(source, firstLine: 3)) == """
            nb.md:4:1: error: expected ']' to close the array, found 'print'
             4 | print(sizes)
               | ^~~~~
            nb.md:3:13: note: to match this opening '['
             3 | let sizes = [16, 32
               |             ^

            """)
        #expect(Session.check("f(1, 2", firstLine: 1).first?.notes.map(\.message) == ["to match this opening '('"])
        #expect(Session.check("if true {\n  print(1)\n", firstLine: 1).first?.notes.map(\.message) == ["to match this opening '{'"])
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
