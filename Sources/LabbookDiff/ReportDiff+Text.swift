import LabbookReport
import Foundation

extension ReportDiff {
    /// The diff as plain text for a terminal: a header naming both reports, then one aligned
    /// table per kind of change (empty ones left out), then the verdict. ✓ marks a row within
    /// tolerance (or a block or expectation now passing), ✗ one beyond. Every text taken from
    /// the reports goes through `TerminalText.visible`, so none can send escape sequences.
    public var text: String {
        var out = "labbook diff\n"
        out += "  old  \(describe(old))\n"
        out += "  new  \(describe(new))\n"
        if old.notebookSHA256 != new.notebookSHA256 {
            let changed = "\(old.notebookPath) \(old.notebookSHA256.prefix(12)) → \(new.notebookPath) \(new.notebookSHA256.prefix(12))"
            out += "  the notebooks differ: \(TerminalText.visible(changed))\n"
        }

        out += "\nMetrics: final and best value of each run, old → new\n"
        if metrics.isEmpty {
            out += "  no runs to compare\n"
        } else {
            var table = TextTable(header: ["", "block", "run", "metric", "final", "change", "best", "change", "tolerance"],
                                  rightAligned: [5, 7])
            for row in metrics {
                let mark = row.within ? "✓" : "✗"
                if let side = row.onlyIn {
                    table.add([mark, row.block, "\(row.run)", row.metric, "only in \(side.rawValue)", "", "", "", "\(row.tolerance)"])
                    continue
                }
                table.add([mark, row.block, "\(row.run)", row.metric, Self.values(row.final), Self.change(row.final, row.tolerance),
                           Self.values(row.best), Self.change(row.best, row.tolerance), "\(row.tolerance)"])
            }
            out += table.render()
        }

        if !runsOnlyIn.isEmpty {
            out += "\nRuns in one report only\n"
            var table = TextTable()
            for r in runsOnlyIn { table.add(["·", r.block, "\(r.run)", "only in \(r.side.rawValue)"]) }
            out += table.render()
        }

        if !blocks.isEmpty {
            out += "\nBlocks\n"
            var table = TextTable()
            for b in blocks {
                let (mark, what): (String, String) = switch b.kind {
                case .added: ("+", "added (\(b.newStatus ?? ""))")
                case .removed: ("-", "removed (was \(b.oldStatus ?? ""))")
                case .newlyFailing: ("✗", "newly failing: \(b.oldStatus ?? "") → \(b.newStatus ?? "")")
                case .newlyPassing: ("✓", "newly passing: \(b.oldStatus ?? "") → \(b.newStatus ?? "")")
                case .statusChanged: ("·", "status changed: \(b.oldStatus ?? "") → \(b.newStatus ?? "")")
                }
                table.add([mark, b.label, what])
            }
            out += table.render()
        }

        if !expectations.isEmpty {
            out += "\nExpectations that changed outcome\n"
            var table = TextTable()
            for e in expectations {
                table.add([e.newPassed ? "✓" : "✗", e.block, e.text, "\(Self.outcome(e.oldPassed)) → \(Self.outcome(e.newPassed))"])
            }
            out += table.render()
        }

        if !inline.isEmpty {
            out += "\nInline values that changed: the prose that cites them may be stale\n"
            var table = TextTable()
            for i in inline {
                table.add(["!", "line \(i.line)", i.question.map { "question \($0)" } ?? "", i.expression,
                           "\(i.old ?? "none") → \(i.new ?? "none")", "stale"])
            }
            out += table.render()
        }

        if !timings.isEmpty {
            out += "\nSeconds per epoch, median over each fit (informational)\n"
            var table = TextTable()
            for t in timings {
                table.add(["·", t.block, "\(t.run)", "\(Self.seconds(t.old)) → \(Self.seconds(t.new))",
                           String(format: "×%.2f", t.ratio)])
            }
            if timings.count > 1, let ratio = medianTimingRatio {
                table.add(["·", "all fits", "median", "", String(format: "×%.2f", ratio)])
            }
            out += table.render()
        }

        out += "\n" + summary + "\n"
        return out
    }

    /// `14 metrics compared, 2 beyond tolerance; 1 block newly failing. ✗ beyond tolerance (exit 1)`
    public var summary: String {
        var parts = ["\(metrics.count) metric\(metrics.count == 1 ? "" : "s") compared, \(metricsBeyond) beyond tolerance"]
        if newlyFailingBlocks > 0 { parts.append("\(newlyFailingBlocks) block\(newlyFailingBlocks == 1 ? "" : "s") newly failing") }
        if newlyFailingExpectations > 0 {
            parts.append("\(newlyFailingExpectations) expectation\(newlyFailingExpectations == 1 ? "" : "s") newly failing")
        }
        let verdict = withinTolerance ? "✓ within tolerance (exit 0)" : "✗ beyond tolerance (exit 1)"
        if sameClass, identical {
            return "\(metrics.count) metric\(metrics.count == 1 ? "" : "s") compared: identical, bit for bit "
                + "(both of reproducibility class \(old.engine.reproducibility ?? "")). "
                + verdict
        }
        return parts.joined(separator: "; ") + ". " + classNote + verdict
    }

    /// Why tolerances apply when the reports' classes differ (runs of one class give the same bits).
    private var classNote: String {
        guard !sameClass else { return "" }
        let names = [old, new].map { $0.engine.reproducibility ?? "none (engine \($0.engine.version))" }
        return "The reproducibility classes differ (\(names[0]) → \(names[1])): compared with tolerances. "
    }

    private func describe(_ side: Side) -> String {
        var text = "\(side.path): engine \(side.engine.version), \(side.engine.blas), \(side.engine.threads) thread\(side.engine.threads == 1 ? "" : "s")"
        if let reproducibility = side.engine.reproducibility { text += ", class \(reproducibility)" }
        if let seed = side.seed { text += ", seed \(seed)" }
        return TerminalText.visible(text)
    }

    static func values(_ change: Change?) -> String {
        guard let change else { return "–" }
        return "\(ReportFormat.metric(change.old)) → \(ReportFormat.metric(change.new))"
    }

    /// `+0.0089`, and for a relative tolerance also the change relative to the old value.
    static func change(_ change: Change?, _ tolerance: Tolerance) -> String {
        guard let change, change.delta.isFinite else { return change == nil ? "" : "–" }
        var text = String(format: "%+.4f", change.delta)
        if case .relative = tolerance, change.old != 0 {
            text += String(format: " (%+.2f %%)", change.delta / abs(change.old) * 100)
        }
        return text
    }

    /// Seconds per epoch: as the report prints them, or in milliseconds when under 10 ms (tiny
    /// test models would otherwise show `0.00 s → 0.00 s`).
    static func seconds(_ value: Double) -> String {
        value.isFinite && value >= 0 && value < 0.01 ? String(format: "%.2f ms", value * 1000) : ReportFormat.seconds(value)
    }

    static func outcome(_ passed: Bool) -> String { passed ? "passed" : "failed" }
}

/// Columns padded to their widest cell (counted in characters, so ✓ and → are one wide), two
/// spaces apart, each line indented by two; no trailing spaces.
struct TextTable {
    var header: [String]?
    var rightAligned: Set<Int>
    var rows: [[String]] = []

    init(header: [String]? = nil, rightAligned: Set<Int> = []) {
        self.header = header
        self.rightAligned = rightAligned
    }

    mutating func add(_ row: [String]) { rows.append(row.map(TerminalText.visible)) }

    func render() -> String {
        let all = (header.map { [$0] } ?? []) + rows
        let columns = all.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in all.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        var out = ""
        for row in all {
            var cells: [String] = []
            for c in 0..<columns {
                let cell = c < row.count ? row[c] : ""
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                cells.append(rightAligned.contains(c) ? pad + cell : cell + pad)
            }
            var line = "  " + cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
