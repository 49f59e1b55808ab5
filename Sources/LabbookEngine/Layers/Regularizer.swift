/// A weight penalty added to the loss, as Keras's `L1`, `L2` and `L1L2`:
/// `l1 · Σ|w| + l2 · Σw²` (Keras 3's L2 has no ½).
public enum Regularizer: Codable, Equatable, Sendable {
    case l1(Double)
    case l2(Double)
    case l1l2(l1: Double, l2: Double)

    var coefficients: (l1: Float, l2: Float) {
        switch self {
        case let .l1(a): return (Float(a), 0)
        case let .l2(b): return (0, Float(b))
        case let .l1l2(a, b): return (Float(a), Float(b))
        }
    }

    /// The penalty for `weights`.
    public func penalty(_ weights: Tensor) -> Double {
        let (l1, l2) = coefficients
        return weights.withUnsafeBufferPointer { w in
            var absolute = 0.0, squares = 0.0
            for v in w {
                absolute += Double(abs(v))
                squares += Double(v * v)
            }
            return Double(l1) * absolute + Double(l2) * squares
        }
    }

    /// Adds the penalty's gradient, `l1 · sign(w) + 2 · l2 · w`, to `gradient`.
    func addGradient(of weights: Tensor, to gradient: UnsafeMutablePointer<Float>) {
        let (l1, l2) = coefficients
        weights.withUnsafeBufferPointer { w in
            for i in w.indices {
                let v = w[i]
                let sign: Float = v > 0 ? 1 : (v < 0 ? -1 : 0)
                gradient[i] += l1 * sign + 2 * l2 * v
            }
        }
    }
}
