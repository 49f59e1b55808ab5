import ArgumentParser
import LabbookReport
import LabbookRun

/// `labbook render NOTEBOOK...`: runs each notebook and writes its report to `DIR/NAME/`.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Run notebooks and write their reports (index.html, report.md, results.json, figures)."
    )

    @Argument(help: "The notebooks to render.")
    var notebooks: [String]

    @OptionGroup var running: RunOptions

    @Option(help: "The report formats, comma-separated: html, md (results.json is always written).")
    var format = "html,md"

    @Flag(help: "Run every block again, ignoring the cached results of unchanged blocks.")
    var noCache = false

    @Flag(help: "Embed the figures in index.html.")
    var selfContained = false

    @Flag(help: "Show no progress.")
    var quiet = false

    func validate() throws {
        for name in formatNames where ReportOutputFormat(rawValue: name) == nil {
            throw ValidationError("unknown format '\(name)'; the formats are html and md")
        }
    }

    private var formatNames: [String] {
        format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        var options = running.renderOptions
        options.formats = Set(formatNames.compactMap(ReportOutputFormat.init(rawValue:)))
        options.selfContained = selfContained
        options.usesCache = !noCache
        let status = Rendering.run(notebooks, options: options, templatePath: running.template, quiet: quiet)
        if status != 0 { throw ExitCode(status) }
    }
}
