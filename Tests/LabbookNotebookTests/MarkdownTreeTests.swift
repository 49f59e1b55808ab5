import Testing
@testable import LabbookNotebook

@Suite struct MarkdownTreeTests {
    private func blocks(_ text: String) -> [MarkdownBlock] {
        notebook(text).parts.flatMap { part -> [MarkdownBlock] in
            if case .prose(let p) = part { return p.blocks } else { return [] }
        }
    }

    @Test func blocksAndInlines() {
        let b = blocks("""
        # Title *emph*

        Para **strong** `code` [link](http://x "T") ![img](a.png)
        next\\
        line

        > quote

        3. one
        4. two

        ---

        ```python
        print(1)
        ```

        """)
        #expect(b == [
            .heading(level: 1, [.text("Title "), .emphasis([.text("emph")])], MarkdownRange(1, 1, 1, 14)),
            .paragraph([
                .text("Para "), .strong([.text("strong")]), .text(" "), .code("code", SourcePosition(line: 3, column: 18)),
                .text(" "), .link(destination: "http://x", title: "T", [.text("link")]), .text(" "),
                .image(source: "a.png", title: "", [.text("img")]), .softBreak, .text("next"), .lineBreak, .text("line"),
            ], MarkdownRange(3, 1, 5, 4)),
            .blockQuote([.paragraph([.text("quote")], MarkdownRange(7, 3, 7, 7))], MarkdownRange(7, 1, 7, 7)),
            .list(MarkdownList(ordered: true, start: 3, tight: true, items: [
                MarkdownListItem(blocks: [.paragraph([.text("one")], MarkdownRange(9, 4, 9, 6))], range: MarkdownRange(9, 1, 9, 6)),
                MarkdownListItem(blocks: [.paragraph([.text("two")], MarkdownRange(10, 4, 10, 6))], range: MarkdownRange(10, 1, 10, 6)),
            ]), MarkdownRange(9, 1, 10, 6)),
            .thematicBreak(MarkdownRange(12, 1, 12, 3)),
            .codeBlock(MarkdownCodeBlock(info: "python", literal: "print(1)\n", range: MarkdownRange(14, 1, 16, 3),
                                         fenced: true, closed: true, contentLine: 15, contentColumn: 1)),
        ])
    }

    @Test func rawHTMLIsKeptAndMarked() {
        let b = blocks("<div class=\"x\"><script>alert(1)</script></div>\n\nText <b>bold</b>\n")
        #expect(b == [
            .htmlBlock("<div class=\"x\"><script>alert(1)</script></div>\n", MarkdownRange(1, 1, 1, 46)),
            .paragraph([.text("Text "), .html("<b>", SourcePosition(line: 3, column: 6)), .text("bold"),
                        .html("</b>", SourcePosition(line: 3, column: 13))], MarkdownRange(3, 1, 3, 16)),
        ])
    }

    @Test func noTables() {
        let b = blocks("| a | b |\n|---|---|\n| 1 | 2 |\n")
        #expect(b.count == 1)
        if case .paragraph = b[0] {} else { Issue.record("a pipe table is a paragraph in CommonMark") }
    }

    @Test func columnsCountCharactersNotBytes() {
        // "¿Qué " is 5 characters but 7 bytes.
        let b = blocks("¿Qué `x`\n")
        #expect(b == [.paragraph([.text("¿Qué "), .code("x", SourcePosition(line: 1, column: 7))], MarkdownRange(1, 1, 1, 8))])
    }

    @Test func indentedCodeIsNotFenced() {
        guard case .codeBlock(let c) = blocks("Text\n\n    indented\n")[1] else { Issue.record("no code block"); return }
        #expect(!c.fenced && c.closed && c.info == "" && c.literal == "indented\n")
    }

    @Test func proseKeepsItsMarkdownSource() {
        let nb = notebook("# A\n\nSome *text*  \nhere.\n\n\n```swift\nx\n```\n\nAfter.\n\n")
        #expect(nb.parts.count == 3)
        guard case .prose(let first) = nb.parts[0], case .prose(let last) = nb.parts[2] else { Issue.record("parts"); return }
        #expect(first.markdown == "# A\n\nSome *text*  \nhere.")
        #expect(first.lines == 1...4)
        #expect(last.markdown == "After.")
        #expect(last.lines == 11...11)
    }

    @Test func plainText() {
        let b = blocks("**Ejercicio 8 *(0.75 puntos)***: `a`\n")
        #expect(b[0].plainText == "Ejercicio 8 (0.75 puntos): a")
    }
}
