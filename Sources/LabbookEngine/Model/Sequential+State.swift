/// A model in a saved notebook state: what `save` keeps in a model file, but with its layers
/// and optimizer given as objects, so that a layer also held in a variable, or an optimizer
/// shared by two models, is restored as one object.
extension Sequential {
    /// The model's own settings and progress; its layers, weights and optimizer are saved
    /// beside it.
    public struct State: Codable, Equatable, Sendable {
        public var name: String
        public var inputShape: [Int]?
        public var isBuilt: Bool
        public var seed: UInt64
        public var ordinal: Int
        public var epochsTrained: Int
        public var loss: Loss?
        public var metrics: [Metric]
    }

    public var state: State {
        State(name: name, inputShape: inputShape, isBuilt: isBuilt, seed: seed, ordinal: ordinal,
              epochsTrained: epochsTrained, loss: loss, metrics: metrics)
    }

    /// The model a saved state describes: `layers` (new, or restored by the caller) added in
    /// order, built when it was built, its weights (as `getWeights()` gave them) put back, and
    /// compiled with `optimizer` when it was compiled.
    public static func restore(_ state: State, layers: [Layer], weights: [Tensor], optimizer: Optimizer?) throws -> Sequential {
        let model = try Sequential(layers, seed: state.seed, ordinal: state.ordinal)
        model.name = state.name
        model.epochsTrained = state.epochsTrained
        if state.isBuilt {
            guard let inputShape = state.inputShape else { throw EngineError.data(EngineMessages.builtWithoutInputShape) }
            try model.build(inputShape: inputShape)
            try model.setWeights(weights)
        } else if !weights.isEmpty {
            throw EngineError.data(EngineMessages.unbuiltWithWeights)
        }
        // The optimizer's slots are restored as they were, even when they fit another model
        // (an optimizer shared by two models): its next step rebuilds them, as it would have.
        if let loss = state.loss, let optimizer { model.compile(optimizer: optimizer, loss: loss, metrics: state.metrics) }
        return model
    }
}
