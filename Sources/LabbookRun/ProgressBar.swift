import LabbookNotebook
import LabbookReport
import Foundation
import LabbookEngine

/// Training progress on standard error, as Keras shows it: on a terminal a bar redrawn in place
/// (`469/469 ━━━━━━━━━━━━━━━━━━━━ 0.4s - accuracy: 0.8123 - loss: 0.5210`), otherwise one line
/// per epoch.
final class ProgressBar: Callback {
    private let epochs: Int
    private let isTerminal: Bool
    private var steps = 0
    private var epochStart = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0

    init(epochs: Int) {
        self.epochs = epochs
        isTerminal = isatty(STDERR_FILENO) == 1
    }

    func trainingBegan(model: Sequential, epochs: Int, stepsPerEpoch: Int) throws { steps = stepsPerEpoch }

    func epochBegan(_ epoch: Int) throws {
        epochStart = DispatchTime.now().uptimeNanoseconds
        if isTerminal && epochs > 1 { StandardError.write("Epoch \(epoch + 1)/\(epochs)") }
    }

    var observesBatches: Bool { isTerminal }

    func batchEnded(_ batch: Int, logs: () -> Logs) throws -> CallbackAction {
        guard isTerminal else { return .continue }
        let now = DispatchTime.now().uptimeNanoseconds
        // Redraw at most ten times a second: the bar must not cost the training anything.
        if now - lastDraw > 100_000_000 || batch + 1 == steps {
            lastDraw = now
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line(done: batch + 1, logs: logs())).utf8))
        }
        return .continue
    }

    func epochEnded(_ epoch: Int, logs: Logs) throws -> CallbackAction {
        if isTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line(done: steps, logs: logs) + "\n").utf8))
        } else {
            StandardError.write("Epoch \(epoch + 1)/\(epochs): " + line(done: steps, logs: logs))
        }
        return .continue
    }

    private func line(done: Int, logs: Logs) -> String {
        let width = 20
        let filled = steps > 0 ? min(width, done * width / steps) : width
        let bar = String(repeating: "━", count: filled) + String(repeating: "─", count: width - filled)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - epochStart) / 1e9
        let metrics = logs.map { "\($0.name): \(String(format: "%.4f", $0.value))" }.joined(separator: " - ")
        return "\(done)/\(steps) \(bar) \(String(format: "%.1fs", seconds)) - \(metrics)"
    }
}
