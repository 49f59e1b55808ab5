import Testing
@testable import LabbookEngine

/// The Keras strings of losses and metrics: `named` takes exactly `kerasSpellings` (which the
/// bindings offer), each loss and metric under its own name, and Keras's short names.
@Suite struct KerasNameTests {
    @Test func lossSpellings() {
        #expect(Loss.kerasSpellings == ["sparse_categorical_crossentropy", "categorical_crossentropy", "binary_crossentropy",
                                        "mean_squared_error", "mean_absolute_error", "mse", "mae"])
        for loss in Loss.all { #expect(Loss.named(loss.kerasName) == loss) }
        #expect(Loss.named("mse") == .meanSquaredError && Loss.named("mae") == .meanAbsoluteError)
        #expect(Loss.named("sparse_categorical_crossentropy") == .sparseCategoricalCrossentropy(fromLogits: false))
        #expect(Loss.named("hinge") == nil && Loss.named("MSE") == nil)
    }

    @Test func metricSpellings() {
        #expect(Metric.kerasSpellings == ["accuracy", "sparse_top_k_categorical_accuracy", "acc"])
        for metric in Metric.all { #expect(Metric.named(metric.kerasName) == metric) }
        #expect(Metric.named("acc") == .accuracy)
        #expect(Metric.named("sparse_top_k_categorical_accuracy") == .sparseTopKCategoricalAccuracy(k: 5))
        #expect(Metric.named("auc") == nil)
    }
}
