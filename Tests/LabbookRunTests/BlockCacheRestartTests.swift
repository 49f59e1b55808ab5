import Foundation
import Testing
@testable import LabbookReport
import LabbookNotebook
@testable import LabbookRun
import LabbookTestSupport

/// Restarting after an edit: the blocks before the edited one are replayed, the session is
/// restored from the state saved after the last of them, and only the edited block and those
/// after it run; the report is the one a render from scratch gives. A state that cannot be
/// saved or read makes the render restart earlier, never restore wrongly.
@Suite struct BlockCacheRestartTests {
    typealias Workspace = BlockCacheTests.Workspace
    static let blocks = ["data", "model", "first-fit", "second-fit", "other", "last"]
    static let secondFit = "let h2 = model.fit(x, y, epochs: 4"
    static let edit = "// edited\n" + secondFit

    /// The report files a render from scratch and one with the cache must share byte for
    /// byte: report.md, every figure, and results.json without its timings and `cached` flags.
    static func comparableFiles(_ report: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        files["report.md"] = try Data(contentsOf: report.appendingPathComponent("report.md"))
        let figures = report.appendingPathComponent("figures")
        for name in try FileManager.default.contentsOfDirectory(atPath: figures.path) {
            files["figures/" + name] = try Data(contentsOf: figures.appendingPathComponent(name))
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report.appendingPathComponent("results.json")))
        files["results.json"] = try JSONSerialization.data(withJSONObject: withoutTimings(json), options: .sortedKeys)
        return files
    }

    static func withoutTimings(_ json: Any) -> Any {
        if let object = json as? [String: Any] {
            let timings: Set = ["seconds", "cached", "renderSeconds", "renderedAt"]
            return object.filter { !timings.contains($0.key) }.mapValues(withoutTimings)
        }
        if let array = json as? [Any] { return array.map(withoutTimings) }
        return json
    }

    /// The path of the state saved after `label` in the report of `w`.
    static func statePath(_ w: Workspace, after label: String) throws -> String {
        let notebook = try #require(NotebookReader.read(path: w.notebook.path).notebook)
        let key = try #require(BlockCache.keys(for: notebook, seed: notebook.frontMatter.seed).blocks[label])
        return StateCache(reportDirectory: w.report.path).path(forKey: key)
    }

    @Test func anEditReRunsExactlyTheEditedBlockAndThoseAfterIt() throws {
        let w = try Workspace("restart")
        defer { try? FileManager.default.removeItem(at: w.folder) }
        let first = w.recordedRender()
        #expect(first.outcome.exitStatus == 0, "\(first.outcome.messages)")
        #expect(first.blocks.ran == Self.blocks)
        try w.edit(Self.secondFit, Self.edit)
        let edited = w.recordedRender()
        #expect(edited.blocks.replayed == ["data", "model", "first-fit"])
        #expect(edited.blocks.ran == ["second-fit", "other", "last"])
        #expect(edited.outcome.messages.contains { $0.contains("restarted after block 'first-fit'") })
        let again = w.recordedRender()
        #expect(!again.ran && again.outcome.replayed)
    }

    @Test func aRestartGivesTheReportARenderFromScratchGives() throws {
        let w = try Workspace("restart")
        defer { try? FileManager.default.removeItem(at: w.folder) }
        _ = w.render()
        try w.edit(Self.secondFit, Self.edit)
        let restarted = w.recordedRender()
        #expect(restarted.blocks.ran == ["second-fit", "other", "last"])
        let scratch = w.recordedRender(usesCache: false, output: "scratch")
        #expect(scratch.blocks.ran == Self.blocks)
        let fromCache = try Self.comparableFiles(w.report)
        let fromScratch = try Self.comparableFiles(w.folder.appendingPathComponent("scratch/restart"))
        #expect(fromCache.keys.sorted() == fromScratch.keys.sorted())
        for (name, data) in fromScratch { #expect(fromCache[name] == data, "\(name)") }
        // The early stopping of the second fit depends on the best loss of the first, which
        // the restored callback remembered; the closure callback's list came back too.
        let markdown = String(decoding: fromCache["report.md"] ?? Data(), as: UTF8.self)
        #expect(markdown.contains("Stopped: early stopping") && markdown.contains("[0, 1, 2]"))
    }

    @Test func aNewInlineValueInProseIsEvaluatedFromTheStateWithoutRunningABlock() throws {
        let w = try Workspace("restart")
        defer { try? FileManager.default.removeItem(at: w.folder) }
        _ = w.render()
        let sentence = "After two epochs the loss is `{swift} h1.loss.last!`."
        try w.edit(sentence, sentence + " It started at `{swift} h1.loss[0]`, `{swift} h1.epochs` epochs before.")
        let edited = w.recordedRender()
        #expect(!edited.ran && edited.outcome.replayed, "\(edited.blocks.ran)")
        let again = w.recordedRender()
        #expect(!again.ran && again.outcome.replayed)
        let scratch = w.recordedRender(usesCache: false, output: "scratch")
        let fromCache = try Self.comparableFiles(w.report)
        let fromScratch = try Self.comparableFiles(w.folder.appendingPathComponent("scratch/restart"))
        #expect(fromCache["report.md"] == fromScratch["report.md"])
        #expect(fromCache["results.json"] == fromScratch["results.json"])
        #expect(String(decoding: fromCache["report.md"] ?? Data(), as: UTF8.self).contains("epochs before"))
        #expect(scratch.blocks.ran == Self.blocks)
    }

    @Test func aClosureOverLocalVariablesMakesTheBlocksAfterItRunAgain() throws {
        let w = try Workspace("restart")
        defer { try? FileManager.default.removeItem(at: w.folder) }
        try w.edit("let model = network(8)", """
            func makeCounter() -> () -> Int {
                var n = 0
                return { n += 1; return n }
            }
            let tick = makeCounter()
            let model = network(8)
            """)
        let first = w.recordedRender()
        #expect(first.outcome.messages.contains { $0.hasPrefix("note:") && $0.contains("'model' cannot be saved") && $0.contains("'tick'") })
        try w.edit(Self.secondFit, Self.edit)
        let edited = w.recordedRender()
        #expect(edited.blocks.replayed == ["data"])
        #expect(edited.blocks.ran == ["model", "first-fit", "second-fit", "other", "last"])
    }

    enum Damage: String, CaseIterable {
        case truncated, flippedBit, otherVersion, missing
    }

    @Test(arguments: Damage.allCases)
    func aDamagedStateIsReportedInOneLineAndAnEarlierOneUsed(_ damage: Damage) throws {
        let w = try Workspace("restart")
        defer { try? FileManager.default.removeItem(at: w.folder) }
        _ = w.render()
        let path = try Self.statePath(w, after: "first-fit")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        switch damage {
        case .truncated: bytes.removeLast(bytes.count / 2)
        case .flippedBit: bytes[bytes.count / 2] ^= 0x10
        case .otherVersion: bytes[8] = 99
        case .missing: bytes = []
        }
        if damage == .missing {
            try FileManager.default.removeItem(atPath: path)
        } else {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        try w.edit(Self.secondFit, Self.edit)
        let edited = w.recordedRender()
        let warnings = edited.outcome.messages.filter { $0.hasPrefix("warning:") }
        #expect(warnings.count == 1 && !warnings[0].contains("\n"), "\(warnings)")
        #expect(warnings.first?.contains("the state saved after block 'first-fit'") == true)
        #expect(edited.blocks.replayed == ["data", "model"])
        #expect(edited.blocks.ran == ["first-fit", "second-fit", "other", "last"])
        #expect(edited.outcome.exitStatus == 0)
    }

    @Test func aNewInlineValueAfterADamagedStateRunsTheNotebookInstead() throws {
        let w = try Workspace("restart")
        defer { try? FileManager.default.removeItem(at: w.folder) }
        _ = w.render()
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: try Self.statePath(w, after: "first-fit")))
        let sentence = "After two epochs the loss is `{swift} h1.loss.last!`."
        try w.edit(sentence, sentence + " It started at `{swift} h1.loss[0]`.")
        let edited = w.recordedRender()
        let warnings = edited.outcome.messages.filter { $0.hasPrefix("warning:") }
        #expect(warnings.count == 1 && warnings.first?.contains("the state saved after block 'first-fit'") == true, "\(warnings)")
        #expect(edited.blocks.ran == Self.blocks)
        let markdown = try String(contentsOf: w.report.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("It started at ") && !markdown.contains("⚠"), "the value is computed")
        #expect(edited.outcome.exitStatus == 0)
    }

    @Test func damagedTensorDataMakesTheNotebookRunFromScratch() throws {
        let w = try Workspace("restart")
        defer { try? FileManager.default.removeItem(at: w.folder) }
        _ = w.render()
        let blobs = w.report.appendingPathComponent(".cache/blobs")
        for name in try FileManager.default.contentsOfDirectory(atPath: blobs.path) {
            let url = blobs.appendingPathComponent(name)
            var bytes = [UInt8](try Data(contentsOf: url))
            bytes[0] ^= 1
            try Data(bytes).write(to: url)
        }
        try w.edit(Self.secondFit, Self.edit)
        let edited = w.recordedRender()
        #expect(edited.blocks.ran == Self.blocks)
        #expect(edited.outcome.messages.contains { $0.contains("tensor data") && $0.contains("is damaged") })
        // The damaged blobs were deleted and written again: the next edit restarts.
        try w.edit("print(h3.accuracy)", "print(h3.loss)")
        #expect(w.recordedRender().blocks.ran == ["other", "last"])
    }

    @Test func theCacheKeepsOnlyTheStatesOfTheNotebooksBlocks() throws {
        let w = try Workspace("restart")
        defer { try? FileManager.default.removeItem(at: w.folder) }
        _ = w.render()
        let states = w.report.appendingPathComponent(".cache/states")
        #expect(try FileManager.default.contentsOfDirectory(atPath: states.path).count == Self.blocks.count)
        try w.edit(Self.secondFit, Self.edit)
        _ = w.render()
        #expect(try FileManager.default.contentsOfDirectory(atPath: states.path).count == Self.blocks.count)
    }
}
