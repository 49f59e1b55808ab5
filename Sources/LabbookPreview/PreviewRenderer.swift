import Foundation
import LabbookDiagnostics
import LabbookNotebook
import LabbookRun

/// Renders the notebook on a thread of its own, one render at a time: a save during a render
/// waits for it to end and then gives one more render (any number of saves meanwhile give one).
/// Each render goes through the report's cache, so only the blocks from the first changed one on
/// run. A render that succeeds is a new version for the pages; one that fails leaves them as
/// they are, with its diagnostics to lay over them.
final class PreviewRenderer: @unchecked Sendable {
    private let path: String
    private let options: NotebookRender.Options
    private let hub: PreviewHub
    private let write: (String) -> Void
    private let condition = NSCondition()
    private var pending = false
    private var stopping = false
    private var runner: NotebookRunner?
    private let finished = DispatchSemaphore(value: 0)
    /// The data files the last renders read, which the watcher watches with the notebook.
    private var dataFiles: Set<String> = []

    init(path: String, options: NotebookRender.Options, hub: PreviewHub, write: @escaping (String) -> Void = StandardError.write) {
        self.path = path
        self.options = options
        self.hub = hub
        self.write = write
    }

    /// Starts the thread, which renders once at once.
    func start() {
        pending = true
        let thread = Thread { [self] in loop() }
        thread.name = "labbook preview render"
        // The engine's own threads do the heavy work; this one needs room for the interpreter.
        thread.stackSize = 64 << 20
        thread.start()
    }

    /// Asks for a render (the notebook or a data file changed).
    func requestRender() {
        condition.withLock {
            pending = true
            condition.signal()
        }
    }

    /// The files to watch: the notebook and the data files its runs read.
    var watchedFiles: [String] {
        condition.withLock { [path] + dataFiles.sorted() }
    }

    /// Stops the render in progress (its block is interrupted) and the thread; returns when
    /// the thread has ended.
    func stop() {
        condition.withLock {
            stopping = true
            runner?.interrupt()
            condition.signal()
        }
        finished.wait()
    }

    private func loop() {
        while true {
            condition.lock()
            while !pending && !stopping { condition.wait() }
            if stopping {
                condition.unlock()
                finished.signal()
                return
            }
            pending = false
            condition.unlock()
            render()
        }
    }

    private func render() {
        hub.publish(.rendering)
        let observer = RenderObserver(hub: hub, terminal: CellProgress(quiet: false, write: write))
        let outcome = NotebookRender(path: path, options: options).run(prepare: { runner in
            runner.observer = observer
            observer.formatter = DiagnosticFormatter(fileName: runner.notebook.file, source: runner.notebook.source)
            runner.context.progress = { observer.epochs($0) }
            condition.withLock {
                self.runner = runner
                if stopping { runner.interrupt() }
            }
        }, finished: { _ in condition.withLock { self.runner = nil } })
        for message in outcome.messages { write(message) }
        let interrupted = condition.withLock { stopping }
        if interrupted { return }
        condition.withLock { dataFiles.formUnion(outcome.dataFiles) }
        // The blocks' failures first: an inline value that fails after them is their consequence.
        let failures = observer.failures + outcome.messages.filter { $0.hasPrefix("error: ") || $0.contains(": error: ") }
        if outcome.written == nil || outcome.exitStatus == 2 || !failures.isEmpty {
            let diagnostics = (failures.isEmpty ? outcome.messages : failures).joined(separator: "\n")
            hub.publish(.failed(diagnostics.isEmpty ? PreviewMessages.renderFailed : diagnostics))
            write(PreviewMessages.failedRender(seconds: outcome.seconds))
        } else {
            hub.rendered(page: outcome.written.flatMap { FileManager.default.contents(atPath: $0.directory + "/index.html") })
            write(PreviewMessages.updated(seconds: outcome.seconds, replayed: outcome.replayed))
        }
    }
}
