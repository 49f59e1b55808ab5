/// Stochastic gradient descent with optional momentum (Polyak, 1964) or Nesterov momentum
/// (Sutskever et al., 2013), as Keras 3's `optimizers/sgd.py`: `m ← μ·m − lr·g; w ← w + m`
/// (Nesterov: `w ← w + μ·m − lr·g` with the new `m`); without momentum `w ← w − lr·g`, and no slot.
public final class SGD: Optimizer {
    public let momentum: Float
    public let nesterov: Bool

    /// Keras's defaults: learning rate 0.01, no momentum.
    public init(learningRate: LearningRate = .constant(0.01), momentum: Double = 0, nesterov: Bool = false,
                clipnorm: Double? = nil, clipvalue: Double? = nil, globalClipnorm: Double? = nil,
                weightDecay: Double? = nil) {
        self.momentum = Float(momentum)
        self.nesterov = nesterov
        super.init(kerasName: "sgd", learningRate: learningRate, clipnorm: clipnorm, clipvalue: clipvalue,
                   globalClipnorm: globalClipnorm, weightDecay: weightDecay)
    }

    override public var slotNames: [String] { momentum != 0 ? ["momentum"] : [] }
    override public var config: [(String, Double)] { [("momentum", Double(momentum)), ("nesterov", nesterov ? 1 : 0)] }

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
