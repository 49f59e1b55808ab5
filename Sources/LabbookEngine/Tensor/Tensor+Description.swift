import Foundation

/// Printing as NumPy prints with `linewidth=200`: nested brackets, one common format for every
/// element (integers right-aligned; floats with up to 8 fractional digits, the same count for
/// all, or scientific notation when the magnitudes call for it), `...` in the middle of axes
/// of tensors over 1000 elements.
extension Tensor: CustomStringConvertible {
    /// NumPy's default `threshold` and `edgeitems`, and the line width the coursework uses.
    static let summaryThreshold = 1000, edgeItems = 3, lineWidth = 200

    public var description: String {
        let summarize = count > Tensor.summaryThreshold
        let values = scalars
        let format = ElementFormat(values: sampled(values, summarize: summarize), dtype: dtype)
        if rank == 0 { return ElementFormat.scalar(values[0], dtype: dtype) }
        var out = ""
        write(axis: 0, offset: 0, indent: 1, summarize: summarize, values: values, format: format, into: &out)
        return out
    }

    /// The elements that will be printed (NumPy formats only those when summarizing).
    private func sampled(_ values: [Float], summarize: Bool) -> [Float] {
        guard summarize else { return values }
        var picked: [Float] = []
        func visit(axis: Int, offset: Int) {
            if axis == rank { picked.append(values[offset]); return }
            let stride = shape[(axis + 1)...].reduce(1, *)
            for i in shownIndices(axis: axis, summarize: true) where i >= 0 {
                visit(axis: axis + 1, offset: offset + i * stride)
            }
        }
        visit(axis: 0, offset: 0)
        return picked
    }

    /// The indices of `axis` to print; −1 stands for the `...`.
    private func shownIndices(axis: Int, summarize: Bool) -> [Int] {
        let n = shape[axis]
        if summarize && n > 2 * Tensor.edgeItems {
            return Array(0..<Tensor.edgeItems) + [-1] + Array((n - Tensor.edgeItems)..<n)
        }
        return Array(0..<n)
    }

    private func write(axis: Int, offset: Int, indent: Int, summarize: Bool, values: [Float],
                       format: ElementFormat, into out: inout String) {
        let stride = shape[(axis + 1)...].reduce(1, *)
        out += "["
        if axis == rank - 1 {
            // The innermost axis: elements separated by spaces, wrapped as NumPy's `_extendLine`
            // does: a word goes on the next line when the line (its indent, the words and their
            // separators) plus the word would pass `lineWidth − indent` (one column is kept for
            // each closing bracket), and the line left behind loses its trailing spaces.
            var lineLength = indent
            var first = true
            for i in shownIndices(axis: axis, summarize: summarize) {
                let word = i < 0 ? "..." : format.string(values[offset + i])
                if !first {
                    if lineLength + 1 + word.count > Tensor.lineWidth - indent {
                        while out.last == " " { out.removeLast() }
                        out += "\n" + String(repeating: " ", count: indent)
                        lineLength = indent
                    } else {
                        out += " "
                        lineLength += 1
                    }
                }
                out += word
                lineLength += word.count
                first = false
            }
        } else {
            let separator = String(repeating: "\n", count: rank - axis - 1)
            var first = true
            for i in shownIndices(axis: axis, summarize: summarize) {
                if !first { out += separator + String(repeating: " ", count: indent) }
                if i < 0 {
                    out += "..."
                } else {
                    write(axis: axis + 1, offset: offset + i * stride, indent: indent + 1,
                          summarize: summarize, values: values, format: format, into: &out)
                }
                first = false
            }
        }
        out += "]"
    }
}

/// One format for all the elements of a printed tensor, chosen as NumPy's `FloatingFormat`
/// (floatmode `maxprec`, precision 8) and `IntegerFormat` choose it.
struct ElementFormat {
    enum Style { case integer(width: Int), positional(digits: Int, width: Int), scientific(digits: Int, width: Int) }
    let style: Style

    /// NumPy 2 switches float32 arrays to scientific notation from 10^min(8, finfo.precision) =
    /// 1e6 (`fillFormat`), or when the smallest non-zero magnitude is under 1e-4, or when the
    /// largest is over 1000 times the smallest.
    static let scientificCutoff: Float = 1e6

    init(values: [Float], dtype: DType) {
        if dtype.isInteger {
            let width = values.map { ElementFormat.integerText($0).count }.max() ?? 1
            style = .integer(width: width)
            return
        }
        let finite = values.filter { $0.isFinite }.map { abs($0) }
        let nonzero = finite.filter { $0 != 0 }
        let maxValue = nonzero.max() ?? 0
        let minValue = nonzero.min() ?? 0
        if maxValue >= ElementFormat.scientificCutoff || (minValue > 0 && (minValue < 1e-4 || maxValue / minValue > 1e3)) {
            // Every mantissa gets the digit count of the longest (at most 8), zero-padded, and
            // the strings are right-aligned (NumPy's `pad_left` on the integer part).
            let digits = values.filter(\.isFinite).map { ElementFormat.mantissaDigits($0) }.max() ?? 0
            let width = values.map { ElementFormat.scientific($0, digits: digits).count }.max() ?? 1
            style = .scientific(digits: digits, width: width)
        } else {
            let digits = values.filter(\.isFinite).map { ElementFormat.fractionDigits($0) }.max() ?? 0
            let width = values.map { ElementFormat.positional($0, digits: digits).count }.max() ?? 1
            style = .positional(digits: digits, width: width)
        }
    }

    func string(_ v: Float) -> String {
        switch style {
        case let .integer(width):
            let s = ElementFormat.integerText(v)
            return String(repeating: " ", count: max(0, width - s.count)) + s
        case let .positional(digits, width):
            let s = ElementFormat.positional(v, digits: digits)
            return String(repeating: " ", count: max(0, width - s.count)) + s
        case let .scientific(digits, width):
            let s = ElementFormat.scientific(v, digits: digits)
            return String(repeating: " ", count: max(0, width - s.count)) + s
        }
    }

    /// A rank-0 tensor prints as NumPy prints the scalar: an integer, or the shortest float32
    /// representation, positional with at least one fractional digit (`1.0`) when the magnitude
    /// is 0 or in [1e-4, 1e6), else scientific without trailing zeros (`1e-05`, `1.234567e+06`).
    static func scalar(_ v: Float, dtype: DType) -> String {
        if dtype.isInteger { return ElementFormat.integerText(v) }
        if !v.isFinite { return nonFinite(v) }
        let magnitude = abs(v)
        if magnitude == 0 || (magnitude >= 1e-4 && magnitude < scientificCutoff) {
            let digits = max(1, shortestFractionDigits(v))
            return String(format: "%.\(digits)f", Double(v))
        }
        let digits = mantissaDigits(v, limit: 9)
        return String(format: "%.\(digits)e", Double(v))
    }

    static func nonFinite(_ v: Float) -> String { v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf") }

    /// `2.5e-05` with `digits` mantissa digits; NumPy keeps the point when there are none
    /// (`1.e-05`).
    static func scientific(_ v: Float, digits: Int) -> String {
        if !v.isFinite { return nonFinite(v) }
        let s = String(format: "%.\(digits)e", Double(v))
        guard digits == 0, let e = s.firstIndex(of: "e") else { return s }
        return String(s[..<e]) + "." + String(s[e...])
    }

    /// An integer element as digits; a value no Int can hold (an integer tensor cast from huge
    /// floats) is written as the float it is rather than trapping.
    static func integerText(_ v: Float) -> String {
        Int(exactly: v.rounded(.towardZero)).map(String.init) ?? "\(v)"
    }

    /// `1.5` → `1.5`, `2` → `2.` (NumPy's trailing point), padded with spaces on the right to
    /// the common digit count so that the points line up.
    static func positional(_ v: Float, digits: Int) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        let own = fractionDigits(v)
        var s = String(format: "%.\(own)f", Double(v))
        if own == 0 { s += "." }
        return s + String(repeating: " ", count: digits - own)
    }

    /// The fractional digits of the shortest representation that identifies `v` as a Float32.
    static func shortestFractionDigits(_ v: Float) -> Int {
        let exact = Decimal(string: "\(v)")
        let text = exact.map { "\($0)" } ?? "\(v)"
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        var fraction = text[text.index(after: dot)...]
        while fraction.hasSuffix("0") { fraction = fraction.dropLast() }
        return fraction.count
    }

    /// The fractional digits of the shortest representation that identifies `v` as a Float32,
    /// capped at 8 (then rounded).
    static func fractionDigits(_ v: Float) -> Int {
        let shortest = shortestFractionDigits(v)
        if shortest <= 8 { return shortest }
        // Rounded to 8 places, trailing zeros drop again.
        var rounded = String(format: "%.8f", Double(v))
        while rounded.hasSuffix("0") { rounded.removeLast() }
        guard let point = rounded.firstIndex(of: ".") else { return 0 }
        return rounded.distance(from: point, to: rounded.endIndex) - 1
    }

    /// The mantissa digits after the point of the shortest scientific representation (at most
    /// `limit`: NumPy's precision 8 for arrays; a float32 never needs more than 9).
    static func mantissaDigits(_ v: Float, limit: Int = 8) -> Int {
        guard v != 0, v.isFinite else { return 0 }
        for digits in 0...limit {
            let s = String(format: "%.\(digits)e", Double(v))
            if let parsed = Float(s), parsed == v { return digits }
        }
        return limit
    }
}
