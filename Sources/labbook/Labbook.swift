import ArgumentParser
import Foundation
import LabbookEngine

/// `labbook`: renders Markdown coursework notebooks into reports, and measures its engine.
@main
struct Labbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labbook",
        abstract: "Turns coursework written as Markdown into a finished report.",
        version: EngineInfo.description,
        subcommands: [RenderCommand.self, CheckCommand.self, ReleaseCommand.self, GradeCommand.self, GradebookCommand.self, GradeSubmissionCommand.self,
                      PreviewCommand.self, CleanCommand.self, DiffCommand.self, BenchCommand.self]
    )

    /// Runs the command; bad usage exits with status 2, as every labbook command documents
    /// (swift-argument-parser's own is 64).
    static func main() {
        ProcessorCheck.requireSupportedProcessor()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
