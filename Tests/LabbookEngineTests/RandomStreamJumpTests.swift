import Testing
@testable import LabbookEngine

/// Jumping a stream ahead (RandomStream+Jump.swift) lands exactly where stepping does, so that
/// draws made from several offsets at once are the draws of one stream.
@Suite struct RandomStreamJumpTests {
    /// Blackman & Vigna's published jumps for xoshiro256 are x^(2^128) and x^(2^192) modulo its
    /// characteristic polynomial (`JUMP` and `LONG_JUMP` in xoshiro256starstar.c): the
    /// polynomial found by Berlekamp–Massey gives the same words.
    @Test func squaringGivesThePublishedJumpPolynomials() {
        var power = JumpPolynomial(words: SIMD4(2, 0, 0, 0))
        for _ in 0..<128 { power = power.times(power) }
        #expect(power.words == SIMD4(0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C, 0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C))
        for _ in 0..<64 { power = power.times(power) }
        #expect(power.words == SIMD4(0x76E1_5D3E_FEFD_CBBF, 0xC500_4E44_1C52_2FB3, 0x7771_0069_854E_E241, 0x3910_9BB0_2ACB_E635))
    }

    /// Jumps below the step threshold, at it, and far beyond (several binary digits, odd and
    /// even) give the stream that many `next()` calls give, and the same draws after it.
    @Test(arguments: [0, 1, 7, 511, 512, 513, 1000, 4096, 65_537, 300_001])
    func jumpingLandsWhereSteppingDoes(_ draws: Int) {
        let start = RandomStream(seed: 11, name: "jump/\(draws)")
        var stepped = start
        for _ in 0..<draws { _ = stepped.next() }
        var jumped = start.advanced(by: draws)
        let expected = (0..<4).map { _ in stepped.next() }, got = (0..<4).map { _ in jumped.next() }
        #expect(got == expected, "\(draws) draws ahead")
    }

    /// Eight lanes jumped to eight offsets draw, lane by lane, what the stream draws from each
    /// offset on, and hand each lane back as a stream standing where it stands.
    @Test func randomLanesDrawTheStreamFromEachOffset() {
        let start = RandomStream(seed: 15, name: "lanes")
        // The first lane steps (7 draws), the others jump, by odd and even distances.
        let first = 7, stretch = 40_001
        let offsets = (0..<8).map { first + $0 * stretch }
        var lanes = RandomLanes(start, first: first, stretch: stretch)
        let draws = (0..<100).map { _ in lanes.next() }
        for (lane, offset) in offsets.enumerated() {
            var stepped = start
            for _ in 0..<offset { _ = stepped.next() }
            let expected = (0..<100).map { _ in stepped.next() }
            let got = draws.map { $0[lane] }
            let first = got.indices.first { got[$0] != expected[$0] }
            #expect(first == nil, "lane \(lane) (offset \(offset)) differs from draw \(first ?? -1) on")
            var handed = lanes.lane(lane)
            #expect(handed.next() == stepped.next(), "lane \(lane) is handed back elsewhere")
        }
    }

    /// Jumps compose: a jump of a + b is a jump of a then of b.
    @Test func jumpsCompose() {
        let start = RandomStream(seed: 12, name: "compose")
        var once = start.advanced(by: 123_456 + 654_321), twice = start.advanced(by: 123_456).advanced(by: 654_321)
        #expect(once.next() == twice.next())
    }

    /// The dropout mask split over threads is the mask drawn in one go: value i is kept when the
    /// stream's i-th draw is below 1 − rate, and the stream ends where one pass leaves it.
    /// (Rates whose 1 − rate times 2²⁴ is an integer, and not: the mask compares integers.)
    /// The sizes cover masks too short for ``RandomLanes`` (below 8 × 256 values a range), at
    /// the shortest lane stretch, and long ones whose last lane runs on through a tail of every
    /// kind (none, under a block, several blocks and a part).
    @Test(arguments: [1, 2, 3, 4], [0.1, 0.3, 0.5, 0.75])
    func dropoutMaskIsTheStreamsDrawsOnAnyThreadCount(_ threads: Int, _ rate: Double) throws {
        for count in [3 * 1017, 2047, 2048, 2049, 2048 + 511, 8 * 64 * 9 + 200, 70_001] {
            try checkMask(threads: threads, rate: rate, count: count)
        }
    }

    /// Value i of the output is x·scale when the stream's i-th draw is below 1 − rate, else x·0.
    private func checkMask(threads: Int, rate: Double, count: Int) throws {
        let saved = Parallel.workers
        defer { Parallel.workers = saved }
        Parallel.workers = threads
        let layer = try Dropout(rate)
        layer.stream = RandomStream(seed: 13, name: "mask")
        var expected = layer.stream
        let values = (0..<count).map { Float($0 % 97) - 48.5 }
        let x = try Tensor(values, shape: [count])
        let y = try Parallel.splittingEverything { try layer.forward(x, training: true) }.scalars
        let keep = Float(1 - rate), scale = 1 / keep
        let wrong = y.indices.filter { y[$0] != values[$0] * (expected.uniform() < keep ? scale : 0) }
        #expect(wrong.count == 0, "\(threads) threads, rate \(rate), \(count) values: \(wrong.count) values differ, first at \(wrong.first ?? -1)")
        #expect(layer.stream.next() == expected.next(), "\(threads) threads, rate \(rate), \(count) values: the stream ends elsewhere")
        let dy = layer.backward(x, needsInputGradient: true).map { $0.scalars }
        #expect(dy == y, "\(threads) threads, rate \(rate), \(count) values: the gradient of x is not the output")
    }

    /// The mask's integer threshold is `uniform() < keep` at its boundary: the last 24-bit draw
    /// below it passes, the first at it fails, for keeps that are and are not multiples of 2⁻²⁴.
    @Test func maskThresholdIsTheUniformComparison() {
        var stream = RandomStream(seed: 14, name: "keeps")
        let keeps: [Float] = [0.5, 0.7, 0.9, 1, 0x1p-24, 0.1, 0.3, 0.2, 0.001, 0x1p-30]
            + (0..<1000).map { _ in Float(1 - stream.uniformDouble()) }
        let wrong = keeps.filter { keep in
            let below = Dropout.keptBelow(keep)
            return below == 0 || !(Float(below - 1) * 0x1p-24 < keep) || Float(below) * 0x1p-24 < keep
        }
        #expect(wrong.count == 0, "thresholds off for keeps \(wrong.prefix(5))")
    }
}
