/// Adagrad (Duchi, Hazan & Singer, 2011, JMLR 12) as Keras 3's `optimizers/adagrad.py`: the
/// accumulator starts at `initialAccumulatorValue` and ε is added inside the square root:
/// `a ← a + g²`, `w ← w − lr·g / √(a + ε)`.
public final class Adagrad: Optimizer {
    /// Keras 3's `Adagrad(learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7)`.
    public enum Keras {
        public static let learningRate = 0.001
        public static let initialAccumulatorValue = HyperParameter("initial_accumulator_value", default: 0.1)
        public static let epsilon = HyperParameter("epsilon", default: 1e-7)
        /// Adagrad in ``OptimizerRegistry``.
        public static let entry = OptimizerEntry(name: "Adagrad", kerasName: "adagrad", learningRate: learningRate,
                                                 parameters: [initialAccumulatorValue, epsilon]) { c in
            Adagrad(learningRate: c.learningRate, initialAccumulatorValue: c[initialAccumulatorValue], epsilon: c[epsilon])
        }
    }

    public let initialAccumulatorValue: Float, epsilon: Float
    private let settings: [(String, Double)]

    /// Keras's defaults (``Keras``).
    public init(learningRate: LearningRate = .constant(Keras.learningRate),
                initialAccumulatorValue: Double = Keras.initialAccumulatorValue.defaultValue,
                epsilon: Double = Keras.epsilon.defaultValue, clipnorm: Double? = nil, clipvalue: Double? = nil,
                globalClipnorm: Double? = nil, weightDecay: Double? = nil) {
        self.initialAccumulatorValue = Float(initialAccumulatorValue)
        self.epsilon = Float(epsilon)
        settings = [(Keras.initialAccumulatorValue.key, initialAccumulatorValue), (Keras.epsilon.key, epsilon)]
        super.init(kerasName: Keras.entry.kerasName, learningRate: learningRate, clipnorm: clipnorm,
                   clipvalue: clipvalue, globalClipnorm: globalClipnorm, weightDecay: weightDecay)
    }

    override public var slotNames: [String] { ["accumulator"] }
    override public func initialValue(ofSlot slot: Int) -> Float { initialAccumulatorValue }
    /// The settings as given (in Double), so that a saved spec is the one it was made from.
    override public var config: [(String, Double)] { settings }

    override public func update(_ w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
                                slots: [UnsafeMutablePointer<Float>], learningRate lr: Float, step: Int) {
        let a = slots[0]
        for i in 0..<count {
            a[i] += g[i] * g[i]
            w[i] -= lr * g[i] / (a[i] + epsilon).squareRoot()
        }
    }
}
