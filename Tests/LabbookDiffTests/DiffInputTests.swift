import Foundation
import Testing
@testable import LabbookReport
@testable import LabbookDiff
import LabbookTestSupport

/// Bad inputs: each gives a one-line message (and `labbook diff` exit status 2).
@Suite struct DiffInputTests {
    @Test(arguments: [
        ("missing.json", "missing.json: no such file or folder"),
        ("not-a-report.json", "not-a-report.json: not a labbook report (results.json has no \"format\" field)"),
        ("format-2.json", "format-2.json: results.json format 2, but this labbook reads format 1; re-render it with this version"),
        ("garbage.json", "garbage.json: not valid JSON (the bytes do not parse as JSON)"),
        ("truncated.json", "truncated.json: not valid JSON (the bytes do not parse as JSON)"),
    ])
    func badInput(file: String, message: String) throws {
        let path = diffFixtures.appendingPathComponent(file).path
        #expect(throws: DiffInputError.self) { try DiffInput.load(path: path) }
        do {
            _ = try DiffInput.load(path: path)
        } catch {
            #expect(error.description == diffFixtures.path + "/" + message)
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func folderWithoutResults() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: DiffInputError.missing(folder.appendingPathComponent("results.json").path)) {
            try DiffInput.load(path: folder.path)
        }
        try FileManager.default.copyItem(at: diffFixtures.appendingPathComponent("old.json"),
                                         to: folder.appendingPathComponent("results.json"))
        #expect(try DiffInput.load(path: folder.path).engine.version == "0.3.0")
    }

    /// An inline value's question: from results.json when it says (null: outside every
    /// question), else the last question above it.
    @Test func inlineQuestion() throws {
        func diff(_ question: String) throws -> ReportDiff {
            func report(_ value: String) -> String {
                #"{"format": 1, "engine": {"version": "1", "blas": "b", "threads": 1}, "notebook": {"path": "n", "sha256": "s"}, "#
                    + #""blocks": [], "questions": [{"id": "3", "line": 5}], "#
                    + #""inline": [{"line": 9, "expression": "x", "value": "\#(value)"\#(question)}]}"#
            }
            return ReportDiff(old: try DiffInput.decode(Data(report("1").utf8), path: "a"), oldPath: "a",
                              new: try DiffInput.decode(Data(report("2").utf8), path: "b"), newPath: "b")
        }
        #expect(try diff(#", "question": "7""#).inline.map(\.question) == ["7"])
        #expect(try diff(#", "question": null"#).inline.map(\.question) == [nil])
        #expect(try diff("").inline.map(\.question) == ["3"])
    }

    @Test func formatPresentButFieldsMissing() {
        #expect(throws: DiffInputError.notAReport("x.json", reason: "missing \"engine\"")) {
            try DiffInput.decode(Data(#"{"format": 1, "blocks": []}"#.utf8), path: "x.json")
        }
        #expect(throws: DiffInputError.notAReport("x.json", reason: "its JSON is not an object")) {
            try DiffInput.decode(Data("[1, 2]".utf8), path: "x.json")
        }
    }

    /// The results.json the report writer produces reads back.
    @Test func readsWhatResultsJSONWrites() throws {
        let report = try sampleReport()
        let input = try DiffInput.decode(Data(ResultsJSON.render(report).utf8), path: "sample")
        #expect(input.blocks.map(\.label) == ["data", "fit", "bad-layer", "table", "typo"])
        #expect(input.blocks[1].fits.first?.epochs.first?.metrics.names == ["loss", "accuracy", "val_loss", "val_accuracy"])
        #expect(input.inline.map(\.expression) == ["acc.percent", "history.epochs"])
        #expect(input.inline.map(\.question) == [.known("1"), .known("1")])
        let diff = ReportDiff(old: input, oldPath: "a", new: input, newPath: "b")
        #expect(diff.exitStatus == 0)
    }
}
