import Foundation
import LabbookDiagnostics
import LabbookTestSupport
import Testing
@testable import LabbookNotebook

/// A master's markup as the reader sees it, and its student version.
struct MasterTests {
    static let masters = testsDirectory().appendingPathComponent("Masters")
    let master = masters.appendingPathComponent("master.md").path

    @Test func aMasterReadsWithoutAProblemAndKnowsItsMarkup() throws {
        let reading = NotebookReader.read(path: master)
        #expect(reading.diagnostics.isEmpty, "\(located(reading))")
        let notebook = try #require(reading.notebook)
        #expect(notebook.isMaster)
        #expect(notebook.cell(labeled: "suma")?.solutionRegions == [SolutionRegion(begin: 13, end: 15, indentation: "")])
        #expect(notebook.proseSolutions == [SolutionRegion(begin: 32, end: 34, indentation: "")])
        #expect(notebook.checks(of: "1").map { $0.options.hidden } == [false, true])
        #expect(notebook.cells.filter(\.options.teacher).count == 1)
        #expect(notebook.cell(labeled: "doble")?.options.solution == true)
    }

    @Test func theStudentVersionIsTheGoldenFileByteForByte() throws {
        let notebook = try #require(NotebookReader.read(path: master).notebook)
        let version = StudentVersion(of: notebook)
        let golden = Self.masters.appendingPathComponent("master.student.md")
        if updatingGolden { try Data(version.text.utf8).write(to: golden) }
        #expect(version.text == (try String(contentsOf: golden, encoding: .utf8)))
        #expect((version.solutions, version.hiddenChecks, version.teacherBlocks) == (3, 1, 1))
        #expect(StudentVersion(of: notebook) == version, "the same master gives the same bytes")
    }

    @Test func theStudentVersionHasNoSolutionAndItsQuestionsAreOpen() throws {
        let notebook = try #require(NotebookReader.read(path: master).notebook)
        let text = StudentVersion(of: notebook).text
        for secret in ["BEGIN SOLUTION", "END SOLUTION", "reduce", "Porque 1 + 2", "reference", "x * 2", "la suma es 6",
                       "solution: true", "hidden", "teacher"] {
            #expect(!text.contains(secret), "the student version still has '\(secret)'")
        }
        let student = reading(text)
        #expect(!student.hasErrors, "\(located(student))")
        #expect(student.notebook?.questions.map(\.answered) == [true, false, false])
        #expect(student.notebook?.isMaster == false, "only its visible checks stay")
        #expect(student.notebook?.checks(of: "1").count == 1)
        #expect(text.contains("    // Tu código aquí") == false && text.contains("// Tu código aquí\n"))
    }

    @Test func anEnglishMasterGetsEnglishPlaceholders() {
        let text = "---\nlang: en\n---\n\n**Question 1 (1 point)** Say it.\n\n<!-- begin solution -->\nIt.\n<!-- end solution -->\n\n"
            + "```swift\n  // Begin Solution\n  let x = 1\n  // End Solution\n```\n"
        let version = StudentVersion(of: notebook(text))
        #expect(version.text == "---\nlang: en\n---\n\n**Question 1 (1 point)** Say it.\n\n*Your answer here*\n\n"
                + "```swift\n  // Your code here\n```\n")
    }

    @Test func releaseWritesTheStudentVersionAndRefusesToReplaceItsMaster() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("release").path
        let first = Release.release(master, outputDirectory: output)
        #expect(first.status == 0, "\(first.messages)")
        #expect(first.messages.last == "wrote \(output)/master.md (3 solutions replaced, 1 hidden check and 1 teacher block left out)")
        let written = try Data(contentsOf: URL(fileURLWithPath: output + "/master.md"))
        #expect(Release.release(master, outputDirectory: output).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: output + "/master.md")) == written, "byte-stable")

        // Released into its own folder, the master would be replaced: refused, and kept.
        let copy = folder.appendingPathComponent("master.md")
        try FileManager.default.copyItem(atPath: master, toPath: copy.path)
        let over = Release.release(copy.path, outputDirectory: folder.path)
        #expect(over.status == 1)
        #expect(over.messages.last?.hasSuffix("is the master itself: release into another folder (--output)") == true)
        #expect(try Data(contentsOf: copy) == (try Data(contentsOf: URL(fileURLWithPath: master))))
    }

    @Test func aMasterWithAnErrorIsNotReleased() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.md").path
        try Data("**Pregunta 1 (1 punto)** x\n\n```swift\n//| check: 2\nexpect(true)\n```\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = Release.release(path, outputDirectory: folder.appendingPathComponent("out").path)
        #expect(result.status == 1)
        #expect(result.messages == [
            "\(path):1:1: warning: Pregunta 1 has no answer yet\n 1 | **Pregunta 1 (1 punto)** x\n   | ^",
            "\(path):4:1: error: 'check: 2' names no question of the notebook\n 4 | //| check: 2\n   | ^",
            "\(path): error: not released: the master has 1 error",
        ])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    /// Points are a master's to check (a student version has no hidden tests): a notebook with
    /// visible checks only is checked when it is released.
    @Test func releaseChecksThePointsOfANotebookWithVisibleChecksOnly() throws {
        let text = "**Pregunta 1 (2 puntos)** x\n\n```swift\n//| check: 1\nexpect(true, points: 0.5)\n```\n"
        #expect(!reading(text).hasErrors)
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("visible.md").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let result = Release.release(path, outputDirectory: folder.appendingPathComponent("out").path)
        #expect(result.status == 1)
        #expect(result.messages.contains { $0.hasPrefix("\(path):3:1: error: the tests of Pregunta 1's checks give 0.5 of its 2 points") })
    }

    /// Every misuse of the markup, at its line and column.
    @Test(arguments: [
        ("```swift\n// BEGIN SOLUTION\nlet x = 1\n```\n", ["2:1: error: 'BEGIN SOLUTION' is not closed: expected an 'END SOLUTION' line before the end of the block"]),
        ("```swift\nlet x = 1\n  // end solution\n```\n", ["3:3: error: 'END SOLUTION' without a 'BEGIN SOLUTION' before it"]),
        ("```swift\n// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION\n```\n",
         ["3:1: error: 'BEGIN SOLUTION' inside the solution that begins at line 2: solutions do not nest"]),
        ("Text\n// BEGIN SOLUTION\n", ["2:1: error: a block's solution marker in prose: in prose write '<!-- BEGIN SOLUTION -->' and '<!-- END SOLUTION -->'"]),
        ("```swift\n<!-- BEGIN SOLUTION -->\n```\n", ["2:1: error: a prose solution marker in a swift block: in code write '// BEGIN SOLUTION' and '// END SOLUTION'"]),
        ("<!-- BEGIN SOLUTION -->\nText\n", ["1:1: error: 'BEGIN SOLUTION' is not closed: expected an 'END SOLUTION' line before the end of the notebook"]),
        ("<!-- END SOLUTION -->\n", ["1:1: error: 'END SOLUTION' without a 'BEGIN SOLUTION' before it"]),
        ("```swift\n//| solution: true\n// BEGIN SOLUTION\n// END SOLUTION\n```\n",
         ["3:1: error: the block is all solution ('solution: true'): it needs no solution markers",
          "4:1: error: the block is all solution ('solution: true'): it needs no solution markers"]),
        ("<!-- BEGIN SOLUTION -->\n```swift\nlet x = 1\n```\n<!-- END SOLUTION -->\n",
         ["2:1: error: block 'cell-1' is inside the prose solution that begins at line 1: mark the block 'solution: true' instead"]),
        ("<!-- BEGIN SOLUTION -->\n**Pregunta 1 (1 punto)** x\n<!-- END SOLUTION -->\n",
         ["2:1: error: the statement of Pregunta 1 is inside the solution that begins at line 1"]),
        ("```swift\n//| hidden: true\nexpect(true)\n```\n", ["2:1: error: 'hidden: true' is for a check block (one with 'check: ID')"]),
        ("**Pregunta 1 (1 punto)** x\n\n```swift\n//| check: 1\n//| solution: true\nexpect(true)\n```\n",
         ["5:1: error: a check block cannot also be a solution ('solution: true')"]),
        ("**Pregunta 1 (1 punto)** x\n\n```swift\n//| check: 1\n//| teacher: true\nexpect(true)\n```\n",
         ["5:1: error: a check is left out of the student version with 'hidden: true', not 'teacher: true'"]),
        ("```swift\n//| teacher: true\n//| solution: true\nlet x = 1\n```\n", ["2:1: error: a teacher block is not in the student version: it needs no solution"]),
        ("**Pregunta 1 (1 punto)** x\n\n```swift\n//| check: 1\n//| hidden: true\nexpect(true, points: 0.75)\nexpect(true, points: 0.5)\n```\n",
         ["3:1: error: the tests of Pregunta 1's checks give 1.25 points, more than its 1"]),
        ("**Pregunta 1 (2 puntos)** x\n\n```swift\n//| check: 1\n//| hidden: true\nexpect(true, points: 0.5)\n```\n",
         ["3:1: error: the tests of Pregunta 1's checks give 0.5 of its 2 points: give the rest to a test, or leave a test without 'points:' to share it"]),
        ("**Pregunta 1 (1 punto)** x\n\n```swift\n//| check: 1\n//| hidden: true\n```\n",
         ["3:1: error: the tests of Pregunta 1's checks give 0 of its 1 points: give the rest to a test, or leave a test without 'points:' to share it"]),
        ("**Pregunta 1 (1 punto)** x\n\n```swift\n//| check: 1\n//| hidden: true\nlet p = 1.0\nexpect(true, points: p)\n```\n",
         ["7:22: error: a test's points in a check must be written as a number ('points: 0.5'), so that they can be checked before grading"]),
        ("**Pregunta 1 (1 punto)** x\n\n```swift\n//| check: 1\n//| hidden: true\nexpect(true, points: 1)\nexpect(true)\n```\n",
         ["3:1: warning: the tests of Pregunta 1's checks that name no points get none: the others already give all of its points"]),
        ("**Pregunta 1** x\n\n```swift\n//| check: 1\n//| hidden: true\nexpect(true)\n```\n",
         ["1:1: warning: Pregunta 1 gives no points: expected e.g. '(1 punto)' or '(1 point)'", "3:1: warning: Pregunta 1 gives no points, so its checks give none"]),
        ("```swift\n//| check:\n```\n", ["2:11: warning: cell option 'check' needs the id of the question the block grades, e.g. 'check: 2.1'"]),
    ])
    func eachMisuseIsADiagnosticAtItsLine(text: String, expected: [String]) {
        // (The snippets' questions have no answer: that warning is not what they test.)
        #expect(located(reading(text)).filter { !$0.hasSuffix("has no answer yet") } == expected)
    }
}
