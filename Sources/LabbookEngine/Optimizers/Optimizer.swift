/// The shared part of every optimizer, as Keras 3's `BaseOptimizer.apply`: gradient clipping
/// (`clipnorm` per weight, else `globalClipnorm` over all, else `clipvalue` element-wise —
/// Keras allows only one of them and `_clip_gradients` tests them in that order), decoupled
/// weight decay with the learning rate of the current step, then each subclass's `update` on
/// each trainable weight, then `iterations += 1`. A subclass only names its slots and writes its
/// update rule.
open class Optimizer {
    /// Keras's name for it (`adam`, `sgd`, ...).
    public let kerasName: String
    /// The learning rate or its schedule.
    public var learningRate: LearningRate
    /// Clip each gradient element to ±clipvalue.
    public var clipvalue: Double?
    /// Rescale each weight's gradient to at most this L2 norm.
    public var clipnorm: Double?
    /// Rescale all gradients together to at most this global L2 norm.
    public var globalClipnorm: Double?
    /// Decoupled weight decay: `w -= w · weightDecay · lr` before the update.
    public var weightDecay: Double?
    /// Steps taken so far.
    public internal(set) var iterations = 0
    /// Per trainable weight, the state buffers named by `slotNames`, made by `build`.
    public internal(set) var slots: [[Tensor]] = []

    /// Creates the shared state; subclasses pass their Keras name and default learning rate.
    public init(kerasName: String, learningRate: LearningRate, clipnorm: Double? = nil,
                clipvalue: Double? = nil, globalClipnorm: Double? = nil, weightDecay: Double? = nil) {
        self.kerasName = kerasName
        self.learningRate = learningRate
        self.clipnorm = clipnorm
        self.clipvalue = clipvalue
        self.globalClipnorm = globalClipnorm
        self.weightDecay = weightDecay
    }

    /// The names of the per-weight state buffers (`["momentum", "velocity"]` for Adam).
    open var slotNames: [String] { [] }

    /// The value a slot starts at (Adagrad's accumulator starts at 0.1).
    open func initialValue(ofSlot slot: Int) -> Float { 0 }

    /// The shape of a slot for a weight of shape `shape`: the weight's own shape, except for
    /// per-optimizer scalars kept as one-element slots (Nadam's `u_product`), so that they are
    /// saved and restored with the other slots.
    open func shape(ofSlot slot: Int, forWeightOfShape shape: [Int]) -> [Int] { shape }

    /// The hyper-parameters, for summaries and saved models (Keras's `get_config` names).
    open var config: [(String, Double)] { [] }

    /// One step of the update rule on one weight: `variable` and `gradient` have `count`
    /// elements, `slots` are this weight's state buffers, `learningRate` is the rate of this
    /// step and `step` is `iterations + 1` (Keras's `local_step`).
    open func update(_ variable: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>, count: Int,
                     slots: [UnsafeMutablePointer<Float>], learningRate: Float, step: Int) {}

    /// Makes the state buffers for the trainable ones of `parameters` (once; a model's
    /// optimizer keeps its state across `fit` calls).
    public func build(_ parameters: [Weight]) throws {
        let parameters = parameters.filter(\.trainable)
        guard !isBuilt(for: parameters) else { return }
        slots = try parameters.map { parameter in
            try slotNames.indices.map { slot in
                var tensor = try Tensor(zeros: shape(ofSlot: slot, forWeightOfShape: parameter.value.shape))
                let start = initialValue(ofSlot: slot)
                if start != 0 { tensor.withUnsafeMutableBufferPointer { $0.update(repeating: start) } }
                return tensor
            }
        }
    }

    /// Whether the slots fit `parameters` (their count and every slot's shape), so that a
    /// stale state can never be indexed past its end.
    private func isBuilt(for parameters: [Weight]) -> Bool {
        guard slots.count == parameters.count else { return false }
        return zip(slots, parameters).allSatisfy { weightSlots, parameter in
            weightSlots.count == slotNames.count && weightSlots.indices.allSatisfy { slot in
                weightSlots[slot].shape == shape(ofSlot: slot, forWeightOfShape: parameter.value.shape)
            }
        }
    }

    /// Applies one step to the trainable `parameters`, whose gradients are set. The gradients
    /// are clipped in place.
    public func apply(_ parameters: [Weight]) throws {
        // Keras builds and updates only the trainable variables; a non-trainable parameter has
        // no gradient buffer, so passing it through would read past its end.
        let parameters = parameters.allSatisfy(\.trainable) ? parameters : parameters.filter(\.trainable)
        for parameter in parameters where parameter.gradient.count != parameter.count {
            throw EngineError.invalidModel(EngineMessages.gradientSize(parameter.name, gradient: parameter.gradient.count,
                                                                       weightCount: parameter.count))
        }
        try build(parameters)
        // Keras casts the rate and the decay to the weight's dtype, float32.
        let rate = Float(learningRate.value(atStep: iterations))
        let decay = weightDecay.map { Float($0) }
        let globalScale = globalClipScale(parameters)
        for (index, parameter) in parameters.enumerated() {
            let count = parameter.count
            parameter.gradient.withUnsafeMutableBufferPointer { g in
                clip(g, globalScale: globalScale)
                parameter.value.withUnsafeMutableBufferPointer { w in
                    // `_apply_weight_decay`: w ← w − w·wd·lr, before the update step.
                    if let decay {
                        for i in 0..<count { w[i] -= w[i] * decay * rate }
                    }
                    let pointers = slots[index].indices.map { slot in
                        slots[index][slot].withUnsafeMutableBufferPointer { $0.baseAddress! }
                    }
                    update(w.baseAddress!, gradient: g.baseAddress!, count: count, slots: pointers,
                           learningRate: rate, step: iterations + 1)
                }
            }
        }
        iterations += 1
    }

    /// Keras's `clip_by_global_norm`: `clip · min(1/‖g‖, 1/clip)` over all gradients (NaN when
    /// the norm is not finite, as in Keras), or nil when `globalClipnorm` is not in use.
    private func globalClipScale(_ parameters: [Weight]) -> Float? {
        guard activeClipnorm == nil, let limit = globalClipnorm, limit > 0 else { return nil }
        var squares = 0.0
        for parameter in parameters {
            parameter.gradient.withUnsafeBufferPointer { g in for v in g { squares += Double(v) * Double(v) } }
        }
        let norm = Float(squares.squareRoot())
        let clip = Float(limit)
        return clip * min(1 / norm, 1 / clip) + (norm - norm)
    }

    /// `clipnorm` when it is set and positive (Keras's `if self.clipnorm and self.clipnorm > 0`).
    private var activeClipnorm: Float? { clipnorm.flatMap { $0 > 0 ? Float($0) : nil } }

    /// Keras's `_clip_gradients` on one gradient: `clip_by_norm` (`g·clip / max(‖g‖, clip)`)
    /// when `clipnorm` is set, else the global scale, else `clip(g, −clipvalue, clipvalue)`.
    private func clip(_ g: UnsafeMutableBufferPointer<Float>, globalScale: Float?) {
        if let limit = activeClipnorm {
            var squares = 0.0
            for v in g { squares += Double(v) * Double(v) }
            let denominator = max(Float(squares.squareRoot()), limit)
            for i in g.indices { g[i] = g[i] * limit / denominator }
        } else if let scale = globalScale {
            for i in g.indices { g[i] *= scale }
        } else if let limit = clipvalue, limit > 0 {
            let l = Float(limit)
            for i in g.indices { g[i] = min(max(g[i], -l), l) }
        }
    }
}
