/// Keras 3's `ReduceLROnPlateau`: multiplies the learning rate by `factor` when `monitor` has
/// not improved by more than `minDelta` for `patience` epochs, then waits `cooldown` epochs;
/// never below `minLR`. Works on optimizers with a constant learning rate.
public final class ReduceLROnPlateau: Callback {
    public let monitor: String
    public let factor: Double
    public let patience: Int
    public let mode: MonitorMode
    public let minDelta: Double
    public let cooldown: Int
    public let minLR: Double

    var best: Double?
    var wait = 0
    var cooldownCounter = 0
    private weak var model: Sequential?

    /// Keras's defaults: `val_loss`, factor 0.1, patience 10, min delta 1e-4, no cooldown.
    public init(monitor: String = "val_loss", factor: Double = 0.1, patience: Int = 10, mode: MonitorMode = .auto,
                minDelta: Double = 1e-4, cooldown: Int = 0, minLR: Double = 0) throws {
        guard factor < 1 else { throw EngineError.invalidArgument(EngineMessages.plateauFactor(factor)) }
        self.monitor = monitor
        self.factor = factor
        self.patience = patience
        self.mode = mode.resolved(for: monitor)
        self.minDelta = minDelta
        self.cooldown = cooldown
        self.minLR = minLR
    }

    public func trainingBegan(model: Sequential, epochs: Int, stepsPerEpoch: Int) throws {
        self.model = model
        best = nil
        wait = 0
        cooldownCounter = 0
    }

    public func epochEnded(_ epoch: Int, logs: Logs) throws -> CallbackAction {
        guard let current = logs[metric: monitor], let optimizer = model?.optimizer else { return .continue }
        if cooldownCounter > 0 {
            cooldownCounter -= 1
            wait = 0
        }
        let improved = best.map { mode == .min ? current < $0 - minDelta : current > $0 + minDelta } ?? true
        if improved {
            best = current
            wait = 0
        } else if cooldownCounter <= 0 {
            wait += 1
            if wait >= patience, case let .constant(rate) = optimizer.learningRate, rate > minLR {
                optimizer.learningRate = .constant(max(rate * factor, minLR))
                cooldownCounter = cooldown
                wait = 0
            }
        }
        return .continue
    }
}
