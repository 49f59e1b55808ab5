import Foundation
import Testing
import LabbookDiagnostics
@testable import LabbookReport
import LabbookTestSupport

/// `Report(notebook:…)`: what the execution layer gets for free from the notebook as read.
@Suite struct ReportFromNotebookTests {
    static let text = """
    # Título

    **Question 1 (1 point)** Why?

    ```swift
    //| label: shown
    print(1)
    ```

    ```swift
    //| label: quiet
    //| echo: false
    //| output: false
    print(2)
    ```

    ```swift
    //| label: never
    //| eval: false
    print(3)
    ```
    """

    @Test func cellsQuestionsAndExitStatus() throws {
        let notebook = readSample(Self.text, file: "nb/q.md")
        let runs = ["shown": CellRun(outputs: [.text("1\n")]),
                    "quiet": CellRun(status: .timeout, outputs: [.text("2\n"), .diagnostic(DiagnosticOutput(.error("timed out", line: 14), file: "nb/q.md"))])]
        let report = Report(notebook: notebook, sha256: "00", engine: sampleEngine, runs: runs, renderedAt: sampleDate)
        #expect(report.title == "q")
        #expect(report.lang == .en)
        #expect(report.exitStatus == 1)
        #expect(report.questions.map(\.anchor) == ["question-1"])
        #expect(report.cells.map(\.status) == [.ok, .timeout, .skipped])
        #expect(report.cells.map(\.echo) == [true, false, true])
        let quiet = report.cells[1]
        #expect(quiet.outputs.count == 2 && quiet.shownOutputs.count == 1)
        let anchors = report.items.compactMap { item -> String? in
            if case .prose(let p) = item { return p.anchor } else { return nil }
        }
        #expect(anchors == ["question-1"])

        let markdown = MarkdownReport.render(report)
        #expect(!markdown.contains("print(2)") && !markdown.contains("```\n2\n```"))
        #expect(markdown.contains("*quiet: timed out*") && markdown.contains("*never: not run*"))
        #expect(ResultsJSON.render(report).contains("\"text\": \"2\\n\""))
    }

    @Test(arguments: [("fit", "fit"), ("a/../b", "a-..-b"), ("..", "-."), ("x y", "x-y")])
    func figureFileNamesStayInTheFolder(label: String, name: String) {
        #expect(ReportFigures.fileName(label) == name)
    }
}
