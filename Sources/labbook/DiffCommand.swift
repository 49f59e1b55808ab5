import ArgumentParser
import LabbookDiff

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

    @Flag(help: "In the text, every metric and fit, not one line per block within tolerance.")
    var all = false

    @Option(help: ArgumentHelp("Also write the diff as an HTML page with old and new curves.", valueName: "file"))
    var html: String?

    func run() throws {
        let status = ReportDiff.run(old: old, new: new, tolerances: tolerances, json: json, all: all, html: html)
        if status != 0 { throw ExitCode(status) }
    }
}
