/// Element-wise operations with NumPy broadcasting.
public enum ElementwiseOperation: String, Sendable {
    case add = "add", subtract = "subtract", multiply = "multiply", divide = "divide"
    case maximum, minimum
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
        default: return false
        }
    }

    @inline(__always)
    func apply(_ a: Float, _ b: Float) -> Float {
        switch self {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        case .maximum: return Swift.max(a, b)
        case .minimum: return Swift.min(a, b)
        case .equal: return a == b ? 1 : 0
        case .notEqual: return a != b ? 1 : 0
        case .less: return a < b ? 1 : 0
        case .lessOrEqual: return a <= b ? 1 : 0
        case .greater: return a > b ? 1 : 0
        case .greaterOrEqual: return a >= b ? 1 : 0
        }
    }

    /// The dtype of the result: comparisons give `uint8` 0/1; division and anything with a
    /// float gives `float32`; integers with integers give `int32` (no `uint8` wrap-around).
    func resultType(_ a: DType, _ b: DType) -> DType {
        if isComparison { return .uint8 }
        if self == .divide || a == .float32 || b == .float32 { return .float32 }
        return .int32
    }
}

extension Tensor {
    /// The shape two shapes broadcast to, NumPy's rules: aligned from the last axis, each pair
    /// equal or one of them 1.
    public static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = Swift.max(a.count, b.count)
        var result = [Int](repeating: 0, count: rank)
        for i in 0..<rank {
            let x = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let y = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            guard x == y || x == 1 || y == 1 else { return nil }
            result[i] = x == 1 ? y : x
        }
        return result
    }

    /// `a op b` element-wise, broadcasting. An integer result that leaves the range its dtype
    /// holds exactly is an error (see `DType`), never a silent wrap-around.
    public static func elementwise(_ a: Tensor, _ b: Tensor, _ op: ElementwiseOperation) throws -> Tensor {
        let result = try unchecked(a, b, op)
        if result.dtype.isInteger && !op.isComparison {
            let dtype = result.dtype
            try result.withUnsafeBufferPointer { values in
                // Float32 rounding is monotonic and 2^24 is exact, so a true result beyond the
                // range (±(2^24 − 1)) rounds to one beyond it too: it is always caught.
                for value in values where !dtype.holds(value) {
                    throw EngineError.integerOverflow(operation: op.rawValue, result: Double(value), dtype: dtype)
                }
            }
        }
        return result
    }

    private static func unchecked(_ a: Tensor, _ b: Tensor, _ op: ElementwiseOperation) throws -> Tensor {
        guard let shape = broadcastShape(a.shape, b.shape) else {
            throw EngineError.shapesDoNotBroadcast(a.shape, b.shape, operation: op.rawValue)
        }
        let result = try Tensor(zeros: shape, dtype: op.resultType(a.dtype, b.dtype))
        let out = result.pointer
        let n = result.count
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                let x = pa.baseAddress!, y = pb.baseAddress!
                if a.shape == b.shape {
                    Parallel.forEachChunk(n) { r in for i in r { out[i] = op.apply(x[i], y[i]) } }
                } else if b.count == 1 {
                    let s = y[0]
                    Parallel.forEachChunk(n) { r in for i in r { out[i] = op.apply(x[i], s) } }
                } else if a.count == 1 {
                    let s = x[0]
                    Parallel.forEachChunk(n) { r in for i in r { out[i] = op.apply(s, y[i]) } }
                } else {
                    let sa = broadcastStrides(a.shape, to: shape)
                    let sb = broadcastStrides(b.shape, to: shape)
                    var index = [Int](repeating: 0, count: shape.count)
                    var ia = 0, ib = 0
                    for i in 0..<n {
                        out[i] = op.apply(x[ia], y[ib])
                        // Advance the multi-index like an odometer, moving both source offsets.
                        var axis = shape.count - 1
                        while axis >= 0 {
                            index[axis] += 1
                            ia += sa[axis]
                            ib += sb[axis]
                            if index[axis] < shape[axis] { break }
                            ia -= sa[axis] * shape[axis]
                            ib -= sb[axis] * shape[axis]
                            index[axis] = 0
                            axis -= 1
                        }
                    }
                }
            }
        }
        return result
    }

    /// Strides of `shape` read as `target` (0 along broadcast axes).
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        var strides = [Int](repeating: 0, count: target.count)
        var step = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            let t = i + target.count - shape.count
            strides[t] = shape[i] == 1 ? 0 : step
            step *= shape[i]
        }
        return strides
    }

    /// `tensor op scalar` (or `scalar op tensor` when `scalarFirst`); a Double scalar makes the
    /// result `float32`, an Int scalar keeps integer tensors integer, and must then be one that
    /// `int32` holds exactly.
    public static func elementwise(_ t: Tensor, scalar: Double, isInteger: Bool, _ op: ElementwiseOperation,
                                   scalarFirst: Bool = false) throws -> Tensor {
        let integral = isInteger && t.dtype.isInteger
        if integral, !(Double(Float(scalar)) == scalar && DType.int32.holds(Float(scalar))) {
            throw EngineError.valueDoesNotFit(scalar, dtype: .int32,
                                              hint: EngineMessages.integerScalarHint)
        }
        let s = Tensor(scalar: Float(scalar), dtype: integral ? .int32 : .float32)
        return try scalarFirst ? elementwise(s, t, op) : elementwise(t, s, op)
    }

    /// `−t`.
    public static prefix func - (t: Tensor) -> Tensor {
        var result = t
        result.withUnsafeMutableBufferPointer { b in for i in b.indices { b[i] = -b[i] } }
        if result.dtype == .uint8 { result.dtype = .int32 }
        return result
    }

    /// Applies `f` to every element (a new tensor, `float32`).
    public func map(_ f: (Float) -> Float) -> Tensor {
        var result = self
        result.dtype = .float32
        result.withUnsafeMutableBufferPointer { b in for i in b.indices { b[i] = f(b[i]) } }
        return result
    }
}

extension Tensor {
    /// `t / divisor` as `float32` (images / 255).
    public func dividing(by divisor: Double) throws -> Tensor {
        try Tensor.elementwise(self, scalar: divisor, isInteger: false, .divide)
    }
}
