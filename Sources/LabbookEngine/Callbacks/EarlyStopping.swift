/// Keras 3's `EarlyStopping` (`keras/src/callbacks/early_stopping.py`): stops when `monitor`
/// has not improved by more than `minDelta` for `patience` epochs (never after the first
/// epoch); with `restoreBestWeights`, the best epoch's weights are put back when training ends.
public final class EarlyStopping: Callback {
    public var stopReason: History.StopReason { .earlyStopping }
    public let monitor: String
    public let minDelta: Double
    public let patience: Int
    public let mode: MonitorMode
    public let restoreBestWeights: Bool
    public let baseline: Double?
    public let startFromEpoch: Int

    /// The epoch training was stopped at (0 when it was not), and the best epoch seen.
    public internal(set) var stoppedEpoch = 0
    public internal(set) var bestEpoch = 0
    var wait = 0
    /// Like Keras, `best` survives across `fit` calls with the same instance.
    var best: Double?
    private var bestWeights: [Tensor]?
    private weak var model: Sequential?

    /// Keras's defaults: monitor `val_loss`, min delta 0, patience 0, mode auto.
    public init(monitor: String = "val_loss", minDelta: Double = 0, patience: Int = 0, mode: MonitorMode = .auto,
                restoreBestWeights: Bool = false, baseline: Double? = nil, startFromEpoch: Int = 0) {
        self.monitor = monitor
        self.minDelta = abs(minDelta)
        self.patience = patience
        self.mode = mode.resolved(for: monitor)
        self.restoreBestWeights = restoreBestWeights
        self.baseline = baseline
        self.startFromEpoch = startFromEpoch
    }

    public func trainingBegan(model: Sequential, epochs: Int, stepsPerEpoch: Int) throws {
        self.model = model
        wait = 0
        stoppedEpoch = 0
        bestWeights = nil
        bestEpoch = 0
    }

    public func epochEnded(_ epoch: Int, logs: Logs) throws -> CallbackAction {
        guard let current = logs[metric: monitor], epoch >= startFromEpoch else { return .continue }
        if restoreBestWeights && bestWeights == nil {
            bestWeights = model?.getWeights()
            bestEpoch = epoch
        }
        wait += 1
        if isImprovement(current, over: best) {
            best = current
            bestEpoch = epoch
            if restoreBestWeights { bestWeights = model?.getWeights() }
            // Only restart the wait when both the baseline and the previous best are beaten.
            if baseline == nil || isImprovement(current, over: baseline) { wait = 0 }
            return .continue
        }
        if wait >= patience && epoch > 0 {
            stoppedEpoch = epoch
            return .stop
        }
        return .continue
    }

    public func trainingEnded(logs: Logs) throws {
        if restoreBestWeights, let bestWeights { try model?.setWeights(bestWeights) }
    }

    private func isImprovement(_ value: Double, over reference: Double?) -> Bool {
        guard let reference else { return true }
        return mode == .min ? value + minDelta < reference : value - minDelta > reference
    }
}
