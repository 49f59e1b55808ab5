import ArgumentParser
import LabbookEngine

/// `labbook`: renders Markdown coursework notebooks into reports, and measures its engine.
@main
struct Labbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labbook",
        abstract: "Turns coursework written as Markdown into a finished report.",
        version: EngineInfo.description,
        subcommands: [RenderCommand.self, CheckCommand.self, CleanCommand.self, DiffCommand.self, BenchCommand.self]
    )
}
