/// Stochastic gradient descent with optional momentum (Polyak, 1964) or Nesterov momentum
/// (Sutskever et al., 2013), as Keras 3's `optimizers/sgd.py`: `m ← μ·m − lr·g; w ← w + m`
/// (Nesterov: `w ← w + μ·m − lr·g` with the new `m`); without momentum `w ← w − lr·g`, and no slot.
public final class SGD: Optimizer {
    /// Keras 3's `SGD(learning_rate=0.01, momentum=0.0, nesterov=False)`.
    public enum Keras {
        public static let learningRate = 0.01
        public static let momentum = HyperParameter("momentum", default: 0)
        public static let nesterov = HyperParameter(flag: "nesterov")
        /// SGD in ``OptimizerRegistry``.
        public static let entry = OptimizerEntry(name: "SGD", kerasName: "sgd", learningRate: learningRate,
                                                 parameters: [momentum, nesterov]) { c in
            SGD(learningRate: c.learningRate, momentum: c[momentum], nesterov: c.flag(nesterov))
        }
    }

    public let momentum: Float
    public let nesterov: Bool
    private let settings: [(String, Double)]

    /// Keras's defaults (``Keras``).
    public init(learningRate: LearningRate = .constant(Keras.learningRate), momentum: Double = Keras.momentum.defaultValue,
                nesterov: Bool = Keras.nesterov.defaultFlag, clipnorm: Double? = nil, clipvalue: Double? = nil,
                globalClipnorm: Double? = nil, weightDecay: Double? = nil) {
        self.momentum = Float(momentum)
        self.nesterov = nesterov
        settings = [(Keras.momentum.key, momentum), (Keras.nesterov.key, nesterov ? 1 : 0)]
        super.init(kerasName: Keras.entry.kerasName, learningRate: learningRate, clipnorm: clipnorm,
                   clipvalue: clipvalue, globalClipnorm: globalClipnorm, weightDecay: weightDecay)
    }

    override public var slotNames: [String] { momentum != 0 ? ["momentum"] : [] }
    /// The settings as given (in Double), so that a saved spec is the one it was made from.
    override public var config: [(String, Double)] { settings }

    override public func update(_ w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
                                slots: [UnsafeMutablePointer<Float>], learningRate lr: Float, step: Int) {
        guard momentum != 0 else {
            for i in 0..<count { w[i] -= lr * g[i] }
            return
        }
        let m = slots[0]
        for i in 0..<count {
            m[i] = momentum * m[i] - lr * g[i]
            w[i] += nesterov ? momentum * m[i] - lr * g[i] : m[i]
        }
    }
}
