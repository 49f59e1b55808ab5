import Foundation
import LabbookNotebook
import Testing
import LabbookDiagnostics
@testable import LabbookReport
import LabbookTestSupport

/// Everything from the notebook or the program reaches the page as text: `<script>`, quotes and
/// `&` are escaped wherever they come from, and raw HTML in the prose is dropped by default.
@Suite struct EscapingTests {
    static let evil = #"<script>alert(1)</script> "quotes" & 'single'"#
    static let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot; &amp; &#39;single&#39;"

    static let notebookText = #"""
    ---
    title: "<script>alert(1)</script> \"quotes\" & 'single'"
    author: "<b>me</b>"
    ---

    # Título <script>alert(1)</script> "quotes" & 'single'

    Prose <script>alert(1)</script> "quotes" & 'single' and <span class="x">inline html</span>.

    <div class="raw">raw block</div>

    [click](javascript:alert(1)) and ![img](x.png "<t>")

    **Question 1 (1 point)** <script>alert(1)</script> "quotes" & 'single'

    ```swift
    //| label: evil
    print("<script>alert(1)</script> \"quotes\" & 'single'")
    ```
    """#

    func page(allowHTML: Bool = false) throws -> String {
        let notebook = readSample(Self.notebookText)
        let evil = Self.evil
        let runs = ["evil": CellRun(status: .error, outputs: [
            .text(evil + "\n"),
            .table(TableOutput(headers: [evil], rows: [[evil]])),
            .figure(ReportFigure(.png(try samplePNG()), caption: evil)),
            .expectation(ExpectationOutput(text: evil, passed: false, values: [NamedValue(evil, evil)])),
            .evaluation([MetricValue(evil, 1)]),
            .fit(EpochTable(epochs: [.init(epoch: 1, metrics: [MetricValue(evil, 0.5)], seconds: 1)], stopReason: evil, params: 1)),
            .modelSummary(ModelSummaryOutput(modelName: evil, rows: [.init(name: evil, type: evil, outputShape: evil, params: 1)],
                                             trainable: 1, nonTrainable: 0)),
            .diagnostic(DiagnosticOutput(Diagnostic(.error, evil, at: SourceRange(line: 3, column: 2), notes: [.init(evil, at: SourceRange(line: 3, column: 1))],
                                                    help: evil, fixIt: .init(replacing: SourceRange(line: 3, column: 2), with: evil)),
                                         file: evil, source: SourceLines("\n\n" + evil))),
        ])]
        let values = Dictionary(uniqueKeysWithValues: notebook.inlineExpressions.map { ($0.position, evil) })
        let report = Report(notebook: notebook, sha256: evil, engine: EngineDescription(version: evil, blas: evil, threads: 1),
                            runs: runs, inlineValues: values, renderedAt: sampleDate)
        return HTMLReport.render(report, figures: ReportWriter.drawFigures(report), allowHTML: allowHTML)
    }

    @Test func nothingFromTheNotebookOrProgramIsMarkup() throws {
        let html = try page()
        // The template's own script is the only one.
        #expect(html.components(separatedBy: "<script>").count == 2)
        #expect(!html.contains("alert(1)</script>"))
        #expect(!html.contains(#""quotes""#))
        #expect(!html.contains("<b>me</b>"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("<title>\(Self.escaped)</title>"))
        #expect(html.contains("<h1>\(Self.escaped)</h1>"))
        // Title, prose, question, code, output, table cell, caption, expectation, diagnostic, footer.
        #expect(html.components(separatedBy: "&lt;script&gt;alert(1)&lt;/script&gt;").count > 15)
        #expect(html.contains("<figcaption>\(Self.escaped)</figcaption>"))
        #expect(html.contains("<pre class=\"text\">\(Self.escaped)</pre>"))
        #expect(html.contains("<td>\(Self.escaped)</td>"))
        #expect(html.contains("<th>\(Self.escaped)</th>"))
        #expect(html.contains("alt=\"\(Self.escaped)\""))
    }

    @Test func rawHTMLIsDroppedByDefault() throws {
        let html = try page()
        #expect(!html.contains("<span class=\"x\">"))
        #expect(!html.contains("<div class=\"raw\">"))
        #expect(html.contains("inline html"))
    }

    @Test func rawHTMLIsKeptWithAllowHTML() throws {
        let html = try page(allowHTML: true)
        #expect(html.contains("<span class=\"x\">inline html</span>"))
        #expect(html.contains("<div class=\"raw\">raw block</div>"))
        // allowHTML lets the author's HTML through, never the program's output.
        #expect(html.contains("<pre class=\"text\">\(Self.escaped)</pre>"))
    }

    @Test(arguments: [("javascript:alert(1)", nil), ("JavaScript:x", nil), ("data:text/html,x", nil),
                      ("https://x.org/a?b=c:d", "https://x.org/a?b=c:d"), ("figures/a.png", "figures/a.png"),
                      ("#pregunta-1", "#pregunta-1"), ("a/b:c", "a/b:c"), ("mailto:a@b.c", "mailto:a@b.c")])
    func onlySafeURLsAreLinked(url: String, kept: String?) {
        #expect(HTML.safeURL(url) == kept)
    }
}

/// Control characters a program prints never reach the pages or a terminal raw.
@Suite struct VisibleTextTests {
    @Test(arguments: [("a\u{0}b", "a␀b"), ("\u{1B}[31mred", "␛[31mred"), ("tab\tand\nnewline", "tab\tand\nnewline"),
                      ("del\u{7F}", "del␡"), ("c1\u{85}", "c1\u{FFFD}"), ("plain", "plain")])
    func controlCharactersBecomePictures(_ text: String, _ shown: String) {
        #expect(VisibleText.visible(text) == shown)
        #expect(HTML.escape(text) == shown)
    }
}
