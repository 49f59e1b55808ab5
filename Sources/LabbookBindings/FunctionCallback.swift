import LabbookEngine
import LabbookInterpreter

/// `Callback(onEpochEnd: ...)`: the notebook's functions, called back during `fit` with
/// `(epoch, logs)`; an `onEpochEnd` or `onBatchEnd` that returns `.stop` stops training. The
/// functions are kept as values, so that a saved state can keep the callback.
final class FunctionCallback: Callback {
    let onEpochBegin: Function?
    let onEpochEnd: Function?
    let onBatchEnd: Function?
    let onTrainEnd: Function?
    private let logs: NativeType<LogValues>
    private let action: NativeType<CallbackAction>

    init(onEpochBegin: Function?, onEpochEnd: Function?, onBatchEnd: Function?, onTrainEnd: Function?,
         logs: NativeType<LogValues>, action: NativeType<CallbackAction>) {
        self.onEpochBegin = onEpochBegin
        self.onEpochEnd = onEpochEnd
        self.onBatchEnd = onBatchEnd
        self.onTrainEnd = onTrainEnd
        self.logs = logs
        self.action = action
    }

    var observesBatches: Bool { onBatchEnd != nil }

    func epochBegan(_ epoch: Int) throws { _ = try onEpochBegin?.call([.int(epoch)]) }

    func epochEnded(_ epoch: Int, logs values: Logs) throws -> CallbackAction {
        try step(onEpochEnd, epoch, values)
    }

    func batchEnded(_ batch: Int, logs values: () -> Logs) throws -> CallbackAction {
        guard onBatchEnd != nil else { return .continue }
        return try step(onBatchEnd, batch, values())
    }

    func trainingEnded(logs values: Logs) throws { _ = try onTrainEnd?.call([logs.wrap(LogValues(values: values))]) }

    private func step(_ function: Function?, _ number: Int, _ values: Logs) throws -> CallbackAction {
        guard let function else { return .continue }
        return action.unwrap(try function.call([.int(number), logs.wrap(LogValues(values: values))])) ?? .continue
    }
}
