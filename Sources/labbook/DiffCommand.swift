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
        let diff = ReportDiff(old: oldInput, oldPath: old, new: newInput, newPath: new, tolerances: tolerances)
        print(json ? diff.json : diff.text, terminator: "")
        if let html {
            do {
                try Data(try diff.html().utf8).write(to: URL(fileURLWithPath: html), options: .atomic)
            } catch {
                printError("labbook diff: cannot write \(html): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
        if diff.exitStatus != 0 { throw ExitCode(diff.exitStatus) }
    }
}
