import Foundation
import Testing
@testable import LabbookReport
@testable import LabbookDiff
import LabbookTestSupport

/// `labbook diff` meets files it did not write: each is refused fast, in plain words, without
/// reading more than the size limit, and nothing from a report reaches the terminal raw.
@Suite struct DiffHostileInputTests {
    /// A results.json with the given blocks and inline values (JSON text).
    static func report(blocks: String = "[]", inline: String = "[]") -> Data {
        Data((#"{"format": 1, "engine": {"version": "1", "blas": "b", "threads": 1}, "notebook": {"path": "n", "sha256": "s"}, "#
            + #""blocks": \#(blocks), "inline": \#(inline)}"#).utf8)
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func message(_ path: String) -> String {
        do {
            _ = try DiffInput.load(path: path)
            return "read"
        } catch {
            return error.description
        }
    }

    @Test func devicesFIFOsAndFoldersAreNotReadNorCalledAPermissionProblem() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let nested = folder.appendingPathComponent("report/results.json")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        #expect(Self.message("/dev/zero") == "/dev/zero: cannot be read (not a regular file)")
        #expect(Self.message(fifo) == "\(fifo): cannot be read (not a regular file)")
        #expect(Self.message(folder.appendingPathComponent("report").path) == "\(nested.path): cannot be read (is a directory)")
    }

    /// A file over the limit is refused from its size alone (a sparse file: nothing is read).
    @Test func aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("results.json").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, off_t(70 << 20)) == 0)
        #expect(Self.message(path) == "\(path): too large (70 MB; labbook diff reads results.json files of up to 64 MB)")
    }

    /// Valid JSON that is not a results.json is not "not valid JSON": the message says what is
    /// missing or wrong.
    @Test(arguments: [
        (#"{"a": 1}"#, #"not a labbook report (results.json has no "format" field)"#),
        ("[1, 2]", "not a labbook report (its JSON is not an object)"),
        (#"{"format": "1"}"#, #"not a labbook report (its "format" is not a whole number)"#),
        (#"{"format": 1, "engine": {"version": 3}}"#, #"not a labbook report ("engine.version" is not a string)"#),
        (#"{"format": 1, "engine": {"version": "1", "blas": "b", "threads": 1}, "notebook": {"path": "n", "sha256": "s"}, "blocks": [{"label": "a"}]}"#,
         #"not a labbook report (missing "blocks[0].line")"#),
        ("{\"format\": 1", "not valid JSON (the bytes do not parse as JSON)"),
    ])
    func jsonThatIsNotAReportSaysWhatIsWrong(_ text: String, _ message: String) {
        #expect(throws: DiffInputError.self) { try DiffInput.decode(Data(text.utf8), path: "x.json") }
        do {
            _ = try DiffInput.decode(Data(text.utf8), path: "x.json")
        } catch {
            #expect(error.description == "x.json: " + message)
        }
    }

    /// Escape sequences in labels, metric names and inline values are shown, not sent.
    @Test func controlCharactersFromTheReportsAreShownVisibly() throws {
        let fit = #"[{"epochs": [{"epoch": 0, "loss\u001b]0;pwned\u0007": 0.5}]}]"#
        let old = try DiffInput.decode(Self.report(blocks: #"[{"label": "a\u001b[2Jb", "line": 1, "status": "ok", "fits": \#(fit), "evaluations": [], "expectations": []}]"#,
                                                   inline: #"[{"line": 3, "expression": "x", "value": "1"}]"#), path: "old")
        let new = try DiffInput.decode(Self.report(blocks: #"[{"label": "a\u001b[2Jb", "line": 1, "status": "error", "fits": \#(fit), "evaluations": [], "expectations": []}]"#,
                                                   inline: #"[{"line": 3, "expression": "x", "value": "line\nnext\u202e"}]"#), path: "new")
        let text = ReportDiff(old: old, oldPath: "old", new: new, newPath: "new").text(all: true)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        #expect(text.contains(#"a\u{1B}[2Jb"#))
        #expect(text.contains(#"loss\u{1B}]0;pwned\u{7}"#))
        #expect(text.contains(#"1 → line\u{A}next\u{202E}"#))
    }

    @Test func theOutputPageIsRecognisedAsAnInputHoweverItIsSpelled() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report")
        try FileManager.default.createDirectory(at: report, withIntermediateDirectories: true)
        let results = report.appendingPathComponent("results.json").path
        try Self.report().write(to: URL(fileURLWithPath: results))
        let link = folder.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: results)
        #expect(DiffInput.resultsFile(at: report.path) == results)
        for spelling in [results, link, report.path + "/../report/results.json"] {
            #expect(DiffInput.sameFile(spelling, DiffInput.resultsFile(at: report.path)))
        }
        #expect(!DiffInput.sameFile(folder.appendingPathComponent("page.html").path, results))
    }

    /// Many added and removed blocks and a fit with many metrics cost linear time (the block
    /// matching and the metric look-ups were quadratic: this took minutes).
    @Test func aLargeReportIsComparedInBoundedTime() throws {
        func blocks(_ prefix: String) -> String {
            "[" + (0..<20_000).map { #"{"label": "\#(prefix)\#($0)", "line": \#($0), "status": "ok", "fits": [], "evaluations": [], "expectations": []}"# }
                .joined(separator: ", ") + "]"
        }
        let metrics = (0..<20_000).map { #""m\#($0)": 0.5"# }.joined(separator: ", ")
        let fit = #"{"label": "fit", "line": 0, "status": "ok", "fits": [{"epochs": [{"epoch": 0, \#(metrics)}, {"epoch": 1, \#(metrics)}]}], "evaluations": [], "expectations": []}"#
        let start = Date()
        let old = try DiffInput.decode(Self.report(blocks: "[" + fit + ", " + blocks("a").dropFirst()), path: "old")
        let new = try DiffInput.decode(Self.report(blocks: "[" + fit + ", " + blocks("b").dropFirst()), path: "new")
        let diff = ReportDiff(old: old, oldPath: "old", new: new, newPath: "new")
        #expect(diff.blocks.count == 40_000 && diff.metrics.count == 20_000)
        #expect(Date().timeIntervalSince(start) < 30)
    }
}
