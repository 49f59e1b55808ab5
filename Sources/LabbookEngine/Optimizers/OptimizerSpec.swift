/// An optimizer as data: its Keras name, hyper-parameters and step count, for saved models.
/// The per-weight state (slots) is saved beside it as tensors.
public struct OptimizerSpec: Codable, Equatable, Sendable {
    public var name: String
    public var learningRate: LearningRate
    public var clipnorm: Double?
    public var clipvalue: Double?
    public var globalClipnorm: Double?
    public var weightDecay: Double?
    /// The subclass's own hyper-parameters under Keras's names (`beta_1`, `rho`, ...).
    public var config: [String: Double]
    public var iterations: Int

    /// A new optimizer with these settings and step count (its slots are restored separately);
    /// a hyper-parameter missing from `config` is at its Keras default.
    public func makeOptimizer() throws -> Optimizer {
        // A saved file is input like any other: its schedule gets the checks a notebook's does.
        let learningRate = try learningRate.checked()
        guard let entry = OptimizerRegistry.entry(savedAs: name) else {
            throw EngineError.data(EngineMessages.unknownOptimizer(name))
        }
        let optimizer = entry.makeOptimizer(learningRate: learningRate, values: config)
        optimizer.clipnorm = clipnorm
        optimizer.clipvalue = clipvalue
        optimizer.globalClipnorm = globalClipnorm
        optimizer.weightDecay = weightDecay
        optimizer.iterations = iterations
        return optimizer
    }
}

extension Optimizer {
    /// This optimizer's settings as data.
    public var spec: OptimizerSpec {
        OptimizerSpec(name: kerasName, learningRate: learningRate, clipnorm: clipnorm, clipvalue: clipvalue,
                      globalClipnorm: globalClipnorm, weightDecay: weightDecay,
                      config: Dictionary(config, uniquingKeysWith: { a, _ in a }), iterations: iterations)
    }
}
