/// Adagrad (Duchi, Hazan & Singer, 2011, JMLR 12) as Keras 3's `optimizers/adagrad.py`: the
/// accumulator starts at `initialAccumulatorValue` and ε is added inside the square root:
/// `a ← a + g²`, `w ← w − lr·g / √(a + ε)`.
public final class Adagrad: Optimizer {
    public let initialAccumulatorValue: Float, epsilon: Float

    /// Keras's defaults: learning rate 0.001, initial accumulator 0.1, ε 1e-7.
    public init(learningRate: LearningRate = .constant(0.001), initialAccumulatorValue: Double = 0.1,
                epsilon: Double = 1e-7, clipnorm: Double? = nil, clipvalue: Double? = nil,
                globalClipnorm: Double? = nil, weightDecay: Double? = nil) {
        self.initialAccumulatorValue = Float(initialAccumulatorValue)
        self.epsilon = Float(epsilon)
        super.init(kerasName: "adagrad", learningRate: learningRate, clipnorm: clipnorm, clipvalue: clipvalue,
                   globalClipnorm: globalClipnorm, weightDecay: weightDecay)
    }

    override public var slotNames: [String] { ["accumulator"] }
    override public func initialValue(ofSlot slot: Int) -> Float { initialAccumulatorValue }
    override public var config: [(String, Double)] {
        [("initial_accumulator_value", Double(initialAccumulatorValue)), ("epsilon", Double(epsilon))]
    }

    override public func update(_ w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
                                slots: [UnsafeMutablePointer<Float>], learningRate lr: Float, step: Int) {
        let a = slots[0]
        for i in 0..<count {
            a[i] += g[i] * g[i]
            w[i] -= lr * g[i] / (a[i] + epsilon).squareRoot()
        }
    }
}
