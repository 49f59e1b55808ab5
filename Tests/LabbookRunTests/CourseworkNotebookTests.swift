import Foundation
import Testing
import LabbookInterpreter
import LabbookNotebook
import LabbookReport
@testable import LabbookRun
import LabbookTestSupport

/// `labbook check notebooks/fashion-mnist.md` in the test suite: the coursework reads without a
/// diagnostic, every block parses, and every question is there and answered (nothing is run;
/// `make regress` renders it).
@Suite struct CourseworkNotebookTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../notebooks/fashion-mnist.md").standardized.path

    @Test func theCourseworkChecksClean() throws {
        let reading = NotebookReader.read(path: Self.path)
        let notebook = try #require(reading.notebook)
        #expect(reading.diagnostics.isEmpty, "\(reading.diagnostics)")
        for cell in notebook.cells {
            #expect(Session.check(cell.code, firstLine: cell.firstCodeLine).isEmpty, "block \(cell.label)")
        }
        #expect(notebook.frontMatter.lang == .es)
        #expect(notebook.questions.count == 20)
        #expect(notebook.questions.filter { !$0.answered }.isEmpty)
        #expect(notebook.totalPoints == 10.1)
        #expect(Set(notebook.cells.map(\.label)).count == notebook.cells.count)
        #expect(notebook.cells.filter(\.options.error).map(\.label).count == 2)
    }

    /// The coursework is a master: a visible and a hidden check for every question a program can
    /// judge, the others left to the teacher's `manual.csv`, and release/fashion-mnist.md is what
    /// `labbook release` makes of it now.
    @Test func theCourseworkIsAMasterWhoseReleaseIsCommitted() throws {
        let notebook = try #require(NotebookReader.read(path: Self.path).notebook)
        #expect(notebook.isMaster)
        #expect(Release.check(Self.path).diagnostics.isEmpty)
        let checked = ["1.1", "2.1", "2.2", "3.2", "4.2", "5", "6.2", "7.1", "7.2", "8", "12"]
        #expect(notebook.questions.map(\.id).filter { !notebook.checks(of: $0).isEmpty } == checked)
        for id in checked {
            let checks = notebook.checks(of: id)
            #expect(checks.contains { !$0.options.hidden } && checks.contains { $0.options.hidden },
                    "question \(id) has a visible and a hidden check")
        }
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Release.release(Self.path, outputDirectory: folder.path)
        #expect(result.status == 0, "\(result.messages)")
        let released = try String(contentsOf: folder.appendingPathComponent("fashion-mnist.md"), encoding: .utf8)
        let committed = try String(contentsOf: URL(fileURLWithPath: Self.path).deletingLastPathComponent()
            .appendingPathComponent("../release/fashion-mnist.md").standardized, encoding: .utf8)
        let first = zip(released.split(separator: "\n", omittingEmptySubsequences: false),
                        committed.split(separator: "\n", omittingEmptySubsequences: false)).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(released == committed,
                "release/fashion-mnist.md is not the release of the master (run labbook release notebooks/fashion-mnist.md); first difference at line \((first?.offset ?? -1) + 1)")
    }
}
