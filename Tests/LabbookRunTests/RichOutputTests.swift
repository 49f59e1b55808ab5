import Foundation
import Testing
import LabbookInterpreter
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
}
