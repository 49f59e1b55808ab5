/// Axis ticks at "nice" values: whole multiples of 1, 2 or 5 times a power of ten.
///
/// The step is the smallest nice number that keeps at most `maxCount` ticks inside
/// `lower...upper`, so (0, 1) gives 0, 0.2, …, 1 and (0.3, 0.92) gives 0.3, 0.4, …, 0.9.
/// Values and labels come from integers (tick `k` is `k·m·10ᵉ`), so they carry no float noise:
/// the label is "0.3", never "0.30000000000000004".
struct NiceTicks: Equatable {
    /// Tick positions, ascending, all within the range.
    let values: [Double]
    /// The labels of `values`, all with the same number of decimals (matplotlib's "0.0 0.2 0.4").
    let labels: [String]

    /// Ticks for `lower...upper`; `integer` keeps the step a whole number (epochs, pixel indices).
    /// A range that is empty, reversed or not finite has no ticks; a single value has one.
    init(lower: Double, upper: Double, maxCount: Int = 8, integer: Bool = false) {
        guard lower.isFinite, upper.isFinite, lower <= upper, maxCount >= 2 else {
            self.values = []
            self.labels = []
            return
        }
        let span = upper - lower
        // With the step at least span/(maxCount-1), at most maxCount multiples fit in the range.
        let minStep = span > 0 ? span / Double(maxCount - 1) : max(abs(lower), 1)
        guard minStep.isFinite, minStep > 1e-300 else {
            self.values = []
            self.labels = []
            return
        }
        var exponent = decadeExponent(of: minStep)
        var multiple = [1, 2, 5, 10].first { Double($0) * pow10(exponent) >= minStep * (1 - 1e-12) } ?? 10
        if multiple == 10 {
            multiple = 1
            exponent += 1
        }
        if integer && exponent < 0 {
            multiple = 1
            exponent = 0
        }
        let step = Double(multiple) * pow10(exponent)
        let first = (lower / step - 1e-9).rounded(.up), last = (upper / step + 1e-9).rounded(.down)
        // Beyond 2⁵³ consecutive multiples are no longer distinct doubles.
        guard abs(first) < 9e15, abs(last) < 9e15, first <= last else {
            self.values = []
            self.labels = []
            return
        }
        let units = (Int(first)...Int(last)).map { $0 * multiple }
        self.values = units.map { NiceTicks.value(units: $0, exponent: exponent) }
        self.labels = units.map { NiceTicks.label(units: $0, exponent: exponent) }
    }

    /// `units · 10^exponent`, exact to the nearest double (division by an exact power of ten).
    private static func value(units: Int, exponent: Int) -> Double {
        exponent >= 0 ? Double(units) * pow10(exponent) : Double(units) / pow10(-exponent)
    }

    /// `units · 10^exponent` written out with `-exponent` decimals and a true minus sign, or as
    /// `2.5e300` when the step is beyond a million or below a millionth.
    private static func label(units: Int, exponent: Int) -> String {
        guard units != 0 || exponent < 0 else { return "0" }
        let sign = units < 0 ? "\u{2212}" : ""
        var magnitude = units.magnitude
        if abs(exponent) > 6 {
            guard magnitude != 0 else { return "0" }
            var power = exponent
            while magnitude % 10 == 0 {
                magnitude /= 10
                power += 1
            }
            let digits = String(magnitude)
            let mantissa = digits.count == 1 ? digits : digits.prefix(1) + "." + digits.dropFirst()
            return sign + mantissa + "e\(power + digits.count - 1)"
        }
        if exponent >= 0 { return sign + String(magnitude) + String(repeating: "0", count: exponent) }
        let digits = String(magnitude)
        let decimals = -exponent
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        return sign + padded.dropLast(decimals) + "." + padded.suffix(decimals)
    }
}

/// The range an axis shows for `values`: their finite extent widened by `margin` of its span on
/// each side (matplotlib's 5 % margins), or a fixed `limits`. A single value is widened to a
/// small span around it; no finite value at all gives 0...1.
func axisRange(of values: [Double], limits: ClosedRange<Double>? = nil, margin: Double = 0.05) -> ClosedRange<Double> {
    if let limits, limits.lowerBound.isFinite, limits.upperBound.isFinite {
        return nonsingular(limits.lowerBound, limits.upperBound)
    }
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return 0...1 }
    let widened = nonsingular(low, high)
    let pad = (widened.upperBound - widened.lowerBound) * margin
    return (widened.lowerBound - pad)...(widened.upperBound + pad)
}

/// `low...high`, widened around the value when `low == high` so that the range has a span.
private func nonsingular(_ low: Double, _ high: Double) -> ClosedRange<Double> {
    guard high > low else {
        let delta = low == 0 ? 1 : abs(low) * 0.1
        return (low - delta)...(low + delta)
    }
    return low...high
}

/// The `e` with 10ᵉ ≤ `x` < 10ᵉ⁺¹, for a positive finite `x`.
private func decadeExponent(of x: Double) -> Int {
    var exponent = 0
    while pow10(exponent) > x { exponent -= 1 }
    while pow10(exponent + 1) <= x { exponent += 1 }
    return exponent
}

private func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent >= 0 ? result : 1 / result
}
