import Foundation

/// Adam (Kingma & Ba, 2014, arXiv:1412.6980) as Keras 3's `optimizers/adam.py` writes it: the
/// bias corrections are folded into the step size, `α = lr·√(1−β₂ᵗ)/(1−β₁ᵗ)`, and ε is added
/// after the square root: `m ← m + (g−m)(1−β₁)`, `v ← v + (g²−v)(1−β₂)`, `w ← w − α·m/(√v + ε)`.
/// With `amsgrad` (Reddi et al., 2018) the running maximum of `v` is used in the denominator.
public class Adam: Optimizer {
    public let beta1: Float, beta2: Float, epsilon: Float
    public let amsgrad: Bool
    /// `1 − β` computed in Double and then rounded, as Keras does (`1 - self.beta_1` in Python).
    let oneMinusBeta1: Float, oneMinusBeta2: Float
    private let settings: [(String, Double)]

    /// Keras's defaults: learning rate 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7.
    public init(learningRate: LearningRate = .constant(0.001), beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-7, amsgrad: Bool = false, clipnorm: Double? = nil, clipvalue: Double? = nil,
                globalClipnorm: Double? = nil, weightDecay: Double? = nil, kerasName: String = "adam") {
        self.beta1 = Float(beta1)
        self.beta2 = Float(beta2)
        self.epsilon = Float(epsilon)
        self.amsgrad = amsgrad
        oneMinusBeta1 = Float(1 - beta1)
        oneMinusBeta2 = Float(1 - beta2)
        settings = [("beta_1", beta1), ("beta_2", beta2), ("epsilon", epsilon), ("amsgrad", amsgrad ? 1 : 0)]
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
