/// A metric's name as logs and histories key it (`val_accuracy`), read once: the metric it
/// names (`accuracy`), whether it was measured on the validation data (Keras's `val_` prefix),
/// and whether it is better higher or lower. The callbacks' monitor, `fit`'s validation names,
/// the report's column order and `labbook diff`'s tolerances all read names through it.
public struct MetricName: Hashable, Sendable {
    /// The name as Keras writes it (`val_accuracy`).
    public let keras: String
    /// The metric without `val_` (`accuracy`).
    public let base: String
    /// Whether the name has `val_`: the metric of the validation data.
    public let isValidation: Bool

    /// Keras's prefix of the metrics `fit` measures on the validation data.
    static let validationPrefix = "val_"

    /// The name `keras` (`val_loss`, `accuracy`, or any other).
    public init(keras: String) {
        self.keras = keras
        isValidation = keras.hasPrefix(Self.validationPrefix)
        base = isValidation ? String(keras.dropFirst(Self.validationPrefix.count)) : keras
    }

    /// The same metric on the validation data (`loss` → `val_loss`); a validation name is its own.
    public var validation: MetricName { isValidation ? self : MetricName(keras: Self.validationPrefix + keras) }

    /// Whether the metric is better higher or lower. A loss (`loss`, or any loss's Keras name,
    /// `mse`) is better lower; a metric labbook has takes its own direction (Keras 3's
    /// `Metric._direction`: every accuracy is better higher). For any other name, the rule
    /// Keras 3's `ReduceLROnPlateau` and `ModelCheckpoint` apply in `mode="auto"`: higher when the
    /// name contains `acc`, lower otherwise (Keras's `EarlyStopping` refuses such a name instead;
    /// labbook never logs one, but a `results.json` from elsewhere may hold one).
    public var direction: Metric.Direction {
        if base == "loss" || Loss.named(base) != nil { return .lowerIsBetter }
        if let metric = Metric.named(base) { return metric.direction }
        return base.contains("acc") ? .higherIsBetter : .lowerIsBetter
    }
}

extension MetricName: Comparable {
    /// Keras's order of a history's columns: the training metrics before the validation ones,
    /// in each the loss, then the accuracy, then the rest by name (`loss`, `accuracy`,
    /// `sparse_top_k_categorical_accuracy`, `val_loss`, ...).
    public static func < (a: MetricName, b: MetricName) -> Bool { a.order < b.order }

    private var order: (Int, Int, String) {
        (isValidation ? 1 : 0, base == "loss" ? 0 : (base == "accuracy" ? 1 : 2), base)
    }
}
