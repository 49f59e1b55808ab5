extension Initializer {
    /// Keras's `Orthogonal`: a normal matrix of shape `[max(rows, cols), min(rows, cols)]`
    /// (rows = the product of all axes but the last) made orthonormal by QR with the signs of
    /// R's diagonal folded into Q — which is what modified Gram–Schmidt gives directly — and
    /// transposed back when rows < cols.
    static func orthogonal(_ w: UnsafeMutableBufferPointer<Float>, shape: [Int], gain: Double,
                           _ random: inout RandomStream) {
        guard let cols = shape.last, cols > 0, w.count > 0 else { return }
        let rows = w.count / cols
        let m = max(rows, cols), n = min(rows, cols)
        // Column-major m×n: column j is a[j*m ..< (j+1)*m].
        var a = (0..<(m * n)).map { _ in random.normal() }
        for j in 0..<n {
            for k in 0..<j {
                var dot = 0.0
                for i in 0..<m { dot += a[k * m + i] * a[j * m + i] }
                for i in 0..<m { a[j * m + i] -= dot * a[k * m + i] }
            }
            var norm = 0.0
            for i in 0..<m { norm += a[j * m + i] * a[j * m + i] }
            norm = max(norm.squareRoot(), .leastNormalMagnitude)
            for i in 0..<m { a[j * m + i] /= norm }
        }
        // Q is m×n; the weight is rows×cols: Q itself when rows ≥ cols, else Qᵀ.
        for r in 0..<rows {
            for c in 0..<cols {
                let q = rows >= cols ? a[c * m + r] : a[r * m + c]
                w[r * cols + c] = Float(gain * q)
            }
        }
    }
}
