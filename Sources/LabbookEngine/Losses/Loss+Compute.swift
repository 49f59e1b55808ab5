import Foundation

/// What the loss is computed from: the output layer's values, and its logits when the loss
/// consumes them (fused with the output activation, or `fromLogits`).
struct LossInput {
    /// `[rows, columns]`: probabilities/predictions, or logits when `isLogits`.
    let values: UnsafePointer<Float>
    let isLogits: Bool
    let rows: Int
    let columns: Int
}

extension Loss {
    /// The sum over the batch of the per-example losses, and when `gradient` is given, dLoss/d
    /// (values) of the batch *mean* written there (`[rows, columns]`). Labels are class indices
    /// `[rows]` for the sparse loss, else `[rows, columns]`. The sum continues from `total`, one
    /// example after the other, so that summing batch after batch gives the bits of one batch.
    func evaluate(_ input: LossInput, labels: UnsafePointer<Float>, gradient: UnsafeMutablePointer<Float>?,
                  continuing total: Double = 0) -> Double {
        let rows = input.rows, columns = input.columns
        let scale = 1 / Float(max(1, rows))
        var total = total
        switch self {
        case .sparseCategoricalCrossentropy, .categoricalCrossentropy:
            let sparse = takesClassIndices
            for r in 0..<rows {
                let p = input.values + r * columns
                let g = gradient.map { $0 + r * columns }
                if input.isLogits {
                    // loss = logsumexp(z) − Σ t·z;  dz = softmax(z)·Σt − t.
                    var m = -Float.infinity
                    for c in 0..<columns { m = max(m, p[c]) }
                    var sum: Float = 0
                    for c in 0..<columns { sum += ScalarMath.exp(p[c] - m) }
                    let logSum = ScalarMath.log(sum) + m
                    if sparse {
                        let label = Int(labels[r])
                        total += Double(logSum - p[label])
                        if let g {
                            for c in 0..<columns { g[c] = ScalarMath.exp(p[c] - logSum) * scale }
                            g[label] -= scale
                        }
                    } else {
                        let t = labels + r * columns
                        var tSum: Float = 0
                        for c in 0..<columns {
                            total += Double(t[c] * (logSum - p[c]))
                            tSum += t[c]
                        }
                        if let g { for c in 0..<columns { g[c] = (ScalarMath.exp(p[c] - logSum) * tSum - t[c]) * scale } }
                    }
                } else {
                    // Keras on probabilities: normalise each row, clip to [ε, 1−ε], −Σ t·log p.
                    var s: Float = 0
                    for c in 0..<columns { s += p[c] }
                    let eps = Loss.epsilon
                    if let g { for c in 0..<columns { g[c] = 0 } }
                    for c in 0..<columns {
                        let t: Float = sparse ? (Int(labels[r]) == c ? 1 : 0) : labels[r * columns + c]
                        guard t != 0 else { continue }
                        let q = p[c] / s
                        let clipped = min(max(q, eps), 1 - eps)
                        total -= Double(t * ScalarMath.log(clipped))
                        if let g, q == clipped {
                            // d(−t·log(p_c/s))/dp_j = t/s − t·δ_jc/p_c.
                            for j in 0..<columns { g[j] += t / s * scale }
                            g[c] -= t / p[c] * scale
                        }
                    }
                }
            }
        case .binaryCrossentropy:
            let elementScale = scale / Float(columns)
            for i in 0..<(rows * columns) {
                let t = labels[i], v = input.values[i]
                if input.isLogits {
                    // max(z, 0) − z·t + log(1 + e^−|z|);  dz = σ(z) − t.
                    total += Double(max(v, 0) - v * t + ScalarMath.log1p(ScalarMath.exp(-abs(v)))) / Double(columns)
                    gradient?[i] = (1 / (1 + ScalarMath.exp(-v)) - t) * elementScale
                } else {
                    let p = min(max(v, Loss.epsilon), 1 - Loss.epsilon)
                    total -= Double(t * ScalarMath.log(p) + (1 - t) * ScalarMath.log(1 - p)) / Double(columns)
                    gradient?[i] = (v == p ? (p - t) / (p * (1 - p)) : 0) * elementScale
                }
            }
        case .meanSquaredError, .meanAbsoluteError:
            let elementScale = scale / Float(columns)
            let squared = self == .meanSquaredError
            for i in 0..<(rows * columns) {
                let d = input.values[i] - labels[i]
                total += Double(squared ? d * d : abs(d)) / Double(columns)
                gradient?[i] = (squared ? 2 * d : (d > 0 ? 1 : (d < 0 ? -1 : 0))) * elementScale
            }
        }
        return total
    }
}
