/// A metric reported during training and evaluation, as Keras's compile metrics.
public enum Metric: Codable, Equatable, Sendable {
    /// Keras's `"accuracy"`: sparse, categorical or binary accuracy, chosen from the loss.
    case accuracy
    /// The share of examples whose label is among the `k` highest scores.
    case sparseTopKCategoricalAccuracy(k: Int = defaultTopK)

    /// Keras's default `k` of the top-k accuracy.
    public static let defaultTopK = 5

    /// The name in logs and histories.
    public var kerasName: String {
        switch self {
        case .accuracy: return "accuracy"
        case .sparseTopKCategoricalAccuracy: return "sparse_top_k_categorical_accuracy"
        }
    }

    /// Whether a metric is better higher (an accuracy) or lower (a loss).
    public enum Direction: Sendable {
        case higherIsBetter, lowerIsBetter
    }

    /// Which way the metric improves (Keras 3's `Metric._direction`, `"up"` for every accuracy).
    public var direction: Direction {
        switch self {
        case .accuracy, .sparseTopKCategoricalAccuracy: return .higherIsBetter
        }
    }

    /// Every metric, with Keras's defaults.
    public static let all: [Metric] = [.accuracy, .sparseTopKCategoricalAccuracy()]

    /// Keras's short names for metrics.
    static let aliases: [(name: String, metric: Metric)] = [("acc", .accuracy)]

    /// Every string `named` takes: each metric's Keras name, then the short ones.
    public static var kerasSpellings: [String] { all.map(\.kerasName) + aliases.map(\.name) }

    /// The metric a Keras string names (`"accuracy"`, `"acc"`).
    public static func named(_ name: String) -> Metric? {
        all.first { $0.kerasName == name } ?? aliases.first { $0.name == name }?.metric
    }

    /// The number of correct examples in a batch (`values` `[rows, columns]`, probabilities or
    /// logits: both rank the classes the same way).
    func correct(_ values: UnsafePointer<Float>, rows: Int, columns: Int, labels: UnsafePointer<Float>,
                 loss: Loss, valuesAreLogits: Bool) -> Double {
        var correct = 0.0
        switch self {
        case .accuracy:
            if case .binaryCrossentropy = loss {
                // Binary accuracy: threshold 0.5 on probabilities (0 on logits), mean per row.
                let threshold: Float = valuesAreLogits ? 0 : 0.5
                for r in 0..<rows {
                    var hits = 0.0
                    for c in 0..<columns {
                        let i = r * columns + c
                        hits += (values[i] > threshold ? 1 : 0) == labels[i] ? 1 : 0
                    }
                    correct += hits / Double(columns)
                }
            } else if loss.takesClassIndices {
                for r in 0..<rows where Tensor.argmaxRun(values + r * columns, count: columns, stride: 1) == Int(labels[r]) {
                    correct += 1
                }
            } else {
                for r in 0..<rows where Tensor.argmaxRun(values + r * columns, count: columns, stride: 1)
                    == Tensor.argmaxRun(labels + r * columns, count: columns, stride: 1) {
                    correct += 1
                }
            }
        case let .sparseTopKCategoricalAccuracy(k):
            for r in 0..<rows {
                let row = values + r * columns
                let target = row[Int(labels[r])]
                var above = 0
                for c in 0..<columns where row[c] > target { above += 1 }
                if above < k { correct += 1 }
            }
        }
        return correct
    }
}
