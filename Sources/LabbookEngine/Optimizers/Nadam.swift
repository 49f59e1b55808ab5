import Foundation

/// Nadam, Adam with Nesterov momentum (Dozat, 2016, "Incorporating Nesterov Momentum into Adam"),
/// as Keras 3's `optimizers/nadam.py`, with its momentum schedule `μₜ = β₁(1 − ½·0.96ᵗ)` and the
/// running product `Πμ` (Keras's `u_product`, updated once per step before the weights):
/// `m ← m + (g−m)(1−β₁)`, `v ← v + (g²−v)(1−β₂)`,
/// `m̂ = μₜ₊₁·m/(1 − Πμ·μₜ₊₁) + (1−μₜ)·g/(1 − Πμ)`, `v̂ = v/(1−β₂ᵗ)`, `w ← w − lr·m̂/(√v̂ + ε)`.
/// `u_product` is kept as a one-element slot of every weight (all copies hold the same value),
/// so that it is saved and restored with the other slots.
public final class Nadam: Optimizer {
    /// Keras 3's `Nadam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)`.
    public enum Keras {
        public static let learningRate = 0.001
        public static let beta1 = HyperParameter("beta_1", default: 0.9)
        public static let beta2 = HyperParameter("beta_2", default: 0.999)
        public static let epsilon = HyperParameter("epsilon", default: 1e-7)
        /// Nadam in ``OptimizerRegistry``.
        public static let entry = OptimizerEntry(name: "Nadam", kerasName: "nadam", learningRate: learningRate,
                                                 parameters: [beta1, beta2, epsilon]) { c in
            Nadam(learningRate: c.learningRate, beta1: c[beta1], beta2: c[beta2], epsilon: c[epsilon])
        }
    }

    public let beta1: Float, beta2: Float, epsilon: Float
    private let settings: [(String, Double)]

    /// Keras's defaults (``Keras``).
    public init(learningRate: LearningRate = .constant(Keras.learningRate), beta1: Double = Keras.beta1.defaultValue,
                beta2: Double = Keras.beta2.defaultValue, epsilon: Double = Keras.epsilon.defaultValue,
                clipnorm: Double? = nil, clipvalue: Double? = nil, globalClipnorm: Double? = nil,
                weightDecay: Double? = nil) {
        self.beta1 = Float(beta1)
        self.beta2 = Float(beta2)
        self.epsilon = Float(epsilon)
        settings = [(Keras.beta1.key, beta1), (Keras.beta2.key, beta2), (Keras.epsilon.key, epsilon)]
        super.init(kerasName: Keras.entry.kerasName, learningRate: learningRate, clipnorm: clipnorm,
                   clipvalue: clipvalue, globalClipnorm: globalClipnorm, weightDecay: weightDecay)
    }

    override public var slotNames: [String] { ["momentum", "velocity", "u_product"] }
    override public func initialValue(ofSlot slot: Int) -> Float { slot == 2 ? 1 : 0 }
    override public func shape(ofSlot slot: Int, forWeightOfShape shape: [Int]) -> [Int] { slot == 2 ? [1] : shape }
    /// The settings as given (in Double), so that a saved spec is the one it was made from.
    override public var config: [(String, Double)] { settings }

    override public func update(_ w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
                                slots: [UnsafeMutablePointer<Float>], learningRate lr: Float, step: Int) {
        let t = Float(step)
        let uT = beta1 * (1 - 0.5 * ScalarMath.pow(0.96, t))
        let uT1 = beta1 * (1 - 0.5 * ScalarMath.pow(0.96, t + 1))
        let m = slots[0], v = slots[1], uProduct = slots[2]
        uProduct[0] = uProduct[0] * beta1 * (1 - 0.5 * ScalarMath.pow(0.96, t))
        let uProductT = uProduct[0], uProductT1 = uProduct[0] * uT1
        let beta2Power = ScalarMath.pow(beta2, t)
        for i in 0..<count {
            m[i] += (g[i] - m[i]) * (1 - beta1)
            v[i] += (g[i] * g[i] - v[i]) * (1 - beta2)
            let mHat = uT1 * m[i] / (1 - uProductT1) + (1 - uT) * g[i] / (1 - uProductT)
            let vHat = v[i] / (1 - beta2Power)
            w[i] -= mHat * lr / (vHat.squareRoot() + epsilon)
        }
    }
}
