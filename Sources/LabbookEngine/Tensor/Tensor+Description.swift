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
        if rank == 0 { return format.string(values[0]) }
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
            // The innermost axis: elements separated by spaces, wrapped at the line width.
            var lineLength = indent
            var first = true
            for i in shownIndices(axis: axis, summarize: summarize) {
                let word = i < 0 ? "..." : format.string(values[offset + i])
                if !first {
                    if lineLength + 1 + word.count + 1 > Tensor.lineWidth {
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
    enum Style { case integer(width: Int), positional(digits: Int, width: Int), scientific(digits: Int) }
    let style: Style

    init(values: [Float], dtype: DType) {
        if dtype.isInteger {
            let width = values.map { String(Int($0)).count }.max() ?? 1
            style = .integer(width: width)
            return
        }
        let finite = values.filter { $0.isFinite }.map { abs($0) }
        let nonzero = finite.filter { $0 != 0 }
        let maxValue = finite.max() ?? 0
        let minValue = nonzero.min() ?? 0
        if maxValue >= 1e8 || (minValue > 0 && (minValue < 1e-4 || maxValue / minValue > 1e3)) {
            let digits = values.filter(\.isFinite).map { ElementFormat.mantissaDigits($0) }.max() ?? 0
            style = .scientific(digits: digits)
        } else {
            let digits = values.filter(\.isFinite).map { ElementFormat.fractionDigits($0) }.max() ?? 0
            let width = values.map { ElementFormat.positional($0, digits: digits).count }.max() ?? 1
            style = .positional(digits: digits, width: width)
        }
    }

    func string(_ v: Float) -> String {
        switch style {
        case let .integer(width):
            let s = String(Int(v))
            return String(repeating: " ", count: max(0, width - s.count)) + s
        case let .positional(digits, width):
            let s = ElementFormat.positional(v, digits: digits)
            return String(repeating: " ", count: max(0, width - s.count)) + s
        case let .scientific(digits):
            if !v.isFinite { return v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf") }
            let s = String(format: "%.\(digits)e", Double(v))
            return s
        }
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

    /// The fractional digits of the shortest representation that identifies `v` as a Float32,
    /// capped at 8 (then rounded).
    static func fractionDigits(_ v: Float) -> Int {
        let exact = Decimal(string: "\(v)")
        let text = exact.map { "\($0)" } ?? "\(v)"
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        var fraction = text[text.index(after: dot)...]
        while fraction.hasSuffix("0") { fraction = fraction.dropLast() }
        if fraction.count <= 8 { return fraction.count }
        // Rounded to 8 places, trailing zeros drop again.
        var rounded = String(format: "%.8f", Double(v))
        while rounded.hasSuffix("0") { rounded.removeLast() }
        guard let point = rounded.firstIndex(of: ".") else { return 0 }
        return rounded.distance(from: point, to: rounded.endIndex) - 1
    }

    /// The mantissa digits after the point of the shortest scientific representation (≤ 8).
    static func mantissaDigits(_ v: Float) -> Int {
        guard v != 0 else { return 0 }
        for digits in 0...8 {
            let s = String(format: "%.\(digits)e", Double(v))
            if let parsed = Float(s), parsed == v { return digits }
        }
        return 8
    }
}
