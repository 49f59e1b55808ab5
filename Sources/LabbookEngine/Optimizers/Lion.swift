/// Lion, "EvoLved Sign Momentum" (Chen et al., 2023, arXiv:2302.06675), as Keras 3's
/// `optimizers/lion.py`: the step is the sign of an interpolation of momentum and gradient,
/// `w ← w − lr·sign(β₁m + (1−β₁)g)`, then `m ← β₂m + (1−β₂)g`.
public final class Lion: Optimizer {
    public let beta1: Float, beta2: Float

    /// Keras's defaults: learning rate 0.001, β₁ 0.9, β₂ 0.99.
    public init(learningRate: LearningRate = .constant(0.001), beta1: Double = 0.9, beta2: Double = 0.99,
                clipnorm: Double? = nil, clipvalue: Double? = nil, globalClipnorm: Double? = nil,
                weightDecay: Double? = nil) {
        self.beta1 = Float(beta1)
        self.beta2 = Float(beta2)
        super.init(kerasName: "lion", learningRate: learningRate, clipnorm: clipnorm, clipvalue: clipvalue,
                   globalClipnorm: globalClipnorm, weightDecay: weightDecay)
    }

    override public var slotNames: [String] { ["momentum"] }
    override public var config: [(String, Double)] { [("beta_1", Double(beta1)), ("beta_2", Double(beta2))] }

    override public func update(_ w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
                                slots: [UnsafeMutablePointer<Float>], learningRate lr: Float, step: Int) {
        let m = slots[0]
        for i in 0..<count {
            let c = m[i] * beta1 + g[i] * (1 - beta1)
            let sign: Float = c > 0 ? 1 : (c < 0 ? -1 : 0)
            w[i] -= lr * sign
            m[i] = m[i] * beta2 + g[i] * (1 - beta2)
        }
    }
}
