/// RMSprop (Hinton, 2012, Coursera lecture 6e) as Keras 3's `optimizers/rmsprop.py`. ε is added
/// to the mean square *inside* the square root (unlike Adam):
/// `v ← ρv + (1−ρ)g²`, `Δ = lr·g / √(v + ε)`; centered: `ḡ ← ρḡ + (1−ρ)g`, `Δ = lr·g/√(v − ḡ² + ε)`;
/// with momentum: `s ← μ·s + Δ; w ← w − s`, else `w ← w − Δ`.
public final class RMSprop: Optimizer {
    /// Keras 3's `RMSprop(learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False)`.
    /// Keras 3 reports the name `rm_sprop` (its automatic snake-casing of `RMSprop`).
    public enum Keras {
        public static let learningRate = 0.001
        public static let rho = HyperParameter("rho", default: 0.9)
        public static let momentum = HyperParameter("momentum", default: 0)
        public static let epsilon = HyperParameter("epsilon", default: 1e-7)
        public static let centered = HyperParameter(flag: "centered")
        /// RMSprop in ``OptimizerRegistry``.
        public static let entry = OptimizerEntry(name: "RMSprop", kerasName: "rm_sprop", learningRate: learningRate,
                                                 parameters: [rho, momentum, epsilon, centered]) { c in
            RMSprop(learningRate: c.learningRate, rho: c[rho], momentum: c[momentum], epsilon: c[epsilon],
                    centered: c.flag(centered))
        }
    }

    public let rho: Float, momentum: Float, epsilon: Float
    public let centered: Bool
    private let oneMinusRho: Float
    private let settings: [(String, Double)]

    /// Keras's defaults (``Keras``).
    public init(learningRate: LearningRate = .constant(Keras.learningRate), rho: Double = Keras.rho.defaultValue,
                momentum: Double = Keras.momentum.defaultValue, epsilon: Double = Keras.epsilon.defaultValue,
                centered: Bool = Keras.centered.defaultFlag, clipnorm: Double? = nil, clipvalue: Double? = nil,
                globalClipnorm: Double? = nil, weightDecay: Double? = nil) {
        self.rho = Float(rho)
        self.momentum = Float(momentum)
        self.epsilon = Float(epsilon)
        self.centered = centered
        oneMinusRho = Float(1 - rho)
        settings = [(Keras.rho.key, rho), (Keras.momentum.key, momentum), (Keras.epsilon.key, epsilon),
                    (Keras.centered.key, centered ? 1 : 0)]
        super.init(kerasName: Keras.entry.kerasName, learningRate: learningRate, clipnorm: clipnorm,
                   clipvalue: clipvalue, globalClipnorm: globalClipnorm, weightDecay: weightDecay)
    }

    override public var slotNames: [String] {
        ["velocity"] + (momentum > 0 ? ["momentum"] : []) + (centered ? ["average_gradient"] : [])
    }
    /// The settings as given (in Double), so that a saved optimizer is made again bit for bit.
    override public var config: [(String, Double)] { settings }

    override public func update(_ w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
                                slots: [UnsafeMutablePointer<Float>], learningRate lr: Float, step: Int) {
        let v = slots[0]
        let s = momentum > 0 ? slots[1] : nil
        let average = centered ? slots[slots.count - 1] : nil
        for i in 0..<count {
            v[i] = rho * v[i] + oneMinusRho * g[i] * g[i]
            var denominator = v[i] + epsilon
            if let average {
                average[i] = rho * average[i] + oneMinusRho * g[i]
                denominator = v[i] - average[i] * average[i] + epsilon
            }
            let increment = lr * g[i] / denominator.squareRoot()
            if let s {
                s[i] = momentum * s[i] + increment
                w[i] -= s[i]
            } else {
                w[i] -= increment
            }
        }
    }
}
