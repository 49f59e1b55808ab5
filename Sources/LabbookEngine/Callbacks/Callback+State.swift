/// What Keras's stateful callbacks remember between `fit` calls (`best`, the wait), with their
/// settings, so that a saved notebook state restores them as they were. The best weights and
/// the model they follow are not kept: each `fit` starts them again.
extension EarlyStopping {
    public struct State: Codable, Equatable, Sendable {
        public var monitor: String
        public var minDelta: Double
        public var patience: Int
        public var mode: MonitorMode
        public var restoreBestWeights: Bool
        public var baseline: Double?
        public var startFromEpoch: Int
        public var stoppedEpoch: Int
        public var bestEpoch: Int
        public var wait: Int
        public var best: Double?
    }

    public var state: State {
        State(monitor: monitor, minDelta: minDelta, patience: patience, mode: mode, restoreBestWeights: restoreBestWeights,
              baseline: baseline, startFromEpoch: startFromEpoch, stoppedEpoch: stoppedEpoch, bestEpoch: bestEpoch,
              wait: wait, best: best)
    }

    /// The callback a saved state describes.
    public convenience init(restoring state: State) {
        self.init(monitor: state.monitor, minDelta: state.minDelta, patience: state.patience, mode: state.mode,
                  restoreBestWeights: state.restoreBestWeights, baseline: state.baseline, startFromEpoch: state.startFromEpoch)
        stoppedEpoch = state.stoppedEpoch
        bestEpoch = state.bestEpoch
        wait = state.wait
        best = state.best
    }
}

extension ReduceLROnPlateau {
    public struct State: Codable, Equatable, Sendable {
        public var monitor: String
        public var factor: Double
        public var patience: Int
        public var mode: MonitorMode
        public var minDelta: Double
        public var cooldown: Int
        public var minLR: Double
        public var best: Double?
        public var wait: Int
        public var cooldownCounter: Int
    }

    public var state: State {
        State(monitor: monitor, factor: factor, patience: patience, mode: mode, minDelta: minDelta, cooldown: cooldown,
              minLR: minLR, best: best, wait: wait, cooldownCounter: cooldownCounter)
    }

    /// The callback a saved state describes; throws for settings the initializer refuses.
    public convenience init(restoring state: State) throws {
        try self.init(monitor: state.monitor, factor: state.factor, patience: state.patience, mode: state.mode,
                      minDelta: state.minDelta, cooldown: state.cooldown, minLR: state.minLR)
        best = state.best
        wait = state.wait
        cooldownCounter = state.cooldownCounter
    }
}
