import Foundation

/// A named stream of random numbers. Every stream is derived from the session's seed and a
/// stable name ("init/dense_1/kernel", "shuffle/epoch/3"), never drawn from one shared
/// generator, so adding a print or a model elsewhere does not change this stream's numbers.
/// The generator is xoshiro256** (Blackman & Vigna), seeded through SplitMix64.
public struct RandomStream: RandomNumberGenerator, Sendable {
    /// The generator's 256 bits (read and set by the jump ahead, RandomStream+Jump.swift).
    var state: (UInt64, UInt64, UInt64, UInt64)

    /// The stream called `name` under `seed`.
    public init(seed: UInt64, name: String) {
        var mix = seed ^ RandomStream.fnv1a(name)
        func next() -> UInt64 {
            mix &+= 0x9E37_79B9_7F4A_7C15
            var z = mix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (next(), next(), next(), next())
    }

    /// The stream standing at `state` (a lane of ``RandomLanes``, a jump's sum).
    init(state: (UInt64, UInt64, UInt64, UInt64)) { self.state = state }

    /// FNV-1a over the UTF-8 bytes: stable across runs, unlike `Hasher`.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    public mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotate(state.3, 45)
        return result
    }

    @inline(__always)
    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform in [0, 1) with 24 random bits (every Float32 step equally likely).
    public mutating func uniform() -> Float { Float(next() >> 40) * 0x1p-24 }

    /// Uniform in [0, 1) with 53 bits.
    public mutating func uniformDouble() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A standard normal draw (Box–Muller on Float64, one value per call so that the stream's
    /// position never depends on an even count of draws).
    public mutating func normal() -> Double {
        var u = uniformDouble()
        while u <= .leastNormalMagnitude { u = uniformDouble() }
        let v = uniformDouble()
        return (-2 * ScalarMath.log(u)).squareRoot() * ScalarMath.cosPi(2 * v)
    }

    /// A normal draw truncated to ±2 standard deviations by redrawing, as
    /// `keras.random.truncated_normal` does.
    public mutating func truncatedNormal() -> Double {
        while true {
            let z = normal()
            if abs(z) <= 2 { return z }
        }
    }

    /// A uniformly random permutation of `0..<n` (Fisher–Yates).
    public mutating func permutation(_ n: Int) -> [Int] {
        var indices = Array(0..<n)
        if n > 1 {
            for i in stride(from: n - 1, to: 0, by: -1) {
                let j = Int(next() % UInt64(i + 1))
                indices.swapAt(i, j)
            }
        }
        return indices
    }
}

