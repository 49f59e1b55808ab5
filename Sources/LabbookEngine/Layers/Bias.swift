/// The bias of a layer whose output is a `[rows, columns]` matrix (Dense, Conv2D): added to
/// every row, and its gradient the column sums of the output's gradient.
enum Bias {
    /// `z[r, c] += bias[c]`, the rows split over the engine's threads.
    static func add(_ bias: UnsafePointer<Float>, to z: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
        Parallel.forEachRange(rows, cost: rows * columns) { range in
            for r in range {
                let row = z + r * columns
                for c in 0..<columns { row[c] += bias[c] }
            }
        }
    }

    /// `gradient[c] = Σ_r dz[r, c]`, accumulated row by row in a fixed order; the columns are
    /// split over the engine's threads (each sum keeps its order, in the part's own buffer).
    static func gradient(of dz: UnsafePointer<Float>, into gradient: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
        Parallel.forEachRange(columns, cost: rows * columns, alignment: Parallel.columnAlignment) { range in
            let width = range.count
            var buffer = [Float](repeating: 0, count: width)
            buffer.withUnsafeMutableBufferPointer { buffer in
                let sums = buffer.baseAddress!
                for r in 0..<rows {
                    let row = dz + r * columns + range.lowerBound
                    for c in 0..<width { sums[c] += row[c] }
                }
                (gradient + range.lowerBound).update(from: sums, count: width)
            }
        }
    }
}
