import LabbookReport
import Foundation
import LabbookNotebook

/// `[7/31] label` on standard error as each cell starts (or is replayed from the cache), and how
/// it ended when it did not.
final class CellProgress: NotebookRunner.Observer {
    let quiet: Bool
    init(quiet: Bool) { self.quiet = quiet }

    func cellStarted(_ cell: Cell, number: Int, of total: Int) {
        if !quiet { StandardError.write("[\(number)/\(total)] \(cell.label)") }
    }

    func cellReplayed(_ cell: Cell, number: Int, of total: Int) {
        if !quiet { StandardError.write("[\(number)/\(total)] \(cell.label) (replayed from the cache)") }
    }

    func cellFinished(_ cell: Cell, result: NotebookRun.CellResult) {
        switch result.status {
        case .error, .timeout, .interrupted:
            StandardError.write("  \(cell.label): \(result.status.rawValue)")
        default:
            break
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
