import Testing
@testable import LabbookEngine

/// Named random streams: deterministic per (seed, name), independent across names, and with
/// the distributions they promise.
@Suite struct RandomStreamTests {
    /// Pinned values, so that a change of generator (which would change every model's initial
    /// weights and every report) cannot go unnoticed. Computed by an independent Python
    /// implementation of FNV-1a, SplitMix64 seeding and xoshiro256** (Blackman & Vigna).
    @Test func pinnedSequence() {
        #expect(RandomStream.fnv1a("") == 0xCBF2_9CE4_8422_2325)
        #expect(RandomStream.fnv1a("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(RandomStream.fnv1a("init/dense/kernel") == 0xACC6_CDA9_77E9_59D5)
        var stream = RandomStream(seed: 42, name: "init/dense/kernel")
        #expect([stream.next(), stream.next(), stream.next()] == [0x118D_1DC6_90C5_7918, 0x7EA4_0610_E5C2_2592, 0x3DE1_E007_D51F_08DA])
    }

    @Test func sameSeedAndNameGiveTheSameSequence() {
        var a = RandomStream(seed: 7, name: "shuffle/epoch/3"), b = RandomStream(seed: 7, name: "shuffle/epoch/3")
        #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
    }

    @Test(arguments: [(7 as UInt64, "shuffle/epoch/4"), (8, "shuffle/epoch/3"), (7, "shuffle/epoch/")])
    func anotherNameOrSeedGivesAnotherSequence(_ seed: UInt64, _ name: String) {
        var a = RandomStream(seed: 7, name: "shuffle/epoch/3"), b = RandomStream(seed: seed, name: name)
        let x = (0..<8).map { _ in a.next() }, y = (0..<8).map { _ in b.next() }
        #expect(zip(x, y).allSatisfy { $0 != $1 })
    }

    static func moments(_ values: [Double]) -> (mean: Double, variance: Double, skewness: Double, kurtosis: Double) {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        var m2 = 0.0, m3 = 0.0, m4 = 0.0
        for v in values {
            let d = v - mean
            m2 += d * d
            m3 += d * d * d
            m4 += d * d * d * d
        }
        m2 /= n; m3 /= n; m4 /= n
        return (mean, m2, m3 / pow15(m2), m4 / (m2 * m2))
    }

    static func pow15(_ x: Double) -> Double { x * x.squareRoot() }

    /// 100,000 draws: all in [0, 1); mean ½ and variance 1/12 within a few standard errors.
    @Test func uniformIsInTheUnitIntervalWithUniformMoments() {
        var stream = RandomStream(seed: 1, name: "uniform")
        let floats = (0..<100_000).map { _ in stream.uniform() }
        let doubles = (0..<100_000).map { _ in stream.uniformDouble() }
        #expect(floats.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(doubles.allSatisfy { $0 >= 0 && $0 < 1 })
        for values in [floats.map(Double.init), doubles] {
            let m = Self.moments(values)
            #expect(abs(m.mean - 0.5) < 0.005)
            #expect(abs(m.variance - 1.0 / 12) < 0.002)
        }
    }

    /// Standard normal: mean 0, variance 1, skewness 0, kurtosis 3 (standard errors for
    /// n = 100,000: 0.003, 0.0045, 0.008, 0.015).
    @Test func normalHasStandardMoments() {
        var stream = RandomStream(seed: 2, name: "normal")
        let m = Self.moments((0..<100_000).map { _ in stream.normal() })
        #expect(abs(m.mean) < 0.015)
        #expect(abs(m.variance - 1) < 0.025)
        #expect(abs(m.skewness) < 0.04)
        #expect(abs(m.kurtosis - 3) < 0.08)
    }

    /// Truncated at ±2 by redrawing: variance 0.87962566² ≈ 0.77374 (that of a unit normal
    /// truncated to [−2, 2]).
    @Test func truncatedNormalStaysWithinTwo() {
        var stream = RandomStream(seed: 3, name: "truncated")
        let values = (0..<100_000).map { _ in stream.truncatedNormal() }
        #expect(values.allSatisfy { abs($0) <= 2 })
        let m = Self.moments(values)
        #expect(abs(m.mean) < 0.012)
        #expect(abs(m.variance - 0.87962566103423978 * 0.87962566103423978) < 0.015)
    }

    @Test(arguments: [0, 1, 2, 10, 1000])
    func permutationIsAPermutation(_ n: Int) {
        var stream = RandomStream(seed: 4, name: "permutation")
        let p = stream.permutation(n)
        #expect(p.count == n)
        #expect(p.sorted() == Array(0..<n))
        var again = RandomStream(seed: 4, name: "permutation")
        #expect(again.permutation(n) == p)
    }

    /// Every order of three elements is equally likely: 6,000 shuffles give each of the six
    /// orders 1,000 ± 150 times (the standard deviation is about 29).
    @Test func permutationsAreUniform() {
        var stream = RandomStream(seed: 5, name: "fisher-yates")
        var counts: [[Int]: Int] = [:]
        for _ in 0..<6000 { counts[stream.permutation(3), default: 0] += 1 }
        #expect(counts.count == 6)
        #expect(counts.values.allSatisfy { abs($0 - 1000) < 150 })
    }

    @Test func differentNamesShuffleDifferently() {
        var a = RandomStream(seed: 9, name: "shuffle/epoch/0"), b = RandomStream(seed: 9, name: "shuffle/epoch/1")
        #expect(a.permutation(100) != b.permutation(100))
    }
}
