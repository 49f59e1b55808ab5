/// An n-dimensional array of Float32, contiguous and row-major, with value semantics (copy on
/// write). Slicing along the first axis makes a view that shares memory until either side is
/// written.
public struct Tensor {
    /// The size of each axis.
    public private(set) var shape: [Int]
    /// The element type.
    public internal(set) var dtype: DType
    var storage: TensorStorage
    /// Where element 0 of this tensor sits in `storage`.
    var offset: Int

    /// The largest tensor a notebook may create, in elements (4 GiB of Float32).
    public static let elementLimit = 1 << 30

    /// The number of elements.
    public var count: Int { shape.reduce(1, *) }
    /// The number of axes.
    public var rank: Int { shape.count }

    /// A tensor of zeros. Throws for negative sizes and for more than `elementLimit` elements.
    public init(zeros shape: [Int], dtype: DType = .float32) throws {
        let count = try Tensor.checkedCount(shape)
        self.init(uncheckedShape: shape, dtype: dtype, storage: TensorStorage(capacity: count), offset: 0)
    }

    /// A tensor holding `values` in row-major order; `shape` defaults to `[values.count]`.
    /// Throws when an integer `dtype` cannot hold one of the values (see `DType`).
    public init(_ values: [Float], shape: [Int]? = nil, dtype: DType = .float32) throws {
        let shape = shape ?? [values.count]
        let count = try Tensor.checkedCount(shape)
        guard count == values.count else {
            throw EngineError.invalidShape(shape, reason: EngineMessages.valuesDoNotFill(count, given: values.count))
        }
        self = try Tensor(zeros: shape, dtype: dtype)
        values.withUnsafeBufferPointer { storage.pointer.update(from: $0.baseAddress!, count: count) }
        try checkValuesFitDType(hint: EngineMessages.largeIntegersHint)
    }

    /// A tensor with the given shape, filled by `body` through a pointer to its elements.
    /// Throws when an integer `dtype` cannot hold one of the values written.
    public init(shape: [Int], dtype: DType = .float32, filling body: (UnsafeMutableBufferPointer<Float>) throws -> Void) throws {
        self = try Tensor(zeros: shape, dtype: dtype)
        try body(UnsafeMutableBufferPointer(start: storage.pointer, count: count))
        try checkValuesFitDType()
    }

    init(uncheckedShape shape: [Int], dtype: DType, storage: TensorStorage, offset: Int) {
        self.shape = shape
        self.dtype = dtype
        self.storage = storage
        self.offset = offset
    }

    /// The element count of `shape`, or an error for negative or overflowing sizes.
    /// `what` names the tensor in the error (a layer's output, an input shape).
    static func checkedCount(_ shape: [Int], what: String? = nil) throws -> Int {
        guard shape.allSatisfy({ $0 >= 0 }) else { throw EngineError.invalidShape(shape, reason: EngineMessages.negativeSizes) }
        let count = Checked.product(shape)
        guard let count, count <= elementLimit else {
            throw EngineError.tooLarge(what: what ?? EngineMessages.tensor(shape), elements: count, limit: elementLimit)
        }
        return count
    }

    /// The elements, read-only.
    @inline(__always)
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.pointer + offset, count: count))
    }

    /// The elements, writable; copies them first if another tensor shares the memory.
    @inline(__always)
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (UnsafeMutableBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        makeUnique()
        return try body(UnsafeMutableBufferPointer(start: storage.pointer + offset, count: count))
    }

    /// The element pointer, for kernels that own this tensor's memory (layer buffers).
    @inline(__always)
    var pointer: UnsafeMutablePointer<Float> { storage.pointer + offset }

    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            let copy = TensorStorage(capacity: count)
            copy.pointer.update(from: storage.pointer + offset, count: count)
            storage = copy
            offset = 0
        }
    }

    /// The elements as an array, in row-major order.
    public var scalars: [Float] { withUnsafeBufferPointer { Array($0) } }

    /// The same elements under another shape with the same count (no copy).
    public func reshaped(to newShape: [Int]) throws -> Tensor {
        var newShape = newShape
        if let wildcard = newShape.firstIndex(of: -1) {
            var others = newShape
            others.remove(at: wildcard)
            guard !others.contains(-1) else { throw EngineError.invalidShape(newShape, reason: EngineMessages.twoWildcards) }
            guard others.allSatisfy({ $0 >= 0 }) else {
                throw EngineError.invalidShape(newShape, reason: EngineMessages.negativeSizes)
            }
            guard let known = Checked.product(others), known > 0, count % known == 0 else {
                throw EngineError.invalidShape(newShape, reason: EngineMessages.cannotArrange(count))
            }
            newShape[wildcard] = count / known
        }
        let newCount = try Tensor.checkedCount(newShape)
        guard newCount == count else {
            throw EngineError.invalidShape(newShape, reason: EngineMessages.reshapeCount(newCount, tensor: shape, count: count))
        }
        return Tensor(uncheckedShape: newShape, dtype: dtype, storage: storage, offset: offset)
    }

    /// The same values as another dtype (`.float32` for computation). To an integer dtype,
    /// values are truncated toward zero as NumPy's `astype` does, and NaN, infinities and values
    /// outside the dtype's range are an error rather than wrapped around (see `DType`).
    public func asType(_ newType: DType) throws -> Tensor {
        guard newType != dtype else { return self }
        var result = self
        result.dtype = newType
        guard newType.isInteger else { return result }
        try withUnsafeBufferPointer { values in
            for value in values where !newType.holds(value.rounded(.towardZero)) {
                throw EngineError.valueDoesNotFit(Double(value), dtype: newType)
            }
        }
        if !dtype.isInteger {
            result.withUnsafeMutableBufferPointer { buffer in
                for i in buffer.indices { buffer[i] = buffer[i].rounded(.towardZero) }
            }
        }
        return result
    }
}

extension Tensor: Equatable {
    /// Same shape, dtype and elements.
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        lhs.shape == rhs.shape && lhs.dtype == rhs.dtype
            && lhs.withUnsafeBufferPointer { a in rhs.withUnsafeBufferPointer { b in a.elementsEqual(b) } }
    }
}
