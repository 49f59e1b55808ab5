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

    /// A new optimizer with these settings and step count (its slots are restored separately).
    public func makeOptimizer() throws -> Optimizer {
        func value(_ key: String, _ fallback: Double) -> Double { config[key] ?? fallback }
        // A saved file is input like any other: its schedule gets the checks a notebook's does.
        let learningRate = try learningRate.checked()
        let optimizer: Optimizer
        switch name {
        case "sgd":
            optimizer = SGD(learningRate: learningRate, momentum: value("momentum", 0), nesterov: value("nesterov", 0) != 0)
        case "adam", "adamw":
            let beta1 = value("beta_1", 0.9), beta2 = value("beta_2", 0.999), epsilon = value("epsilon", 1e-7)
            let amsgrad = value("amsgrad", 0) != 0
            optimizer = name == "adamw"
                ? AdamW(learningRate: learningRate, weightDecay: weightDecay ?? 0.004, beta1: beta1, beta2: beta2,
                        epsilon: epsilon, amsgrad: amsgrad)
                : Adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, amsgrad: amsgrad)
        case "adamax":
            optimizer = Adamax(learningRate: learningRate, beta1: value("beta_1", 0.9), beta2: value("beta_2", 0.999),
                               epsilon: value("epsilon", 1e-7))
        case "nadam":
            optimizer = Nadam(learningRate: learningRate, beta1: value("beta_1", 0.9), beta2: value("beta_2", 0.999),
                              epsilon: value("epsilon", 1e-7))
        case "rm_sprop":
            optimizer = RMSprop(learningRate: learningRate, rho: value("rho", 0.9), momentum: value("momentum", 0),
                                epsilon: value("epsilon", 1e-7), centered: value("centered", 0) != 0)
        case "adagrad":
            optimizer = Adagrad(learningRate: learningRate, initialAccumulatorValue: value("initial_accumulator_value", 0.1),
                                epsilon: value("epsilon", 1e-7))
        case "adadelta":
            optimizer = Adadelta(learningRate: learningRate, rho: value("rho", 0.95), epsilon: value("epsilon", 1e-7))
        case "lion":
            optimizer = Lion(learningRate: learningRate, beta1: value("beta_1", 0.9), beta2: value("beta_2", 0.99))
        default:
            throw EngineError.data(EngineMessages.unknownOptimizer(name))
        }
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
