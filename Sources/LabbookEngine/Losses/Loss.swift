import Foundation

/// The losses of Keras 3, averaged over the batch (`sum_over_batch_size`).
public enum Loss: Codable, Equatable, Sendable {
    case sparseCategoricalCrossentropy(fromLogits: Bool = Loss.fromLogitsDefault)
    case categoricalCrossentropy(fromLogits: Bool = Loss.fromLogitsDefault)
    case binaryCrossentropy(fromLogits: Bool = Loss.fromLogitsDefault)
    case meanSquaredError
    case meanAbsoluteError

    /// Keras's default of the cross-entropies' `from_logits`: the model outputs probabilities.
    public static let fromLogitsDefault = false

    /// Keras's name (`sparse_categorical_crossentropy`, `mse` is `mean_squared_error`).
    public var kerasName: String {
        switch self {
        case .sparseCategoricalCrossentropy: return "sparse_categorical_crossentropy"
        case .categoricalCrossentropy: return "categorical_crossentropy"
        case .binaryCrossentropy: return "binary_crossentropy"
        case .meanSquaredError: return "mean_squared_error"
        case .meanAbsoluteError: return "mean_absolute_error"
        }
    }

    /// Every loss, with Keras's defaults (probabilities, not logits).
    public static let all: [Loss] = [
        .sparseCategoricalCrossentropy(), .categoricalCrossentropy(), .binaryCrossentropy(), .meanSquaredError,
        .meanAbsoluteError,
    ]

    /// Keras's short names for losses.
    static let aliases: [(name: String, loss: Loss)] = [("mse", .meanSquaredError), ("mae", .meanAbsoluteError)]

    /// Every string `named` takes: each loss's Keras name, then the short ones.
    public static var kerasSpellings: [String] { all.map(\.kerasName) + aliases.map(\.name) }

    /// The loss a Keras string names (also `mse`, `mae`).
    public static func named(_ name: String) -> Loss? {
        all.first { $0.kerasName == name } ?? aliases.first { $0.name == name }?.loss
    }

    /// The words used in messages ("sparse categorical crossentropy").
    var readableName: String { kerasName.replacingOccurrences(of: "_", with: " ") }

    /// Whether labels are class indices (one per example) rather than one value per output.
    var takesClassIndices: Bool {
        if case .sparseCategoricalCrossentropy = self { return true }
        return false
    }

    var fromLogits: Bool {
        switch self {
        case let .sparseCategoricalCrossentropy(f), let .categoricalCrossentropy(f), let .binaryCrossentropy(f): return f
        default: return false
        }
    }

    /// Keras's `epsilon()`, the clipping of probabilities that do not come from logits.
    static let epsilon: Float = 1e-7

    /// The activation whose logits this loss consumes directly when the output layer ends with
    /// it (Keras 3 computes cross-entropy after softmax/sigmoid from the logits).
    var fusedActivation: Activation? {
        switch self {
        case .sparseCategoricalCrossentropy(false), .categoricalCrossentropy(false): return .softmax
        case .binaryCrossentropy(false): return .sigmoid
        default: return nil
        }
    }
}
