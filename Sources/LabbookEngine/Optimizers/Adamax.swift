import Foundation

/// Adamax, the infinity-norm variant of Adam (Kingma & Ba, 2014, §7.1), as Keras 3's
/// `optimizers/adamax.py`: `m ← m + (g−m)(1−β₁)`, `u ← max(β₂·u, |g|)`,
/// `w ← w − lr·m / ((1−β₁ᵗ)(u + ε))`.
public final class Adamax: Optimizer {
    /// Keras 3's `Adamax(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)`.
    public enum Keras {
        public static let learningRate = 0.001
        public static let beta1 = HyperParameter("beta_1", default: 0.9)
        public static let beta2 = HyperParameter("beta_2", default: 0.999)
        public static let epsilon = HyperParameter("epsilon", default: 1e-7)
        /// Adamax in ``OptimizerRegistry``.
        public static let entry = OptimizerEntry(name: "Adamax", kerasName: "adamax", learningRate: learningRate,
                                                 parameters: [beta1, beta2, epsilon]) { c in
            Adamax(learningRate: c.learningRate, beta1: c[beta1], beta2: c[beta2], epsilon: c[epsilon])
        }
    }

    public let beta1: Float, beta2: Float, epsilon: Float
    private let oneMinusBeta1: Float
    private let settings: [(String, Double)]

    /// Keras's defaults (``Keras``).
    public init(learningRate: LearningRate = .constant(Keras.learningRate), beta1: Double = Keras.beta1.defaultValue,
                beta2: Double = Keras.beta2.defaultValue, epsilon: Double = Keras.epsilon.defaultValue,
                clipnorm: Double? = nil, clipvalue: Double? = nil, globalClipnorm: Double? = nil,
                weightDecay: Double? = nil) {
        self.beta1 = Float(beta1)
        self.beta2 = Float(beta2)
        self.epsilon = Float(epsilon)
        oneMinusBeta1 = Float(1 - beta1)
        settings = [(Keras.beta1.key, beta1), (Keras.beta2.key, beta2), (Keras.epsilon.key, epsilon)]
        super.init(kerasName: Keras.entry.kerasName, learningRate: learningRate, clipnorm: clipnorm,
                   clipvalue: clipvalue, globalClipnorm: globalClipnorm, weightDecay: weightDecay)
    }

    override public var slotNames: [String] { ["momentum", "norm"] }
    /// The settings as given (in Double), so that a saved optimizer is made again bit for bit.
    override public var config: [(String, Double)] { settings }

    override public func update(_ w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
                                slots: [UnsafeMutablePointer<Float>], learningRate lr: Float, step: Int) {
        let correction = 1 - ScalarMath.pow(beta1, Float(step))
        let m = slots[0], u = slots[1]
        for i in 0..<count {
            m[i] += (g[i] - m[i]) * oneMinusBeta1
            u[i] = max(beta2 * u[i], abs(g[i]))
            w[i] -= lr * m[i] / (correction * (u[i] + epsilon))
        }
    }
}
