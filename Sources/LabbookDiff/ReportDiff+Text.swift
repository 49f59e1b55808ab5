import LabbookReport
import Foundation

extension ReportDiff {
    /// The diff as plain text for a terminal, what moved first: a header naming both reports,
    /// then the metrics beyond tolerance, the blocks, expectations and cited values that
    /// changed and the runs in one report only, then one line per block whose metrics stayed
    /// within tolerance (every row with `all`), the timings in one line (each fit with `all`),
    /// and the verdict. A diff of identical reports is the verdict alone. ✓ marks what is
    /// within tolerance (or now passing), ✗ what is beyond. Every text taken from the reports
    /// goes through `TerminalText.visible`, so none can send escape sequences.
    public var text: String { text(all: false) }

    public func text(all: Bool) -> String {
        if identical, sameClass, !all { return summary + "\n" }
        var out = "labbook diff\n"
        out += "  old  \(describe(old))\n"
        out += "  new  \(describe(new))\n"
        if old.notebookSHA256 != new.notebookSHA256 {
            let changed = "\(old.notebookPath) \(old.notebookSHA256.prefix(12)) → \(new.notebookPath) \(new.notebookSHA256.prefix(12))"
            out += "  the notebooks differ: \(TerminalText.visible(changed))\n"
        }

        let beyond = metrics.filter { !$0.within }
        if !beyond.isEmpty {
            out += "\nBeyond tolerance: final and best value of each run, old → new\n" + Self.metricTable(beyond)
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

        if !runsOnlyIn.isEmpty {
            out += "\nRuns in one report only\n"
            var table = TextTable()
            for r in runsOnlyIn { table.add(["·", r.block, "\(r.run)", "only in \(r.side.rawValue)"]) }
            out += table.render()
        }

        let within = metrics.filter(\.within)
        if metrics.isEmpty {
            out += "\nMetrics\n  no runs to compare\n"
        } else if all, !within.isEmpty {
            out += "\nWithin tolerance: final and best value of each run, old → new\n" + Self.metricTable(within)
        } else if !within.isEmpty {
            out += "\nWithin tolerance, by block (--all for every metric)\n"
            var table = TextTable()
            for (block, rows) in Self.byBlock(within) {
                let runs = Set(rows.map(\.run)).count
                let same = rows.allSatisfy { row in [row.final, row.best].allSatisfy { $0.map { $0.old.bitPattern == $0.new.bitPattern } ?? true } }
                table.add(["✓", block, "\(rows.count) metric\(rows.count == 1 ? "" : "s") of \(runs) run\(runs == 1 ? "" : "s")",
                           same ? "unchanged" : "largest change \(Self.largestChange(rows))"])
            }
            out += table.render()
        }

        if !timings.isEmpty {
            out += "\nSeconds per epoch, median over each fit (informational)\n"
            var table = TextTable()
            if all || timings.count == 1 {
                for t in timings {
                    table.add(["·", t.block, "\(t.run)", "\(Self.seconds(t.old)) → \(Self.seconds(t.new))",
                               String(format: "×%.2f", t.ratio)])
                }
            }
            if timings.count > 1, let ratio = medianTimingRatio {
                table.add(["·", "all \(timings.count) fits", "median", all ? "" : "(--all for each)", String(format: "×%.2f", ratio)])
            }
            out += table.render()
        }

        out += "\n" + summary + "\n"
        return out
    }

    /// The metric rows as an aligned table.
    private static func metricTable(_ rows: [MetricRow]) -> String {
        var table = TextTable(header: ["", "block", "run", "metric", "final", "change", "best", "change", "tolerance"],
                              rightAligned: [5, 7])
        for row in rows {
            let mark = row.within ? "✓" : "✗"
            if let side = row.onlyIn {
                table.add([mark, row.block, "\(row.run)", row.metric, "only in \(side.rawValue)", "", "", "", "\(row.tolerance)"])
                continue
            }
            table.add([mark, row.block, "\(row.run)", row.metric, values(row.final), change(row.final, row.tolerance),
                       values(row.best), change(row.best, row.tolerance), "\(row.tolerance)"])
        }
        return table.render()
    }

    /// Rows grouped by block, in the order the blocks first appear.
    static func byBlock(_ rows: [MetricRow]) -> [(block: String, rows: [MetricRow])] {
        var order: [String] = []
        var groups: [String: [MetricRow]] = [:]
        for row in rows {
            if groups[row.block] == nil { order.append(row.block) }
            groups[row.block, default: []].append(row)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// The final value that moved most against its tolerance: `loss +0.0060 (+1.71 %)`.
    static func largestChange(_ rows: [MetricRow]) -> String {
        let moved = rows.compactMap { row in row.final.map { (row, $0) } }.filter { $0.1.delta.isFinite }
        guard let (row, change) = moved.max(by: { $0.0.tolerance.share($0.1) < $1.0.tolerance.share($1.1) }) else { return "–" }
        return "\(row.metric) \(Self.change(change, row.tolerance))"
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
