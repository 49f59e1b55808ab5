import Foundation
import Testing
@testable import LabbookReport
import LabbookTestSupport

/// index.html of the sample report: byte for byte against `Golden/sample-report.html` (the
/// render time is injected, so the page does not depend on when the test runs;
/// `LABBOOK_UPDATE_GOLDEN=1` rewrites it), and piece by piece for what each part must show.
@Suite struct HTMLReportTests {
    func html(selfContained: Bool = false) throws -> String {
        let report = try sampleReport()
        return HTMLReport.render(report, figures: ReportWriter.drawFigures(report), selfContained: selfContained)
    }

    @Test func sampleMatchesGolden() throws {
        let page = try html()
        let golden = testsDirectory().appendingPathComponent("Golden/sample-report.html")
        if updatingGolden { try Data(page.utf8).write(to: golden) }
        #expect(page == (try String(contentsOf: golden, encoding: .utf8)))
        #expect(page.contains(ReportFormat.timestamp(sampleDate)))
    }

    @Test func tableOfContentsLinksEveryHeading() throws {
        let page = try html()
        for (id, text) in [("introducción", "Introducción"), ("datos", "Datos"), ("modelo", "Modelo"), ("resumen", "Resumen")] {
            #expect(page.contains("<a href=\"#\(id)\">\(text)</a>"))
            #expect(page.contains("id=\"\(id)\""))
        }
        #expect(page.contains("<h2>Contenido</h2>"))
    }

    @Test func questionsIndexLinksAnchorsAndWarns() throws {
        let page = try html()
        #expect(page.contains("<h2>Preguntas</h2>"))
        for anchor in ["pregunta-1", "pregunta-2", "pregunta-3"] {
            #expect(page.contains("<a href=\"#\(anchor)\">"))
            #expect(page.contains("class=\"prose question-statement\" id=\"\(anchor)\""))
        }
        #expect(page.contains("<td class=\"points\">1.5</td>"))
        #expect(page.contains("<th class=\"points\">4</th>"))
        let unanswered = page.components(separatedBy: "class=\"unanswered\"").count - 1
        #expect(unanswered == 1)
        #expect(page.contains("⚠ sin responder"))
        #expect(page.components(separatedBy: "<p class=\"unanswered-note\">⚠ sin responder</p>").count == 2)
    }

    @Test func cellsOutputsAndBadges() throws {
        let page = try html()
        #expect(page.contains("<details class=\"cell-code\" open>"))
        #expect(page.contains("<span class=\"hl-kw\">let</span>"))
        #expect(page.contains("<span class=\"hl-mem\">.relu</span>"))
        #expect(page.contains("<pre class=\"text\">[1000, 28, 28]</pre>"))
        #expect(page.contains("<img src=\"figures/data-1.png\" alt=\"Figura 1\" width=\"160\" height=\"160\">"))
        #expect(page.contains("<img src=\"figures/fit-1.png\" alt=\"Curvas de aprendizaje\" width=\"480\" height=\"300\"><figcaption>Curvas de aprendizaje</figcaption>"))
        #expect(page.contains("<th>época</th><th>loss</th><th>accuracy</th><th>val_loss</th><th>val_accuracy</th><th>segundos</th>"))
        #expect(page.contains("<td>1</td><td>0.6123</td><td>0.7891</td><td>0.4712</td><td>0.8312</td><td>0.31 s</td>"))
        #expect(page.contains("<td class=\"mono\">dense (Dense)</td><td class=\"mono\">(None, 128)</td><td>100,480</td>"))
        #expect(page.contains("Total params: <strong>101,770 (397.54 KB)</strong>"))
        #expect(page.contains("<div class=\"evaluation\">loss: 0.3512 - accuracy: 0.8762</div>"))
        #expect(page.contains("<div class=\"expectation pass\"><span class=\"badge badge-pass\">cumple</span>"))
        #expect(page.contains("<div class=\"expectation fail\"><span class=\"badge badge-fail\">no cumple</span>"))
        #expect(page.contains("<div class=\"diagnostic error expected\""))
        #expect(page.contains("<span class=\"location\">notebooks/sample.md:67:1:</span> <span class=\"severity\">error:</span> unknown name &#39;modle&#39;; did you mean &#39;model&#39;?"))
        #expect(page.contains("<span class=\"gutter\">67 | </span>modle.fit(images, labels, epochs: 1)"))
        #expect(page.contains("<span class=\"status status-error\">error</span>"))
        // echo: false hides the code of "table" but not its outputs.
        #expect(!page.contains("table([&quot;capa&quot;"))
        #expect(page.contains("<td>a|b</td>"))
    }

    @Test func footerAndInlineValues() throws {
        let page = try html()
        #expect(page.contains("labbook 0.1.0 · OpenBLAS 0.3.21 Haswell · 2 hilos · x86-64-v3, fixed order · semilla 42"))
        #expect(page.contains("generado en 1.25 s · el 2026-11-30T00:53:20Z"))
        #expect(page.contains("<span class=\"inline-value\" title=\"acc.percent\">87.62 %</span>"))
        #expect(page.contains("<html lang=\"es\">"))
    }

    @Test func selfContainedEmbedsFigures() throws {
        let page = try html(selfContained: true)
        #expect(page.contains("<img src=\"data:image/png;base64,iVBORw0KGgo"))
        #expect(!page.contains("src=\"figures/"))
    }

    @Test func worksOfflineWithoutExternalResources() throws {
        let page = try html()
        #expect(!page.contains("<link"))
        #expect(!page.contains("<script src"))
        // No resource is fetched: every src and href is relative, a fragment or a data URL
        // (links in the prose to other pages are the reader's to follow, not the page's to load).
        for attribute in ["src=\"", "@import", "url("] {
            var rest = page[...]
            while let range = rest.range(of: attribute) {
                let value = rest[range.upperBound...].prefix(40)
                #expect(!value.hasPrefix("http:") && !value.hasPrefix("https:") && !value.hasPrefix("//"),
                        "\(attribute)\(value) loads an external resource")
                rest = rest[range.upperBound...]
            }
        }
    }

    @Test func englishWords() throws {
        var report = try sampleReport()
        report.lang = .en
        let page = HTMLReport.render(report, figures: ReportWriter.drawFigures(report))
        #expect(page.contains("<h2>Questions</h2>") && page.contains("⚠ unanswered") && page.contains("<h2>Contents</h2>"))
    }
}
