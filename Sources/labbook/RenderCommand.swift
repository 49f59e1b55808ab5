import ArgumentParser
import Foundation
import LabbookNotebook
import LabbookReport

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
        let reportTemplate: ReportTemplate
        do {
            reportTemplate = try template.map { try ReportTemplate(contentsOf: $0) } ?? .default
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        do {
            try ReportFolder.checkDistinct(notebooks, outputDirectory: output)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        var status: Int32 = 0
        for path in notebooks {
            status = max(status, render(path, template: reportTemplate))
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// Renders one notebook; returns its exit status.
    private func render(_ path: String, template: ReportTemplate) -> Int32 {
        var options = NotebookRender.Options()
        options.outputDirectory = output
        options.formats = Set(formatNames.compactMap(ReportOutputFormat.init(rawValue:)))
        options.seed = seed
        options.threads = threads
        options.selfContained = selfContained
        options.allowHTML = allowHtml
        options.template = template
        options.dataDirectory = data
        options.usesCache = !noCache
        options.force = force
        options.filesDirectory = files
        options.memoryLimit = memory.map { $0 << 20 }
        var interruption: Interruption?
        let progress = CellProgress(quiet: quiet)
        let outcome = NotebookRender(path: path, options: options).run(prepare: { runner in
            runner.observer = progress
            if !quiet { runner.context.progress = { ProgressBar(epochs: $0) } }
            interruption = Interruption { runner.interrupt() }
        }, finished: { _ in interruption?.stop() })
        for message in outcome.messages { printError(message) }
        if let written = outcome.written {
            let figures = written.files.filter { $0.hasPrefix("figures/") }.count
            printError("wrote \(written.directory)/ (\(written.files.count - figures) files, \(figures) figures"
                       + (outcome.replayed ? ", every block replayed from the cache" : "") + ") in "
                       + String(format: "%.1f s", outcome.seconds) + (outcome.exitStatus == 0 ? "" : "; some blocks failed or expectations did not hold"))
        }
        return outcome.exitStatus
    }
}

/// `[7/31] label` on standard error as each cell starts (or is replayed from the cache), and how
/// it ended when it did not.
final class CellProgress: NotebookRunner.Observer {
    let quiet: Bool
    init(quiet: Bool) { self.quiet = quiet }

    func cellStarted(_ cell: Cell, number: Int, of total: Int) {
        if !quiet { printError("[\(number)/\(total)] \(cell.label)") }
    }

    func cellReplayed(_ cell: Cell, number: Int, of total: Int) {
        if !quiet { printError("[\(number)/\(total)] \(cell.label) (replayed from the cache)") }
    }

    func cellFinished(_ cell: Cell, result: NotebookRun.CellResult) {
        switch result.status {
        case .error, .timeout, .interrupted:
            printError("  \(cell.label): \(result.status.rawValue)")
        default:
            break
        }
    }
}

/// Ctrl-C stops the running cell (its partial output is kept and the report still written); a
/// second Ctrl-C ends labbook at once.
final class Interruption {
    private let source: DispatchSourceSignal
    private var count = 0

    init(_ interrupt: @escaping () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [unowned self] in
            count += 1
            if count > 1 { exit(130) }
            printError("\ninterrupted: stopping the running block (Ctrl-C again to quit)")
            interrupt()
        }
        source.resume()
    }

    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
