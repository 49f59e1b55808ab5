import ArgumentParser
import LabbookNotebook

/// `labbook check NOTEBOOK...`: every diagnostic of reading and parsing, nothing run.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every diagnostic of the notebooks (options, fences, questions, syntax) without running them."
    )

    @Argument(help: "The notebooks to check.")
    var notebooks: [String]

    func run() throws {
        let status = NotebookCheck.run(notebooks)
        if status != 0 { throw ExitCode(status) }
    }
}
