import Foundation
import Testing
@testable import LabbookReport
import LabbookNotebook
@testable import LabbookRun
import LabbookTestSupport

/// `labbook render` end to end on small notebooks: the report written, its status, and the
/// diagnostics of bad notebooks.
@Suite struct NotebookRenderTests {
    static let notebooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Notebooks")

    func render(_ name: String) throws -> (outcome: NotebookRender.Outcome, directory: URL) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-render-\(UUID().uuidString)")
        var options = NotebookRender.Options()
        options.outputDirectory = output.path
        let path = Self.notebooks.appendingPathComponent(name).path
        let outcome = NotebookRender(path: path, options: options).run()
        return (outcome, output.appendingPathComponent((name as NSString).deletingPathExtension))
    }

    @Test func sampleRendersEndToEnd() throws {
        let (outcome, directory) = try render("sample.md")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(outcome.exitStatus == 0, "\(outcome.messages)")
        let markdown = try String(contentsOf: directory.appendingPathComponent("report.md"), encoding: .utf8)
        // report.md byte for byte against the golden file, with the notebook's folder (given
        // here as an absolute path, shown in diagnostics as given) written as NOTEBOOKS.
        let golden = Self.notebooks.deletingLastPathComponent().appendingPathComponent("Golden/sample-notebook.report.md")
        let comparable = markdown.replacingOccurrences(of: Self.notebooks.path, with: "NOTEBOOKS")
        if ProcessInfo.processInfo.environment["LABBOOK_UPDATE_GOLDEN"] != nil {
            try comparable.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(comparable == (try String(contentsOf: golden, encoding: .utf8)))
        #expect(markdown.contains("Some prose with an inline value: 3 and a later one."))
        #expect(markdown.contains("| dense (Dense) | (None, 8) | 40 |"))
        #expect(markdown.contains("![Figure 1](figures/fit-1.png)"))
        #expect(markdown.contains("unknown name 'Dense2'; did you mean 'Dense'?"))
        #expect(!markdown.contains(directory.path))  // no absolute paths of the output

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("results.json"))) as? [String: Any]
        #expect(json?["format"] as? Int == 1)
        #expect(json?["exitStatus"] as? Int == 0)
        let blocks = json?["blocks"] as? [[String: Any]] ?? []
        #expect(blocks.map { $0["label"] as? String } == ["data", "fit", "oops"])
        #expect(blocks.map { $0["status"] as? String } == ["ok", "ok", "expected-error"])
        let fit = (blocks[1]["fits"] as? [[String: Any]])?.first
        #expect(fit?["params"] as? Int == 67)
        #expect((fit?["epochs"] as? [[String: Any]])?.count == 3)
        #expect((fit?["epochs"] as? [[String: Any]])?.first?["val_accuracy"] is Double)
        #expect(((blocks[1]["expectations"] as? [[String: Any]])?.first?["passed"]) as? Bool == true)
        let questions = json?["questions"] as? [[String: Any]] ?? []
        #expect(questions.first?["id"] as? String == "1")

        // The same notebook rendered again gives the same report.md byte for byte.
        let (_, again) = try render("sample.md")
        defer { try? FileManager.default.removeItem(at: again.deletingLastPathComponent()) }
        #expect(try String(contentsOf: again.appendingPathComponent("report.md"), encoding: .utf8) == markdown)
        #expect(try Data(contentsOf: again.appendingPathComponent("figures/fit-1.png"))
                == Data(contentsOf: directory.appendingPathComponent("figures/fit-1.png")))
    }

    @Test func aSyntaxErrorIsLocatedOnItsFileLine() throws {
        let (outcome, directory) = try render("syntax-error-line-120.md")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(outcome.exitStatus == 1)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("results.json"))) as? [String: Any]
        let block = (json?["blocks"] as? [[String: Any]])?.first
        #expect(block?["status"] as? String == "error")
        let diagnostic = (block?["diagnostics"] as? [[String: Any]])?.first
        #expect(diagnostic?["line"] as? Int == 120 || diagnostic?["line"] as? Int == 121)
    }

    @Test func failuresAreReportedAndTheNextBlocksStillRun() throws {
        let (outcome, directory) = try render("failures.md")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(outcome.exitStatus == 1)
        #expect(outcome.messages.contains { $0.contains("unknown cell option 'colour'") || $0.contains("colour") })
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("results.json"))) as? [String: Any]
        let blocks = json?["blocks"] as? [[String: Any]] ?? []
        #expect(blocks.map { $0["status"] as? String } == ["error", "ok", "timeout", "ok"])
        let message = ((blocks[0]["diagnostics"] as? [[String: Any]])?.first?["message"] as? String) ?? ""
        #expect(message.contains("expects an input of shape [batch, 3] but received [4, 5]"), "\(message)")
        let markdown = try String(contentsOf: directory.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("after the timeout, n is true"))
    }

    @Test(arguments: ["unterminated.md"])
    func anUnterminatedFenceIsAnError(_ name: String) throws {
        let (outcome, directory) = try render(name)
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(outcome.exitStatus == 1)
        #expect(outcome.messages.contains { $0.contains("unterminated code block starting at line 3") })
    }

    @Test(arguments: ["latin1.md", "missing.md"])
    func anUnreadableNotebookIsExitStatusTwo(_ name: String) throws {
        let (outcome, directory) = try render(name)
        #expect(outcome.exitStatus == 2)
        #expect(!outcome.messages.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }

    @Test func anEmptyNotebookRendersWithAWarning() throws {
        let (outcome, directory) = try render("empty.md")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(outcome.exitStatus == 0)
        #expect(outcome.messages.contains { $0.contains("warning") })
    }
}
