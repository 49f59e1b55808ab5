import Foundation
import Testing
@testable import LabbookEngine

/// Initializers against Keras 3's definitions (`keras/src/initializers/random_initializers.py`):
/// limits and moments of large draws, orthogonality, fans, and seeding.
@Suite struct InitializerTests {
    /// A 200×300 kernel: fan_in 200, fan_out 300, fan_avg 250; 60,000 draws put the sample
    /// variance within about 1% (its relative standard error is √(2/n) ≈ 0.6%).
    static let shape = [200, 300]

    struct Case: CustomTestStringConvertible, Sendable {
        let initializer: Initializer
        /// The largest |value| the definition allows.
        let bound: Double
        /// The variance the definition gives.
        let variance: Double
        /// Whether draws reach close to `bound` (not for the untruncated normal).
        var reachesBound = true
        var testDescription: String { "\(initializer)" }
    }

    /// The truncated normal of the `*Normal` variance-scaling initializers: stddev
    /// √(scale/fan)/0.87962566103423978 cut at 2 of those stddevs, so that the variance is scale/fan.
    static func truncated(scale: Double, fan: Double) -> (bound: Double, variance: Double) {
        (2 * (scale / fan).squareRoot() / 0.87962566103423978, scale / fan)
    }

    static let cases: [Case] = [
        // VarianceScaling(uniform): limit √(3·scale/fan), variance limit²/3.
        Case(initializer: .glorotUniform(), bound: (6.0 / 500).squareRoot(), variance: 6.0 / 500 / 3),
        Case(initializer: .heUniform(), bound: (6.0 / 200).squareRoot(), variance: 6.0 / 200 / 3),
        Case(initializer: .lecunUniform(), bound: (3.0 / 200).squareRoot(), variance: 3.0 / 200 / 3),
        Case(initializer: .glorotNormal(), bound: truncated(scale: 1, fan: 250).bound, variance: 1.0 / 250),
        Case(initializer: .heNormal(), bound: truncated(scale: 2, fan: 200).bound, variance: 2.0 / 200),
        Case(initializer: .lecunNormal(), bound: truncated(scale: 1, fan: 200).bound, variance: 1.0 / 200),
        // RandomNormal(mean 0, stddev 0.05): unbounded (6σ is never reached in 60,000 draws).
        Case(initializer: .randomNormal(), bound: 6 * 0.05, variance: 0.05 * 0.05, reachesBound: false),
        // RandomUniform(−0.05, 0.05): variance (b − a)²/12.
        Case(initializer: .randomUniform(), bound: 0.05, variance: 0.1 * 0.1 / 12),
        // TruncatedNormal(0, 0.05): cut at 2·stddev, not rescaled, so the variance is
        // 0.05²·0.87962566² (that of a unit normal truncated to ±2).
        Case(initializer: .truncatedNormal(), bound: 0.1, variance: pow(0.05 * 0.87962566103423978, 2)),
    ]

    @Test(arguments: cases)
    func largeDrawMatchesDefinition(_ c: Case) throws {
        let values = try Self.draw(c.initializer, shape: Self.shape).map(Double.init)
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        let largest = values.map(abs).max() ?? 0
        #expect(largest <= c.bound * (1 + 1e-6))
        #expect(abs(mean) < 4 * (c.variance / n).squareRoot())
        #expect(abs(variance / c.variance - 1) < 0.03)
        if c.reachesBound {
            #expect(largest > 0.97 * c.bound)
        }
    }

    /// Keras's `Orthogonal`: QR of a normal matrix with R's signs folded in, transposed when
    /// the weight has fewer rows than columns: a tall weight has orthonormal columns (WᵀW = I),
    /// a wide one orthonormal rows (WWᵀ = I); `gain` multiplies.
    @Test(arguments: [([40, 24], 1.0), ([24, 40], 1.0), ([4, 5, 12], 1.0), ([30, 30], 2.0)])
    func orthogonalIsOrthogonal(_ shape: [Int], _ gain: Double) throws {
        let w = try Self.draw(.orthogonal(gain: gain), shape: shape).map(Double.init)
        let cols = shape.last!, rows = w.count / cols
        let tall = rows >= cols
        let k = tall ? cols : rows
        for a in 0..<k {
            for b in 0..<k {
                var dot = 0.0
                for i in 0..<(tall ? rows : cols) {
                    dot += tall ? w[i * cols + a] * w[i * cols + b] : w[a * cols + i] * w[b * cols + i]
                }
                let expected = a == b ? gain * gain : 0
                if abs(dot - expected) > 1e-5 {
                    Issue.record("Gram matrix entry (\(a), \(b)) is \(dot), expected \(expected)")
                    return
                }
            }
        }
    }

    /// `compute_fans`: a scalar has fans 1; a 1-D shape (a bias) both its length; a kernel
    /// `[in, out]` its two sizes; a convolution kernel `[h, w, in, out]` the receptive field
    /// h·w times in and out.
    @Test(arguments: [
        ([Int](), 1.0, 1.0), ([10], 10, 10), ([3, 4], 3, 4), ([3, 3, 16, 32], 144, 288), ([5, 2, 7], 10, 35),
    ])
    func fans(_ shape: [Int], _ fanIn: Double, _ fanOut: Double) {
        let fans = Initializer.fans(shape)
        #expect(fans.fanIn == fanIn && fans.fanOut == fanOut)
    }

    /// A 1-D weight of length 64 under GlorotUniform: fan_in = fan_out = 64, limit √(6/128).
    @Test func glorotUniformOfABiasUsesItsLength() throws {
        let values = try Self.draw(.glorotUniform(), shape: [64])
        #expect(values.allSatisfy { abs(Double($0)) <= (6.0 / 128).squareRoot() })
        #expect(values.contains { abs(Double($0)) > (6.0 / 500).squareRoot() })
    }

    @Test func constantInitializers() throws {
        #expect(try Self.draw(.zeros, shape: [2, 3]) == Array(repeating: 0, count: 6))
        #expect(try Self.draw(.ones, shape: [4]) == [1, 1, 1, 1])
        #expect(try Self.draw(.constant(0.25), shape: [3]) == [0.25, 0.25, 0.25])
    }

    /// A seeded initializer gives the same values wherever it is used (whatever the weight's
    /// stream); an unseeded one follows its weight's stream: same stream, same values; another
    /// stream name, other values.
    @Test(arguments: [Initializer.glorotUniform(seed: 7), .heNormal(seed: 7), .randomNormal(seed: 7), .orthogonal(seed: 7)])
    func seededGivesSameValuesEverywhere(_ initializer: Initializer) throws {
        let a = try Self.draw(initializer, shape: [8, 6], stream: "init/dense/kernel")
        let b = try Self.draw(initializer, shape: [8, 6], stream: "init/dense_1/kernel")
        #expect(a == b)
    }

    @Test(arguments: [Initializer.glorotUniform(), .heNormal(), .randomNormal(), .orthogonal()])
    func unseededFollowsTheWeightsStream(_ initializer: Initializer) throws {
        let a = try Self.draw(initializer, shape: [8, 6], stream: "init/dense/kernel")
        let again = try Self.draw(initializer, shape: [8, 6], stream: "init/dense/kernel")
        let other = try Self.draw(initializer, shape: [8, 6], stream: "init/dense_1/kernel")
        #expect(a == again)
        #expect(a != other)
    }

    static func draw(_ initializer: Initializer, shape: [Int], stream: String = "init/test/kernel") throws -> [Float] {
        var tensor = try Tensor(zeros: shape)
        initializer.fill(&tensor, stream: RandomStream(seed: 42, name: stream))
        return tensor.scalars
    }
}
