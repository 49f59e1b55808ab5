import Testing
@testable import LabbookEngine

/// `MetricName`: Keras's `val_` prefix read once, the direction of every metric, and the order
/// of a history's columns; the callbacks' `auto` mode and `History.best` follow it.
@Suite struct MetricNameTests {
    @Test(arguments: [
        ("loss", "loss", false), ("val_loss", "loss", true), ("val_accuracy", "accuracy", true),
        ("val_val_acc", "val_acc", true), ("validation_loss", "validation_loss", false), ("val", "val", false),
    ])
    func readsTheValidationPrefix(_ keras: String, _ base: String, _ isValidation: Bool) {
        let name = MetricName(keras: keras)
        #expect(name.keras == keras && name.base == base && name.isValidation == isValidation)
    }

    @Test func theValidationNameOfAMetric() {
        #expect(MetricName(keras: "accuracy").validation == MetricName(keras: "val_accuracy"))
        #expect(MetricName(keras: "val_loss").validation.keras == "val_loss")
    }

    /// Losses (by any Keras name) lower, labbook's metrics higher; any other name by Keras's
    /// `auto` rule, `acc` in it or not.
    @Test(arguments: [
        ("loss", Metric.Direction.lowerIsBetter), ("val_loss", .lowerIsBetter), ("mse", .lowerIsBetter),
        ("val_mean_absolute_error", .lowerIsBetter), ("binary_crossentropy", .lowerIsBetter),
        ("accuracy", .higherIsBetter), ("acc", .higherIsBetter), ("val_sparse_top_k_categorical_accuracy", .higherIsBetter),
        ("auc", .lowerIsBetter), ("val_precision", .lowerIsBetter), ("top_acc", .higherIsBetter),
        ("val_balanced_accuracy", .higherIsBetter),
    ])
    func direction(_ keras: String, _ direction: Metric.Direction) {
        #expect(MetricName(keras: keras).direction == direction)
    }

    @Test func everyMetricOfTheEngineIsBetterHigher() {
        for metric in [Metric.accuracy, .sparseTopKCategoricalAccuracy()] {
            #expect(metric.direction == .higherIsBetter)
            #expect(MetricName(keras: metric.kerasName).direction == .higherIsBetter)
        }
    }

    /// `mode: .auto` is the name's direction in both callbacks; `min` and `max` stay as given.
    @Test(arguments: ["loss", "val_accuracy", "auc", "top_acc", "val_mse"])
    func callbacksResolveAutoByTheDirection(_ monitor: String) throws {
        let expected: MonitorMode = MetricName(keras: monitor).direction == .higherIsBetter ? .max : .min
        #expect(EarlyStopping(monitor: monitor).mode == expected)
        #expect(try ReduceLROnPlateau(monitor: monitor).mode == expected)
        #expect(EarlyStopping(monitor: monitor, mode: .min).mode == .min)
        #expect(try ReduceLROnPlateau(monitor: monitor, mode: .max).mode == .max)
    }

    @Test func historyBestFollowsTheDirection() {
        let history = History(metrics: [("val_loss", [0.5, 0.3, 0.4]), ("val_accuracy", [0.7, 0.9, 0.8]), ("auc", [0.6, 0.8, 0.7])],
                              seconds: [1, 1, 1], epochNumbers: [0, 1, 2], stopReason: .completed, parameterCount: 1, batchSize: 32)
        #expect(history.best("val_loss").map { [Double($0.epoch), $0.value] } == [1, 0.3])
        #expect(history.best("val_accuracy").map { [Double($0.epoch), $0.value] } == [1, 0.9])
        #expect(history.best("auc").map { [Double($0.epoch), $0.value] } == [0, 0.6])
    }

    @Test func kerasOrderOfColumns() {
        let names = ["val_accuracy", "sparse_top_k_categorical_accuracy", "val_loss", "accuracy", "acc", "loss", "val_acc"]
        #expect(names.map { MetricName(keras: $0) }.sorted().map(\.keras)
                == ["loss", "accuracy", "acc", "sparse_top_k_categorical_accuracy", "val_loss", "val_accuracy", "val_acc"])
    }
}
