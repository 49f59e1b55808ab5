/// RMSprop (Hinton, 2012, Coursera lecture 6e) as Keras 3's `optimizers/rmsprop.py`. ε is added
/// to the mean square *inside* the square root (unlike Adam):
/// `v ← ρv + (1−ρ)g²`, `Δ = lr·g / √(v + ε)`; centered: `ḡ ← ρḡ + (1−ρ)g`, `Δ = lr·g/√(v − ḡ² + ε)`;
/// with momentum: `s ← μ·s + Δ; w ← w − s`, else `w ← w − Δ`.
public final class RMSprop: Optimizer {
    public let rho: Float, momentum: Float, epsilon: Float
    public let centered: Bool
    private let oneMinusRho: Float
    private let settings: [(String, Double)]

    /// Keras's defaults: learning rate 0.001, ρ 0.9, no momentum, ε 1e-7, not centered. Keras 3
    /// reports the name `rm_sprop` (its automatic snake-casing of `RMSprop`).
    public init(learningRate: LearningRate = .constant(0.001), rho: Double = 0.9, momentum: Double = 0,
                epsilon: Double = 1e-7, centered: Bool = false, clipnorm: Double? = nil, clipvalue: Double? = nil,
                globalClipnorm: Double? = nil, weightDecay: Double? = nil) {
        self.rho = Float(rho)
        self.momentum = Float(momentum)
        self.epsilon = Float(epsilon)
        self.centered = centered
        oneMinusRho = Float(1 - rho)
        settings = [("rho", rho), ("momentum", momentum), ("epsilon", epsilon), ("centered", centered ? 1 : 0)]
        super.init(kerasName: "rm_sprop", learningRate: learningRate, clipnorm: clipnorm, clipvalue: clipvalue,
                   globalClipnorm: globalClipnorm, weightDecay: weightDecay)
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
