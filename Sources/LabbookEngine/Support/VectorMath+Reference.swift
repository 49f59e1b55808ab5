/// The plain implementations the 8-lane functions are pinned to: the same formulas, in the same
/// IEEE operations and the same order, one Float at a time. Nothing is fused or reassociated on
/// either side, so every lane of a `VectorMath` function equals its reference bit for bit (NaN
/// inputs aside, whose payload the two need not keep alike).
///
/// A SIMD vector's prefix `-` is the subtraction `0 − x` (the standard library defines it so),
/// which turns +0 into +0 where a Float's negation gives −0; the references write `0 - x` where
/// the lanes negate, so that the sign of a zero result is the lanes' too (tanh and erf of a
/// negative input too small to move their formula give +0).
extension VectorMath {
    enum Reference {
        /// `VectorMath.exp`: clamp, x = n·ln2 + r, Cephes' polynomial, 2^n by exponent bits.
        static func exp(_ x: Float) -> Float {
            var x = x
            if x < -87.33654 { x = -87.33654 }
            if x > 88.72283 { x = 88.72283 }
            let n = (x * 1.44269504088896341 + 0.5).rounded(.down)
            x = x - n * 0.693359375
            x = x + n * 2.12194440e-4
            var p: Float = 1.9875691500e-4
            p = p * x + 1.3981999507e-3
            p = p * x + 8.3334519073e-3
            p = p * x + 4.1665795894e-2
            p = p * x + 1.6666665459e-1
            p = p * x + 5.0000001201e-1
            let xx = x * x
            let y = p * xx + x + 1
            let integer = Int32(bitPattern: (n + 12_582_912).bitPattern) &- 0x4B40_0000
            return y * Float(bitPattern: UInt32(bitPattern: (integer &+ 127) &<< 23))
        }

        /// |x| as the lanes take it: 0 − x when below zero (so −0 stays −0, unlike `Swift.abs`).
        static func abs(_ x: Float) -> Float { x < 0 ? 0 - x : x }

        /// `VectorMath.sigmoid`: 1 / (1 + e^−x).
        static func sigmoid(_ x: Float) -> Float { 1 / (1 + exp(0 - x)) }

        /// `VectorMath.tanh`: (1 − e^−2|x|) / (1 + e^−2|x|), with the sign of x.
        static func tanh(_ x: Float) -> Float {
            let e = exp(-2 * abs(x))
            let t = (1 - e) / (1 + e)
            return x < 0 ? 0 - t : t
        }

        /// `VectorMath.erf`: Abramowitz & Stegun 7.1.26.
        static func erf(_ x: Float) -> Float {
            let a = abs(x)
            let t = 1 / (1 + 0.3275911 * a)
            var p: Float = 1.061405429
            p = p * t - 1.453152027
            p = p * t + 1.421413741
            p = p * t - 0.284496736
            p = p * t + 0.254829592
            let y = 1 - p * t * exp(0 - a * a)
            return x < 0 ? 0 - y : y
        }

        /// `VectorMath.softplus`: log1p(e^−|x|) + max(x, 0).
        static func softplus(_ x: Float) -> Float {
            let u = exp(0 - abs(x))
            return log1p(u) + (x < 0 ? 0 : x)
        }

        /// `VectorMath.log1p`: 2·atanh(u / (2+u)) by its odd series to s¹³.
        static func log1p(_ u: Float) -> Float {
            let s = u / (2 + u)
            let s2 = s * s
            var p: Float = 1.0 / 13
            p = p * s2 + 1.0 / 11
            p = p * s2 + 1.0 / 9
            p = p * s2 + 1.0 / 7
            p = p * s2 + 1.0 / 5
            p = p * s2 + 1.0 / 3
            p = p * s2 + 1
            return 2 * s * p
        }

        /// `VectorMath.sqrt`: the exactly rounded square root.
        static func sqrt(_ x: Float) -> Float { x.squareRoot() }

        /// `VectorMath.map`: `f` on every element, the last ones included, and nothing past `count`.
        static func map(_ source: UnsafePointer<Float>, _ destination: UnsafeMutablePointer<Float>, count: Int,
                        _ f: (Float) -> Float) {
            for i in 0..<count { destination[i] = f(source[i]) }
        }
    }
}
