import Testing
@testable import LabbookEngine

/// The bias's gradient (column sums in registers, up to 32 columns at a time, split by columns)
/// against its plain definition, bit for bit: one chain per column, `s ← s + dz[r, c]` over the
/// rows in order from 0, at widths that cover whole vectors, blocks of four and tails.
@Suite struct BiasKernelTests {
    @Test(arguments: [1, 2, 3])
    func theGradientIsEachColumnsChainInRowOrder(threads: Int) {
        let saved = Parallel.workers
        defer { Parallel.workers = saved }
        Parallel.workers = threads
        for columns in [1, 7, 8, 9, 16, 17, 24, 31, 32, 33, 40, 64, 100, 1024] {
            for rows in [0, 1, 5, 130] {
                let (dz, expected) = Self.gradientCase(rows: rows, columns: columns)
                var found = [Float](repeating: .nan, count: columns)
                Parallel.splittingEverything { Bias.gradient(of: dz, into: &found, rows: rows, columns: columns) }
                let difference = BitIdentity.difference(found, expected)
                #expect(difference == nil, "\(rows)×\(columns) on \(threads) threads: \(difference ?? "")")
            }
        }
    }

    /// The chains continued part by part (Bias.continueGradient, as a convolution sums one
    /// example at a time) over whole vectors of columns: the bits of one sum over all the rows.
    @Test func theGradientContinuedPartByPartIsTheWholeSum() {
        for (columns, range) in [(8, 0..<8), (32, 8..<32), (40, 0..<40), (64, 16..<48)] {
            for parts in [[130], [1, 129], [60, 1, 69], [26, 26, 26, 26, 26]] {
                let rows = parts.reduce(0, +)
                let (dz, whole) = Self.gradientCase(rows: rows, columns: columns)
                var found = [Float](repeating: .nan, count: columns)
                for c in range { found[c] = 0 }
                var first = 0
                for part in parts {
                    dz.withUnsafeBufferPointer { dz in
                        Bias.continueGradient(of: dz.baseAddress! + first * columns, into: &found, rows: part, columns: columns,
                                              columnRange: range)
                    }
                    first += part
                }
                let difference = BitIdentity.difference(Array(found[range]), Array(whole[range]))
                #expect(difference == nil, "\(columns) columns \(range) in parts \(parts): \(difference ?? "")")
            }
        }
    }

    /// A `dz` of `rows`×`columns` and its column sums by the plain definition. Magnitudes from
    /// 2⁻¹⁰ to 2¹⁰, so that a sum in another order rounds differently.
    private static func gradientCase(rows: Int, columns: Int) -> (dz: [Float], sums: [Float]) {
        var stream = RandomStream(seed: 5, name: "dz \(rows)×\(columns)")
        let dz = (0..<rows * columns).map { _ in (2 * stream.uniform() - 1) * Float(1 << (stream.next() % 21)) / 1024 }
        var sums = [Float](repeating: 0, count: columns)
        for c in 0..<columns {
            var s: Float = 0
            for r in 0..<rows { s += dz[r * columns + c] }
            sums[c] = s
        }
        return (dz, sums)
    }
}
