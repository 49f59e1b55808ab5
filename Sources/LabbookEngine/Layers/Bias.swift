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
    /// split over the engine's threads, and each part sums up to 32 columns at a time in
    /// registers (each column's chain `s ← s + dz[r, c]` over r ascending, lane by lane).
    static func gradient(of dz: UnsafePointer<Float>, into gradient: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
        Parallel.forEachRange(columns, cost: rows * columns, alignment: Parallel.columnAlignment) { range in
            var column = range.lowerBound
            while column + V.scalarCount <= range.upperBound {
                let vectors = min(4, (range.upperBound - column) / V.scalarCount)
                let first = dz + column, sums = gradient + column
                sum(first, rows: rows, columns: columns, into: sums, vectors: vectors, continuing: false)
                column += vectors * V.scalarCount
            }
            for c in column..<range.upperBound {
                var s: Float = 0
                for r in 0..<rows { s += dz[r * columns + c] }
                gradient[c] = s
            }
        }
    }

    /// ``gradient(of:into:rows:columns:)``'s chains for the columns `columnRange` (whole vectors)
    /// continued over `rows` more rows of `dz` (`columns` apart), on the calling thread: a
    /// gradient summed part by part, in row order, has the bits of one summed at once.
    static func continueGradient(of dz: UnsafePointer<Float>, into gradient: UnsafeMutablePointer<Float>, rows: Int,
                                 columns: Int, columnRange: Range<Int>) {
        var column = columnRange.lowerBound
        while column < columnRange.upperBound {
            let vectors = min(4, (columnRange.upperBound - column) / V.scalarCount)
            sum(dz + column, rows: rows, columns: columns, into: gradient + column, vectors: vectors, continuing: true)
            column += vectors * V.scalarCount
        }
    }

    private typealias V = VectorMath.V

    /// 1 to 4 vectors of column sums from `first`, each a specialization of its own.
    @inline(__always)
    private static func sum(_ first: UnsafePointer<Float>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Float>,
                            vectors: Int, continuing: Bool) {
        switch vectors {
        case 4: sum(first, rows: rows, columns: columns, into: sums, continuing: continuing, Four.self)
        case 3: sum(first, rows: rows, columns: columns, into: sums, continuing: continuing, Three.self)
        case 2: sum(first, rows: rows, columns: columns, into: sums, continuing: continuing, Two.self)
        default: sum(first, rows: rows, columns: columns, into: sums, continuing: continuing, One.self)
        }
    }

    /// `Vectors` vectors of column sums from `first` (rows `columns` apart), in registers, from 0
    /// or, `continuing`, from `sums`.
    private static func sum<Vectors: Count>(_ first: UnsafePointer<Float>, rows: Int, columns: Int,
                                            into sums: UnsafeMutablePointer<Float>, continuing: Bool, _: Vectors.Type) {
        let vectors = Vectors.value
        var s0 = V(), s1 = V(), s2 = V(), s3 = V()
        if continuing {
            s0 = V(loading: sums)
            if vectors > 1 { s1 = V(loading: sums + 8) }
            if vectors > 2 { s2 = V(loading: sums + 16) }
            if vectors > 3 { s3 = V(loading: sums + 24) }
        }
        var row = first
        for _ in 0..<rows {
            s0 += V(loading: row)
            if vectors > 1 { s1 += V(loading: row + 8) }
            if vectors > 2 { s2 += V(loading: row + 16) }
            if vectors > 3 { s3 += V(loading: row + 24) }
            row += columns
        }
        s0.store(to: sums)
        if vectors > 1 { s1.store(to: sums + 8) }
        if vectors > 2 { s2.store(to: sums + 16) }
        if vectors > 3 { s3.store(to: sums + 24) }
    }
}
