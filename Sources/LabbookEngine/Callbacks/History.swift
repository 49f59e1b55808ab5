/// What `fit` returns: each metric per epoch (Keras's `history.history`), the seconds of each
/// epoch, and why training stopped.
public struct History: Equatable, Sendable {
    /// Why training ended.
    public enum StopReason: String, Sendable {
        case completed, earlyStopping = "early-stopping", callback
    }

    /// Metric names in Keras's order (`accuracy`, `loss`, `val_accuracy`, `val_loss`) with
    /// one value per epoch.
    public private(set) var metrics: [(name: String, values: [Double])] = []
    /// Wall-clock seconds of each epoch (validation included).
    public private(set) var seconds: [Double] = []
    /// The epoch numbers that ran (from `initialEpoch`, counted from 0).
    public private(set) var epochNumbers: [Int] = []
    public internal(set) var stopReason: StopReason = .completed
    /// The trainable parameter count of the model that was trained.
    public internal(set) var parameterCount = 0
    /// The batch size the fit used: as given, else Keras's 32, at most the number of examples.
    public internal(set) var batchSize = 0

    public init() {}

    /// A history as it was saved (a notebook state restored from the cache).
    public init(metrics: [(name: String, values: [Double])], seconds: [Double], epochNumbers: [Int],
                stopReason: StopReason, parameterCount: Int, batchSize: Int) {
        self.metrics = metrics
        self.seconds = seconds
        self.epochNumbers = epochNumbers
        self.stopReason = stopReason
        self.parameterCount = parameterCount
        self.batchSize = batchSize
    }

    /// The number of epochs that ran.
    public var epochs: Int { epochNumbers.count }
    /// Whether a callback stopped training before the last epoch.
    public var stoppedEarly: Bool { stopReason != .completed }

    /// The values of one metric (`"val_accuracy"`), if it was recorded.
    public subscript(name: String) -> [Double]? { metrics.first { $0.name == name }?.values }

    /// The best epoch of a metric (highest or lowest by ``MetricName/direction``), counted from 0.
    public func best(_ name: String) -> (epoch: Int, value: Double)? {
        guard let values = self[name], !values.isEmpty else { return nil }
        let maximize = MetricName(keras: name).direction == .higherIsBetter
        var best = 0
        for (i, v) in values.enumerated() where maximize ? v > values[best] : v < values[best] { best = i }
        return (epochNumbers[best], values[best])
    }

    mutating func append(epoch: Int, logs: Logs, seconds: Double) {
        for (name, value) in logs {
            if let i = metrics.firstIndex(where: { $0.name == name }) {
                metrics[i].values.append(value)
            } else {
                metrics.append((name, [value]))
            }
        }
        epochNumbers.append(epoch)
        self.seconds.append(seconds)
    }

    public static func == (a: History, b: History) -> Bool {
        a.metrics.map(\.name) == b.metrics.map(\.name) && a.metrics.map(\.values) == b.metrics.map(\.values)
            && a.epochNumbers == b.epochNumbers && a.stopReason == b.stopReason && a.batchSize == b.batchSize
    }
}
