/// The shared part of every optimizer, as Keras 3's `BaseOptimizer.apply`: gradient clipping
/// (`clipvalue` element-wise, `clipnorm` per weight, `globalClipnorm` over all), decoupled
/// weight decay, the learning rate of the current step, then each subclass's `update` on each
/// trainable weight, then `iterations += 1`. A subclass only names its slots and writes its
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

    /// The hyper-parameters, for summaries and saved models (Keras's `get_config` names).
    open var config: [(String, Double)] { [] }

    /// One step of the update rule on one weight: `variable` and `gradient` have `count`
    /// elements, `slots` are this weight's state buffers, `learningRate` is the rate of this
    /// step and `step` is `iterations + 1` (Keras's `local_step`).
    open func update(_ variable: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>, count: Int,
                     slots: [UnsafeMutablePointer<Float>], learningRate: Float, step: Int) {}

    /// Makes the state buffers for `parameters` (once; a model's optimizer keeps its state
    /// across `fit` calls).
    public func build(_ parameters: [Parameter]) throws {
        guard slots.count != parameters.count else { return }
        slots = try parameters.map { parameter in
            try slotNames.indices.map { slot in
                var tensor = try Tensor(zeros: parameter.value.shape)
                let start = initialValue(ofSlot: slot)
                if start != 0 { tensor.withUnsafeMutableBufferPointer { $0.update(repeating: start) } }
                return tensor
            }
        }
    }

    /// Applies one step to the trainable `parameters`, whose gradients are set.
    public func apply(_ parameters: [Parameter]) throws {
        try build(parameters)
        let rate = learningRate.value(atStep: iterations)
        let globalScale = globalClipScale(parameters)
        for (index, parameter) in parameters.enumerated() {
            let count = parameter.count
            parameter.gradient.withUnsafeMutableBufferPointer { g in
                clip(g, extraScale: globalScale)
                parameter.value.withUnsafeMutableBufferPointer { w in
                    if let decay = weightDecay, decay != 0 {
                        let factor = Float(decay * rate)
                        for i in 0..<count { w[i] -= w[i] * factor }
                    }
                    let pointers = slots[index].indices.map { slot in
                        slots[index][slot].withUnsafeMutableBufferPointer { $0.baseAddress! }
                    }
                    update(w.baseAddress!, gradient: g.baseAddress!, count: count, slots: pointers,
                           learningRate: Float(rate), step: iterations + 1)
                }
            }
        }
        iterations += 1
    }

    /// `globalClipnorm / max(globalNorm, globalClipnorm)` over all gradients, or 1.
    private func globalClipScale(_ parameters: [Parameter]) -> Float {
        guard let limit = globalClipnorm else { return 1 }
        var squares = 0.0
        for parameter in parameters {
            parameter.gradient.withUnsafeBufferPointer { g in for v in g { squares += Double(v * v) } }
        }
        let norm = squares.squareRoot()
        return norm > limit ? Float(limit / norm) : 1
    }

    /// Keras's `clip_by_value` then `clip_by_norm` on one gradient (and the global scale).
    private func clip(_ g: UnsafeMutableBufferPointer<Float>, extraScale: Float) {
        if extraScale != 1 { for i in g.indices { g[i] *= extraScale } }
        if let limit = clipvalue {
            let l = Float(limit)
            for i in g.indices { g[i] = min(max(g[i], -l), l) }
        }
        if let limit = clipnorm {
            var squares = 0.0
            for v in g { squares += Double(v * v) }
            let norm = squares.squareRoot()
            if norm > limit {
                let scale = Float(limit / norm)
                for i in g.indices { g[i] *= scale }
            }
        }
    }
}
