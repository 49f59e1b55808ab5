/// One optimizer's Keras facts, each written once: its class name (`RMSprop`, which the
/// bindings name their constructor after), the name it saves under (`get_config()["name"]`,
/// `rm_sprop`), its default learning rate, its own hyper-parameters in the order of Keras's
/// signature, and how to make it from a configuration. Every optimizer declares its entry
/// beside its update (`Adam.Keras.entry`); ``OptimizerRegistry`` lists them.
public struct OptimizerEntry: Sendable {
    /// Keras's class name (`RMSprop`).
    public let name: String
    /// The name Keras reports and labbook saves (`rm_sprop`).
    public let kerasName: String
    /// Keras's default learning rate.
    public let learningRate: Double
    /// The hyper-parameters of this optimizer after the learning rate, in Keras's order
    /// (the shared ones, clipping and weight decay, are ``Optimizer``'s own).
    public let parameters: [HyperParameter]
    private let make: @Sendable (Configuration) -> Optimizer

    /// An entry; `make` builds the optimizer from a configuration in which every
    /// hyper-parameter has a value.
    public init(name: String, kerasName: String, learningRate: Double, parameters: [HyperParameter],
                make: @escaping @Sendable (Configuration) -> Optimizer) {
        self.name = name
        self.kerasName = kerasName
        self.learningRate = learningRate
        self.parameters = parameters
        self.make = make
    }

    /// The string `keras.optimizers.get` takes for it: the class name in lower case (`rmsprop`).
    public var lookupName: String { name.lowercased() }

    /// Keras's defaults by key.
    public var defaults: [String: Double] {
        Dictionary(uniqueKeysWithValues: parameters.map { ($0.key, $0.defaultValue) })
    }

    /// A new optimizer with `learningRate` (Keras's default when nil) and the hyper-parameters
    /// in `values` by Keras key, each one missing at its default; keys it does not have are
    /// ignored.
    public func makeOptimizer(learningRate: LearningRate? = nil, values: [String: Double] = [:]) -> Optimizer {
        make(Configuration(learningRate: learningRate ?? .constant(self.learningRate), values: values))
    }
}

extension OptimizerEntry {
    /// What an entry's constructor reads: the learning rate, and each hyper-parameter as given
    /// or at its Keras default.
    public struct Configuration {
        /// The learning rate or its schedule.
        public let learningRate: LearningRate
        let values: [String: Double]

        /// The value of `parameter`: as given, else its default.
        public subscript(_ parameter: HyperParameter) -> Double { values[parameter.key] ?? parameter.defaultValue }

        /// The value of a flag.
        public func flag(_ parameter: HyperParameter) -> Bool { self[parameter] != 0 }
    }
}
