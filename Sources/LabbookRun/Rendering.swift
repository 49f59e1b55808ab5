import Foundation
import LabbookDiagnostics
import LabbookNotebook
import LabbookReport

/// `labbook render NOTEBOOK...` as one call: each notebook read, run and its report written,
/// with the progress on standard error and Ctrl-C stopping the running block.
public enum Rendering {
    /// Renders `paths` in order with `options` (its template replaced by the one at
    /// `templatePath`, when given). Returns the worst exit status: 0 when every block ran or
    /// failed as expected, 1 when one failed or an expectation did not hold, 2 when a
    /// notebook, the template or a report's place is refused.
    public static func run(_ paths: [String], options: NotebookRender.Options, templatePath: String?, quiet: Bool) -> Int32 {
        var options = options
        do {
            if let templatePath { options.template = try ReportTemplate(contentsOf: templatePath) }
            try ReportFolder.checkDistinct(paths, outputDirectory: options.outputDirectory)
        } catch {
            StandardError.write("\(error)")
            return 2
        }
        return paths.map { render($0, options: options, quiet: quiet) }.max() ?? 0
    }

    /// Renders one notebook, each line of its progress and diagnostics to `write`; returns its
    /// exit status.
    static func render(_ path: String, options: NotebookRender.Options, quiet: Bool,
                       write: @escaping (String) -> Void = StandardError.write) -> Int32 {
        var interruption: InterruptSignal?
        let progress = CellProgress(quiet: quiet, write: write)
        let outcome = NotebookRender(path: path, options: options).run(prepare: { runner in
            runner.observer = progress
            progress.formatter = DiagnosticFormatter(fileName: runner.notebook.file, source: runner.notebook.source)
            if !quiet { runner.context.progress = { ProgressBar(epochs: $0) } }
            interruption = InterruptSignal { runner.interrupt() }
        }, finished: { _ in interruption?.stop() })
        for message in outcome.messages { write(message) }
        if let written = outcome.written {
            let figures = written.files.filter { $0.hasPrefix("figures/") }.count
            write("wrote \(written.directory)/ (\(written.files.count - figures) files, \(figures) figures"
                       + (outcome.replayed ? ", every block replayed from the cache" : "") + ") in "
                       + String(format: "%.1f s", outcome.seconds) + (outcome.exitStatus == 0 ? "" : "; some blocks failed or expectations did not hold"))
        }
        return outcome.exitStatus
    }
}
