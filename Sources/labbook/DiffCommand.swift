import ArgumentParser
import Foundation
import LabbookReport

/// `labbook diff OLD NEW`: compares two reports run by run; exit 0 within tolerance, 1 beyond,
/// 2 on bad input.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two reports run by run (for CI: exit 0 within tolerance, 1 beyond, 2 on bad input).",
        discussion: """
            OLD and NEW are report folders or results.json files. Runs are matched by block label, fits and \
            evaluations by their order in the block. Accuracies may move by 0.005 (absolute) and losses by 2 % \
            (relative) unless told otherwise.
            """
    )

    @Argument(help: "The earlier report (a folder or its results.json).")
    var old: String

    @Argument(help: "The later report (a folder or its results.json).")
    var new: String

    @Option(name: .customLong("tolerance"), help: ArgumentHelp(
        "0.005 (default absolute, accuracies), rel:0.02 (default relative, losses), NAME=0.003 or NAME=rel:0.02 (one metric). Repeatable.",
        valueName: "X"))
    var tolerances: [String] = []

    @Flag(help: "Print the diff as JSON (docs/diff.md describes it).")
    var json = false

    @Option(help: ArgumentHelp("Also write the diff as an HTML page with old and new curves.", valueName: "file"))
    var html: String?

    func run() throws {
        let tolerances: Tolerances
        let oldInput: DiffInput, newInput: DiffInput
        do {
            tolerances = try Tolerances.parse(self.tolerances)
            oldInput = try DiffInput.load(path: old)
            newInput = try DiffInput.load(path: new)
        } catch {
            printError("labbook diff: \(error)")
            throw ExitCode(2)
        }
        // Writing the page over one of the reports it compares would destroy that report.
        if let html, let input = [old, new].map(DiffInput.resultsFile).first(where: { DiffInput.sameFile(html, $0) }) {
            printError("labbook diff: --html \(html) is \(input), one of the reports being compared; write the page to another file")
            throw ExitCode(2)
        }
        let diff = ReportDiff(old: oldInput, oldPath: old, new: newInput, newPath: new, tolerances: tolerances)
        print(json ? diff.json : diff.text, terminator: "")
        if let html {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: html, isDirectory: &isDirectory), isDirectory.boolValue {
                printError("labbook diff: cannot write \(html): is a directory")
                throw ExitCode(2)
            }
            do {
                try Data(try diff.html().utf8).write(to: URL(fileURLWithPath: html), options: .atomic)
            } catch {
                printError("labbook diff: cannot write \(html): \(SystemErrorText.describe(error))")
                throw ExitCode(2)
            }
        }
        if diff.exitStatus != 0 { throw ExitCode(diff.exitStatus) }
    }
}
