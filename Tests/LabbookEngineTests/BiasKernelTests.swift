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
                var stream = RandomStream(seed: 5, name: "dz \(rows)×\(columns)")
                // Magnitudes from 2⁻¹⁰ to 2¹⁰, so that a sum in another order rounds differently.
                let dz = (0..<rows * columns).map { _ in (2 * stream.uniform() - 1) * Float(1 << (stream.next() % 21)) / 1024 }
                var expected = [Float](repeating: 0, count: columns)
                for c in 0..<columns {
                    var s: Float = 0
                    for r in 0..<rows { s += dz[r * columns + c] }
                    expected[c] = s
                }
                var found = [Float](repeating: .nan, count: columns)
                Parallel.splittingEverything { Bias.gradient(of: dz, into: &found, rows: rows, columns: columns) }
                let difference = BitIdentity.difference(found, expected)
                #expect(difference == nil, "\(rows)×\(columns) on \(threads) threads: \(difference ?? "")")
            }
        }
    }
}
