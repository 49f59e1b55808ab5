/// Every error the engine throws, written for a student: what was expected, what was found, and
/// where it helps, what to try. The interpreter shows `description` at the call that failed; the
/// texts are in `EngineMessages`.
public enum EngineError: Error, Equatable, CustomStringConvertible {
    /// A shape that cannot be used where it was given.
    case invalidShape([Int], reason: String)
    /// Two tensors whose shapes do not broadcast against each other.
    case shapesDoNotBroadcast([Int], [Int], operation: String)
    /// A layer received an input of the wrong shape; `hint` says what to change, where known.
    case layerInputShape(layer: String, expected: String, found: [Int], hint: String? = nil)
    /// The model's output and the labels do not fit the loss.
    case outputDoesNotMatchLabels(output: [Int], labels: [Int], loss: String, hint: String)
    /// A label outside `0..<classes`.
    case labelOutOfRange(label: Int, classes: Int)
    /// The loss became NaN or infinite.
    case nonFiniteLoss(epoch: Int, batch: Int)
    /// More memory than the budget allows; `elements` is nil when the count does not even fit
    /// in an Int (`Tensor(zeros: [Int.max, 2])`).
    case tooLarge(what: String, elements: Int?, limit: Int)
    /// A subscript outside the axis.
    case indexOutOfRange(index: Int, axis: Int, size: Int)
    /// A value that an integer dtype cannot hold: outside its range, not whole, or not finite;
    /// `hint` says what to do instead.
    case valueDoesNotFit(Double, dtype: DType, hint: String? = nil)
    /// Integer arithmetic whose result leaves the range its dtype holds exactly.
    case integerOverflow(operation: String, result: Double, dtype: DType)
    /// A reduction without an identity (`max`, `min`, `argmax`) over no elements, as NumPy
    /// refuses it; `axis` is nil for the whole tensor.
    case emptyReduction(String, shape: [Int], axis: Int?)
    /// An argument outside its domain (`rate` of Dropout, a negative epoch count, ...).
    case invalidArgument(String)
    /// `fit`/`evaluate`/`predict` before `compile`, weights of another shape, and similar misuse.
    case invalidModel(String)
    /// A data file that is missing, damaged or not what it claims to be.
    case data(String)

    public var description: String {
        switch self {
        case let .invalidShape(shape, reason):
            return EngineMessages.invalidShape(shape, reason: reason)
        case let .shapesDoNotBroadcast(a, b, operation):
            return EngineMessages.shapesDoNotBroadcast(a, b, operation: operation)
        case let .layerInputShape(layer, expected, found, hint):
            return EngineMessages.layerInputShape(layer: layer, expected: expected, found: found, hint: hint)
        case let .outputDoesNotMatchLabels(output, labels, loss, hint):
            return EngineMessages.outputDoesNotMatchLabels(output: output, labels: labels, loss: loss, hint: hint)
        case let .labelOutOfRange(label, classes):
            return EngineMessages.labelOutOfRange(label, classes: classes)
        case let .nonFiniteLoss(epoch, batch):
            return EngineMessages.nonFiniteLoss(epoch: epoch, batch: batch)
        case let .tooLarge(what, elements, limit):
            return EngineMessages.tooLarge(what, elements: elements, limit: limit)
        case let .valueDoesNotFit(value, dtype, hint):
            return EngineMessages.valueDoesNotFit(value, dtype: dtype, hint: hint)
        case let .integerOverflow(operation, result, dtype):
            return EngineMessages.integerOverflow(operation, result: result, dtype: dtype)
        case let .emptyReduction(operation, shape, axis):
            return EngineMessages.emptyReduction(operation, shape: shape, axis: axis)
        case let .indexOutOfRange(index, axis, size):
            return EngineMessages.indexOutOfRange(index, axis: axis, size: size)
        case let .invalidArgument(message), let .invalidModel(message), let .data(message):
            return message
        }
    }
}
