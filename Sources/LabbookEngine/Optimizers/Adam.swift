import Foundation

/// Adam (Kingma & Ba, 2014, arXiv:1412.6980) as Keras 3's `optimizers/adam.py` writes it: the
/// bias corrections are folded into the step size, `α = lr·√(1−β₂ᵗ)/(1−β₁ᵗ)`, and ε is added
/// after the square root: `m ← m + (g−m)(1−β₁)`, `v ← v + (g²−v)(1−β₂)`, `w ← w − α·m/(√v + ε)`.
/// With `amsgrad` (Reddi et al., 2018) the running maximum of `v` is used in the denominator.
public class Adam: Optimizer {
    /// Keras 3's `Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False)`.
    public enum Keras {
        public static let learningRate = 0.001
        public static let beta1 = HyperParameter("beta_1", default: 0.9)
        public static let beta2 = HyperParameter("beta_2", default: 0.999)
        public static let epsilon = HyperParameter("epsilon", default: 1e-7)
        public static let amsgrad = HyperParameter(flag: "amsgrad")
        /// Adam in ``OptimizerRegistry``.
        public static let entry = OptimizerEntry(name: "Adam", kerasName: "adam", learningRate: learningRate,
                                                 parameters: [beta1, beta2, epsilon, amsgrad]) { c in
            Adam(learningRate: c.learningRate, beta1: c[beta1], beta2: c[beta2], epsilon: c[epsilon], amsgrad: c.flag(amsgrad))
        }
    }

    public let beta1: Float, beta2: Float, epsilon: Float
    public let amsgrad: Bool
    /// `1 − β` computed in Double and then rounded, as Keras does (`1 - self.beta_1` in Python).
    let oneMinusBeta1: Float, oneMinusBeta2: Float
    private let settings: [(String, Double)]

    /// Keras's defaults (``Keras``); AdamW passes its own name.
    public init(learningRate: LearningRate = .constant(Keras.learningRate), beta1: Double = Keras.beta1.defaultValue,
                beta2: Double = Keras.beta2.defaultValue, epsilon: Double = Keras.epsilon.defaultValue,
                amsgrad: Bool = Keras.amsgrad.defaultFlag, clipnorm: Double? = nil, clipvalue: Double? = nil,
                globalClipnorm: Double? = nil, weightDecay: Double? = nil, kerasName: String = Keras.entry.kerasName) {
        self.beta1 = Float(beta1)
        self.beta2 = Float(beta2)
        self.epsilon = Float(epsilon)
        self.amsgrad = amsgrad
        oneMinusBeta1 = Float(1 - beta1)
        oneMinusBeta2 = Float(1 - beta2)
        settings = [(Keras.beta1.key, beta1), (Keras.beta2.key, beta2), (Keras.epsilon.key, epsilon),
                    (Keras.amsgrad.key, amsgrad ? 1 : 0)]
        super.init(kerasName: kerasName, learningRate: learningRate, clipnorm: clipnorm, clipvalue: clipvalue,
                   globalClipnorm: globalClipnorm, weightDecay: weightDecay)
    }

    override public var slotNames: [String] { amsgrad ? ["momentum", "velocity", "velocity_hat"] : ["momentum", "velocity"] }
    /// The settings as given (in Double), so that a saved optimizer is made again bit for bit.
    override public var config: [(String, Double)] { settings }

    override public func update(_ w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
                                slots: [UnsafeMutablePointer<Float>], learningRate lr: Float, step: Int) {
        let t = Float(step)
        let alpha = lr * (1 - ScalarMath.pow(beta2, t)).squareRoot() / (1 - ScalarMath.pow(beta1, t))
        let m = slots[0], v = slots[1]
        let vMax = amsgrad ? slots[2] : v
        let b1 = oneMinusBeta1, b2 = oneMinusBeta2, eps = epsilon, amsgrad = amsgrad
        // One pass per element, 8 lanes at a time, split over the cores; lane for lane the same
        // IEEE operations as the scalar tail, so the result does not depend on the split
        // (`referenceUpdate`, in Adam+Reference.swift, is the plain version tests pin this to).
        Parallel.forEachChunk(count) { range in
            typealias V = VectorMath.V
            var i = range.lowerBound
            while i + V.scalarCount <= range.upperBound {
                let gi = V(loading: g + i)
                let mi = V(loading: m + i) + (gi - V(loading: m + i)) * b1
                let vi = V(loading: v + i) + (gi * gi - V(loading: v + i)) * b2
                mi.store(to: m + i)
                vi.store(to: v + i)
                var denominator = vi
                if amsgrad {
                    let previous = V(loading: vMax + i)
                    denominator = previous.replacing(with: vi, where: vi .> previous)
                    denominator.store(to: vMax + i)
                }
                (V(loading: w + i) - mi * alpha / (VectorMath.sqrt(denominator) + eps)).store(to: w + i)
                i += V.scalarCount
            }
            while i < range.upperBound {
                m[i] += (g[i] - m[i]) * b1
                v[i] += (g[i] * g[i] - v[i]) * b2
                if amsgrad { vMax[i] = max(vMax[i], v[i]) }
                w[i] -= m[i] * alpha / (vMax[i].squareRoot() + eps)
                i += 1
            }
        }
    }
}
