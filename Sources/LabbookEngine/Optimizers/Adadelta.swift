/// Adadelta (Zeiler, 2012, arXiv:1212.5701) as Keras 3's `optimizers/adadelta.py`, which keeps a
/// learning rate (1.0 gives the paper's form): `E[g²] ← ρE[g²] + (1−ρ)g²`,
/// `Δ = −√(E[Δ²] + ε)·g / √(E[g²] + ε)`, `E[Δ²] ← ρE[Δ²] + (1−ρ)Δ²`, `w ← w + lr·Δ`.
public final class Adadelta: Optimizer {
    public let rho: Float, epsilon: Float
    private let oneMinusRho: Float
    private let settings: [(String, Double)]

    /// Keras's defaults: learning rate 0.001, ρ 0.95, ε 1e-7.
    public init(learningRate: LearningRate = .constant(0.001), rho: Double = 0.95, epsilon: Double = 1e-7,
                clipnorm: Double? = nil, clipvalue: Double? = nil, globalClipnorm: Double? = nil,
                weightDecay: Double? = nil) {
        self.rho = Float(rho)
        self.epsilon = Float(epsilon)
        oneMinusRho = Float(1 - rho)
        settings = [("rho", rho), ("epsilon", epsilon)]
        super.init(kerasName: "adadelta", learningRate: learningRate, clipnorm: clipnorm, clipvalue: clipvalue,
                   globalClipnorm: globalClipnorm, weightDecay: weightDecay)
    }

    override public var slotNames: [String] { ["accumulated_grad", "accumulated_delta_var"] }
    /// The settings as given (in Double), so that a saved optimizer is made again bit for bit.
    override public var config: [(String, Double)] { settings }

    override public func update(_ w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
                                slots: [UnsafeMutablePointer<Float>], learningRate lr: Float, step: Int) {
        let squares = slots[0], deltas = slots[1]
        for i in 0..<count {
            squares[i] = rho * squares[i] + oneMinusRho * g[i] * g[i]
            let delta = -((deltas[i] + epsilon).squareRoot() * g[i]) / (squares[i] + epsilon).squareRoot()
            deltas[i] = rho * deltas[i] + oneMinusRho * delta * delta
            w[i] += lr * delta
        }
    }
}
