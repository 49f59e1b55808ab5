/// Lion, "EvoLved Sign Momentum" (Chen et al., 2023, arXiv:2302.06675), as Keras 3's
/// `optimizers/lion.py`: the step is the sign of an interpolation of momentum and gradient,
/// `w ← w − lr·sign(β₁m + (1−β₁)g)`, then `m ← β₂m + (1−β₂)g`.
public final class Lion: Optimizer {
    /// Keras 3's `Lion(learning_rate=0.001, beta_1=0.9, beta_2=0.99)`.
    public enum Keras {
        public static let learningRate = 0.001
        public static let beta1 = HyperParameter("beta_1", default: 0.9)
        public static let beta2 = HyperParameter("beta_2", default: 0.99)
        /// Lion in ``OptimizerRegistry``.
        public static let entry = OptimizerEntry(name: "Lion", kerasName: "lion", learningRate: learningRate,
                                                 parameters: [beta1, beta2]) { c in
            Lion(learningRate: c.learningRate, beta1: c[beta1], beta2: c[beta2])
        }
    }

    public let beta1: Float, beta2: Float
    private let settings: [(String, Double)]

    /// Keras's defaults (``Keras``).
    public init(learningRate: LearningRate = .constant(Keras.learningRate), beta1: Double = Keras.beta1.defaultValue,
                beta2: Double = Keras.beta2.defaultValue, clipnorm: Double? = nil, clipvalue: Double? = nil,
                globalClipnorm: Double? = nil, weightDecay: Double? = nil) {
        self.beta1 = Float(beta1)
        self.beta2 = Float(beta2)
        settings = [(Keras.beta1.key, beta1), (Keras.beta2.key, beta2)]
        super.init(kerasName: Keras.entry.kerasName, learningRate: learningRate, clipnorm: clipnorm,
                   clipvalue: clipvalue, globalClipnorm: globalClipnorm, weightDecay: weightDecay)
    }

    override public var slotNames: [String] { ["momentum"] }
    /// The settings as given (in Double), so that a saved spec is the one it was made from.
    override public var config: [(String, Double)] { settings }

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
