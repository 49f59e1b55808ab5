import Foundation
import Testing
@testable import LabbookReport
import LabbookTestSupport

/// report.md of the sample report, byte for byte against `Golden/sample-report.md`
/// (`LABBOOK_UPDATE_GOLDEN=1` rewrites the golden file; review its diff before committing).
@Suite struct MarkdownReportTests {
    @Test func sampleMatchesGolden() throws {
        let markdown = MarkdownReport.render(try sampleReport())
        let golden = testsDirectory().appendingPathComponent("Golden/sample-report.md")
        if updatingGolden { try Data(markdown.utf8).write(to: golden) }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(markdown == expected)
    }

    @Test func inlineValuesReplaceTheirCodeSpans() throws {
        let markdown = MarkdownReport.render(try sampleReport())
        #expect(markdown.contains("La exactitud en test es 87.62 %, con 2 épocas."))
        #expect(!markdown.contains("{swift}"))
    }

    @Test func holdsNoTimingsDatesOrAbsolutePaths() throws {
        var report = try sampleReport()
        let first = MarkdownReport.render(report)
        report.renderSeconds = 99
        report.renderedAt = Date()
        report.engine.threads = 8
        report.items = report.items.map { item in
            guard case .cell(var c) = item else { return item }
            c.seconds *= 3
            c.cached = true
            return .cell(c)
        }
        #expect(MarkdownReport.render(report) == first)
        #expect(!first.contains("/tmp") && !first.contains("2026"))
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a|b", "a\\|b"),
        ("<b>*x*</b>", "\\<b\\>\\*x\\*\\</b\\>"),
        ("line\nbreak", "line break"),
        ("R&D", "R&amp;D"),
        ("val_loss _x_ a_", "val_loss \\_x\\_ a\\_"),
        ("Param #", "Param #"),
    ])
    func tableCellsAreEscaped(text: String, cell: String) {
        #expect(MarkdownReport.escapeCell(text) == cell)
    }

    @Test func fencesOutgrowBackticksInTheText() {
        #expect(MarkdownReport.fenced("a ``` b", info: "") == "````\na ``` b\n````")
        #expect(MarkdownReport.codeSpan("x `y`") == "`` x `y` ``")
    }

    @Test(arguments: [
        ("Vale `{swift} acc` y más", 15, "Vale X y más"),
        ("``{swift} a`b`` fin", 11, "X fin"),
        ("` {swift}  x ` z", 12, "X z"),
    ])
    func codeSpanOfAnExpressionIsFound(line: String, column: Int, expected: String) {
        var chars = Array(line)
        let range = MarkdownReport.codeSpanRange(in: chars, codeStart: column - 1)
        #expect(range != nil)
        if let range { chars.replaceSubrange(range, with: ["X"]) }
        #expect(String(chars) == expected)
    }
}
