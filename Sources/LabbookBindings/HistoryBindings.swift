import LabbookEngine
import LabbookInterpreter

/// `History`: each metric per epoch (`history.valAccuracy`, `history["val_loss"]`), the epochs
/// that ran, the best epoch of a metric, whether training stopped early.
extension EngineTypes {
    func registerHistory() {
        let history = self.history
        history.describe { h in
            "History(epochs: \(h.epochs), " + h.metrics.map { "\($0.name): \($0.values.count) values" }.joined(separator: ", ") + ")"
        }
        for name in ["loss", "accuracy", "val_loss", "val_accuracy"] {
            history.property(Convert.camelCase(name)) { h in Convert.doubles(h[name] ?? []) }
        }
        history.subscriptAccess([Parameter(nil, "MetricName", name: "metric")], get: { [metricName] h, args in
            h[try args.native(0, as: metricName).keras].map(Convert.doubles) ?? .nil
        })
        history.property("epochs") { .int($0.epochs) }
        history.property("stoppedEarly") { .bool($0.stoppedEarly) }
        history.property("stopReason") { .string($0.stopReason.rawValue) }
        history.property("batchSize") { .int($0.batchSize) }
        history.property("metrics") { h in .array(h.metrics.map { .string($0.name) }) }
        history.property("seconds") { Convert.doubles($0.seconds) }
        // The best epoch, numbered as the epoch table numbers it (from 1).
        history.method("best", [Parameter(nil, "MetricName", name: "metric")]) { [metricName] h, args in
            let name = try args.native(0, as: metricName).keras
            guard let best = h.best(name) else {
                throw NativeError(BindingMessages.historyHasNoMetric(name, metrics: h.metrics.map(\.name)))
            }
            return .tuple([.int(best.epoch + 1), .double(best.value)], labels: ["epoch", "value"])
        }
    }
}
