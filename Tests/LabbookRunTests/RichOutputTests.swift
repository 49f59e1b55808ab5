import Foundation
import Testing
import LabbookDiagnostics
@testable import LabbookInterpreter
import LabbookNotebook
import LabbookReport
@testable import LabbookRun
import LabbookTestSupport

/// What the bindings hand over becomes the report's outputs; a kind of output the report has
/// no place for is the block's error, shown where it was produced, never silently dropped.
@Suite struct RichOutputTests {
    struct Hologram: RichOutput {}

    @Test func anOutputTheReportCannotShowFailsItsBlock() throws {
        let notebook = readSample()
        var run = NotebookRun()
        run.cells["data"] = NotebookRun.CellResult(status: .ok, outputs: [.text("before\n"), .rich(Hologram())], seconds: 0)
        let report = Report(notebook: notebook, run: run, engine: sampleEngine, seed: 1, renderedAt: sampleDate)
        let cell = try #require(report.cells.first { $0.label == "data" })
        #expect(cell.status == .error)
        #expect(cell.outputs.count == 2)
        guard case .diagnostic(let diagnostic) = cell.outputs.last else {
            Issue.record("the last output is \(String(describing: cell.outputs.last))")
            return
        }
        #expect(diagnostic.message == "labbook cannot show a Hologram in a report")
        #expect(diagnostic.line == notebook.cell(labeled: "data")?.fenceLine)
        #expect(report.exitStatus == 1)
    }

    /// A block whose code is hidden (a hidden check put back by `grade`) shows, of its
    /// expectations' values, only those of names and literals: its code does not show through.
    @Test func aBlockWithHiddenCodeShowsOnlyTheValuesOfNames() throws {
        let text = "# T\n\n```swift\n//| label: hidden\n//| echo: false\nlet total = 7\n```\n"
        let notebook = try #require(NotebookReader.read(data: Data(text.utf8), file: "t.md").notebook)
        let expectation = Expectation(text: "la suma es 6", passed: false, details: [
            .init(expression: "total", value: "7"), .init(expression: "6", value: "6"),
            .init(expression: "xs.reduce(0, +) * 2", value: "12"), .init(expression: "history.loss.last!", value: "0.3"),
        ], range: SourceRange(line: 1), points: nil)
        var run = NotebookRun()
        run.cells["hidden"] = NotebookRun.CellResult(status: .ok, outputs: [.expectation(expectation)], seconds: 0)
        let report = Report(notebook: notebook, run: run, engine: sampleEngine, seed: 1, renderedAt: sampleDate)
        guard case .expectation(let shown) = try #require(report.cells.first { $0.label == "hidden" }).outputs.first else {
            Issue.record("no expectation")
            return
        }
        #expect(shown.values.map(\.name) == ["total", "6", "history.loss.last!"])
    }
}
