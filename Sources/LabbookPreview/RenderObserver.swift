import Foundation
import LabbookDiagnostics
import LabbookEngine
import LabbookNotebook
import LabbookRun

/// One render watched for the pages: each block as it starts (`[7/38] q4-1024`), each epoch of
/// its `fit`, and the diagnostics of the blocks that failed when they were not marked to.
/// Standard error gets the same lines as `render`'s.
final class RenderObserver: NotebookRunner.Observer {
    private let hub: PreviewHub
    private let terminal: CellProgress
    private var step = ""
    /// The formatted diagnostics of the blocks that failed unexpectedly, in order.
    private(set) var failures: [String] = []

    init(hub: PreviewHub, terminal: CellProgress) {
        self.hub = hub
        self.terminal = terminal
    }

    /// Set when the run starts: the notebook's formatter.
    var formatter: DiagnosticFormatter? {
        didSet { terminal.formatter = formatter }
    }

    func cellStarted(_ cell: Cell, number: Int, of total: Int) {
        terminal.cellStarted(cell, number: number, of: total)
        step = "[\(number)/\(total)] \(cell.label)"
        hub.publish(.progress(step: step))
    }

    func cellReplayed(_ cell: Cell, number: Int, of total: Int) {
        terminal.cellReplayed(cell, number: number, of: total)
    }

    func cellFinished(_ cell: Cell, result: NotebookRun.CellResult) {
        terminal.cellFinished(cell, result: result)
        switch result.status {
        case .error, .timeout, .outOfMemory:
            let diagnostics = result.outputs.compactMap { output -> String? in
                guard case .diagnostic(let diagnostic) = output else { return nil }
                return formatter?.format(cell.fileDiagnostic(diagnostic))
            }
            failures.append(diagnostics.isEmpty ? "\(cell.label): \(result.status.rawValue)" : diagnostics.joined(separator: "\n"))
        default:
            break
        }
    }

    /// The callback of one `fit`: the epoch it is at, for the pages.
    func epochs(_ count: Int) -> Callback {
        EpochProgress(epochs: count) { [hub, step] epoch in hub.publish(.progress(step: step, epoch: epoch)) }
    }
}

/// `epoch 3/10` to the pages as each epoch begins.
private final class EpochProgress: Callback {
    let epochs: Int
    let tell: (String) -> Void

    init(epochs: Int, tell: @escaping (String) -> Void) {
        self.epochs = epochs
        self.tell = tell
    }

    func epochBegan(_ epoch: Int) throws { tell("epoch \(epoch + 1)/\(epochs)") }
}
