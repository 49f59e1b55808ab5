import ArgumentParser
import LabbookNotebook

/// `labbook release MASTER.md [--output DIR]`: the student version of a master.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Write the student version of a master: solutions replaced by placeholders, hidden checks and teacher blocks left out.",
        discussion: "Exit status: 0 written, 1 the master has errors (each with its line) or the file could not be written, 2 bad usage."
    )

    @Argument(help: "The master notebook.")
    var master: String

    @Option(help: "The folder the student version is written to, as NAME.md.")
    var output = "release"

    func run() throws {
        let status = Release.run(master, outputDirectory: output)
        if status != 0 { throw ExitCode(status) }
    }
}
