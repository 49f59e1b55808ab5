import Foundation
import LabbookDiagnostics
import LabbookInterpreter
import LabbookNotebook

/// `[7/31] label` on standard error as each cell starts (or is replayed from the cache), how it
/// ended when it did not, and its diagnostics as `check` prints them (`render`'s and
/// `preview`'s standard error).
public final class CellProgress: NotebookRunner.Observer {
    let quiet: Bool
    /// Where each line goes (standard error; a test collects them).
    let write: (String) -> Void
    /// The notebook's formatter, set when its run starts.
    public var formatter: DiagnosticFormatter?

    /// - Parameters:
    ///   - quiet: print only how failed cells ended and their diagnostics.
    public init(quiet: Bool, write: @escaping (String) -> Void = StandardError.write) {
        self.quiet = quiet
        self.write = write
    }

    public func cellStarted(_ cell: Cell, number: Int, of total: Int) {
        if !quiet { write("[\(number)/\(total)] \(cell.label)") }
    }

    public func cellReplayed(_ cell: Cell, number: Int, of total: Int) {
        if !quiet { write("[\(number)/\(total)] \(cell.label) (replayed from the cache)") }
    }

    public func cellFinished(_ cell: Cell, result: NotebookRun.CellResult) {
        switch result.status {
        case .error, .timeout, .interrupted, .outOfMemory:
            write("  \(cell.label): \(result.status.rawValue)")
        default:
            break
        }
        // A block that fails as it is marked to is not a problem to report.
        guard result.status != .expectedError, let formatter else { return }
        for case .diagnostic(let diagnostic) in result.outputs {
            write(formatter.format(cell.fileDiagnostic(diagnostic)))
        }
    }
}

/// Ctrl-C stops the running cell (its partial output is kept and the report still written); a
/// second Ctrl-C ends labbook at once.
final class InterruptSignal {
    private let source: DispatchSourceSignal
    private var count = 0

    init(_ interrupt: @escaping () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [unowned self] in
            count += 1
            if count > 1 { exit(130) }
            StandardError.write("\ninterrupted: stopping the running block (Ctrl-C again to quit)")
            interrupt()
        }
        source.resume()
    }

    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
