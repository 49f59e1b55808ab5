/// Keras's `Flatten`: `[batch, d1, d2, ...]` → `[batch, d1·d2·...]`, a view (no copy).
public final class Flatten: Layer {
    public let typeName = "Flatten"
    public var name = "flatten"
    public let declaredInputShape: [Int]?
    private var inputShape: [Int] = []

    public init(inputShape: [Int]? = nil) { declaredInputShape = inputShape }

    public func outputShape(forInput inputShape: [Int]) throws -> [Int] { [inputShape.reduce(1, *)] }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        inputShape = input.shape
        return try input.reshaped(to: [input.shape.first ?? 0, input.rowSize])
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        needsInputGradient ? try? outputGradient.reshaped(to: inputShape) : nil
    }

    public var spec: LayerSpec { .flatten(inputShape: declaredInputShape) }
}

/// Keras's `Reshape(targetShape)`: each example re-read with another shape (one axis may be
/// −1), a view.
public final class Reshape: Layer {
    public let typeName = "Reshape"
    public var name = "reshape"
    public let targetShape: [Int]
    public let declaredInputShape: [Int]?
    private var resolvedShape: [Int] = []
    private var inputShape: [Int] = []

    public init(_ targetShape: [Int], inputShape: [Int]? = nil) throws {
        guard targetShape.filter({ $0 == -1 }).count <= 1, targetShape.allSatisfy({ $0 > 0 || $0 == -1 }) else {
            throw EngineError.invalidShape(targetShape, reason: EngineMessages.reshapeTarget)
        }
        // No example could have more values than a tensor may hold.
        _ = try Tensor.checkedCount(targetShape.filter { $0 != -1 }, what: EngineMessages.reshapeTargetSize(targetShape))
        self.targetShape = targetShape
        self.declaredInputShape = inputShape
    }

    public func outputShape(forInput inputShape: [Int]) throws -> [Int] {
        let count = try Tensor.checkedCount(inputShape)
        let known = targetShape.filter { $0 != -1 }.reduce(1, *)
        var shape = targetShape
        if let wildcard = shape.firstIndex(of: -1), count % known == 0 {
            shape[wildcard] = count / known
        }
        guard !shape.contains(-1), shape.reduce(1, *) == count else {
            throw EngineError.invalidModel(EngineMessages.cannotReshape(layer: name, input: inputShape, count: count,
                                                                        target: targetShape, known: known))
        }
        return shape
    }

    public func build(inputShape: [Int], stream: (String) -> RandomStream) throws {
        resolvedShape = try outputShape(forInput: inputShape)
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        inputShape = input.shape
        return try input.reshaped(to: [input.shape.first ?? 0] + resolvedShape)
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        needsInputGradient ? try? outputGradient.reshaped(to: inputShape) : nil
    }

    public var spec: LayerSpec { .reshape(targetShape: targetShape, inputShape: declaredInputShape) }
}

/// Keras's `Input(shape:)`: not a layer of the model's table, it only fixes the per-example
/// input shape so that the model is built at once.
public final class Input: Layer {
    public let typeName = "InputLayer"
    public var name = "input_layer"
    public let shape: [Int]
    public var declaredInputShape: [Int]? { shape }

    public init(shape: [Int]) throws {
        guard shape.allSatisfy({ $0 > 0 }) else {
            throw EngineError.invalidShape(shape, reason: EngineMessages.inputShapeSizes)
        }
        _ = try Tensor.checkedCount(shape, what: EngineMessages.inputPerExample(shape))
        self.shape = shape
    }

    public func outputShape(forInput inputShape: [Int]) throws -> [Int] { inputShape }
    public func forward(_ input: Tensor, training: Bool) throws -> Tensor { input }
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? { outputGradient }
    public var spec: LayerSpec { .input(shape: shape) }
}
