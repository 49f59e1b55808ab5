/// The plain update the vectorized one is pinned to: Keras 3's Adam step, one element at a time,
/// in the same IEEE operations and order as each lane of `update`, on one thread.
extension Adam {
    /// `update(_:gradient:count:slots:learningRate:step:)` without vectors or chunks. `w`,
    /// `g` and each slot have `count` elements; `slots` are momentum, velocity and (with
    /// `amsgrad`) the running maximum of the velocity.
    func referenceUpdate(_ w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
                         slots: [UnsafeMutablePointer<Float>], learningRate lr: Float, step: Int) {
        let t = Float(step)
        let alpha = lr * (1 - ScalarMath.pow(beta2, t)).squareRoot() / (1 - ScalarMath.pow(beta1, t))
        let b1 = oneMinusBeta1, b2 = oneMinusBeta2
        let m = slots[0], v = slots[1]
        for i in 0..<count {
            m[i] = m[i] + (g[i] - m[i]) * b1
            v[i] = v[i] + (g[i] * g[i] - v[i]) * b2
            var denominator = v[i]
            if amsgrad {
                // The lanes keep the previous maximum unless the new velocity is strictly larger.
                if !(v[i] > slots[2][i]) { denominator = slots[2][i] }
                slots[2][i] = denominator
            }
            w[i] = w[i] - m[i] * alpha / (denominator.squareRoot() + epsilon)
        }
    }
}
