/// Every error the engine throws, written for a student: what was expected, what was found, and
/// where it helps, what to try. The interpreter shows `description` at the call that failed.
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
    /// The run was cancelled between two batches.
    case cancelled

    public var description: String {
        switch self {
        case let .invalidShape(shape, reason):
            return "invalid shape \(shapeText(shape)): \(reason)"
        case let .shapesDoNotBroadcast(a, b, operation):
            return "cannot \(operation) tensors of shapes \(shapeText(a)) and \(shapeText(b)): "
                + "their shapes do not broadcast (each axis, from the last, must be equal or 1)"
        case let .layerInputShape(layer, expected, found, hint):
            return "layer '\(layer)' expects an input of shape \(expected) but received \(shapeText(found))"
                + (hint.map { "; \($0)" } ?? "")
        case let .outputDoesNotMatchLabels(output, labels, loss, hint):
            return "the model outputs \(shapeText(output)) per batch but the labels are \(shapeText(labels)): "
                + "\(loss) \(hint)"
        case let .labelOutOfRange(label, classes):
            return "label \(label) is out of range for a \(classes)-unit softmax output "
                + "(labels must be in 0..<\(classes))"
        case let .nonFiniteLoss(epoch, batch):
            return "the loss became NaN or infinite in epoch \(epoch + 1), batch \(batch + 1); "
                + "try a smaller learning rate, or normalise the inputs"
        case let .tooLarge(what, elements?, limit):
            return "\(what) would need \(elements) values, more than the limit of \(limit)"
        case let .tooLarge(what, nil, limit):
            return "\(what) would need more than \(Int.max) values, far more than the limit of \(limit)"
        case let .valueDoesNotFit(value, dtype, hint):
            let problem = value.isFinite
                ? "value \(wholeText(value)) does not fit in \(dtype) (\(dtype.rangeText))"
                : "\(value.isNaN ? "NaN" : value < 0 ? "-inf" : "inf") cannot be converted to \(dtype)"
            return problem + (hint.map { "; \($0)" } ?? "")
        case let .integerOverflow(operation, result, dtype):
            return "\(dtype) \(operation) gives \(wholeText(result)), which does not fit in \(dtype) (\(dtype.rangeText)); "
                + "convert first with .asType(.float32)"
        case let .emptyReduction(operation, shape, axis):
            let call = axis.map { "\(operation)(axis: \($0))" } ?? "\(operation)()"
            let what = axis.map { "axis \($0) of a tensor of shape \(shapeText(shape)) is empty" }
                ?? "the tensor of shape \(shapeText(shape)) is empty"
            return "\(call) has no value: \(what), and max, min and argmax need at least one element"
        case let .indexOutOfRange(index, axis, size):
            return "index \(index) is out of range for axis \(axis) of size \(size)"
        case let .invalidArgument(message), let .invalidModel(message), let .data(message):
            return message
        case .cancelled:
            return "interrupted"
        }
    }
}

/// A number as messages write it: `300`, `2147483648`, `0.5` (no `.0` on whole numbers), and
/// a tensor's Float32 value with Float32's digits (`1e+30`).
func wholeText(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e18 { return String(Int64(value)) }
    return Double(Float(value)) == value ? "\(Float(value))" : "\(value)"
}

/// `[64, 28, 10]`, the way shapes are written in every message.
func shapeText(_ shape: [Int]) -> String {
    "[" + shape.map(String.init).joined(separator: ", ") + "]"
}
