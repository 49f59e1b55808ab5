import Foundation
import LabbookNotebook
import LabbookTestSupport
import Testing
@testable import LabbookRun

/// One error, in the four places a user reads it: `labbook check`, `labbook render`'s standard
/// error, `report.md` and `index.html`. The first three say it in the same words, checked against
/// one golden text (`Golden/diagnostic.txt`); the page against its own (`Golden/diagnostic.html`).
/// `LABBOOK_UPDATE_GOLDEN=1` rewrites both.
struct DiagnosticEverywhereTests {
    let notebook = testsDirectory().appendingPathComponent("Notebooks/diagnostic.md").path
    let goldenText = testsDirectory().appendingPathComponent("Golden/diagnostic.txt")
    let goldenHTML = testsDirectory().appendingPathComponent("Golden/diagnostic.html")

    @Test func checkRenderAndBothPagesShowTheSameError() throws {
        let check = NotebookCheck.check(notebook)
        #expect(check.status == 1)
        let text = try #require(check.messages.first)
        #expect(check.messages.count == 2, "one diagnostic and the summary: \(check.messages)")

        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = NotebookRender.Options()
        options.outputDirectory = folder.path
        options.usesCache = false
        var stderr: [String] = []
        let status = Rendering.render(notebook, options: options, quiet: true) { stderr.append($0) }
        #expect(status == 1)
        #expect(stderr.contains(text), "render's standard error does not print what check does:\n\(stderr.joined(separator: "\n"))")

        let report = folder.appendingPathComponent("diagnostic")
        let markdown = try String(contentsOf: report.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("```\n" + text + "\n```"), "report.md does not quote it as check prints it")

        let html = try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)
        let start = try #require(html.range(of: "<div class=\"diagnostic"))
        let end = try #require(html.range(of: "</div>", range: start.upperBound..<html.endIndex))
        let fragment = String(html[start.lowerBound..<end.upperBound]) + "\n"

        // The golden files name the notebook as a user in the repository would.
        let shown = { (s: String) in s.replacingOccurrences(of: notebook, with: "Tests/LabbookRunTests/Notebooks/diagnostic.md") }
        if updatingGolden {
            try Data(shown(text + "\n").utf8).write(to: goldenText)
            try Data(shown(fragment).utf8).write(to: goldenHTML)
        }
        #expect(shown(text + "\n") == (try String(contentsOf: goldenText, encoding: .utf8)))
        #expect(shown(fragment) == (try String(contentsOf: goldenHTML, encoding: .utf8)))
    }
}
