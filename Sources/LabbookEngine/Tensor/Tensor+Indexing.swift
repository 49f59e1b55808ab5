extension Tensor {
    /// The number of elements in one entry along the first axis.
    var rowSize: Int { shape.dropFirst().reduce(1, *) }

    /// Entry `index` along the first axis, as a view: `images[0]` is the first image.
    public func entry(_ index: Int) throws -> Tensor {
        guard rank > 0 else { throw EngineError.invalidArgument(EngineMessages.scalarNotIndexable) }
        guard index >= 0, index < shape[0] else {
            throw EngineError.indexOutOfRange(index: index, axis: 0, size: shape[0])
        }
        return Tensor(uncheckedShape: Array(shape.dropFirst()), dtype: dtype, storage: storage,
                      offset: offset + index * rowSize)
    }

    /// Entries `range` along the first axis, as a view: `images[0..<100]`.
    public func slice(_ range: Range<Int>) throws -> Tensor {
        guard rank > 0 else { throw EngineError.invalidArgument(EngineMessages.scalarNotSliceable) }
        guard range.lowerBound >= 0, range.upperBound <= shape[0] else {
            let bad = range.lowerBound < 0 ? range.lowerBound : range.upperBound
            throw EngineError.indexOutOfRange(index: bad, axis: 0, size: shape[0])
        }
        var newShape = shape
        newShape[0] = range.count
        return Tensor(uncheckedShape: newShape, dtype: dtype, storage: storage,
                      offset: offset + range.lowerBound * rowSize)
    }

    /// Indexes the leading axes one after another: `t[0, 3]`; a view of what remains.
    public func entry(_ indices: [Int]) throws -> Tensor {
        guard indices.count <= rank else {
            throw EngineError.invalidArgument(EngineMessages.tooManyIndices(indices.count, rank: rank))
        }
        var position = offset
        var stride = count
        for (axis, index) in indices.enumerated() {
            guard index >= 0, index < shape[axis] else {
                throw EngineError.indexOutOfRange(index: index, axis: axis, size: shape[axis])
            }
            stride /= shape[axis]
            position += index * stride
        }
        return Tensor(uncheckedShape: Array(shape.dropFirst(indices.count)), dtype: dtype,
                      storage: storage, offset: position)
    }

    /// The value of a tensor with one element (rank 0), if it is one.
    public var scalarValue: Float? { rank == 0 ? storage.pointer[offset] : nil }

    /// A rank-0 tensor.
    public init(scalar: Float, dtype: DType = .float32) {
        let storage = TensorStorage(capacity: 1)
        storage.pointer[0] = scalar
        self.init(uncheckedShape: [], dtype: dtype, storage: storage, offset: 0)
    }

    /// Copies the rows `indices` (along the first axis) into `destination`, which must hold
    /// `indices.count` rows: the batch gather of `fit`, split over the threads (the rows lie at
    /// random in a large data set: each thread waits on memory for its own).
    func gatherRows(_ indices: ArraySlice<Int>, into destination: UnsafeMutablePointer<Float>) {
        let size = rowSize
        let source = storage.pointer + offset
        Parallel.forEachRange(indices.count, cost: indices.count * size) { range in
            for i in range {
                (destination + i * size).update(from: source + indices[indices.startIndex + i] * size, count: size)
            }
        }
    }
}
