import Foundation
import Testing
@testable import LabbookReport
@testable import LabbookDiff
import LabbookTestSupport

let diffFixtures = testsDirectory().appendingPathComponent("DiffFixtures")

/// The two fixture reports differ in every way a diff reports: metrics within and beyond
/// tolerance (absolute, relative, overridden), an evaluation, blocks added, removed, newly
/// failing and newly passing, a fit gone with its block, expectations that changed outcome, an
/// inline value that moved, seconds per epoch, a metric in one report only, a status changed
/// otherwise (ok → skipped), and notebooks that differ.
func fixtureDiff(tolerances: [String] = ["val_accuracy=0.003", "val_loss=rel:0.1"]) throws -> ReportDiff {
    let old = try DiffInput.load(path: diffFixtures.appendingPathComponent("old.json").path)
    let new = try DiffInput.load(path: diffFixtures.appendingPathComponent("new.json").path)
    return ReportDiff(old: old, oldPath: "old/results.json", new: new, newPath: "new/results.json",
                      tolerances: try Tolerances.parse(tolerances))
}

@Suite struct DiffTests {
    /// The whole text output, byte for byte, against `DiffFixtures/expected.txt`
    /// (`LABBOOK_UPDATE_GOLDEN=1` rewrites it; review its diff before committing).
    @Test func textMatchesGolden() throws {
        let text = try fixtureDiff().text
        let golden = diffFixtures.appendingPathComponent("expected.txt")
        if updatingGolden { try Data(text.utf8).write(to: golden) }
        #expect(text == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test func beyondToleranceExitsOne() throws {
        let diff = try fixtureDiff()
        #expect(diff.exitStatus == 1)
        #expect(!diff.withinTolerance)
    }

    @Test func sameReportIsWithinTolerance() throws {
        let old = try DiffInput.load(path: diffFixtures.appendingPathComponent("old.json").path)
        let diff = ReportDiff(old: old, oldPath: "a", new: old, newPath: "b")
        #expect(diff.exitStatus == 0)
        #expect(diff.metricsBeyond == 0)
        #expect(diff.blocks.isEmpty && diff.expectations.isEmpty && diff.inline.isEmpty)
        #expect(diff.timings.map(\.ratio) == [1, 1])
        #expect(diff.text.hasSuffix("✓ within tolerance (exit 0)\n"))
    }

    /// What stayed within tolerance is one line per block, every row with `--all`; a diff of
    /// identical reports of one class is one line.
    @Test func withinToleranceIsALinePerBlockAndIdenticalIsOneLine() throws {
        let text = try fixtureDiff().text
        #expect(text.contains("\nWithin tolerance, by block (--all for every metric)\n"
                              + "  ✓  fit  3 metrics of 1 run  largest change loss +0.0060 (+1.71 %)\n"), "\(text)")
        #expect(!text.contains("0.3500 → 0.3560"), "a row within tolerance is not shown without --all")
        let all = try fixtureDiff().text(all: true)
        #expect(all.contains("\nWithin tolerance: final and best value of each run, old → new\n"))
        #expect(all.contains("0.3500 → 0.3560"))
        // What moved comes first.
        let order = ["Beyond tolerance", "Blocks", "Expectations that changed outcome", "Inline values", "Runs in one report only",
                     "Within tolerance, by block"].map { text.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())

        var old = try DiffInput.load(path: diffFixtures.appendingPathComponent("old.json").path)
        old.engine.reproducibility = "x86-64-v3, fixed order"
        let same = ReportDiff(old: old, oldPath: "a", new: old, newPath: "b")
        #expect(same.text == "8 metrics compared: identical, bit for bit (both of reproducibility class x86-64-v3, fixed order). "
                + "✓ within tolerance (exit 0)\n")
        #expect(same.text(all: true).hasPrefix("labbook diff\n"))
    }

    /// The page leads with what moved: the metrics beyond tolerance and their fits' curves, then
    /// a folded line per block within tolerance.
    @Test func thePageLeadsWithWhatMoved() throws {
        let html = try fixtureDiff().html()
        let beyond = try #require(html.range(of: "<h2>Beyond tolerance</h2>"))
        let figure = try #require(html.range(of: "<figcaption>fit, fit 1: old dashed, new solid</figcaption>"))
        let within = try #require(html.range(of: "<h2>Within tolerance</h2>"))
        #expect(beyond.lowerBound < figure.lowerBound && figure.lowerBound < within.lowerBound)
        #expect(html.contains("<details><summary>✓ fit: 3 metrics of 1 run, largest change loss +0.0060 (+1.71 %)</summary>"))
        #expect(html.contains("<h2>Runs in one report only</h2>"))
    }

    /// Metrics: each row's verdict under the overrides, and what the defaults would say instead.
    @Test(arguments: [
        // block, run, metric, within with the fixture's overrides, within with the defaults
        ("fit", ReportDiff.Run.fit(1), "loss", true, true),             // 1.7 % under 2 % relative
        ("fit", .fit(1), "accuracy", true, true),                       // 0.003 under 0.005 absolute
        ("fit", .fit(1), "val_loss", true, false),                      // 7.3 %: under rel:0.1, over 2 %
        ("fit", .fit(1), "val_accuracy", false, true),                  // 0.004: over 0.003, under 0.005
        ("fit", .evaluation(1), "loss", false, false),                  // 5.6 %
        ("fit", .evaluation(1), "accuracy", false, false),              // 0.031
    ])
    func metricVerdicts(block: String, run: ReportDiff.Run, metric: String, withOverrides: Bool, withDefaults: Bool) throws {
        for (tolerances, expected) in [(["val_accuracy=0.003", "val_loss=rel:0.1"], withOverrides), ([], withDefaults)] {
            let row = try #require(try fixtureDiff(tolerances: tolerances).metrics.first {
                $0.block == block && $0.run == run && $0.metric == metric
            })
            #expect(row.within == expected, "\(metric) with \(tolerances)")
        }
    }

    @Test func bestIsMaxForAccuraciesMinForLosses() throws {
        let rows = try fixtureDiff().metrics.filter { $0.run == .fit(1) && $0.block == "fit" }
        let best = Dictionary(uniqueKeysWithValues: rows.map { ($0.metric, $0.best!) })
        #expect(best["val_accuracy"]?.old == 0.85 && best["val_accuracy"]?.new == 0.854)
        #expect(best["val_loss"]?.old == 0.4 && best["val_loss"]?.new == 0.43)
        #expect(rows.map(\.metric) == ["loss", "accuracy", "val_loss", "val_accuracy"])
    }

    @Test func blocksExpectationsInlineAndTimings() throws {
        let diff = try fixtureDiff()
        #expect(diff.blocks.map { "\($0.label) \($0.kind.rawValue)" }
                == ["old-only removed", "new-only added", "tune newly-failing", "flaky newly-passing", "plot status-changed"])
        #expect(diff.expectations.map { "\($0.text) \($0.oldPassed)→\($0.newPassed)" }
                == ["expect(acc > 0.85) true→false", "expect(loss < 0.3) false→true"])
        #expect(diff.newlyFailingExpectations == 1)
        #expect(diff.inline == [.init(line: 36, expression: "acc.percent", old: "88.00 %", new: "84.90 %", question: "1")])
        #expect(diff.runsOnlyIn.map { "\($0.block) \($0.run) \($0.side)" } == ["tune fit 1 old"])
        let timing = try #require(diff.timings.first)
        #expect(timing.old == 0.3 && timing.new == 0.21)
        #expect(abs(timing.ratio - 0.7) < 1e-12)
    }

    /// Informational rows (an inline value, seconds, an added block) never fail a diff.
    @Test func informationalChangesDoNotFail() throws {
        var new = try DiffInput.load(path: diffFixtures.appendingPathComponent("old.json").path)
        let old = new
        new.inline[0].value = "90.00 %"
        new.blocks[1].fits[0].epochs = new.blocks[1].fits[0].epochs.map { var e = $0; e.seconds = 3; return e }
        new.blocks.append(new.blocks[0])
        new.blocks[new.blocks.count - 1].label = "extra"
        let diff = ReportDiff(old: old, oldPath: "a", new: new, newPath: "b")
        #expect(diff.inline.count == 1 && diff.blocks.map(\.kind) == [.added])
        #expect(diff.exitStatus == 0)
    }

    /// Two fits, one twice as fast and one as fast: each ratio, and their median in the text.
    @Test func timingRatios() throws {
        let old = try DiffInput.load(path: diffFixtures.appendingPathComponent("old.json").path)
        var new = old
        new.blocks[1].fits[0].epochs = new.blocks[1].fits[0].epochs.map { var e = $0; e.seconds = e.seconds! / 2; return e }
        new.blocks[4].fits[0].epochs = new.blocks[4].fits[0].epochs.map { var e = $0; e.seconds = e.seconds! * 4; return e }
        let diff = ReportDiff(old: old, oldPath: "a", new: new, newPath: "b")
        #expect(diff.timings.map(\.ratio) == [0.5, 4])
        #expect(diff.medianTimingRatio == 2.25)
        #expect(diff.text.contains("  ·  all 2 fits  median  (--all for each)  ×2.25\n"), "\(diff.text)")
        #expect(diff.text(all: true).contains("  ·  fit         fit 1   0.30 s → 0.15 s  ×0.50\n"), "\(diff.text(all: true))")
        #expect(diff.text(all: true).contains("  ·  all 2 fits  median                   ×2.25\n"))
        #expect(diff.exitStatus == 0)
    }

    /// `--json`: decoded, it says what the text says.
    @Test func jsonOutput() throws {
        let diff = try fixtureDiff()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(diff.json.utf8)) as? [String: Any])
        #expect(json["diffFormat"] as? Int == 1)
        #expect(json["withinTolerance"] as? Bool == false)
        #expect(json["exitStatus"] as? Int == 1)
        #expect((json["old"] as? [String: Any]).flatMap { ($0["engine"] as? [String: Any])?["version"] as? String } == "0.3.0")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["metricsCompared"] as? Int == 7)
        #expect(summary["metricsBeyond"] as? Int == 4)
        #expect(summary["blocksNewlyFailing"] as? Int == 1)
        #expect(summary["expectationsNewlyFailing"] as? Int == 1)
        #expect(summary["medianSecondsRatio"] as? Double == 0.7)
        let metrics = try #require(json["metrics"] as? [[String: Any]])
        let valAccuracy = try #require(metrics.first { $0["metric"] as? String == "val_accuracy" && $0["block"] as? String == "fit" })
        #expect(valAccuracy["run"] as? String == "fit" && valAccuracy["index"] as? Int == 1)
        #expect(valAccuracy["within"] as? Bool == false)
        #expect((valAccuracy["tolerance"] as? [String: Any])?["kind"] as? String == "absolute")
        #expect((valAccuracy["tolerance"] as? [String: Any])?["value"] as? Double == 0.003)
        let final = try #require(valAccuracy["final"] as? [String: Any])
        #expect(final["old"] as? Double == 0.849 && final["new"] as? Double == 0.853)
        let evaluation = try #require(metrics.first { $0["run"] as? String == "evaluation" && $0["metric"] as? String == "loss" })
        #expect(evaluation["best"] is NSNull)
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["change"] as? String } == ["removed", "added", "newly-failing", "newly-passing", "status-changed"])
        #expect(blocks[0]["new"] is NSNull && blocks[2]["old"] as? String == "ok" && blocks[2]["new"] as? String == "timeout")
        let inline = try #require(json["inline"] as? [[String: Any]])
        #expect(inline.first?["old"] as? String == "88.00 %" && inline.first?["stale"] as? Bool == true)
        let timings = try #require(json["timings"] as? [[String: Any]])
        #expect(timings.first?["oldSecondsPerEpoch"] as? Double == 0.3)
        #expect((json["runsOnlyIn"] as? [[String: Any]])?.first?["onlyIn"] as? String == "old")
        #expect((json["expectations"] as? [[String: Any]])?.count == 2)
        let top5 = try #require(metrics.first { $0["metric"] as? String == "top5_accuracy" })
        #expect(top5["onlyIn"] as? String == "new" && top5["final"] is NSNull && top5["within"] as? Bool == false)
    }

    @Test func htmlPage() throws {
        var new = try DiffInput.load(path: diffFixtures.appendingPathComponent("new.json").path)
        new.blocks[5].label = "<fit & \"run\">"
        let old = try DiffInput.load(path: diffFixtures.appendingPathComponent("old.json").path)
        let html = try ReportDiff(old: old, oldPath: "old", new: new, newPath: "new").html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("&lt;fit &amp; &quot;run&quot;&gt;"))
        #expect(!html.contains("<fit"))
        #expect(html.contains("data:image/png;base64,iVBORw0KGgo"))
        let page = try fixtureDiff().html()
        #expect(page.components(separatedBy: "<figure>").count - 1 == 1)  // one matched fit
        #expect(page.contains("class=\"verdict fail\""))
    }
}

/// Reports of one reproducibility class whose numbers match are identical; across classes the
/// diff says it compares with tolerances.
@Suite struct DiffClassTests {
    static func report(reproducibility: String?, valAccuracy: Double = 0.8512) throws -> DiffInput {
        let engine = reproducibility.map { "\"reproducibility\": \"\($0)\"," } ?? ""
        let json = """
            {"format": 1, "engine": {\(engine) "version": "0.3.0", "blas": "labbook GEMM 1", "threads": 1},
             "notebook": {"path": "n.md", "sha256": "ab", "title": "n", "seed": 42}, "exitStatus": 0,
             "blocks": [{"label": "fit", "line": 3, "status": "ok", "seconds": 1, "cached": false,
                         "fits": [{"epochs": [{"epoch": 1, "loss": 0.5, "val_accuracy": \(valAccuracy), "seconds": 0.3}],
                                   "stopReason": "completed", "params": 10}],
                         "evaluations": [], "expectations": [], "diagnostics": []}],
             "questions": []}
            """
        return try DiffInput.decode(Data(json.utf8), path: "results.json")
    }

    static func diff(_ old: DiffInput, _ new: DiffInput) throws -> ReportDiff {
        ReportDiff(old: old, oldPath: "old", new: new, newPath: "new", tolerances: try Tolerances.parse([]))
    }

    @Test func sameClassAndNumbersAreIdentical() throws {
        let class3 = "x86-64-v3, fixed order"
        let diff = try Self.diff(try Self.report(reproducibility: class3), try Self.report(reproducibility: class3))
        #expect(diff.sameClass && diff.identical)
        #expect(diff.summary == "2 metrics compared: identical, bit for bit (both of reproducibility class x86-64-v3, fixed order). "
                + "✓ within tolerance (exit 0)")
        // One digit in the last place is not identical, though within tolerance.
        let moved = try Self.diff(try Self.report(reproducibility: class3), try Self.report(reproducibility: class3, valAccuracy: 0.85120001))
        #expect(!moved.identical && moved.withinTolerance)
        #expect(moved.summary == "2 metrics compared, 0 beyond tolerance. ✓ within tolerance (exit 0)")
    }

    @Test func otherClassesAreComparedWithTolerancesAndSaySo() throws {
        let diff = try Self.diff(try Self.report(reproducibility: nil), try Self.report(reproducibility: "x86-64-v3, fixed order"))
        #expect(!diff.sameClass)
        #expect(diff.summary == "2 metrics compared, 0 beyond tolerance. The reproducibility classes differ "
                + "(none (engine 0.3.0) → x86-64-v3, fixed order): compared with tolerances. ✓ within tolerance (exit 0)")
    }
}
