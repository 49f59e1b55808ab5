import LabbookReport
import Foundation
import LabbookBindings
import LabbookDiagnostics
import LabbookEngine
import LabbookInterpreter
import LabbookNotebook

extension Report {
    /// The report of a notebook that was run: each cell's interpreter outputs (text, tables,
    /// expectations, diagnostics, and the bindings' figures, summaries, epoch tables and
    /// evaluations) turned into report outputs.
    ///
    /// - Parameter replayed: the results of the blocks and inline values before the block the
    ///   run restarted after, from the cache (empty when it ran from the first block).
    public init(notebook: Notebook, run: NotebookRun, replayed: (runs: [String: CellRun], inline: [SourcePosition: String]) = ([:], [:]),
                engine: EngineDescription, seed: Int, renderSeconds: Double = 0, renderedAt: Date) {
        let source = SourceLines(notebook.source)
        var runs = replayed.runs
        for cell in notebook.cells {
            guard let result = run.cells[cell.label], runs[cell.label] == nil else { continue }
            var status = CellStatus(rawValue: result.status.rawValue) ?? .error
            let outputs = Report.mergingText(result.outputs.map { output in
                if let shown = Report.output(output, cell: cell, file: notebook.file, source: source) { return shown }
                // An output the report cannot show is the block's error, never dropped.
                if status == .ok { status = .error }
                let kind = if case .rich(let rich) = output { "\(type(of: rich))" } else { "\(output)" }
                return .diagnostic(DiagnosticOutput(.error(RunMessages.cannotShow(kind), line: cell.fenceLine),
                                                    file: notebook.file))
            })
            runs[cell.label] = CellRun(status: status, seconds: result.seconds, cached: result.cached, outputs: outputs)
        }
        self.init(notebook: notebook, sha256: Report.sha256(of: notebook.source), engine: engine, runs: runs,
                  inlineValues: run.inlineValues.mapValues(VisibleText.visible).merging(replayed.inline) { live, _ in live }, dataFiles: run.dataFiles.map { DataFile(name: $0.name, sha256: $0.sha256) },
                  seed: seed, renderSeconds: renderSeconds, renderedAt: renderedAt)
        failedInline = run.failedInline
    }

    /// Consecutive text outputs (one per `print`) as one block of text, as a terminal shows them.
    static func mergingText(_ outputs: [CellOutput]) -> [CellOutput] {
        var merged: [CellOutput] = []
        var run: [String] = []
        func flush() {
            if !run.isEmpty { merged.append(.text(run.joined())) }
            run = []
        }
        for output in outputs {
            if case .text(let text) = output {
                run.append(text)
            } else {
                flush()
                merged.append(output)
            }
        }
        flush()
        return merged
    }

    /// One interpreter output as a report output; nil for a rich output the report has no
    /// place for.
    static func output(_ output: Output, cell: Cell, file: String, source: SourceLines) -> CellOutput? {
        // What a program printed or named may hold control characters: shown as pictures.
        let visible = VisibleText.visible
        switch output {
        case .text(let text):
            return .text(visible(text))
        case .table(let table):
            return .table(TableOutput(headers: table.headers.map(visible), rows: table.rows.map { $0.map(visible) }))
        case .expectation(let e):
            // A block whose code is hidden shows no code through its values either.
            let details = cell.options.echo ? e.details : e.details.filter(\.quotesOnlyAName)
            return .expectation(ExpectationOutput(text: visible(e.text), passed: e.passed,
                                                  values: details.map { NamedValue($0.expression, visible($0.value)) }))
        case .diagnostic(let d):
            var shown = cell.fileDiagnostic(d)
            shown.message = visible(d.message)
            shown.help = d.help.map(visible)
            shown.notes = shown.notes.map { Diagnostic.Note(visible($0.message), at: $0.range) }
            return .diagnostic(DiagnosticOutput(shown, file: file, source: source))
        case .rich(let rich):
            return richOutput(rich, cell: cell)
        }
    }

    private static func richOutput(_ rich: any RichOutput, cell: Cell) -> CellOutput? {
        switch rich {
        case let figure as FigureOutput:
            let sized = figure.figure.sized(width: cell.options.figWidth, height: cell.options.figHeight)
            return .figure(ReportFigure(.figure(sized), caption: cell.options.figCaption))
        case let summary as SummaryOutput:
            let s = summary.summary
            return .modelSummary(ModelSummaryOutput(
                modelName: s.modelName,
                rows: s.rows.map { ModelSummaryOutput.Row(name: $0.name, type: $0.type, outputShape: $0.outputShape, params: $0.parameters) },
                trainable: s.trainable, nonTrainable: s.nonTrainable))
        case let fit as FitOutput:
            let h = fit.history
            // The epoch table's columns: loss and accuracy first, then the rest, validation last.
            let order = h.metrics.map { MetricName(keras: $0.name) }.sorted().map(\.keras)
            let epochs = h.epochNumbers.indices.map { i in
                EpochTable.Epoch(epoch: h.epochNumbers[i] + 1,
                                              metrics: order.compactMap { name in h[name].map { MetricValue(name, $0[i]) } },
                                              seconds: h.seconds[i])
            }
            return .fit(EpochTable(epochs: epochs, stopReason: h.stopReason.rawValue, params: h.parameterCount))
        case let evaluation as EvaluationOutput:
            let ordered = evaluation.logs.sorted { MetricName(keras: $0.name) < MetricName(keras: $1.name) }
            return .evaluation(ordered.map { MetricValue($0.name, $0.value) })
        default:
            return nil
        }
    }

    /// The SHA-256 of a notebook's text, in lowercase hex.
    static func sha256(of text: String) -> String {
        sha256Hex(Array(text.utf8))
    }
}
