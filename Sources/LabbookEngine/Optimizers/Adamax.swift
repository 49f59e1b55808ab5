import Foundation

/// Adamax, the infinity-norm variant of Adam (Kingma & Ba, 2014, §7.1), as Keras 3's
/// `optimizers/adamax.py`: `m ← m + (g−m)(1−β₁)`, `u ← max(β₂·u, |g|)`,
/// `w ← w − lr·m / ((1−β₁ᵗ)(u + ε))`.
public final class Adamax: Optimizer {
    public let beta1: Float, beta2: Float, epsilon: Float
    private let oneMinusBeta1: Float
    private let settings: [(String, Double)]

    /// Keras's defaults: learning rate 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7.
    public init(learningRate: LearningRate = .constant(0.001), beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-7, clipnorm: Double? = nil, clipvalue: Double? = nil,
                globalClipnorm: Double? = nil, weightDecay: Double? = nil) {
        self.beta1 = Float(beta1)
        self.beta2 = Float(beta2)
        self.epsilon = Float(epsilon)
        oneMinusBeta1 = Float(1 - beta1)
        settings = [("beta_1", beta1), ("beta_2", beta2), ("epsilon", epsilon)]
        super.init(kerasName: "adamax", learningRate: learningRate, clipnorm: clipnorm, clipvalue: clipvalue,
                   globalClipnorm: globalClipnorm, weightDecay: weightDecay)
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
