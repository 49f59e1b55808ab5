import LabbookReport
import Foundation
import LabbookPlots

extension ReportDiff {
    /// `labbook diff --html FILE`: one self-contained page leading with what moved — the
    /// metrics beyond tolerance, with each of their fits' old (dashed) and new (solid) curves on
    /// one figure right there, the blocks, expectations, cited values and runs that changed —
    /// then a folded line per block within tolerance (its rows and curves inside) and the
    /// timings. Figures are embedded as base64 PNGs so CI can archive the page as one file.
    /// Every string from the reports is escaped.
    public func html() throws -> String {
        var body = "<h1>labbook diff</h1>\n<p class=\"verdict \(withinTolerance ? "ok" : "fail")\">\(HTML.escape(summary))</p>\n"
        body += "<table class=\"sides\">\n"
        for (name, side) in [("old", old), ("new", new)] {
            body += "<tr><th>\(name)</th><td>\(HTML.escape(side.path))</td><td>engine \(HTML.escape(side.engine.version)), "
                + "\(HTML.escape(side.engine.blas)), \(side.engine.threads) threads\(side.seed.map { ", seed \($0)" } ?? "")</td>"
                + "<td><code>\(HTML.escape(side.notebookPath))</code> \(HTML.escape(String(side.notebookSHA256.prefix(12))))</td></tr>\n"
        }
        body += "</table>\n"

        // What moved first: the metrics beyond tolerance, each of their runs' curves right there.
        let beyond = metrics.filter { !$0.within }
        let headers = ["", "block", "run", "metric", "final", "change", "best", "change", "tolerance"]
        if !beyond.isEmpty {
            body += "<h2>Beyond tolerance</h2>\n" + Self.table(headers, beyond.map(Self.cells), failing: beyond.map { _ in true })
            let moved = Set(beyond.map { "\($0.block)\u{1F}\($0.run)" })
            for run in curves where moved.contains("\(run.block)\u{1F}\(run.run)") { body += try Self.figure(run) }
        }
        if !blocks.isEmpty {
            body += "<h2>Blocks</h2>\n" + Self.table(["block", "change", "old", "new"], blocks.map {
                [$0.label, $0.kind.rawValue, $0.oldStatus ?? "", $0.newStatus ?? ""]
            }, failing: blocks.map { $0.kind == .newlyFailing })
        }
        if !expectations.isEmpty {
            body += "<h2>Expectations that changed outcome</h2>\n" + Self.table(["block", "expectation", "old", "new"], expectations.map {
                [$0.block, $0.text, Self.outcome($0.oldPassed), Self.outcome($0.newPassed)]
            }, failing: expectations.map { !$0.newPassed })
        }
        if !inline.isEmpty {
            body += "<h2>Inline values that changed (stale prose?)</h2>\n" + Self.table(["line", "question", "expression", "old", "new"], inline.map {
                ["\($0.line)", $0.question ?? "", $0.expression, $0.old ?? "", $0.new ?? ""]
            }, failing: inline.map { _ in false })
        }
        if !runsOnlyIn.isEmpty {
            body += "<h2>Runs in one report only</h2>\n" + Self.table(["block", "run", "only in"], runsOnlyIn.map {
                [$0.block, "\($0.run)", $0.side.rawValue]
            }, failing: runsOnlyIn.map { _ in false })
        }
        // What stayed within tolerance: a line per block, its rows and curves folded under it.
        let within = metrics.filter(\.within)
        if !within.isEmpty {
            body += "<h2>Within tolerance</h2>\n"
            for (block, rows) in Self.byBlock(within) {
                let runs = Set(rows.map(\.run)).count
                body += "<details><summary>✓ \(HTML.escape(block)): \(rows.count) metric\(rows.count == 1 ? "" : "s") of \(runs) "
                    + "run\(runs == 1 ? "" : "s"), largest change \(HTML.escape(Self.largestChange(rows)))</summary>\n"
                    + Self.table(headers, rows.map(Self.cells), failing: rows.map { _ in false })
                let moved = Set(beyond.map { "\($0.block)\u{1F}\($0.run)" })
                for run in curves where run.block == block && !moved.contains("\(run.block)\u{1F}\(run.run)") {
                    body += try Self.figure(run)
                }
                body += "</details>\n"
            }
        }
        if !timings.isEmpty {
            let median = medianTimingRatio.map { String(format: ", median ×%.2f", $0) } ?? ""
            body += "<details><summary>Seconds per epoch (informational)\(median)</summary>\n"
                + Self.table(["block", "run", "old", "new", "new/old"], timings.map {
                    [$0.block, "\($0.run)", Self.seconds($0.old), Self.seconds($0.new), String(format: "×%.2f", $0.ratio)]
                }, failing: timings.map { _ in false }) + "</details>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>labbook diff</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #222; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { padding: 0.2em 0.7em; border-bottom: 1px solid #ddd; text-align: left; font-variant-numeric: tabular-nums; }
            tr.fail td { background: #fde8e8; }
            .verdict.ok { color: #1a7f37; } .verdict.fail { color: #b42318; font-weight: bold; }
            figure { display: inline-block; margin: 0.5em; } img { max-width: 100%; }
            details { margin: 0.3em 0; } summary { cursor: pointer; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// A metric row's cells, as the text's table has them.
    static func cells(_ row: MetricRow) -> [String] {
        let mark = row.within ? "✓" : "✗"
        if let side = row.onlyIn { return [mark, row.block, "\(row.run)", row.metric, "only in \(side.rawValue)", "", "", "", "\(row.tolerance)"] }
        return [mark, row.block, "\(row.run)", row.metric, values(row.final), change(row.final, row.tolerance),
                values(row.best), change(row.best, row.tolerance), "\(row.tolerance)"]
    }

    /// A fit's old (dashed) and new (solid) curves as an embedded PNG figure.
    static func figure(_ run: Curves) throws -> String {
        let png = try renderPNG(.lineChart(chart(run)))
        let title = "\(run.block), \(run.run)"
        return "<figure><img alt=\"\(HTML.escape(title))\" src=\"data:image/png;base64,\(Data(png).base64EncodedString())\">"
            + "<figcaption>\(HTML.escape(title)): old dashed, new solid</figcaption></figure>\n"
    }

    /// Old and new values of every metric of a fit: a colour per metric, old dashed, new solid.
    static func chart(_ run: Curves) -> LineChart {
        var series: [Series] = []
        for (i, metric) in run.metrics.enumerated() {
            let color = Color.tab10[i % Color.tab10.count]
            series.append(Series(name: "\(metric.name) (old)", x: metric.old.map { Double($0.epoch) }, y: metric.old.map(\.value),
                                 style: .dashed, color: color))
            series.append(Series(name: "\(metric.name) (new)", x: metric.new.map { Double($0.epoch) }, y: metric.new.map(\.value),
                                 style: .solid, color: color))
        }
        return LineChart(title: "\(run.block), \(run.run)", xLabel: "epoch", series: series, integerXTicks: true)
    }

    private static func table(_ header: [String], _ rows: [[String]], failing: [Bool]) -> String {
        var out = "<table>\n<tr>" + header.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr>\n"
        for (row, fails) in zip(rows, failing) {
            out += (fails ? "<tr class=\"fail\">" : "<tr>") + row.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n"
        }
        return out + "</table>\n"
    }
}
