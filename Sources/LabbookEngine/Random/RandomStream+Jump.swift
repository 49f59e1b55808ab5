import Foundation

/// Jumping a stream ahead by any number of draws in a few hundred steps, so that the draws of
/// one stream can be made by several threads at once, each from its own offset, and be the
/// draws (and leave the stream where) one thread drawing them all would.
///
/// xoshiro256's state transition T is linear over GF(2), and its characteristic polynomial P
/// has degree 256, so T^N = J(T) with J(x) = x^N mod P(x): the state N draws ahead is the sum
/// (XOR) of the states T^i(s) for the coefficients of J that are 1 (Blackman & Vigna's `jump`,
/// for which J is x^(2^128) mod P; here any N).
extension RandomStream {
    /// This stream as it will be after `draws` calls of `next()`.
    public func advanced(by draws: Int) -> RandomStream {
        precondition(draws >= 0, "a stream cannot jump backwards")
        if draws < JumpPolynomial.stepThreshold {
            var stream = self
            for _ in 0..<draws { _ = stream.next() }
            return stream
        }
        return advanced(by: JumpPolynomial.power(draws))
    }

    /// The state J(T)(s): for each coefficient of J, the current state is added when it is 1,
    /// then the stream steps.
    func advanced(by jump: JumpPolynomial) -> RandomStream {
        var stream = self, sum: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for word in 0..<4 {
            let bits = jump.words[word]
            for bit in 0..<64 {
                if bits >> UInt64(bit) & 1 == 1 {
                    sum.0 ^= stream.state.0
                    sum.1 ^= stream.state.1
                    sum.2 ^= stream.state.2
                    sum.3 ^= stream.state.3
                }
                _ = stream.next()
            }
        }
        stream.state = sum
        return stream
    }
}

/// A polynomial over GF(2) of degree below 256 (the coefficient of x^i is bit i % 64 of word
/// i / 64), reduced modulo the characteristic polynomial of xoshiro256's transition.
struct JumpPolynomial: Equatable {
    var words: SIMD4<UInt64>

    /// Below this many draws, stepping is cheaper than jumping (a jump is 256 steps).
    static let stepThreshold = 512

    /// P(x) = x^256 + `low`: its coefficients below x^256, found once from the generator itself.
    static let low: SIMD4<UInt64> = characteristicPolynomial()

    /// x^(2^i) mod P for i in 0..<63: x^N is the product of those of N's binary digits.
    static let squares: [JumpPolynomial] = {
        var table = [JumpPolynomial(words: SIMD4(2, 0, 0, 0))]
        for _ in 1..<63 { table.append(table[table.count - 1].times(table[table.count - 1])) }
        return table
    }()

    /// x^n mod P; the ones a training run asks for are kept (they recur every batch).
    static func power(_ n: Int) -> JumpPolynomial {
        cacheLock.lock()
        if let known = cache[n] {
            cacheLock.unlock()
            return known
        }
        cacheLock.unlock()
        var result = JumpPolynomial(words: SIMD4(1, 0, 0, 0))
        for i in 0..<63 where n >> i & 1 == 1 { result = result.times(squares[i]) }
        cacheLock.lock()
        if cache.count >= 256 { cache.removeAll() }
        cache[n] = result
        cacheLock.unlock()
        return result
    }

    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var cache: [Int: JumpPolynomial] = [:]

    /// self · other mod P: shift and add, other multiplied by x (and reduced) at each bit.
    func times(_ other: JumpPolynomial) -> JumpPolynomial {
        var sum = SIMD4<UInt64>(repeating: 0), term = other.words
        for word in 0..<4 {
            let bits = words[word]
            for bit in 0..<64 {
                if bits >> UInt64(bit) & 1 == 1 { sum ^= term }
                let carry = term[3] >> 63
                term = term &<< 1 | SIMD4(0, term[0] >> 63, term[1] >> 63, term[2] >> 63)
                if carry == 1 { term ^= Self.low }
            }
        }
        return JumpPolynomial(words: sum)
    }

    /// Berlekamp–Massey on 512 successive values of one state bit: their shortest linear
    /// recurrence is the transition's minimal polynomial, which for a generator of period
    /// 2²⁵⁶ − 1 is the characteristic polynomial, of degree 256.
    private static func characteristicPolynomial() -> SIMD4<UInt64> {
        let n = 512
        var stream = RandomStream(seed: 1, name: "jump")
        var bits = [UInt8](repeating: 0, count: n)
        for i in 0..<n {
            bits[i] = UInt8(stream.state.0 & 1)
            _ = stream.next()
        }
        // connection polynomial C(x) = 1 + c₁x + … + c_L x^L: bits[i] = Σ c_j bits[i − j]
        var c = [UInt8](repeating: 0, count: n + 1), b = c
        c[0] = 1
        b[0] = 1
        var length = 0, shift = 1
        for i in 0..<n {
            var d = bits[i]
            if length > 0 { for j in 1...length { d ^= c[j] & bits[i - j] } }
            if d == 0 {
                shift += 1
                continue
            }
            let previous = c
            for j in 0...(n - shift) where b[j] == 1 { c[j + shift] ^= 1 }
            if 2 * length <= i {
                length = i + 1 - length
                b = previous
                shift = 1
            } else {
                shift += 1
            }
        }
        precondition(length == 256, "xoshiro256's characteristic polynomial has degree 256")
        // P(x) = x^256 C(1/x): the coefficient of x^i is c_{256 − i}.
        var low = SIMD4<UInt64>(repeating: 0)
        for i in 0..<256 where c[256 - i] == 1 { low[i / 64] |= 1 << UInt64(i % 64) }
        return low
    }
}
