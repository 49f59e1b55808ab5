/// Adadelta (Zeiler, 2012, arXiv:1212.5701) as Keras 3's `optimizers/adadelta.py`, which keeps a
/// learning rate (1.0 gives the paper's form): `E[g²] ← ρE[g²] + (1−ρ)g²`,
/// `Δ = −√(E[Δ²] + ε)·g / √(E[g²] + ε)`, `E[Δ²] ← ρE[Δ²] + (1−ρ)Δ²`, `w ← w + lr·Δ`.
public final class Adadelta: Optimizer {
    /// Keras 3's `Adadelta(learning_rate=0.001, rho=0.95, epsilon=1e-7)`.
    public enum Keras {
        public static let learningRate = 0.001
        public static let rho = HyperParameter("rho", default: 0.95)
        public static let epsilon = HyperParameter("epsilon", default: 1e-7)
        /// Adadelta in ``OptimizerRegistry``.
        public static let entry = OptimizerEntry(name: "Adadelta", kerasName: "adadelta", learningRate: learningRate,
                                                 parameters: [rho, epsilon]) { c in
            Adadelta(learningRate: c.learningRate, rho: c[rho], epsilon: c[epsilon])
        }
    }

    public let rho: Float, epsilon: Float
    private let oneMinusRho: Float
    private let settings: [(String, Double)]

    /// Keras's defaults (``Keras``).
    public init(learningRate: LearningRate = .constant(Keras.learningRate), rho: Double = Keras.rho.defaultValue,
                epsilon: Double = Keras.epsilon.defaultValue, clipnorm: Double? = nil, clipvalue: Double? = nil,
                globalClipnorm: Double? = nil, weightDecay: Double? = nil) {
        self.rho = Float(rho)
        self.epsilon = Float(epsilon)
        oneMinusRho = Float(1 - rho)
        settings = [(Keras.rho.key, rho), (Keras.epsilon.key, epsilon)]
        super.init(kerasName: Keras.entry.kerasName, learningRate: learningRate, clipnorm: clipnorm,
                   clipvalue: clipvalue, globalClipnorm: globalClipnorm, weightDecay: weightDecay)
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
