#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Vectorised transcendental functions over Float32 buffers: 8 lanes (one AVX register) at a
/// time, so that no element costs a libm call. Each is pinned, lane for lane and bit for bit, to
/// the plain one-Float version in `VectorMath+Reference.swift`. Accurate to 1 ulp (exp), 3 ulp
/// (sigmoid, log1p), 4 ulp (softplus), and 1.5e-7 (tanh) or 7e-7 (erf) absolute (the bounds
/// VectorMathTests states), which the gradient checks and Keras comparisons tolerate. Only
/// operations that LLVM lowers to vector instructions are used: the standard library's
/// `clamped`, `min`/`max` and `squareRoot` on SIMD types go lane by lane (the last through
/// `sqrtf` for `errno`), so clamping is written with `replacing(with:where:)` and the square
/// root is the instruction.
enum VectorMath {
    typealias V = SIMD8<Float>

    /// e^x per lane (Cephes' expf: x = n·ln2 + r, a degree-6 polynomial for e^r, 2^n by
    /// exponent bits). Inputs are clamped to the range where Float32 neither overflows nor
    /// becomes denormal, which also maps −∞ to ~0 and keeps NaN out of the bit tricks.
    @inline(__always)
    static func exp(_ x: V) -> V {
        let low = V(repeating: -87.33654), high = V(repeating: 88.72283)
        var x = x.replacing(with: low, where: x .< low)
        x = x.replacing(with: high, where: x .> high)
        let n = (x * 1.44269504088896341 + 0.5).rounded(.down)
        x = x - n * 0.693359375
        x = x + n * 2.12194440e-4
        var p = V(repeating: 1.9875691500e-4)
        p = p * x + 1.3981999507e-3
        p = p * x + 8.3334519073e-3
        p = p * x + 4.1665795894e-2
        p = p * x + 1.6666665459e-1
        p = p * x + 5.0000001201e-1
        let xx = x * x
        let y = p * xx + x + one
        // n is integral and small: adding 1.5·2²³ puts it in the low mantissa bits.
        let integer = unsafeBitCast(n + 12_582_912, to: SIMD8<Int32>.self) &- 0x4B40_0000
        let bits = (integer &+ 127) &<< 23
        return y * unsafeBitCast(bits, to: V.self)
    }

    static let one = V(repeating: 1), two = V(repeating: 2), zero = V()

    /// |x| per lane.
    @inline(__always)
    static func abs(_ x: V) -> V { x.replacing(with: -x, where: x .< zero) }

    /// 1 / (1 + e^−x).
    @inline(__always)
    static func sigmoid(_ x: V) -> V { one / (one + exp(-x)) }

    /// tanh through e^−2|x|, with the sign put back (1 − e cancels near 0: the error is ~1e-7
    /// absolute there, not relative).
    @inline(__always)
    static func tanh(_ x: V) -> V {
        let e = exp(-two * abs(x))
        let t = (one - e) / (one + e)
        return t.replacing(with: -t, where: x .< zero)
    }

    /// erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7 in exact arithmetic; in Float32,
    /// 1 − p·t·e^−x² cancels near 0 and the error reaches 6.6e-7, at x ≈ ±0.04).
    @inline(__always)
    static func erf(_ x: V) -> V {
        let a = abs(x)
        let t = one / (one + 0.3275911 * a)
        var p = V(repeating: 1.061405429)
        p = p * t - 1.453152027
        p = p * t + 1.421413741
        p = p * t - 0.284496736
        p = p * t + 0.254829592
        let y = one - p * t * exp(-(a * a))
        return y.replacing(with: -y, where: x .< zero)
    }

    /// log(1 + e^x), stable for large |x|.
    @inline(__always)
    static func softplus(_ x: V) -> V {
        // log1p(e^−|x|) + max(x, 0); log via the identity log(1+u) for u in (0, 1].
        let u = exp(-abs(x))
        return log1p(u) + x.replacing(with: zero, where: x .< zero)
    }

    /// log(1 + u) for u in [0, 1], through log(1+u) = 2·atanh(u / (2+u)): s = u/(2+u) ≤ 1/3,
    /// so the odd series of atanh converges fast (error < 2e-8 by the s¹⁵ term).
    @inline(__always)
    static func log1p(_ u: V) -> V {
        let s = u / (two + u)
        let s2 = s * s
        var p = V(repeating: 1.0 / 13)
        p = p * s2 + 1.0 / 11
        p = p * s2 + 1.0 / 9
        p = p * s2 + 1.0 / 7
        p = p * s2 + 1.0 / 5
        p = p * s2 + 1.0 / 3
        p = p * s2 + one
        return two * s * p
    }

    /// √x per lane, exactly rounded (the `sqrtps` instruction on x86-64: one AVX register on
    /// x86-64-v3, two SSE registers on the baseline).
    @inline(__always)
    static func sqrt(_ x: V) -> V {
        #if arch(x86_64) && LABBOOK_X86_64_V3
        return _mm256_sqrt_ps(x)
        #elseif arch(x86_64)
        return V(lowHalf: _mm_sqrt_ps(x.lowHalf), highHalf: _mm_sqrt_ps(x.highHalf))
        #else
        var r = x
        for i in 0..<V.scalarCount { r[i] = x[i].squareRoot() }
        return r
        #endif
    }

    /// Applies an 8-lane function to every element of `source`, writing `destination`
    /// (which may be the same buffer); the tail is padded through one partial vector.
    @inline(__always)
    static func map(
        _ source: UnsafePointer<Float>, _ destination: UnsafeMutablePointer<Float>, count: Int,
        _ f: (V) -> V
    ) {
        var i = 0
        while i + V.scalarCount <= count {
            let v = UnsafeRawPointer(source + i).loadUnaligned(as: V.self)
            UnsafeMutableRawPointer(destination + i).storeBytes(of: f(v), as: V.self)
            i += V.scalarCount
        }
        if i < count {
            var v = V()
            for j in 0..<(count - i) { v[j] = source[i + j] }
            let r = f(v)
            for j in 0..<(count - i) { destination[i + j] = r[j] }
        }
    }
}

extension SIMD8 where Scalar == Float {
    /// The 8 floats at `pointer` (any alignment).
    @inline(__always)
    init(loading pointer: UnsafePointer<Float>) {
        self = UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
    }

    /// The 8 floats at `pointer` (any alignment).
    @inline(__always)
    init(loading pointer: UnsafeMutablePointer<Float>) {
        self.init(loading: UnsafePointer(pointer))
    }

    /// Writes the 8 lanes at `pointer` (any alignment).
    @inline(__always)
    func store(to pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: SIMD8<Float>.self)
    }
}
