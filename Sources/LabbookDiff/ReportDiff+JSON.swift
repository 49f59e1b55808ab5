import LabbookReport
import Foundation

extension ReportDiff {
    /// `labbook diff --json`: the diff for tools, keys in a fixed order, numbers as in
    /// results.json (shortest round-trip form, `null` when not finite). Its structure
    /// (`diffFormat` 1) is documented in docs/diff.md:
    ///
    ///     {"diffFormat": 1, "withinTolerance": false, "exitStatus": 1, "sameClass": true, "identical": false,
    ///      "old": {"path", "engine": {"version", "blas", "threads"}, "notebook": {"path", "sha256", "seed"}},
    ///      "new": {...},
    ///      "summary": {"metricsCompared", "metricsBeyond", "blocksNewlyFailing", "expectationsNewlyFailing",
    ///                  "medianSecondsRatio"},
    ///      "metrics": [{"block", "run": "fit"|"evaluation", "index", "metric", "within",
    ///                   "tolerance": {"kind": "absolute"|"relative", "value"}, "onlyIn": "old"|"new"|null,
    ///                   "final": {"old", "new", "change", "within"}|null, "best": {...}|null}],
    ///      "runsOnlyIn": [{"block", "run", "index", "onlyIn"}],
    ///      "blocks": [{"label", "change": "added"|"removed"|"newly-failing"|"newly-passing"|"status-changed",
    ///                  "old": status|null, "new": status|null}],
    ///      "expectations": [{"block", "text", "oldPassed", "newPassed"}],
    ///      "inline": [{"line", "question", "expression", "old", "new", "stale": true}],
    ///      "timings": [{"block", "run", "index", "oldSecondsPerEpoch", "newSecondsPerEpoch", "ratio"}]}
    public var json: String {
        typealias J = ResultsJSON.JSON
        func side(_ s: Side) -> J {
            .object([("path", .string(s.path)),
                     ("engine", .object([("version", .string(s.engine.version)), ("blas", .string(s.engine.blas)),
                                         ("threads", .int(s.engine.threads)),
                                         ("reproducibility", s.engine.reproducibility.map(J.string) ?? .null)])),
                     ("notebook", .object([("path", .string(s.notebookPath)), ("sha256", .string(s.notebookSHA256)),
                                           ("seed", s.seed.map(J.int) ?? .null)]))])
        }
        func run(_ r: Run) -> [(String, J)] {
            switch r {
            case .fit(let i): [("run", .string("fit")), ("index", .int(i))]
            case .evaluation(let i): [("run", .string("evaluation")), ("index", .int(i))]
            }
        }
        func change(_ c: Change?) -> J {
            guard let c else { return .null }
            return .object([("old", .number(c.old)), ("new", .number(c.new)), ("change", .number(c.delta)), ("within", .bool(c.within))])
        }
        func tolerance(_ t: Tolerance) -> J {
            switch t {
            case .absolute(let v): .object([("kind", .string("absolute")), ("value", .number(v))])
            case .relative(let v): .object([("kind", .string("relative")), ("value", .number(v))])
            }
        }
        func optional(_ s: String?) -> J { s.map(J.string) ?? .null }

        let summary: J = .object([
            ("metricsCompared", .int(metrics.count)), ("metricsBeyond", .int(metricsBeyond)),
            ("blocksNewlyFailing", .int(newlyFailingBlocks)), ("expectationsNewlyFailing", .int(newlyFailingExpectations)),
            ("medianSecondsRatio", medianTimingRatio.map(J.number) ?? .null),
        ])
        let metricRows: [J] = metrics.map { m in
            let fields: [(String, J)] = [
                ("metric", .string(m.metric)), ("within", .bool(m.within)), ("tolerance", tolerance(m.tolerance)),
                ("onlyIn", optional(m.onlyIn?.rawValue)), ("final", change(m.final)), ("best", change(m.best)),
            ]
            return .object([("block", .string(m.block))] + run(m.run) + fields)
        }
        let runRows: [J] = runsOnlyIn.map { r in
            .object([("block", .string(r.block))] + run(r.run) + [("onlyIn", .string(r.side.rawValue))])
        }
        let blockRows: [J] = blocks.map { b in
            .object([("label", .string(b.label)), ("change", .string(b.kind.rawValue)),
                     ("old", optional(b.oldStatus)), ("new", optional(b.newStatus))])
        }
        let expectationRows: [J] = expectations.map { e in
            .object([("block", .string(e.block)), ("text", .string(e.text)),
                     ("oldPassed", .bool(e.oldPassed)), ("newPassed", .bool(e.newPassed))])
        }
        let inlineRows: [J] = inline.map { i in
            .object([("line", .int(i.line)), ("question", optional(i.question)), ("expression", .string(i.expression)),
                     ("old", optional(i.old)), ("new", optional(i.new)), ("stale", .bool(true))])
        }
        let timingRows: [J] = timings.map { t in
            let fields: [(String, J)] = [
                ("oldSecondsPerEpoch", .number(t.old)), ("newSecondsPerEpoch", .number(t.new)), ("ratio", .number(t.ratio)),
            ]
            return .object([("block", .string(t.block))] + run(t.run) + fields)
        }
        let value: J = .object([
            ("diffFormat", .int(1)),
            ("withinTolerance", .bool(withinTolerance)),
            ("exitStatus", .int(Int(exitStatus))),
            ("sameClass", .bool(sameClass)),
            ("identical", .bool(identical)),
            ("old", side(old)),
            ("new", side(new)),
            ("summary", summary),
            ("metrics", .array(metricRows)),
            ("runsOnlyIn", .array(runRows)),
            ("blocks", .array(blockRows)),
            ("expectations", .array(expectationRows)),
            ("inline", .array(inlineRows)),
            ("timings", .array(timingRows)),
        ])
        var out = ""
        ResultsJSON.encode(value, indent: "", into: &out)
        return out + "\n"
    }
}
