/// Reductions over the whole tensor or along one axis. Sums are accumulated in Float64 in
/// index order, so results are exact to Float32 and never depend on threading.
public enum Reduction: String, Sendable {
    case sum, mean, min, max, std

    /// Min and max have no identity: NumPy refuses them over no elements.
    var needsAnElement: Bool { self == .min || self == .max }
}

extension Tensor {
    /// The reduction of every element, as a Double. As in NumPy, the sum of nothing is 0, its
    /// mean and std are NaN, and its min and max (which have no identity) are an error.
    public func reduce(_ kind: Reduction) throws -> Double {
        if count == 0 && kind.needsAnElement { throw EngineError.emptyReduction(kind.rawValue, shape: shape, axis: nil) }
        return withUnsafeBufferPointer { reduceRun(kind, $0.baseAddress!, count: $0.count, stride: 1) }
    }

    /// The reduction along `axis` (negative counts from the end), removing that axis; min and
    /// max along an empty axis are an error, as in NumPy. The int32 sum of an integer tensor
    /// must stay in the range int32 holds exactly.
    public func reduce(_ kind: Reduction, axis: Int) throws -> Tensor {
        let axis = try checkedAxis(axis)
        if shape[axis] == 0 && kind.needsAnElement { throw EngineError.emptyReduction(kind.rawValue, shape: shape, axis: axis) }
        var newShape = shape
        newShape.remove(at: axis)
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        let size = shape[axis]
        let keepsInteger = dtype.isInteger && (kind == .sum || kind == .min || kind == .max)
        let result = try Tensor(zeros: newShape, dtype: keepsInteger ? (kind == .sum ? .int32 : dtype) : .float32)
        let out = result.pointer
        withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            for o in 0..<outer {
                for i in 0..<inner {
                    out[o * inner + i] = Float(reduceRun(kind, base + o * size * inner + i, count: size, stride: inner))
                }
            }
        }
        if result.dtype == .int32 {
            try result.withUnsafeBufferPointer { sums in
                for sum in sums where !DType.int32.holds(sum) {
                    throw EngineError.integerOverflow(operation: "sum", result: Double(sum), dtype: .int32)
                }
            }
        }
        return result
    }

    /// `axis` counted from 0 (a negative one from the end), or an error when out of range.
    private func checkedAxis(_ axis: Int) throws -> Int {
        let resolved = axis < 0 ? axis &+ rank : axis
        guard resolved >= 0, resolved < rank else {
            throw EngineError.invalidArgument(EngineMessages.axisOutOfRange(axis, rank: rank))
        }
        return resolved
    }

    private func reduceRun(_ kind: Reduction, _ p: UnsafePointer<Float>, count: Int, stride: Int) -> Double {
        switch kind {
        case .sum:
            var s = 0.0
            for i in 0..<count { s += Double(p[i * stride]) }
            return s
        case .mean:
            return count == 0 ? .nan : reduceRun(.sum, p, count: count, stride: stride) / Double(count)
        case .min, .max:
            guard count > 0 else { return .nan }
            var m = p[0]
            for i in 1..<Swift.max(1, count) {
                let v = p[i * stride]
                if v.isNaN { return .nan }
                m = kind == .min ? Swift.min(m, v) : Swift.max(m, v)
            }
            return Double(m)
        case .std:
            guard count > 0 else { return .nan }
            let mean = reduceRun(.mean, p, count: count, stride: stride)
            var s = 0.0
            for i in 0..<count {
                let d = Double(p[i * stride]) - mean
                s += d * d
            }
            return (s / Double(count)).squareRoot()
        }
    }

    /// The flat index of the largest element (the first one on ties, as NumPy); an error for
    /// an empty tensor.
    public func argmax() throws -> Int {
        guard count > 0 else { throw EngineError.emptyReduction("argmax", shape: shape, axis: nil) }
        return withUnsafeBufferPointer { Tensor.argmaxRun($0.baseAddress!, count: $0.count, stride: 1) }
    }

    /// The index of the largest element along `axis`, as an `int32` tensor without that axis;
    /// an error along an empty axis, or one too long for int32 to index exactly.
    public func argmax(axis: Int) throws -> Tensor {
        let axis = try checkedAxis(axis)
        guard shape[axis] > 0 else { throw EngineError.emptyReduction("argmax", shape: shape, axis: axis) }
        guard DType.int32.holds(Float(shape[axis] - 1)) else {
            throw EngineError.valueDoesNotFit(Double(shape[axis] - 1), dtype: .int32,
                                              hint: EngineMessages.argmaxIndicesHint)
        }
        var newShape = shape
        newShape.remove(at: axis)
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        let size = shape[axis]
        let result = try Tensor(zeros: newShape, dtype: .int32)
        let out = result.pointer
        withUnsafeBufferPointer { buffer in
            for o in 0..<outer {
                for i in 0..<inner {
                    out[o * inner + i] = Float(Tensor.argmaxRun(buffer.baseAddress! + o * size * inner + i,
                                                                 count: size, stride: inner))
                }
            }
        }
        return result
    }

    /// The first index of the largest element; NumPy treats NaN as the largest, so the first
    /// NaN wins.
    @inline(__always)
    static func argmaxRun(_ p: UnsafePointer<Float>, count: Int, stride: Int) -> Int {
        var best = 0
        var value = p[0]
        if value.isNaN { return 0 }
        for i in 1..<Swift.max(1, count) {
            let v = p[i * stride]
            if v.isNaN { return i }
            if v > value {
                value = v
                best = i
            }
        }
        return best
    }
}
