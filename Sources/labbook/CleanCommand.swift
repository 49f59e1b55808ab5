import ArgumentParser
import LabbookReport

/// `labbook clean [NOTEBOOK...]`: removes the block caches (and partial reports) of the given
/// notebooks, or of every report in the output folder.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove cached block results and partial reports."
    )

    @Argument(help: "The notebooks whose caches to remove (default: every report in the output folder).")
    var notebooks: [String] = []

    @Option(help: "The folder the reports are in.")
    var output = "output"

    func run() throws {
        let status = ReportFolder.clean(notebooks, outputDirectory: output)
        if status != 0 { throw ExitCode(status) }
    }
}
