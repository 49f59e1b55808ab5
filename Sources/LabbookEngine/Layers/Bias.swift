/// The bias of a layer whose output is a `[rows, columns]` matrix (Dense, Conv2D): added to
/// every row, and its gradient the column sums of the output's gradient.
enum Bias {
    /// `z[r, c] += bias[c]`.
    static func add(_ bias: UnsafePointer<Float>, to z: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
        for r in 0..<rows {
            let row = z + r * columns
            for c in 0..<columns { row[c] += bias[c] }
        }
    }

    /// `gradient[c] = Σ_r dz[r, c]`, accumulated row by row in a fixed order.
    static func gradient(of dz: UnsafePointer<Float>, into gradient: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
        gradient.update(repeating: 0, count: columns)
        for r in 0..<rows {
            let row = dz + r * columns
            for c in 0..<columns { gradient[c] += row[c] }
        }
    }
}
