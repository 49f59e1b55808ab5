import LabbookReport
import Foundation
import LabbookEngine
import LabbookDiagnostics
import LabbookNotebook

/// One notebook rendered: read, run, its report built and written. The command line's
/// `render` calls this for each notebook and only reports what it says.
public struct NotebookRender {
    /// What the command line asked for.
    public struct Options {
        public var outputDirectory = "output"
        public var formats: Set<ReportOutputFormat> = [.html, .markdown]
        public var seed: Int?
        public var threads: Int?
        public var selfContained = false
        public var allowHTML = false
        public var template: ReportTemplate = .default
        public var dataDirectory: String?
        /// Look up unchanged blocks in the report's cache (`--no-cache` turns it off; the
        /// cache is written either way).
        public var usesCache = true
        /// Replace whatever is at the report's place, even what labbook did not write (`--force`).
        public var force = false
        /// The folder the notebook's own files go to (`--files`); the report's `files/` when nil.
        public var filesDirectory: String?
        /// The memory budget of the session in bytes (`--memory MB`); nil for the default, three
        /// quarters of the machine's memory.
        public var memoryLimit: Int?
        public init() {}
    }

    /// How it went.
    public struct Outcome {
        /// 0: every block ran or failed as expected; 1: some block failed, an expectation did
        /// not hold, or the report could not be written; 2: the notebook could not be read.
        public var exitStatus: Int32
        /// Diagnostics of reading the notebook and of its inline expressions, formatted.
        public var messages: [String]
        /// The report folder and what was written there, when it was.
        public var written: ReportWriter.Written?
        public var seconds: Double
        /// Whether every block was replayed from the cache (none ran).
        public var replayed = false
        /// The paths of the data files the report's blocks read (as the cache recorded them when
        /// every block replayed).
        public var dataFiles: [String] = []
    }

    public let path: String
    public let options: Options

    public init(path: String, options: Options) {
        self.path = path
        self.options = options
    }

    private func makeRunner(_ notebook: Notebook, seed: Int, folder: ReportFolder) -> NotebookRunner {
        let runner = NotebookRunner(notebook: notebook, seed: seed, dataDirectory: options.dataDirectory,
                                    filesDirectory: options.filesDirectory ?? folder.filesURL.path)
        if let limit = options.memoryLimit { runner.memoryLimit = limit }
        return runner
    }

    /// Renders the notebook. `prepare` may configure the runner (progress, interruption)
    /// before the cells run.
    public func run(prepare: (NotebookRunner) -> Void = { _ in }, finished: (NotebookRunner) -> Void = { _ in }) -> Outcome {
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        let folder: ReportFolder
        do {
            folder = try ReportFolder(notebook: path, outputDirectory: options.outputDirectory)
        } catch {
            return Outcome(exitStatus: 2, messages: ["\(error)"], written: nil, seconds: elapsed())
        }
        let reading = NotebookReader.read(path: path)
        let formatter = reading.diagnosticFormatter()
        var messages = reading.diagnostics.map { formatter.format($0) }
        guard let notebook = reading.notebook else {
            return Outcome(exitStatus: 2, messages: messages, written: nil, seconds: elapsed())
        }
        // Refused before anything runs: what is at the report's place must be labbook's.
        do {
            try folder.claim(force: options.force)
        } catch {
            return Outcome(exitStatus: 2, messages: messages + ["\(error)"], written: nil, seconds: elapsed())
        }
        switch notebook.frontMatter.threads {
        case .count(let n): EngineSettings.threads = n
        case .auto: EngineSettings.threads = EngineSettings.automaticThreads
        }
        if let threads = options.threads { EngineSettings.threads = threads }
        let seed = options.seed ?? notebook.frontMatter.seed
        let directory = folder.path
        let engine = EngineDescription(version: EngineInfo.version, blas: BLAS.build, threads: BLAS.threads,
                                       reproducibility: EngineInfo.reproducibility)
        var report: Report
        var replayed = false
        var dataFiles: [CheckedFile] = []
        // The paths of the data files the report's runs read, cached or not.
        var dataPaths: [String] = []
        let states = StateCache(reportDirectory: directory)
        var lookup = BlockCache.Lookup.miss
        if options.usesCache { lookup = BlockCache.lookUp(notebook, seed: seed, directory: directory) }
        if case .unreadable(let reason) = lookup { messages.append("warning: \(reason)") }
        if case .replay(let runs, var inline, let files, let pending) = lookup,
           let evaluated = evaluate(pending, notebook: notebook, seed: seed, folder: folder, states: states, messages: &messages,
                                    formatter: formatter) {
            inline.merge(evaluated.mapValues { VisibleText.visible($0.value) }) { _, new in new }
            report = Report(notebook: notebook, sha256: Report.sha256(of: notebook.source), engine: engine, runs: runs,
                            inlineValues: inline, dataFiles: files.map { DataFile(name: $0.name, sha256: $0.sha256) }, seed: seed, renderSeconds: elapsed(), renderedAt: Date())
            report.failedInline = Set(evaluated.filter(\.value.failed).keys)
            replayed = true
            dataPaths = files.map(\.path)
            if !evaluated.isEmpty {
                do {
                    // A failed inline value is not cached: the next render evaluates it again and
                    // reports it again.
                    try BlockCache.addInline(evaluated.values.filter { !$0.failed }.map { ($0.expression, $0.blockKey, $0.value) },
                                             notebook: notebook, seed: seed, directory: directory)
                } catch {
                    messages.append("warning: " + CacheMessages.notWritten(error))
                }
            }
        } else {
            var restart: (runner: NotebookRunner, point: BlockCache.Restart.Point, cached: BlockCache.Restart)?
            if case .restart(let cached) = lookup {
                for point in cached.points {
                    let runner = makeRunner(notebook, seed: seed, folder: folder)
                    do {
                        try states.restore(into: runner.session, key: point.key)
                        restart = (runner, point, cached)
                        break
                    } catch {
                        messages.append("warning: " + CacheMessages.stateUnreadable(states.path(forKey: point.key), label: point.label, "\(error)"))
                    }
                }
            }
            let runner = restart?.runner ?? makeRunner(notebook, seed: seed, folder: folder)
            let keys = BlockCache.keys(for: notebook, seed: seed).blocks
            runner.cellCompleted = { cell, session in
                if let key = keys[cell.label] { states.save(session, after: cell, key: key) }
            }
            prepare(runner)
            let cached: (runs: [String: CellRun], inline: [SourcePosition: String])
                = restart.map { $0.cached.replayed(through: $0.point) } ?? ([:], [:])
            if let restart {
                messages.append("note: " + CacheMessages.restarted(after: restart.point.label, replayed: cached.runs.count))
            }
            let run = runner.run(fromPart: restart.map { $0.point.part + 1 } ?? 0)
            finished(runner)
            messages += run.inlineDiagnostics.map { formatter.format($0) }
            messages += states.messages
            dataFiles = run.dataFiles
            dataPaths = dataFiles.map(\.path)
            report = Report(notebook: notebook, run: run, replayed: cached, engine: engine, seed: seed,
                            renderSeconds: elapsed(), renderedAt: Date())
        }
        report.readingFailed = reading.hasErrors
        do {
            let written = try ReportWriter.write(report, to: directory, formats: options.formats,
                                                 selfContained: options.selfContained, allowHTML: options.allowHTML,
                                                 template: options.template, force: options.force)
            if !replayed {
                // The states this render saved, and those of the replayed blocks before them.
                let kept = BlockCache.savedStates(directory: directory).merging(states.saved) { _, new in new }
                do {
                    try BlockCache.save(report, notebook: notebook, seed: seed, dataFiles: dataFiles, states: kept,
                                        stateCache: states, directory: directory)
                } catch {
                    messages.append("warning: " + CacheMessages.notWritten(error))
                }
            }
            return Outcome(exitStatus: Int32(written.exitStatus), messages: messages, written: written,
                           seconds: elapsed(), replayed: replayed, dataFiles: dataPaths)
        } catch {
            messages.append("\(error)")
            return Outcome(exitStatus: 1, messages: messages, written: nil, seconds: elapsed())
        }
    }

    /// Evaluates inline expressions new to the cache of a notebook whose blocks all replay, each
    /// group in a session restored from the state after the block before it; nil when a state
    /// cannot be restored (the caller then restarts the notebook instead).
    private func evaluate(_ pending: [BlockCache.PendingInline], notebook: Notebook, seed: Int, folder: ReportFolder,
                          states: StateCache,
                          messages: inout [String], formatter: DiagnosticFormatter)
        -> [SourcePosition: (expression: InlineExpression, blockKey: String?, value: String, failed: Bool)]? {
        var values: [SourcePosition: (expression: InlineExpression, blockKey: String?, value: String, failed: Bool)] = [:]
        for group in pending {
            let runner = makeRunner(notebook, seed: seed, folder: folder)
            if let block = group.block {
                do {
                    try states.restore(into: runner.session, key: block.key)
                } catch {
                    messages.append("warning: " + CacheMessages.stateUnreadable(states.path(forKey: block.key), label: block.label, "\(error)"))
                    return nil
                }
            }
            let run = runner.evaluate(group.expressions)
            messages += run.inlineDiagnostics.map { formatter.format($0) }
            for expression in group.expressions {
                if let value = run.inlineValues[expression.position] {
                    values[expression.position] = (expression, group.block?.key, value, run.failedInline.contains(expression.position))
                }
            }
        }
        return values
    }
}
