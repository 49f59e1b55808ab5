import ArgumentParser
import LabbookNotebook
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

    @Option(help: "The folder the reports go to (each notebook's in a folder of its name).")
    var output = "output"

    @Option(help: "The report formats, comma-separated: html, md (results.json is always written).")
    var format = "html,md"

    @Flag(help: "Run every block again, ignoring the cached results of unchanged blocks.")
    var noCache = false

    @Option(help: "The seed of every random stream (default: the front matter's seed).")
    var seed: Int?

    @Option(help: "Engine threads (default: the front matter's `threads`, or one per two logical processors).")
    var threads: Int?

    @Flag(help: "Embed the figures in index.html.")
    var selfContained = false

    @Flag(help: "Keep raw HTML from the notebook in index.html.")
    var allowHtml = false

    @Option(help: "A mustache template for index.html instead of templates/report.html.mustache.")
    var template: String?

    @Option(help: "Folder with the Fashion-MNIST IDX files.")
    var data: String?

    @Flag(help: "Show no progress.")
    var quiet = false

    @Flag(help: "Replace what is at a report's place even when labbook did not write it.")
    var force = false

    @Option(help: "The memory a notebook's session may hold, in MB (default: three quarters of the machine's memory).")
    var memory: Int?

    @Option(help: "The folder the notebooks' own files (model.save, Sequential.load) stay in (default: each report's files/).")
    var files: String?

    func validate() throws {
        if let threads, !(1...FrontMatter.maximumThreads).contains(threads) {
            throw ValidationError("--threads must be from 1 to \(FrontMatter.maximumThreads)")
        }
        if let memory, !(64...(1 << 30)).contains(memory) { throw ValidationError("--memory must be at least 64 (MB)") }
        for name in formatNames where ReportOutputFormat(rawValue: name) == nil {
            throw ValidationError("unknown format '\(name)'; the formats are html and md")
        }
    }

    private var formatNames: [String] {
        format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        var options = NotebookRender.Options()
        options.outputDirectory = output
        options.formats = Set(formatNames.compactMap(ReportOutputFormat.init(rawValue:)))
        options.seed = seed
        options.threads = threads
        options.selfContained = selfContained
        options.allowHTML = allowHtml
        options.dataDirectory = data
        options.usesCache = !noCache
        options.force = force
        options.filesDirectory = files
        options.memoryLimit = memory.map { $0 << 20 }
        let status = Rendering.run(notebooks, options: options, templatePath: template, quiet: quiet)
        if status != 0 { throw ExitCode(status) }
    }
}
