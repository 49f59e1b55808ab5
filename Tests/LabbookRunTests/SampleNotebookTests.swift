import Foundation
import Testing
import LabbookNotebook
import LabbookReport
@testable import LabbookRun
import LabbookTestSupport

/// The report tests render a sample report built by hand (`sampleRuns`, fixed numbers and
/// times, so that its golden files are stable). Here the sample notebook really runs: every
/// block must end as the hand-made report says, with the same kinds of outputs, the same
/// expectations and the same diagnostics, so that the report tests render what labbook
/// produces and not what it never would.
@Suite struct SampleNotebookTests {
    /// An output's kind, and for expectations and diagnostics what they say.
    static func shape(_ output: CellOutput) -> String {
        switch output {
        case .text: "text"
        case .table(let t): "table \(t.headers)"
        case .figure: "figure"
        case .modelSummary(let s): "summary \(s.rows.map(\.name)) \(s.trainable)"
        case .fit(let f): "fit \(f.epochs.count) epochs, \(f.params) params"
        case .evaluation(let metrics): "evaluation \(metrics.map(\.name))"
        case .expectation(let e): "expectation \(e.text) \(e.passed ? "passed" : "failed")"
        case .diagnostic(let d): "diagnostic \(d.line):\(d.column) \(d.message) help: \(d.diagnostic.help ?? "-")"
        }
    }

    @Test func theSampleRunsAsItsHandMadeReportSays() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sample.md").path
        try sampleNotebookText.write(toFile: path, atomically: true, encoding: .utf8)
        var options = NotebookRender.Options()
        options.outputDirectory = folder.appendingPathComponent("out").path
        options.formats = []
        let outcome = NotebookRender(path: path, options: options).run()
        #expect(outcome.written != nil, "\(outcome.messages)")
        let data = try Data(contentsOf: folder.appendingPathComponent("out/sample/results.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let statuses = Dictionary(uniqueKeysWithValues: (json?["blocks"] as? [[String: Any]] ?? []).compactMap { block in
            (block["label"] as? String).map { ($0, block["status"] as? String ?? "") }
        })
        let notebook = readSample(file: path)
        let handMade = try sampleRuns(notebook)
        let real = try sampleRunOutputs(path: path, options: options)
        for (label, run) in handMade.sorted(by: { $0.key < $1.key }) {
            #expect(statuses[label] == run.status.rawValue, "block \(label)")
            #expect(real[label]?.map(Self.shape) == run.outputs.map(Self.shape), "block \(label)")
        }
    }

    /// Each block's outputs, as the run layer hands them to the report.
    func sampleRunOutputs(path: String, options: NotebookRender.Options) throws -> [String: [CellOutput]] {
        let notebook = readSample(file: path)
        let runner = NotebookRunner(notebook: notebook, seed: notebook.frontMatter.seed,
                                    filesDirectory: FileManager.default.temporaryDirectory.path)
        let report = Report(notebook: notebook, run: runner.run(), engine: sampleEngine, seed: notebook.frontMatter.seed,
                            renderedAt: sampleDate)
        return Dictionary(uniqueKeysWithValues: report.cells.map { ($0.label, $0.outputs) })
    }
}
