import Foundation
import Testing
@testable import LabbookReport
import LabbookNotebook
@testable import LabbookRun
import LabbookTestSupport

/// The block cache: an unchanged notebook replays every block without running any; a change
/// to a block, the seed or the cache's soundness makes the notebook run again.
@Suite struct BlockCacheTests {
    struct Workspace {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-cache-\(UUID().uuidString)")
        let name: String
        var notebook: URL { folder.appendingPathComponent(name + ".md") }
        var report: URL { folder.appendingPathComponent("out/" + name) }

        init(_ name: String = "sample") throws {
            self.name = name
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: NotebookRenderTests.notebooks.appendingPathComponent(name + ".md"), to: notebook)
        }

        /// Renders; returns whether the notebook ran (the runner was created) and the outcome.
        func render(seed: Int? = nil, usesCache: Bool = true) -> (ran: Bool, outcome: NotebookRender.Outcome) {
            let (ran, outcome, _) = recordedRender(seed: seed, usesCache: usesCache)
            return (ran, outcome)
        }

        /// Renders into `output` (`out` unless given), recording which blocks ran and which were
        /// replayed.
        func recordedRender(seed: Int? = nil, usesCache: Bool = true,
                            output: String = "out") -> (ran: Bool, outcome: NotebookRender.Outcome, blocks: Recorder) {
            var options = NotebookRender.Options()
            options.outputDirectory = folder.appendingPathComponent(output).path
            options.seed = seed
            options.usesCache = usesCache
            var ran = false
            let recorder = Recorder()
            let outcome = NotebookRender(path: notebook.path, options: options).run(prepare: { runner in
                ran = true
                runner.observer = recorder
            })
            return (ran, outcome, recorder)
        }

        func edit(_ old: String, _ new: String) throws {
            let text = try String(contentsOf: notebook, encoding: .utf8)
            try text.replacingOccurrences(of: old, with: new).write(to: notebook, atomically: true, encoding: .utf8)
        }

        func file(_ name: String) throws -> Data { try Data(contentsOf: report.appendingPathComponent(name)) }
    }

    /// The blocks a render ran and replayed, in order.
    final class Recorder: NotebookRunner.Observer {
        var ran: [String] = []
        var replayed: [String] = []
        func cellStarted(_ cell: Cell, number: Int, of total: Int) { ran.append(cell.label) }
        func cellFinished(_ cell: Cell, result: NotebookRun.CellResult) {}
        func cellReplayed(_ cell: Cell, number: Int, of total: Int) { replayed.append(cell.label) }
    }

    @Test func anUnchangedNotebookReplaysEveryBlockAndGivesTheSameReport() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        let first = w.render()
        #expect(first.ran && !first.outcome.replayed && first.outcome.exitStatus == 0)
        let markdown = try w.file("report.md"), figure = try w.file("figures/fit-1.png")
        let second = w.render()
        #expect(!second.ran && second.outcome.replayed)
        #expect(try w.file("report.md") == markdown)
        #expect(try w.file("figures/fit-1.png") == figure)
        let json = try JSONSerialization.jsonObject(with: try w.file("results.json")) as? [String: Any]
        let blocks = json?["blocks"] as? [[String: Any]] ?? []
        #expect(blocks.allSatisfy { $0["cached"] as? Bool == true })
    }

    @Test func editingProseReplaysButEditingABlockRunsAgain() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        _ = w.render()
        try w.edit("Some prose", "Some edited prose")
        #expect(!w.render().ran)
        try w.edit("epochs: 3", "epochs: 2")
        let edited = w.render()
        #expect(edited.ran && !edited.outcome.replayed)
        #expect(String(decoding: try w.file("report.md"), as: UTF8.self).contains("| 2 | "))
        #expect(!w.render().ran)
    }

    /// A failed inline expression fails every render, the replayed ones too: its value is not
    /// cached, so a replay evaluates it again (the blocks still replay) and reports it again.
    @Test func aFailedInlineExpressionFailsTheReplayToo() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        try w.edit("Some prose", "Some prose with `{swift} noSuchName` and")
        let first = w.render()
        #expect(first.ran && first.outcome.exitStatus == 1)
        #expect(first.outcome.messages.contains { $0.contains("unknown name 'noSuchName'") }, "\(first.outcome.messages)")
        let second = w.render()
        #expect(!second.ran && second.outcome.replayed)
        #expect(second.outcome.exitStatus == 1)
        #expect(second.outcome.messages.contains { $0.contains("unknown name 'noSuchName'") }, "\(second.outcome.messages)")
        let json = try JSONSerialization.jsonObject(with: try w.file("results.json")) as? [String: Any]
        #expect(json?["exitStatus"] as? Int == 1)
    }

    @Test func aNewSeedOrNoCacheRunsAgain() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        _ = w.render()
        #expect(w.render(seed: 7).ran)
        #expect(w.render(seed: 7, usesCache: false).ran)
        #expect(!w.render(seed: 7).ran)
    }

    @Test func aCorruptedCacheIsReportedAndIgnored() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        _ = w.render()
        try Data("{\"format\": 1, \"truncated".utf8).write(to: w.report.appendingPathComponent(".cache/blocks.json"))
        let (ran, outcome) = w.render()
        #expect(ran)
        #expect(outcome.messages.contains {
            $0.hasPrefix("warning:") && $0.hasSuffix("blocks.json cannot be read (it is damaged or not a labbook cache); ignoring it")
        }, "\(outcome.messages)")
        #expect(!w.render().ran)
    }
}
