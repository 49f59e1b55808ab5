import Foundation
import LabbookBindings
import LabbookInterpreter
import Testing

/// Every library call of language.md through the language, Crafting Interpreters style: each
/// program under `Programs/` states its expected output as `// expect: LINE` comments and its
/// expected diagnostics as `// error: LINE:COL: message` comments. Outputs other than text
/// show as one bracketed line each (`<figure image 28×28>`, `<fit 2 epochs>`, ...).
struct LibraryProgramTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Programs")

    static let programs: [String] = (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?
        .filter { $0.hasSuffix(".swift") }.sorted() ?? []

    /// The programs are there: a wrong path or an empty folder must not pass as "no failures".
    @Test func theProgramsAreFound() {
        #expect(Self.programs.count >= 10, "found \(Self.programs.count) programs in \(Self.directory.path)")
    }

    @Test(arguments: programs)
    func program(_ name: String) throws {
        let source = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        func comments(_ marker: String) -> [String] {
            lines.compactMap { line in line.range(of: marker).map { String(line[$0.upperBound...]) } }
        }
        let expected = comments("// expect: "), errors = comments("// error: ")
        let session = NotebookSession(seed: 42)
        let run = session.run(source)
        #expect(Self.render(run.outputs) == expected, "output of \(name)")
        #expect(run.result.diagnostics.map { "\($0.range.line):\($0.range.column): \($0.message)" } == errors,
                "diagnostics of \(name)")
    }

    static func render(_ outputs: [Output]) -> [String] {
        var text = ""
        for output in outputs {
            switch output {
            case .text(let t): text += t
            case .table(let table): text += "<table " + table.headers.joined(separator: " | ") + ": \(table.rows.count) rows>\n"
            case .expectation(let e): text += "<expect \(e.passed ? "passed" : "failed"): \(e.text)>\n"
            case .rich(let rich): text += "<\(describe(rich))>\n"
            case .diagnostic: break
            }
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    static func describe(_ rich: any RichOutput) -> String {
        switch rich {
        case let figure as FigureOutput:
            switch figure.figure {
            case .image(let image): return "figure image \(image.image.width)×\(image.image.height) \"\(image.title)\""
            case .imageGrid(let grid): return "figure grid of \(grid.images.count)"
            case .lineChart(let chart): return "figure chart " + chart.series.map(\.name).joined(separator: ",")
            }
        case let summary as SummaryOutput: return "summary \(summary.summary.rows.count) layers, \(summary.summary.total) params"
        case let fit as FitOutput: return "fit \(fit.history.epochs) epochs, " + fit.history.metrics.map(\.name).joined(separator: ",")
        case let evaluation as EvaluationOutput: return "evaluation " + evaluation.logs.map(\.name).joined(separator: ",")
        default: return "\(type(of: rich))"
        }
    }
}
