import CProcessControl
import Foundation
import LabbookDiagnostics
import LabbookEngine
import LabbookInterpreter
import LabbookNotebook
import LabbookRun

/// One submission graded, in a process of its own (`labbook grade` starts one per submission):
/// its graded notebook rendered with one engine thread, the library's names first in the
/// checks, files confined to the student's folder, and every check's tests recorded in the
/// progress file as the check ends.
public enum SubmissionRun {
    /// Renders `notebook` into `outputDirectory` (its report folder is the student's), the
    /// blocks labelled `checks` being the checks. Returns the process's exit status: 0 when the
    /// run reached its end (whatever its blocks did), 2 when it could not start.
    public static func run(notebook: String, checks: Set<String>, outputDirectory: String, progress: String,
                           memoryMB: Int, parent: Int32?) -> Int32 {
        if let parent { endWithParent(parent) }
        let progress = GradingProgress(path: progress)
        limitAddressSpace(megabytes: memoryMB + addressSpaceHeadroomMB)
        // A fault for the tests of `grade` itself: no notebook can crash labbook.
        if let student = ProcessInfo.processInfo.environment["LABBOOK_GRADE_TEST_ABORT"],
           URL(fileURLWithPath: notebook).deletingPathExtension().lastPathComponent == student {
            abort()
        }
        var options = NotebookRender.Options()
        options.outputDirectory = outputDirectory
        options.threads = 1
        options.usesCache = false
        options.memoryLimit = memoryMB << 20
        let recorder = CheckRecorder(checks: checks, progress: progress)
        var shadowed: [String] = []
        let outcome = NotebookRender(path: notebook, options: options).run(prepare: { runner in
            runner.libraryNamesFirst = checks
            runner.observer = recorder
        }, finished: { runner in
            shadowed = runner.session.shadowedLibraryNames
        })
        for message in outcome.messages { StandardError.write(message) }
        guard outcome.written != nil else { return 2 }
        progress.append(.finished(outOfMemory: recorder.outOfMemory, shadowed: shadowed))
        return 0
    }
}

extension SubmissionRun {
    /// What the address-space limit leaves above `--memory`, which bounds the session's memory
    /// (the interpreter's budget ends a block past it): the runtime's reservations, the 512 MB
    /// stack a block runs on, the engine's buffers.
    static let addressSpaceHeadroomMB = 2048

    /// A run ends with the `grade` that started it (Ctrl-C, a kill, a crash): no orphan keeps
    /// running. The kernel kills this process when its parent ends (a signal nothing can block
    /// or ignore, whatever mask it inherited); a parent already gone ends it here.
    static func endWithParent(_ parent: Int32) {
        _ = labbook_kill_with_parent()
        if getppid() != parent { _exit(3) }
    }

    /// The process's address space at most `megabytes` (a backstop: an allocation past it fails).
    static func limitAddressSpace(megabytes: Int) {
        var limit = rlimit()
        limit.rlim_cur = rlim_t(megabytes) << 20
        limit.rlim_max = rlim_t(megabytes) << 20
        setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
    }
}

/// Records each check's expectations as tests, and why a check stopped early.
final class CheckRecorder: NotebookRunner.Observer {
    let checks: Set<String>
    let progress: GradingProgress
    private(set) var outOfMemory = false

    init(checks: Set<String>, progress: GradingProgress) {
        self.checks = checks
        self.progress = progress
    }

    func cellStarted(_ cell: Cell, number: Int, of total: Int) {}

    func cellFinished(_ cell: Cell, result: NotebookRun.CellResult) {
        if result.status == .outOfMemory { outOfMemory = true }
        guard checks.contains(cell.label) else { return }
        for output in result.outputs {
            switch output {
            case .expectation(let e):
                // A hidden check's code is hidden (echo: false): its values quote no code either.
                let details = cell.options.echo ? e.details : e.details.filter(\.quotesOnlyAName)
                progress.append(.test(TestResult(text: e.text, passed: e.passed, points: e.points,
                                                 values: details.map { "\($0.expression) = \($0.value)" }, check: cell.label)))
            case .diagnostic(let d) where d.isError:
                progress.append(.failure(CheckFailure(check: cell.label, message: d.message)))
            default:
                break
            }
        }
    }
}
