import Foundation
import Testing
@testable import LabbookEngine

/// The engine's own scalar functions against the C library's, which they replace so that the
/// bits no longer depend on which libm variant a machine picks: within a few ulp in Float64,
/// within one Float32 step (nearly always equal) in Float32, and exact where the value is.
@Suite struct ScalarMathTests {
    /// Distance in units in the last place of `expected` (0 when both are equal or both NaN).
    static func ulps(_ value: Double, _ expected: Double) -> Double {
        if value == expected || (value.isNaN && expected.isNaN) { return 0 }
        return abs(value - expected) / expected.ulp
    }

    /// Deterministic sample points: `count` values spread over `range`, with their negatives.
    static func points(_ range: ClosedRange<Double>, count: Int = 4000) -> [Double] {
        var stream = RandomStream(seed: 7, name: "scalar-math")
        return (0..<count).map { _ in range.lowerBound + (range.upperBound - range.lowerBound) * stream.uniformDouble() }
    }

    /// The worst sample and its error, for a message that says where.
    static func worst(_ xs: [Double], _ f: (Double) -> Double, _ g: (Double) -> Double) -> (x: Double, ulps: Double) {
        xs.map { (x: $0, ulps: ulps(f($0), g($0))) }.max { $0.ulps < $1.ulps }!
    }

    @Test func expWithinFourUlps() {
        let w = Self.worst(Self.points(-740...709), ScalarMath.exp, Foundation.exp)
        #expect(w.ulps <= 4, "exp(\(w.x)) is \(w.ulps) ulp from libm's")
        let small = Self.worst(Self.points(-1e-3...1e-3), ScalarMath.exp, Foundation.exp)
        #expect(small.ulps <= 2, "exp(\(small.x)) is \(small.ulps) ulp from libm's")
        #expect(ScalarMath.exp(0.0) == 1)
        #expect(ScalarMath.exp(800.0) == .infinity)
        #expect(ScalarMath.exp(-800.0) == 0)
        #expect(ScalarMath.exp(-Double.infinity) == 0)
        #expect(ScalarMath.exp(Double.nan).isNaN)
        // Subnormal results: rounded once, to the nearest subnormal.
        #expect(Self.ulps(ScalarMath.exp(-744.0), Foundation.exp(-744.0)) <= 1)
    }

    @Test func logWithinFourUlps() {
        let w = Self.worst(Self.points(1e-300...1e300).map { abs($0) }, ScalarMath.log, Foundation.log)
        #expect(w.ulps <= 4, "log(\(w.x)) is \(w.ulps) ulp from libm's")
        let nearOne = Self.worst(Self.points(0.5...2).map { abs($0) }, ScalarMath.log, Foundation.log)
        #expect(nearOne.ulps <= 4, "log(\(nearOne.x)) is \(nearOne.ulps) ulp from libm's")
        let tiny = Self.worst(Self.points(Double.leastNonzeroMagnitude * 1000...Double.leastNormalMagnitude).map { abs($0) }, ScalarMath.log, Foundation.log)
        #expect(tiny.ulps <= 4, "log(\(tiny.x)) (subnormal) is \(tiny.ulps) ulp from libm's")
        #expect(ScalarMath.log(1.0) == 0)
        #expect(ScalarMath.log(0.0) == -.infinity)
        #expect(ScalarMath.log(-1.0).isNaN)
        #expect(ScalarMath.log(Double.infinity) == .infinity)
    }

    @Test func log1pIsAccurateNearZero() {
        let w = Self.worst(Self.points(-0.9...10), ScalarMath.log1p, Foundation.log1p)
        #expect(w.ulps <= 4, "log1p(\(w.x)) is \(w.ulps) ulp from libm's")
        let tiny = Self.worst(Self.points(-1e-9...1e-9), ScalarMath.log1p, Foundation.log1p)
        #expect(tiny.ulps <= 4, "log1p(\(tiny.x)) is \(tiny.ulps) ulp from libm's")
        #expect(ScalarMath.log1p(-1.0) == -.infinity)
    }

    @Test func cosPiIsExactAtItsZerosAndExtremes() {
        #expect(ScalarMath.cosPi(0) == 1)
        #expect(ScalarMath.cosPi(0.5) == 0)
        #expect(ScalarMath.cosPi(1) == -1)
        #expect(ScalarMath.cosPi(1.5) == 0)
        #expect(ScalarMath.cosPi(2) == 1)
        #expect(ScalarMath.cosPi(-1) == -1)
        #expect(ScalarMath.cosPi(1.0 / 3) == 0.5 || Self.ulps(ScalarMath.cosPi(1.0 / 3), 0.5) <= 2)
        #expect(ScalarMath.cosPi(.infinity).isNaN)
    }

    @Test func cosPiWithinAFewUlpsOfLibm() {
        // libm's cos(π·x) carries π·x's rounding, ≤ |π·x·sin(π·x)|·2⁻⁵³ in absolute terms.
        for x in Self.points(0...2) {
            let value = ScalarMath.cosPi(x), expected = Foundation.cos(Double.pi * x)
            let tolerance = 4 * Double.ulpOfOne * max(abs(expected), abs(Double.pi * x))
            #expect(abs(value - expected) <= tolerance, "cosPi(\(x)) = \(value), libm's cos(πx) = \(expected)")
        }
    }

    @Test func powFollowsExpAndLog() {
        let w = Self.worst(Self.points(0.01...100).map { abs($0) }, { ScalarMath.pow($0, 2.5) }, { Foundation.pow($0, 2.5) })
        #expect(w.ulps <= 64, "pow(\(w.x), 2.5) is \(w.ulps) ulp from libm's")
        #expect(ScalarMath.pow(0.5, 0) == 1)
        #expect(ScalarMath.pow(0.0, 2) == 0)
        #expect(ScalarMath.pow(0.0, -1) == .infinity)
        #expect(ScalarMath.pow(-2.0, 3) == -8 || Self.ulps(ScalarMath.pow(-2.0, 3), -8) <= 2)
        #expect(ScalarMath.pow(-2.0, 0.5).isNaN)
        // Adam's bias correction: β^t in Float32 for a million steps, within a step of libm's.
        for t in [1, 2, 10, 1000, 1_000_000] {
            let value = ScalarMath.pow(Float(0.999), Float(t)), expected = powf(0.999, Float(t))
            #expect(abs(value - expected) <= expected.ulp, "pow(0.999, \(t)) = \(value), powf gives \(expected)")
        }
    }

    @Test func floatFunctionsRoundToWithinOneStep() {
        for x in Self.points(-20...20) {
            let f = Float(x)
            #expect(abs(ScalarMath.exp(f) - expf(f)) <= expf(f).ulp, "exp(\(f))")
            #expect(abs(ScalarMath.erf(f) - erff(f)) <= Float(1).ulp, "erf(\(f)) = \(ScalarMath.erf(f)), erff gives \(erff(f))")
            let positive = abs(f) + 1e-3
            #expect(abs(ScalarMath.log(positive) - logf(positive)) <= max(logf(positive).ulp, Float.leastNormalMagnitude), "log(\(positive))")
            #expect(abs(ScalarMath.log1p(positive) - log1pf(positive)) <= log1pf(positive).ulp, "log1p(\(positive))")
        }
        #expect(ScalarMath.erf(Float(0)) == 0)
        #expect(ScalarMath.erf(Float(5)) == 1)
        #expect(ScalarMath.erf(Float(-5)) == -1)
        #expect(ScalarMath.erf(Float.nan).isNaN)
    }

    /// The written-out polynomials are the plain loops they replaced, bit for bit: the same
    /// coefficients (1/n! built by division, 1/n), the same Horner order. The committed
    /// reports depend on these bits.
    @Test func writtenOutPolynomialsEqualTheirLoops() {
        func loopExp(_ x: Double) -> Double {
            let k = (x * 1.44269504088896338700e+00).rounded(.toNearestOrEven)
            let r = (x - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10
            var inverse = [1.0]
            for n in 1...13 { inverse.append(inverse[n - 1] / Double(n)) }
            var p = 1.0 / 87_178_291_200
            for n in stride(from: 13, through: 1, by: -1) { p = p * r + inverse[n] }
            p = p * r + 1
            return Double(sign: .plus, exponent: Int(k), significand: p)
        }
        func loopLogSeries(_ s2: Double) -> Double {
            var p = 1.0 / 25
            for n in stride(from: 23, through: 3, by: -2) { p = p * s2 + 1 / Double(n) }
            return p
        }
        var differences = 0
        var first: Double?
        for x in Self.points(-740...709, count: 20_000) + Self.points(-1...1, count: 20_000)
            where ScalarMath.exp(x).bitPattern != loopExp(x).bitPattern {
            differences += 1
            first = first ?? x
        }
        #expect(differences == 0, "exp differs from its loop at \(differences) points, the first \(first ?? 0)")
        // log's series at s² of every m in [√½, √2], through log itself: s = (m−1)/(m+1).
        for m in Self.points(0.7071...1.4142, count: 20_000).map(abs) where m > 0.70711 {
            let f = m - 1, s = f / (2 + f), s2 = s * s
            let expected = 2 * s + 2 * s * (s2 * loopLogSeries(s2))
            #expect(ScalarMath.log(m).bitPattern == expected.bitPattern, "log(\(m))")
        }
    }
}
