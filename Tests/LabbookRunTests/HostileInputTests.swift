import Foundation
import Testing
@testable import LabbookReport
import LabbookInterpreter
import LabbookNotebook
@testable import LabbookRun
import LabbookTestSupport

/// The notebooks of the hostile-input campaign (`Hostile/`) and the report folders it tried to
/// destroy: each case gives a clear diagnostic or a refusal, the report is still written, and
/// nothing outside the output folder changes.
@Suite struct HostileInputTests {
    static let notebooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Hostile")

    /// A user's project folder with files of their own, and a record of them to compare with.
    struct Project {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-hostile-\(UUID().uuidString)")
            .resolvingSymlinksInPath()

        init() throws {
            let fm = FileManager.default
            try fm.createDirectory(at: root.appendingPathComponent("src"), withIntermediateDirectories: true)
            try Data("\\documentclass{article}\n".utf8).write(to: root.appendingPathComponent("thesis.tex"))
            try Data("int main(void) { return 0; }\n".utf8).write(to: root.appendingPathComponent("src/main.c"))
            try Data("not a model".utf8).write(to: root.appendingPathComponent("outside.safetensors"))
        }

        func url(_ path: String) -> URL { root.appendingPathComponent(path) }

        func write(_ text: String, to path: String) throws {
            try FileManager.default.createDirectory(at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url(path))
        }

        /// Every file and folder under the root with its contents, except under `excluded`.
        func snapshot(excluding excluded: [String] = []) -> [String: Data] {
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, options: [])
            while let item = enumerator?.nextObject() as? URL {
                let relative = String(item.resolvingSymlinksInPath().path.dropFirst(root.path.count + 1))
                if excluded.contains(where: { relative == $0 || relative.hasPrefix($0 + "/") }) { continue }
                files[relative] = (try? Data(contentsOf: item)) ?? Data()
            }
            return files
        }

        func render(_ notebook: String, output: String = "out", force: Bool = false,
                    configure: (inout NotebookRender.Options) -> Void = { _ in }) -> NotebookRender.Outcome {
            var options = NotebookRender.Options()
            options.outputDirectory = url(output).path
            options.force = force
            configure(&options)
            return NotebookRender(path: url(notebook).path, options: options).run()
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let tiny = "# Tiny\n\n```swift\nprint(1)\n```\n"

    // MARK: Never delete what labbook did not write

    @Test(arguments: [("..md", "'.'"), ("...md", "'..'"), (".md", nil)])
    func reportNamesThatAreNoFolderAreRefused(_ file: String, _ shown: String?) throws {
        let project = try Project()
        defer { project.remove() }
        try project.write(Self.tiny, to: file)
        let before = project.snapshot()
        // Into the project folder itself, and into a folder named on the command line (the report
        // of `.md` in the project folder would be the notebook itself: refused too).
        for output in shown == nil ? ["out"] : [".", "out"] {
            let outcome = project.render(file, output: output)
            if let shown {
                #expect(outcome.exitStatus == 2)
                #expect(outcome.messages == ["\(project.url(file).path): error: the report of this notebook would be named "
                                             + "\(shown), which is not a folder name; rename the notebook (for example to report.md)"])
                #expect(outcome.written == nil)
            } else {
                // `.md` is a hidden file name, not an empty one: its report is the folder `.md`.
                #expect(outcome.exitStatus == 0, "\(outcome.messages)")
            }
        }
        if shown != nil { #expect(project.snapshot() == before) }
    }

    @Test func aFolderOfTheUsersIsNotReplaced() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write(Self.tiny, to: "notes/src.md")
        let before = project.snapshot()
        let outcome = project.render("notes/src.md", output: ".")
        #expect(outcome.exitStatus == 2)
        #expect(outcome.messages.last == "error: the report would replace \(project.url("src").path), which is a folder labbook "
                + "did not write; labbook replaces only the report folders it wrote: choose another --output, rename the "
                + "notebook, or pass --force to replace it")
        #expect(project.snapshot() == before)

        // --force says the user wants it replaced.
        let forced = project.render("notes/src.md", output: ".", force: true)
        #expect(forced.exitStatus == 0, "\(forced.messages)")
        #expect(!FileManager.default.fileExists(atPath: project.url("src/main.c").path))
        #expect(FileManager.default.fileExists(atPath: project.url("src/report.md").path))
    }

    @Test func aFileOrALinkAtTheReportsPlaceIsNotReplaced() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write(Self.tiny, to: "thesis.md")
        try project.write(Self.tiny, to: "link.md")
        try project.write("my notes", to: "out/thesis")
        try FileManager.default.createSymbolicLink(at: project.url("out/link"), withDestinationURL: project.url("src"))
        let before = project.snapshot()
        let file = project.render("thesis.md")
        #expect(file.exitStatus == 2)
        #expect(file.messages.last?.contains("\(project.url("out/thesis").path), which is a file;") == true)
        let link = project.render("link.md")
        #expect(link.exitStatus == 2)
        #expect(link.messages.last?.contains("\(project.url("out/link").path), which is a symbolic link;") == true)
        #expect(project.snapshot() == before)
    }

    @Test func reportsAreStampedAndReplacedOnTheNextRender() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write(Self.tiny, to: "tiny.md")
        #expect(project.render("tiny.md").exitStatus == 0)
        #expect(ReportFolder.isStamped(project.url("out/tiny")))
        #expect(project.render("tiny.md").exitStatus == 0)
        // A report of an older labbook (no stamp) is still recognised as one.
        try FileManager.default.removeItem(at: project.url("out/tiny/\(ReportFolder.stampName)"))
        #expect(project.render("tiny.md").exitStatus == 0)
        // A partial report folder that is not labbook's is never removed.
        try project.write("mine", to: "out/tiny.partial")
        #expect(project.render("tiny.md").exitStatus == 0)
        #expect(try String(contentsOf: project.url("out/tiny.partial"), encoding: .utf8) == "mine")
    }

    @Test func notebooksOfOneNameInOneCommandAreRefused() throws {
        #expect(throws: ReportError.duplicateReportName(first: "notes/src.md", second: "src.md", folder: "/o/src")) {
            try ReportFolder.checkDistinct(["a.md", "notes/src.md", "src.md"], outputDirectory: "/o")
        }
        try ReportFolder.checkDistinct(["a.md", "notes/src.md", "..md"], outputDirectory: "/o")
    }

    // MARK: Files a notebook touches stay inside its folder

    @Test func savedModelsStayInTheReportsFilesFolder() throws {
        let project = try Project()
        defer { project.remove() }
        let text = try String(contentsOf: Self.notebooks.appendingPathComponent("save-outside.md"), encoding: .utf8)
        try project.write(text.replacingOccurrences(of: "ABSOLUTE", with: project.url("escaped").path), to: "save-outside.md")
        // A link inside the files folder that points out of it.
        try FileManager.default.createDirectory(at: project.url("out/save-outside/files"), withIntermediateDirectories: true)
        try Data(ReportFolder.stampText.utf8).write(to: project.url("out/save-outside/\(ReportFolder.stampName)"))
        try FileManager.default.createSymbolicLink(at: project.url("out/save-outside/files/link"),
                                                   withDestinationURL: project.url("src"))
        let before = project.snapshot(excluding: ["out"])
        let outcome = project.render("save-outside.md")
        #expect(outcome.exitStatus == 0, "\(outcome.messages)")
        #expect(project.snapshot(excluding: ["out"]) == before)
        let files = project.url("out/save-outside/files").path
        let report = try String(contentsOf: project.url("out/save-outside/report.md"), encoding: .utf8)
        #expect(report.contains("```\n8\n```"))
        for expected in [
            "save-outside.md:17:1: error: '\(project.url("escaped").path)/escaped.safetensors' is an absolute path; "
                + "a notebook's files stay inside its folder \(files): give a relative path such as 'model.safetensors'",
            "save-outside.md:23:1: error: '../../escaped.safetensors' leaves the notebook's folder \(files) through '..'; "
                + "a notebook's files stay inside it",
            "save-outside.md:29:1: error: 'link/escaped.safetensors' leads out of the notebook's folder \(files) through "
                + "a symbolic link; a notebook's files stay inside it",
            "save-outside.md:35:14: error: '../../outside.safetensors' leaves the notebook's folder \(files) through '..'; "
                + "a notebook's files stay inside it",
        ] {
            #expect(report.contains(expected), "missing: \(expected)")
        }
        // The saved model survives the next render (carried over like the cache).
        #expect(project.render("save-outside.md").exitStatus == 0)
        #expect(FileManager.default.fileExists(atPath: files + "/weights/model.safetensors"))
    }

    // MARK: No signal ever ends labbook

    @Test func syntaxThatChainsOrNestsTooFarIsOneDiagnostic() throws {
        let project = try Project()
        defer { project.remove() }
        var interpolations = "1"
        for _ in 0..<2_000 { interpolations = "\"\\(\(interpolations))\"" }
        let text = try String(contentsOf: Self.notebooks.appendingPathComponent("deep-syntax.md"), encoding: .utf8)
            .replacingOccurrences(of: "SUM", with: Array(repeating: "1", count: 100_000).joined(separator: "+"))
            .replacingOccurrences(of: "INTERPOLATIONS", with: interpolations)
        try project.write(text, to: "deep-syntax.md")
        let reading = NotebookReader.read(path: project.url("deep-syntax.md").path)
        #expect(reading.notebook?.cells.count == 3)
        let outcome = project.render("deep-syntax.md")
        #expect(outcome.exitStatus == 0, "\(outcome.messages)")
        let json = try results(project.url("out/deep-syntax"))
        let blocks = json["blocks"] as? [[String: Any]] ?? []
        #expect(blocks.map { $0["status"] as? String } == ["expected-error", "expected-error", "ok"])
        let messages = blocks.map { ($0["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String } }
        #expect(messages[0] == ["expression is too long: it chains more than 1000 operations; split it over several statements"])
        #expect(messages[1] == ["string interpolations are nested too deeply"])
        // The quoted line is a window around the caret, not the whole 200,000-character line.
        let report = try String(contentsOf: project.url("out/deep-syntax/report.md"), encoding: .utf8)
        let quoted = report.split(separator: "\n").filter { $0.contains(" | print(1+1") }
        #expect(quoted.count == 1 && quoted.allSatisfy { $0.count < 130 }, "\(quoted.map { $0.prefix(140) })")
    }

    @Test func collectionsAndTensorsBeyondTheMemoryBudgetEndTheirBlock() throws {
        let project = try Project()
        defer { project.remove() }
        try FileManager.default.copyItem(at: Self.notebooks.appendingPathComponent("memory.md"), to: project.url("memory.md"))
        let outcome = project.render("memory.md") { options in
            options.memoryLimit = (MemoryBudget.residentBytes() ?? 0) + (400 << 20)
        }
        #expect(outcome.exitStatus == 0, "\(outcome.messages)")
        let json = try results(project.url("out/memory"))
        let blocks = json["blocks"] as? [[String: Any]] ?? []
        #expect(blocks.map { $0["status"] as? String } == ["expected-error", "expected-error", "expected-error", "ok"])
        // A single tensor too large is refused before it is made.
        let huge = (blocks[2]["diagnostics"] as? [[String: Any]])?.first?["message"] as? String ?? ""
        #expect(huge.hasPrefix("this would need 3433 MB more memory; the session holds "), "\(huge)")
        for block in blocks.prefix(3) {
            let message = (block["diagnostics"] as? [[String: Any]])?.first?["message"] as? String ?? ""
            #expect(message.hasPrefix("this would need ") || message.hasPrefix("the session holds "), "\(message)")
            #expect(message.contains(" MB it may hold") || message.contains("may hold at most"), "\(message)")
        }
        #expect(try String(contentsOf: project.url("out/memory/report.md"), encoding: .utf8).contains("still running"))
    }

    // MARK: A bad block never costs the whole report

    @Test func figuresBeyondTheLimitsAreDiagnosticsOnTheirBlock() throws {
        let project = try Project()
        defer { project.remove() }
        try FileManager.default.copyItem(at: Self.notebooks.appendingPathComponent("figures.md"), to: project.url("figures.md"))
        let reading = NotebookReader.read(path: project.url("figures.md").path)
        let warnings = reading.diagnostics.map(\.message)
        #expect(warnings.contains { $0.hasPrefix("cell label should be at most 100 letters") && $0.contains("(300 characters)") })
        #expect(warnings.contains("cell option 'fig-width' should be a whole number of pixels between 1 and 4096, found '5000'"))
        let outcome = project.render("figures.md")
        #expect(outcome.exitStatus == 1)
        let written = try #require(outcome.written)
        #expect(written.files.filter { $0.hasPrefix("figures/") }.sorted() == ["figures/after-1.png", "figures/cell-1-1.png"])
        let json = try results(project.url("out/figures"))
        let blocks = json["blocks"] as? [[String: Any]] ?? []
        #expect(blocks.map { $0["status"] as? String } == ["ok", "error", "ok"])
        let message = (blocks[1]["diagnostics"] as? [[String: Any]])?.first?["message"] as? String
        #expect(message == "figure 1 of block 'wide-grid' could not be drawn: a figure must be 1 to 4096 pixels on each side, "
                + "not 6016×136")
        #expect(try String(contentsOf: project.url("out/figures/report.md"), encoding: .utf8).contains("the block ran"))
    }

    @Test func endlessPrintingIsCutAndTheReportIsWrittenQuickly() throws {
        let project = try Project()
        defer { project.remove() }
        try FileManager.default.copyItem(at: Self.notebooks.appendingPathComponent("long-output.md"), to: project.url("long-output.md"))
        let start = Date()
        let outcome = project.render("long-output.md")
        #expect(outcome.exitStatus == 0, "\(outcome.messages)")
        #expect(Date().timeIntervalSince(start) < 60)
        let report = try String(contentsOf: project.url("out/long-output/report.md"), encoding: .utf8)
        #expect(report.contains("line 9999\n… output truncated: "))
        #expect(report.contains("not shown; a block keeps at most 10000 lines or 1 MB of printed output"))
        #expect(!report.contains("line 10000\n"))
        // A NUL the program printed is shown as its picture, in both pages.
        let html = try Data(contentsOf: project.url("out/long-output/index.html"))
        #expect(!html.contains(0) && !Data(report.utf8).contains(0))
        #expect(report.contains("after ␀NUL"))
        #expect(String(decoding: html, as: UTF8.self).contains("after ␀NUL"))
    }

    // MARK: What a cache replays is what ran to completion

    /// Interrupts the block of a label as it starts (Ctrl-C), and records the blocks that ran.
    final class Interrupter: NotebookRunner.Observer {
        let label: String?
        weak var runner: NotebookRunner?
        var ran: [String] = []
        init(_ label: String?) { self.label = label }
        func cellStarted(_ cell: Cell, number: Int, of total: Int) {
            ran.append(cell.label)
            if cell.label == label { runner?.interrupt() }
        }
        func cellFinished(_ cell: Cell, result: NotebookRun.CellResult) {}
    }

    @Test func interruptedAndTimedOutBlocksAreNeverReplayed() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("""
            # Cache

            ```swift
            //| label: slow
            var n = 0
            while n < 2_000_000 { n += 1 }
            print(n)
            ```

            ```swift
            //| label: stuck
            //| timeout: 0.2
            //| error: true
            while true {}
            ```
            """, to: "cache.md")
        func render(interrupting label: String?) throws -> (ran: [String], statuses: [String?], cached: [Bool?]) {
            let observer = Interrupter(label)
            var options = NotebookRender.Options()
            options.outputDirectory = project.url("out").path
            _ = NotebookRender(path: project.url("cache.md").path, options: options).run(prepare: { runner in
                observer.runner = runner
                runner.observer = observer
            })
            let blocks = try results(project.url("out/cache"))["blocks"] as? [[String: Any]] ?? []
            return (observer.ran, blocks.map { $0["status"] as? String }, blocks.map { $0["cached"] as? Bool })
        }
        let interrupted = try render(interrupting: "slow")
        #expect(interrupted.statuses == ["interrupted", "skipped"])
        // Nothing ran to completion, so everything runs again; the timed-out block each time.
        let next = try render(interrupting: nil)
        #expect(next.ran == ["slow", "stuck"])
        #expect(next.statuses == ["ok", "timeout"])
        #expect(next.cached == [false, false])
        let again = try render(interrupting: nil)
        #expect(again.ran == ["stuck"])
        #expect(again.statuses == ["ok", "timeout"])
        #expect(again.cached == [true, false])
    }

    @Test func templatesNestedTooDeeplyAreRefusedBeforeParsing() {
        let deep = String(repeating: "{{#a}}", count: 5_000) + "x" + String(repeating: "{{/a}}", count: 5_000)
        #expect(throws: ReportError.badTemplate(path: "deep.mustache", line: 1, column: 0,
                                                message: "sections are nested more than 100 deep")) {
            try ReportTemplate(text: deep, origin: "deep.mustache")
        }
        // Changed delimiters do not hide sections.
        let hidden = "line one\n{{=<% %>=}}\n" + String(repeating: "<%#a%>", count: 200) + String(repeating: "<%/a%>", count: 200)
        #expect(throws: ReportError.badTemplate(path: "hidden.mustache", line: 3, column: 0,
                                                message: "sections are nested more than 100 deep")) {
            try ReportTemplate(text: hidden, origin: "hidden.mustache")
        }
        #expect(throws: Never.self) { try ReportTemplate(text: String(repeating: "{{#a}}", count: 100) + String(repeating: "{{/a}}", count: 100), origin: "ok") }
    }

    private func results(_ report: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: report.appendingPathComponent("results.json"))) as? [String: Any] ?? [:]
    }
}
