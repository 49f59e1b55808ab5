import LabbookEngine
import LabbookInterpreter

/// Callbacks: `EarlyStopping(...)`, `ReduceLROnPlateau(...)`, and `Callback(onEpochEnd: ...)`
/// whose closures get `(epoch, logs)` and may return `.stop`; `Logs` as they see them.
extension EngineTypes {
    func registerCallbacks(context: BindingContext) {
        let callback = self.callback, logs = self.logs, action = self.action
        callback.describe { "\(type(of: $0))" }

        logs.describe { l in "[" + l.values.map { "\"\($0.name)\": \($0.value)" }.joined(separator: ", ") + "]" }
        for name in ["loss", "accuracy", "val_loss", "val_accuracy"] {
            logs.property(Convert.camelCase(name)) { l in l.values[metric: name].map(Value.double) ?? .nil }
        }
        logs.subscriptAccess([Parameter(nil, "String", name: "metric")], get: { l, args in
            l.values[metric: try args.string(0)].map(Value.double) ?? .nil
        })
        logs.property("keys") { l in .array(l.values.map { .string($0.name) }) }

        let closure = TypeSpec.optional(.function(["Int", "Logs"], .optional("CallbackAction")))
        library.function("Callback", [
            Parameter("onEpochEnd", closure, default: .nil), Parameter("onEpochBegin", .optional(.function(["Int"], "Void")), default: .nil),
            Parameter("onBatchEnd", closure, default: .nil), Parameter("onTrainEnd", .optional(.function(["Logs"], "Void")), default: .nil),
        ]) { args in
            func function(_ index: Int) throws -> Function? { try args.optional(index) { try args.function($0) } }
            return callback.wrap(FunctionCallback(onEpochBegin: try function(1), onEpochEnd: try function(0),
                                                  onBatchEnd: try function(2), onTrainEnd: try function(3), logs: logs, action: action))
        }

        let mode = Parameter("mode", "String", default: .string("auto"))
        library.function("EarlyStopping", [
            Parameter("monitor", "MetricName", default: metricName.wrap(MetricName(keras: "val_loss"))),
            Parameter("minDelta", "Double", default: .double(0)), Parameter("patience", "Int", default: .int(0)), mode,
            Parameter("restoreBestWeights", "Bool", default: .bool(false)),
            Parameter("baseline", .optional("Double"), default: .nil), Parameter("startFromEpoch", "Int", default: .int(0)),
        ]) { [metricName] args in
            callback.wrap(EarlyStopping(monitor: try args.native(0, as: metricName).keras, minDelta: try args.double(1),
                                        patience: try args.int(2), mode: try monitorMode(args, 3),
                                        restoreBestWeights: try args.bool(4), baseline: try args.optional(5) { try args.double($0) },
                                        startFromEpoch: try args.int(6)))
        }
        library.function("ReduceLROnPlateau", [
            Parameter("monitor", "MetricName", default: metricName.wrap(MetricName(keras: "val_loss"))),
            Parameter("factor", "Double", default: .double(0.1)), Parameter("patience", "Int", default: .int(10)), mode,
            Parameter("minDelta", "Double", default: .double(1e-4)), Parameter("cooldown", "Int", default: .int(0)),
            Parameter("minLR", "Double", default: .double(0)),
        ]) { [metricName] args in
            callback.wrap(try ReduceLROnPlateau(monitor: try args.native(0, as: metricName).keras, factor: try args.double(1),
                                                patience: try args.int(2), mode: try monitorMode(args, 3),
                                                minDelta: try args.double(4), cooldown: try args.int(5), minLR: try args.double(6)))
        }
    }

    private func monitorMode(_ args: Arguments, _ index: Int) throws -> MonitorMode {
        let text = try args.string(index)
        guard let mode = MonitorMode(rawValue: text) else {
            throw NativeError(BindingMessages.monitorMode(text))
        }
        return mode
    }
}

/// Ends `fit` between two batches when the block is cancelled or out of time: the
/// interpreter's interruption, polled by the engine's callback mechanism.
final class InterruptionCallback: Callback {
    let context: CallContext
    init(context: CallContext) { self.context = context }
    var observesBatches: Bool { true }
    func batchEnded(_ batch: Int, logs: () -> Logs) throws -> CallbackAction {
        try context.checkInterruption()
        return .continue
    }
}
