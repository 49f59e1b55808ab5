import Foundation
import LabbookDiagnostics

/// The view model of `index.html`: every decision the template would otherwise make (words,
/// classes, numbers, escaping of HTML fragments) is made here, so the template stays logic-less.
///
/// Conventions for template authors: keys ending in `Html` hold HTML that is already escaped and
/// go in triple mustaches (`{{{proseHtml}}}`); every other string is plain text for `{{…}}`,
/// which escapes it. A key that does not apply is `false`, never missing, so that a section never
/// picks up a value from an outer context.
struct HTMLViewModel {
    let report: Report
    let figures: [String: [RenderedFigure]]
    let selfContained: Bool
    let allowHTML: Bool

    func build() -> [String: Any] {
        let words = ReportWords.of(report.lang)
        var prose = ProseHTMLRenderer(inlineValues: report.inlineValues, allowHTML: allowHTML,
                                      reservedIDs: Set(report.questions.map(\.anchor) + ["questions", "contents"]))
        var items: [[String: Any]] = []
        for item in report.items {
            switch item {
            case .prose(let p):
                let html = prose.render(p.prose.blocks)
                guard !html.isEmpty || p.anchor != nil else { continue }
                let unanswered = p.anchor.map { anchor in report.questions.contains { $0.anchor == anchor && !$0.answered } } ?? false
                items.append(["prose": ["proseHtml": html, "anchor": p.anchor ?? false, "unanswered": unanswered] as [String: Any],
                              "cell": false])
            case .cell(let c):
                items.append(["prose": false, "cell": cell(c, words)])
            }
        }
        let toc = prose.toc
        let minLevel = toc.map(\.level).min() ?? 1
        let questions: [[String: Any]] = report.questions.map { q in
            ["title": q.title, "anchor": q.anchor, "points": q.points.map(ReportFormat.points) ?? "–",
             "answered": q.answered, "unanswered": !q.answered]
        }
        return [
            "lang": report.lang.rawValue,
            "title": report.title,
            "author": report.author ?? false,
            "words": wordsDictionary(words),
            "toc": toc.map { ["text": $0.text, "id": $0.id, "depth": $0.level - minLevel] as [String: Any] },
            "hasToc": !toc.isEmpty,
            "questions": questions,
            "hasQuestions": !questions.isEmpty,
            "totalPoints": ReportFormat.points(report.totalPoints),
            "unansweredCount": report.questions.filter { !$0.answered }.count,
            "hasUnanswered": report.questions.contains { !$0.answered },
            "items": items,
            "engine": ["version": report.engine.version, "blas": report.engine.blas,
                       "threads": String(report.engine.threads), "reproducibility": report.engine.reproducibility],
            "seed": String(report.seed),
            "notebookPath": report.notebook.path,
            "notebookSha256": report.notebook.sha256,
            "renderSeconds": ReportFormat.seconds(report.renderSeconds),
            "renderedAt": ReportFormat.timestamp(report.renderedAt),
            "exitStatus": String(report.exitStatus),
            "failed": report.exitStatus != 0,
        ]
    }

    private func wordsDictionary(_ w: ReportWords) -> [String: String] {
        ["contents": w.contents, "questions": w.questions, "question": w.question, "points": w.points,
         "pointsTitle": w.points.capitalizedFirst,
         "total": w.total, "status": w.status, "answered": w.answered, "unanswered": w.unanswered, "code": w.code,
         "showCode": w.showCode, "hideCode": w.hideCode, "cached": w.cached, "epoch": w.epoch,
         "stopReason": w.stopReason, "parameters": w.parameters, "layer": w.layer, "outputShape": w.outputShape,
         "paramCount": w.paramCount, "passed": w.passed, "failed": w.failed, "help": w.help, "engine": w.engine,
         "threads": w.threads, "seed": w.seed, "renderedIn": w.renderedIn, "renderedAt": w.renderedAt,
         "seconds": w.seconds]
    }

    private func cell(_ c: CellItem, _ words: ReportWords) -> [String: Any] {
        let rendered = figures[c.label] ?? []
        var figureIndex = 0
        var outputs: [[String: Any]] = []
        for output in c.shownOutputs {
            var o: [String: Any] = ["text": false, "table": false, "fit": false, "summary": false,
                                    "evaluation": false, "figure": false, "expectation": false, "diagnostic": false]
            switch output {
            case .text(let text):
                o["text"] = ["text": text.hasSuffix("\n") ? String(text.dropLast()) : text]
            case .table(let t):
                o["table"] = ["headers": t.headers.map { ["text": $0] }, "rows": rows(t.rows)]
            case .fit(let fit):
                let names = fit.metricNames
                let body = fit.epochs.map { e in
                    [String(e.epoch)] + names.map { n in e.metrics.first { $0.name == n }.map { ReportFormat.metric($0.value) } ?? "" }
                        + [ReportFormat.seconds(e.seconds)]
                }
                o["fit"] = ["headers": ([words.epoch] + names + [words.seconds]).map { ["text": $0] },
                            "rows": rows(body), "stopReason": words.stopReason(fit.stopReason),
                            "params": ReportFormat.grouped(fit.params)] as [String: Any]
            case .modelSummary(let s):
                o["summary"] = ["modelName": s.modelName,
                                "rows": s.rows.map { ["layer": "\($0.name) (\($0.type))", "shape": $0.outputShape,
                                                      "params": ReportFormat.grouped($0.params)] },
                                "totals": MarkdownReport.summaryTotals(s, words).map { ["name": $0.0, "value": $0.1] }] as [String: Any]
            case .evaluation(let metrics):
                o["evaluation"] = ["text": ReportFormat.metrics(metrics)]
            case .figure(let f):
                let figure = figureIndex < rendered.count ? rendered[figureIndex] : nil
                figureIndex += 1
                let src = figure.map { selfContained ? "data:image/png;base64," + Data($0.bytes).base64EncodedString() : $0.path } ?? ""
                o["figure"] = ["src": src, "alt": f.caption ?? "\(words.figure) \(figureIndex)",
                               "caption": f.caption ?? false,
                               "width": figure.map { String($0.width) } ?? false,
                               "height": figure.map { String($0.height) } ?? false] as [String: Any]
            case .expectation(let e):
                o["expectation"] = ["passed": e.passed, "failed": !e.passed, "text": e.text,
                                    "badge": e.passed ? words.passed : words.failed,
                                    "values": e.values.map { ["name": $0.name, "value": $0.value] },
                                    "hasValues": !e.values.isEmpty] as [String: Any]
            case .diagnostic(let d):
                let rendered = d.rendered
                func entry(_ e: RenderedDiagnostic.Entry) -> [String: Any] {
                    ["severity": e.severity.rawValue, "location": e.location ?? "", "hasLocation": e.location != nil,
                     "message": e.message,
                     "sourceLines": e.quote.map { ["gutter": $0.gutter, "text": $0.text, "fixIt": $0.isFixIt] as [String: Any] },
                     "hasSource": !e.quote.isEmpty]
                }
                var diagnostic = entry(rendered.main)
                diagnostic["notes"] = rendered.notes.map(entry)
                diagnostic["help"] = rendered.help ?? false
                diagnostic["helpWord"] = words.help
                diagnostic["expected"] = c.status == .expectedError
                o["diagnostic"] = diagnostic
            }
            outputs.append(o)
        }
        return [
            "label": c.label, "line": String(c.line), "status": c.status.rawValue,
            "statusText": words.statuses[c.status] ?? c.status.rawValue,
            "isOk": c.status == .ok, "notOk": c.status != .ok,
            "seconds": ReportFormat.seconds(c.seconds), "cached": c.cached,
            "echo": c.echo, "codeHtml": SwiftHighlighter.html(c.code.hasSuffix("\n") ? String(c.code.dropLast()) : c.code),
            "outputs": outputs, "hasOutputs": !outputs.isEmpty,
        ]
    }

    private func rows(_ rows: [[String]]) -> [[String: Any]] {
        rows.map { ["cells": $0.map { ["text": $0] }] }
    }
}

/// A figure drawn for the report, with its place in the folder.
struct RenderedFigure: Equatable {
    /// `figures/LABEL-N.png`, relative to the report folder.
    var path: String
    var bytes: [UInt8]
    var width: Int
    var height: Int
}
