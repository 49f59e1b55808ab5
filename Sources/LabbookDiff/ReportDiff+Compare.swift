import Foundation
import LabbookEngine

extension ReportDiff {
    /// Compares `old` with `new` (decoded results.json files; the paths name them in the output).
    public init(old: DiffInput, oldPath: String, new: DiffInput, newPath: String, tolerances: Tolerances = Tolerances()) {
        self.init(old: Side(old, path: oldPath), new: Side(new, path: newPath))
        let oldBlocks = Self.keyed(old.blocks, by: \.label)
        let oldIndex = Dictionary(uniqueKeysWithValues: oldBlocks.enumerated().map { ($1.key, $0) })
        let newKeys = Set(Self.keyed(new.blocks, by: \.label).map(\.key))
        var nextOld = 0
        func emitRemoved(upTo end: Int) {
            while nextOld < end {
                let (key, block) = oldBlocks[nextOld]
                if !newKeys.contains(key) {
                    blocks.append(BlockChange(label: block.label, kind: .removed, oldStatus: block.status, newStatus: nil))
                }
                nextOld += 1
            }
        }
        let newBlocks = Self.keyed(new.blocks, by: \.label)
        // For each new block, the old index of the next matched block after it (one pass from
        // the end, so that many added blocks cost linear time, not quadratic).
        var nextMatches = [Int](repeating: oldBlocks.count, count: newBlocks.count)
        for position in newBlocks.indices.dropLast().reversed() {
            nextMatches[position] = oldIndex[newBlocks[position + 1].key] ?? nextMatches[position + 1]
        }
        for (position, (key, newBlock)) in newBlocks.enumerated() {
            guard let index = oldIndex[key] else {
                // Removed blocks that stood before the next matched one come first, as in a unified diff.
                emitRemoved(upTo: nextMatches[position])
                blocks.append(BlockChange(label: newBlock.label, kind: .added, oldStatus: nil, newStatus: newBlock.status))
                continue
            }
            emitRemoved(upTo: index)
            nextOld = max(nextOld, index + 1)
            compare(oldBlocks[index].value, newBlock, tolerances: tolerances)
        }
        emitRemoved(upTo: oldBlocks.count)
        compareInline(old, new)
    }

    private mutating func compare(_ old: DiffInput.Block, _ new: DiffInput.Block, tolerances: Tolerances) {
        if old.status != new.status {
            let kind: BlockChangeKind = if !Self.failing(old.status) && Self.failing(new.status) { .newlyFailing }
                else if Self.failing(old.status) && Self.passing(new.status) { .newlyPassing }
                else { .statusChanged }
            blocks.append(BlockChange(label: new.label, kind: kind, oldStatus: old.status, newStatus: new.status))
        }
        for i in 0..<max(old.fits.count, new.fits.count) {
            let run = Run.fit(i + 1)
            guard i < old.fits.count, i < new.fits.count else {
                runsOnlyIn.append((new.label, run, i < old.fits.count ? .old : .new))
                continue
            }
            compareFit(old.fits[i], new.fits[i], block: new.label, run: run, tolerances: tolerances)
        }
        for i in 0..<max(old.evaluations.count, new.evaluations.count) {
            let run = Run.evaluation(i + 1)
            guard i < old.evaluations.count, i < new.evaluations.count else {
                runsOnlyIn.append((new.label, run, i < old.evaluations.count ? .old : .new))
                continue
            }
            let (o, n) = (Self.lookup(old.evaluations[i]), Self.lookup(new.evaluations[i]))
            for name in Self.union(Array(o.keys), Array(n.keys)) {
                let tolerance = tolerances.tolerance(for: name)
                var row = MetricRow(block: new.label, run: run, metric: name, tolerance: tolerance)
                if let a = o[name], let b = n[name] {
                    row.final = Change(old: a, new: b, within: tolerance.allows(old: a, new: b))
                } else {
                    row.onlyIn = o[name] == nil ? .new : .old
                }
                metrics.append(row)
            }
        }
        let oldExpectations = Dictionary(uniqueKeysWithValues: Self.keyed(old.expectations, by: \.text).map { ($0.key, $0.value) })
        for (key, expectation) in Self.keyed(new.expectations, by: \.text) {
            guard let before = oldExpectations[key], before.passed != expectation.passed else { continue }
            expectations.append(ExpectationChange(block: new.label, text: expectation.text,
                                                  oldPassed: before.passed, newPassed: expectation.passed))
        }
    }

    private mutating func compareFit(_ old: DiffInput.Fit, _ new: DiffInput.Fit, block: String, run: Run, tolerances: Tolerances) {
        let oldSeries = Self.series(old), newSeries = Self.series(new)
        let names = Self.union(Array(oldSeries.keys), Array(newSeries.keys))
        curves.append(Curves(block: block, run: run, metrics: names.map { name in
            Curves.Metric(name: name, old: oldSeries[name] ?? [], new: newSeries[name] ?? [])
        }))
        for name in names {
            let tolerance = tolerances.tolerance(for: name)
            var row = MetricRow(block: block, run: run, metric: name, tolerance: tolerance)
            let a = (oldSeries[name] ?? []).map(\.value), b = (newSeries[name] ?? []).map(\.value)
            if let finalA = a.last, let finalB = b.last {
                let direction = MetricName(keras: name).direction
                row.final = Change(old: finalA, new: finalB, within: tolerance.allows(old: finalA, new: finalB))
                let bestA = direction.best(of: a) ?? .nan, bestB = direction.best(of: b) ?? .nan
                row.best = Change(old: bestA, new: bestB, within: tolerance.allows(old: bestA, new: bestB))
            } else {
                row.onlyIn = a.isEmpty ? .new : .old
            }
            metrics.append(row)
        }
        let secondsA = old.epochs.compactMap(\.seconds), secondsB = new.epochs.compactMap(\.seconds)
        if let a = Self.median(secondsA), let b = Self.median(secondsB), a > 0 {
            timings.append(Timing(block: block, run: run, old: a, new: b))
        }
    }

    private mutating func compareInline(_ old: DiffInput, _ new: DiffInput) {
        let before = Dictionary(uniqueKeysWithValues: Self.keyed(old.inline, by: \.expression).map { ($0.key, $0.value) })
        for (key, value) in Self.keyed(new.inline, by: \.expression) {
            guard let previous = before[key], previous.value != value.value else { continue }
            let question: String? = switch value.question {
            case .known(let id): id
            case .unknown: new.questions.filter { $0.line <= value.line }.max { $0.line < $1.line }?.id
            }
            inline.append(InlineChange(line: value.line, expression: value.expression, old: previous.value,
                                       new: value.value, question: question))
        }
    }
}

extension ReportDiff {
    /// `error`, `timeout`, `interrupted`: the block did not end as its author meant.
    static func failing(_ status: String) -> Bool { ["error", "timeout", "interrupted"].contains(status) }
    static func passing(_ status: String) -> Bool { ["ok", "expected-error"].contains(status) }

    /// Items with a key that is unique even when the name repeats: `name`, then `name#2`…
    static func keyed<T>(_ items: [T], by name: (T) -> String) -> [(key: String, value: T)] {
        var seen: [String: Int] = [:]
        return items.map { item in
            let n = name(item)
            seen[n, default: 0] += 1
            return (seen[n]! == 1 ? n : "\(n)#\(seen[n]!)", item)
        }
    }

    /// Each metric of a fit with its value at every epoch that has it, read in one pass (a
    /// report with thousands of metrics must not cost a search per metric and epoch).
    static func series(_ fit: DiffInput.Fit) -> [String: [(epoch: Int, value: Double)]] {
        var series: [String: [(epoch: Int, value: Double)]] = [:]
        for epoch in fit.epochs {
            for (name, value) in epoch.metrics.values { series[name, default: []].append((epoch.epoch, value)) }
        }
        return series
    }

    /// An evaluation's metrics by name (the first of a repeated name).
    static func lookup(_ metrics: DiffInput.Metrics) -> [String: Double] {
        Dictionary(metrics.values.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The names of both lists once each, in ``MetricName``'s order.
    static func union(_ a: [String], _ b: [String]) -> [String] {
        Array(Set(a + b)).sortedByMetricOrder { $0 }
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
