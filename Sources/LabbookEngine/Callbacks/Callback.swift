/// Metric values by Keras name (`loss`, `accuracy`, `val_loss`, ...), in the order Keras
/// reports them.
public typealias Logs = [(name: String, value: Double)]

extension Array where Element == (name: String, value: Double) {
    /// The value named `name`, if present.
    public subscript(metric name: String) -> Double? { first { $0.name == name }?.value }
}

/// What a callback asks of training after an epoch or a batch.
public enum CallbackAction: Equatable, Sendable {
    case `continue`, stop
}

/// Something that follows training: Keras's callbacks (`EarlyStopping`), a user's closures, or
/// the command line's progress bar. Every method has a default that does nothing.
public protocol Callback: AnyObject {
    /// Whether `batchEnded` is called after every batch (false by default: most callbacks
    /// act per epoch, and training then does no per-batch work for them).
    var observesBatches: Bool { get }
    func trainingBegan(model: Sequential, epochs: Int, stepsPerEpoch: Int) throws
    func epochBegan(_ epoch: Int) throws
    /// After each batch, for callbacks that observe batches; `logs` computes the epoch's
    /// running metrics when called.
    func batchEnded(_ batch: Int, logs: () -> Logs) throws -> CallbackAction
    func epochEnded(_ epoch: Int, logs: Logs) throws -> CallbackAction
    func trainingEnded(logs: Logs) throws
    /// What the history says when this callback stops training (`.callback`; EarlyStopping's
    /// is `.earlyStopping`).
    var stopReason: History.StopReason { get }
}

extension Callback {
    public var observesBatches: Bool { false }
    public func trainingBegan(model: Sequential, epochs: Int, stepsPerEpoch: Int) throws {}
    public func epochBegan(_ epoch: Int) throws {}
    public func batchEnded(_ batch: Int, logs: () -> Logs) throws -> CallbackAction { .continue }
    public func epochEnded(_ epoch: Int, logs: Logs) throws -> CallbackAction { .continue }
    public func trainingEnded(logs: Logs) throws {}
    public var stopReason: History.StopReason { .callback }
}

/// A callback made of closures (the language's `Callback(onEpochEnd: ...)`), each of which
/// may ask training to stop.
public final class LambdaCallback: Callback {
    public typealias EpochClosure = (Int, Logs) throws -> CallbackAction
    let onEpochBegin: ((Int) throws -> Void)?
    let onEpochEnd: EpochClosure?
    let onBatchEnd: EpochClosure?
    let onTrainEnd: ((Logs) throws -> Void)?

    public init(onEpochBegin: ((Int) throws -> Void)? = nil, onEpochEnd: EpochClosure? = nil,
                onBatchEnd: EpochClosure? = nil, onTrainEnd: ((Logs) throws -> Void)? = nil) {
        self.onEpochBegin = onEpochBegin
        self.onEpochEnd = onEpochEnd
        self.onBatchEnd = onBatchEnd
        self.onTrainEnd = onTrainEnd
    }

    public func epochBegan(_ epoch: Int) throws { try onEpochBegin?(epoch) }
    public func epochEnded(_ epoch: Int, logs: Logs) throws -> CallbackAction { try onEpochEnd?(epoch, logs) ?? .continue }
    public var observesBatches: Bool { onBatchEnd != nil }
    public func batchEnded(_ batch: Int, logs: () -> Logs) throws -> CallbackAction { try onBatchEnd?(batch, logs()) ?? .continue }
    public func trainingEnded(logs: Logs) throws { try onTrainEnd?(logs) }
}
