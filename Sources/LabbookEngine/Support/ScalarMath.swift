/// The engine's own scalar `exp`, `log`, `log1p`, `pow`, `erf` and `cos(π·x)`, in plain
/// Float64 additions and multiplications (no fused operation, no table, no branch on the
/// processor), so that they give the same bits on every machine and with every C library.
/// glibc picks an FMA or an SSE variant of `expf`, `logf`, `powf`, `cos` by processor, and its
/// versions differ in the last bit of some results (recent ones replaced `log1pf`, `erff` and
/// others by correctly rounded code): a weight initialized through libm's `log` could differ between a
/// teacher's machine and a student's. Accuracy: a few ulp of Float64, which rounds to the
/// nearest Float32 for all but the rarest inputs; the Float32 entry points compute in Float64.
public enum ScalarMath {
    private static let ln2Hi = 6.93147180369123816490e-01  // 32 bits: k·ln2Hi is exact for |k| < 2²⁰
    private static let ln2Lo = 1.90821492927058770002e-10
    private static let log2e = 1.44269504088896338700e+00
    private static let sqrt2 = 1.41421356237309504880

    /// e^x.
    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.782712893384 { return .infinity }
        if x < -745.1332191019412 { return 0 }
        // x = k·ln2 + r with |r| ≤ ln2/2; e^r by its Taylor series to r¹⁴/14! (< 2⁻⁶⁰ left), by
        // Horner from the highest term, the coefficients 1/n! written out (each the previous
        // divided by n, rounded: the values the tests pin).
        let k = (x * log2e).rounded(.toNearestOrEven)
        let r = (x - k * ln2Hi) - k * ln2Lo
        var p = 0x1.93974a8c07c9dp-37     // 1/14!
        p = p * r + 0x1.6124613a86d0ap-33 // 1/13!
        p = p * r + 0x1.1eed8eff8d898p-29
        p = p * r + 0x1.ae64567f544e4p-26
        p = p * r + 0x1.27e4fb7789f5dp-22
        p = p * r + 0x1.71de3a556c734p-19
        p = p * r + 0x1.a01a01a01a01ap-16
        p = p * r + 0x1.a01a01a01a01ap-13
        p = p * r + 0x1.6c16c16c16c17p-10
        p = p * r + 0x1.1111111111111p-7
        p = p * r + 0x1.5555555555555p-5
        p = p * r + 0x1.5555555555555p-3
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        return Double(sign: .plus, exponent: Int(k), significand: p)
    }

    /// The natural logarithm (NaN below 0, −∞ at 0).
    public static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return x }
        // x = 2^e·m with m in [√½, √2]; log m = 2·atanh(s), s = (m−1)/(m+1), |s| ≤ 0.172.
        var e = Double(x.exponent)
        var m = x.significand
        if m > sqrt2 {
            m /= 2
            e += 1
        }
        let f = m - 1
        let s = f / (2 + f)
        let s2 = s * s
        // The odd series of atanh by Horner from s²⁴/25 down to s²/3: 1/25, 1/23, … 1/3.
        var p = 0x1.47ae147ae147bp-5      // 1/25
        p = p * s2 + 0x1.642c8590b2164p-5 // 1/23
        p = p * s2 + 0x1.8618618618618p-5
        p = p * s2 + 0x1.af286bca1af28p-5
        p = p * s2 + 0x1.e1e1e1e1e1e1ep-5
        p = p * s2 + 0x1.1111111111111p-4
        p = p * s2 + 0x1.3b13b13b13b14p-4
        p = p * s2 + 0x1.745d1745d1746p-4
        p = p * s2 + 0x1.c71c71c71c71cp-4
        p = p * s2 + 0x1.2492492492492p-3
        p = p * s2 + 0x1.999999999999ap-3
        p = p * s2 + 0x1.5555555555555p-2 // 1/3
        let logM = 2 * s + 2 * s * (s2 * p)
        return e * ln2Hi + (logM + e * ln2Lo)
    }

    /// log(1 + x), accurate for small x (Goldberg: log(u)·x/(u−1) with u = 1 + x rounded).
    public static func log1p(_ x: Double) -> Double {
        let u = 1 + x
        if u == 1 { return x }
        if u == .infinity { return u }
        return log(u) * (x / (u - 1))
    }

    /// x^y for x ≥ 0 (and integral y for negative x), through e^(y·log x).
    public static func pow(_ x: Double, _ y: Double) -> Double {
        if y == 0 { return 1 }
        if x.isNaN || y.isNaN { return .nan }
        if x < 0 {
            guard y == y.rounded(.towardZero) else { return .nan }
            let magnitude = pow(-x, y)
            return (y / 2).rounded(.towardZero) == y / 2 ? magnitude : -magnitude
        }
        if x == 0 { return y > 0 ? 0 : .infinity }
        return exp(y * log(x))
    }

    /// cos(π·x), with the reduction done exactly on x (cos(2π·v) is `cosPi(2 * v)`).
    public static func cosPi(_ x: Double) -> Double {
        guard x.isFinite else { return .nan }
        var t = abs(x).truncatingRemainder(dividingBy: 2)  // exact
        if t > 1 { t = 2 - t }                              // exact (Sterbenz)
        var sign = 1.0
        if t > 0.5 {
            t = 1 - t
            sign = -1
        }
        // t in [0, ½]: cos(πt) directly up to ¼, sin(π(½ − t)) beyond; both arguments ≤ π/4.
        if t <= 0.25 { return sign * cosine(Double.pi * t) }
        return sign * sine(Double.pi * (0.5 - t))
    }

    /// cos t for |t| ≤ π/4, its Taylor series to t¹⁸/18!.
    private static func cosine(_ t: Double) -> Double {
        let t2 = t * t
        var p = 1.0
        for n in stride(from: 18, through: 2, by: -2) { p = 1 - p * t2 / Double(n * (n - 1)) }
        return p
    }

    /// sin t for |t| ≤ π/4, its Taylor series to t¹⁹/19!.
    private static func sine(_ t: Double) -> Double {
        let t2 = t * t
        var p = 1.0
        for n in stride(from: 19, through: 3, by: -2) { p = 1 - p * t2 / Double(n * (n - 1)) }
        return t * p
    }

    /// erf x in Float32: its Taylor series in Float64 below |x| = 4 (cancellation costs less
    /// than 10⁻⁹ there), ±1 from there, where erfc(x) < 1.6·10⁻⁸ is under half a Float32 step.
    public static func erf(_ x: Float) -> Float {
        if x.isNaN { return x }
        let a = Double(abs(x))
        if a >= 4 { return x < 0 ? -1 : 1 }
        // erf x = 2/√π · Σ (−1)ⁿ x²ⁿ⁺¹ / (n!(2n+1)).
        let a2 = a * a
        var term = a, sum = a
        var n = 1
        while n < 100 {
            term *= -a2 / Double(n)
            let contribution = term / Double(2 * n + 1)
            sum += contribution
            if abs(contribution) < 1e-18 * abs(sum) { break }
            n += 1
        }
        let value = Float(min(1, sum * 1.12837916709551257390))
        return x < 0 ? -value : value
    }

    /// e^x in Float32 (computed in Float64, rounded once).
    public static func exp(_ x: Float) -> Float { Float(exp(Double(x))) }
    /// log x in Float32.
    public static func log(_ x: Float) -> Float { Float(log(Double(x))) }
    /// log(1 + x) in Float32.
    public static func log1p(_ x: Float) -> Float { Float(log1p(Double(x))) }
    /// x^y in Float32.
    public static func pow(_ x: Float, _ y: Float) -> Float { Float(pow(Double(x), Double(y))) }
}
