import LabbookReport
import Foundation

/// The comparison of two reports, run by run: what `labbook diff` prints as text, JSON or HTML.
/// Rows come in a stable order: blocks in the new report's order (removed ones where they stood
/// in the old), runs by index, metrics in ``MetricName``'s order.
public struct ReportDiff: Equatable, Sendable {
    /// Where a side came from and what produced it.
    public struct Side: Equatable, Sendable {
        public var path: String
        public var engine: DiffInput.Engine
        public var notebookPath: String
        public var notebookSHA256: String
        public var seed: Int?
    }

    /// A `fit` (by its index in the block, from 1) or an `evaluate`.
    public enum Run: Hashable, Sendable, CustomStringConvertible {
        case fit(Int)
        case evaluation(Int)

        public var description: String {
            switch self {
            case .fit(let i): "fit \(i)"
            case .evaluation(let i): "eval \(i)"
            }
        }
    }

    /// A value, old → new, and whether it moved within tolerance.
    public struct Change: Equatable, Sendable {
        public var old: Double
        public var new: Double
        public var within: Bool
        public var delta: Double { new - old }
    }

    /// One metric of one run. An evaluation has only a final value; a metric missing on one
    /// side has no changes and counts as beyond tolerance.
    public struct MetricRow: Equatable, Sendable {
        public var block: String
        public var run: Run
        public var metric: String
        public var tolerance: Tolerance
        public var final: Change?
        public var best: Change?
        /// Set when the metric is in only one report.
        public var onlyIn: Presence?

        public var within: Bool { onlyIn == nil && (final?.within ?? true) && (best?.within ?? true) }
    }

    public enum Presence: String, Equatable, Sendable {
        case old, new
    }

    public enum BlockChangeKind: String, Equatable, Sendable {
        case added, removed
        case newlyFailing = "newly-failing"
        case newlyPassing = "newly-passing"
        /// Any other change of status (`ok` → `expected-error`, → `skipped`): informational.
        case statusChanged = "status-changed"
    }

    public struct BlockChange: Equatable, Sendable {
        public var label: String
        public var kind: BlockChangeKind
        public var oldStatus: String?
        public var newStatus: String?
    }

    /// An `expect` whose outcome changed, matched by block, text and occurrence.
    public struct ExpectationChange: Equatable, Sendable {
        public var block: String
        public var text: String
        public var oldPassed: Bool
        public var newPassed: Bool
    }

    /// An inline value whose text changed: the prose around it may now be stale.
    public struct InlineChange: Equatable, Sendable {
        /// The line in the new report.
        public var line: Int
        public var expression: String
        public var old: String?
        public var new: String?
        /// The question whose statement or answer cites it (from results.json; for an older
        /// report without that field, the last question opened above its line).
        public var question: String?
    }

    /// Seconds per epoch of one fit, median over its epochs: informational, never fails.
    public struct Timing: Equatable, Sendable {
        public var block: String
        public var run: Run
        public var old: Double
        public var new: Double
        public var ratio: Double { new / old }
    }

    /// The per-epoch values of every metric of one fit in both reports.
    public struct Curves: Equatable, Sendable {
        public struct Metric: Equatable, Sendable {
            public var name: String
            public var old: [(epoch: Int, value: Double)]
            public var new: [(epoch: Int, value: Double)]

            public static func == (a: Metric, b: Metric) -> Bool {
                a.name == b.name && a.old.elementsEqual(b.old) { $0 == $1 } && a.new.elementsEqual(b.new) { $0 == $1 }
            }
        }

        public var block: String
        public var run: Run
        public var metrics: [Metric]
    }

    public var old: Side
    public var new: Side
    public var metrics: [MetricRow] = []
    public var blocks: [BlockChange] = []
    public var expectations: [ExpectationChange] = []
    public var inline: [InlineChange] = []
    public var timings: [Timing] = []
    /// Each matched fit's curves, old and new, for the HTML figures.
    public var curves: [Curves] = []
    /// Runs in only one report (a fit or evaluation added or removed within a matched block).
    public var runsOnlyIn: [(block: String, run: Run, side: Presence)] = []

    public var metricsBeyond: Int { metrics.count { !$0.within } }
    public var newlyFailingBlocks: Int { blocks.count { $0.kind == .newlyFailing } }
    public var newlyFailingExpectations: Int { expectations.count { $0.oldPassed && !$0.newPassed } }

    /// The median over every matched fit of its new/old seconds per epoch: how much faster or
    /// slower the new engine trains overall (nil when no fit has timings on both sides).
    public var medianTimingRatio: Double? { Self.median(timings.map(\.ratio)) }

    /// Within tolerance: no metric beyond, no block or expectation newly failing. Added and
    /// removed blocks, changed inline values and timings are reported but do not fail the diff.
    public var withinTolerance: Bool {
        metricsBeyond == 0 && newlyFailingBlocks == 0 && newlyFailingExpectations == 0
    }

    /// Both reports were made in the same reproducibility class, whose runs give the same bits.
    public var sameClass: Bool {
        old.engine.reproducibility != nil && old.engine.reproducibility == new.engine.reproducibility
    }

    /// Every number the same, bit for bit, and no block, expectation, inline value or run
    /// added, removed or changed: what two renders of one class must give.
    public var identical: Bool {
        metrics.allSatisfy { row in
            row.onlyIn == nil && [row.final, row.best].allSatisfy { $0.map { $0.old.bitPattern == $0.new.bitPattern } ?? true }
        } && blocks.isEmpty && expectations.isEmpty && inline.isEmpty && runsOnlyIn.isEmpty
    }

    /// `labbook diff`'s exit status: 0 within tolerance, 1 beyond.
    public var exitStatus: Int32 { withinTolerance ? 0 : 1 }

    public static func == (a: ReportDiff, b: ReportDiff) -> Bool {
        a.old == b.old && a.new == b.new && a.metrics == b.metrics && a.blocks == b.blocks
            && a.expectations == b.expectations && a.inline == b.inline && a.timings == b.timings && a.curves == b.curves
            && a.runsOnlyIn.elementsEqual(b.runsOnlyIn) { $0.block == $1.block && $0.run == $1.run && $0.side == $1.side }
    }
}

extension ReportDiff.Side {
    init(_ input: DiffInput, path: String) {
        self.init(path: path, engine: input.engine, notebookPath: input.notebook.path,
                  notebookSHA256: input.notebook.sha256, seed: input.notebook.seed)
    }
}
