import Foundation

/// A stack of layers, Keras's `Sequential`: built for a per-example input shape (from
/// `Input`, the first layer's `inputShape`, or the data of the first `fit`/`predict`), then
/// compiled, trained, evaluated and used to predict. A model is an object: `fit` changes it.
public final class Sequential {
    /// The layers, in order (an `Input` only fixes the input shape and is not among them).
    public private(set) var layers: [Layer] = []
    /// Keras's model name.
    public var name = "sequential"
    /// The per-example input shape, once known.
    public private(set) var inputShape: [Int]?
    /// The per-example output shape of each layer, once built.
    public private(set) var outputShapes: [[Int]] = []
    public private(set) var isBuilt = false

    public internal(set) var optimizer: Optimizer?
    public internal(set) var loss: Loss?
    public internal(set) var metrics: [Metric] = []

    /// The most weights a model may have; a larger one is an error before anything is
    /// allocated (a notebook cannot exhaust memory by a typo such as `Dense(1_000_000)`).
    nonisolated(unsafe) public static var parameterLimit = 100_000_000

    let seed: UInt64
    let ordinal: Int
    /// Epochs trained so far over all `fit` calls: names the shuffle and dropout streams.
    var epochsTrained = 0
    var trainableParameters: [Weight] = []

    /// A model of `layers` whose weights come from `random`'s seed.
    public convenience init(_ layers: [Layer] = [], random: RandomContext = .shared) throws {
        try self.init(layers, seed: random.seed, ordinal: random.nextModelOrdinal())
    }

    /// A model whose streams are those of model `ordinal` under `seed` (a loaded model).
    init(_ layers: [Layer], seed: UInt64, ordinal: Int) throws {
        self.seed = seed
        self.ordinal = ordinal
        for layer in layers { try add(layer) }
    }

    /// Appends a layer (Keras's `add`); it is given its Keras name (`dense_1`, ...). A model
    /// already built builds the new layer at once.
    public func add(_ layer: Layer) throws {
        if let input = layer as? Input {
            guard layers.isEmpty else {
                throw EngineError.invalidModel(EngineMessages.inputFirst)
            }
            inputShape = input.shape
            try build(inputShape: input.shape)
            return
        }
        if layers.contains(where: { $0 === layer }) {
            throw EngineError.invalidModel(EngineMessages.layerAlreadyInModel(layer.name))
        }
        let base = layer.baseName
        let same = layers.filter { $0.baseName == base }.count
        layer.name = same == 0 ? base : "\(base)_\(same)"
        if isBuilt {
            var total = countParams()
            _ = try checkBudget(of: layer, inputShape: outputShapes.last ?? inputShape ?? [], total: &total)
        }
        layers.append(layer)
        if layers.count == 1, inputShape == nil, let declared = layer.declaredInputShape {
            inputShape = declared
        }
        if isBuilt {
            try buildLayer(layers.count - 1, inputShape: outputShapes.last ?? inputShape ?? [])
            collectTrainable()
        } else if let inputShape, layers.count == 1 {
            try build(inputShape: inputShape)
        }
    }

    /// Builds every layer for a per-example input shape, after checking every shape against
    /// `Tensor.elementLimit` and the weights against `parameterLimit`.
    public func build(inputShape: [Int]) throws {
        if isBuilt {
            guard inputShape == self.inputShape else {
                throw EngineError.invalidModel(EngineMessages.builtForOtherInput(built: self.inputShape ?? [], given: inputShape))
            }
            return
        }
        _ = try Tensor.checkedCount(inputShape, what: EngineMessages.inputPerExample(inputShape))
        var shape = inputShape
        var total = 0
        for layer in layers {
            shape = try checkBudget(of: layer, inputShape: shape, total: &total)
        }
        self.inputShape = inputShape
        outputShapes = []
        shape = inputShape
        for index in layers.indices {
            shape = try buildLayer(index, inputShape: shape)
        }
        isBuilt = true
        collectTrainable()
    }

    /// Builds the model for the examples of `x` the first time; later, checks that `x` fits.
    func prepare(for x: Tensor) throws {
        guard x.rank > 0 else { throw EngineError.invalidArgument(EngineMessages.scalarBatch) }
        if isBuilt {
            try checkInputShape(x)
        } else {
            try build(inputShape: Array(x.shape.dropFirst()))
        }
    }

    /// Adds `layer`'s weights for `inputShape` to `total` and returns its output shape, after
    /// checking both against their limits: a typo such as `Dense(Int.max)` is an error before
    /// anything is allocated, and no size from a notebook overflows.
    private func checkBudget(of layer: Layer, inputShape: [Int], total: inout Int) throws -> [Int] {
        let (trainable, nonTrainable) = layer.parameterCount(forInput: inputShape)
        let sum = trainable == .max || nonTrainable == .max ? nil : Checked.sum(total, trainable, nonTrainable)
        guard let sum, sum <= Sequential.parameterLimit else {
            throw EngineError.tooLarge(what: EngineMessages.modelAtLayer(layer.name), elements: sum, limit: Sequential.parameterLimit)
        }
        total = sum
        let output = try layer.outputShape(forInput: inputShape)
        _ = try Tensor.checkedCount(output, what: EngineMessages.layerOutput(layer.name, output))
        return output
    }

    @discardableResult
    private func buildLayer(_ index: Int, inputShape: [Int]) throws -> [Int] {
        let layer = layers[index]
        let output = try layer.outputShape(forInput: inputShape)
        let prefix = "model\(ordinal)/\(layer.name)/"
        try layer.build(inputShape: inputShape) { [seed] weight in RandomStream(seed: seed, name: prefix + weight) }
        outputShapes.append(output)
        return output
    }

    private func collectTrainable() {
        trainableParameters = layers.flatMap(\.parameters).filter(\.trainable)
    }

    /// The number of weights (Keras's `count_params`).
    public func countParams() -> Int { layers.flatMap(\.parameters).reduce(0) { $0 + $1.count } }

    /// Copies of every weight, in Keras's order (layer by layer; kernel, bias; gamma, beta,
    /// moving mean, moving variance).
    public func getWeights() -> [Tensor] {
        layers.flatMap(\.parameters).map { $0.value.copied() }
    }

    /// Replaces every weight; the count and shapes must match `getWeights()`.
    public func setWeights(_ weights: [Tensor]) throws {
        let parameters = layers.flatMap(\.parameters)
        guard weights.count == parameters.count else {
            throw EngineError.invalidModel(EngineMessages.weightCount(needed: parameters.count, given: weights.count))
        }
        for (parameter, weight) in zip(parameters, weights) where parameter.value.shape != weight.shape {
            throw EngineError.invalidModel(EngineMessages.weightShape(parameter.name, expected: parameter.value.shape,
                                                                      given: weight.shape))
        }
        for (parameter, weight) in zip(parameters, weights) {
            parameter.value = try weight.asType(.float32).copied()
        }
    }
}

extension Tensor {
    /// A copy in memory of its own (so that writes through kernels never reach it).
    public func copied() -> Tensor {
        var result = self
        result.storage = TensorStorage(capacity: count)
        withUnsafeBufferPointer { result.storage.pointer.update(from: $0.baseAddress!, count: count) }
        result.offset = 0
        return result
    }
}
