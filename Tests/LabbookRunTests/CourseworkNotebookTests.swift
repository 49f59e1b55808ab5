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
}
