import Testing
@testable import LabbookEngine

/// Tensors: construction, views and copy on write, reshaping, NumPy broadcasting, scalar
/// operations and their dtypes, reductions, argmax and comparisons. Expected values are NumPy's
/// (worked by hand; the dtype rules are labbook's, stated in `ElementwiseOperation.resultType`).
@Suite struct TensorTests {
    static func range(_ n: Int, shape: [Int], dtype: DType = .float32) throws -> Tensor {
        try Tensor((0..<n).map(Float.init), shape: shape, dtype: dtype)
    }

    // MARK: Construction

    @Test func negativeSizeIsAnError() {
        #expect(throws: EngineError.invalidShape([2, -1], reason: "sizes cannot be negative")) {
            try Tensor(zeros: [2, -1])
        }
    }

    /// Over the element limit (or overflowing Int) is an error raised before any allocation.
    @Test(arguments: [[1 << 20, 1 << 11], [Int.max, 2], [1 << 62, 1 << 62, 0]])
    func tooLargeIsAnErrorNotAnAllocation(_ shape: [Int]) {
        #expect {
            try Tensor(zeros: shape)
        } throws: { error in
            guard case let .tooLarge(_, elements, limit)? = error as? EngineError else { return false }
            return (elements ?? .max) > limit && limit == Tensor.elementLimit
        }
    }

    @Test func valueCountMustMatchShape() {
        #expect(throws: EngineError.self) { try Tensor([1, 2, 3], shape: [2, 2]) }
        #expect(throws: Never.self) { try Tensor([1, 2, 3, 4], shape: [2, 2]) }
    }

    @Test func scalarTensor() throws {
        let s = Tensor(scalar: 2.5)
        #expect(s.rank == 0 && s.count == 1 && s.scalarValue == 2.5)
        #expect(try Tensor([1]).scalarValue == nil)
    }

    // MARK: Views and copy on write

    @Test func entriesAndSlicesAreViewsUntilWritten() throws {
        let a = try Self.range(12, shape: [3, 4])
        let row = try a.entry(1)
        #expect(row.shape == [4] && row.scalars == [4, 5, 6, 7])
        #expect(row.storage === a.storage)
        let rows = try a.slice(1..<3)
        #expect(rows.shape == [2, 4] && rows.scalars == Array(4..<12).map(Float.init))
        #expect(rows.storage === a.storage)
        #expect(try a.entry([2, 1]).scalarValue == 9)

        // Writing the view copies it; the original is untouched.
        var written = row
        written.withUnsafeMutableBufferPointer { $0[0] = 99 }
        #expect(written.scalars == [99, 5, 6, 7])
        #expect(written.storage !== a.storage)
        #expect(a.scalars[4] == 4)
        #expect(row.scalars == [4, 5, 6, 7])

        // Writing the original leaves an earlier view as it was.
        var b = a
        let view = try b.entry(0)
        b.withUnsafeMutableBufferPointer { $0[0] = -1 }
        #expect(view.scalars == [0, 1, 2, 3])
        #expect(b.scalars[0] == -1 && a.scalars[0] == 0)
    }

    @Test(arguments: [5, -1])
    func entryOutOfRange(_ index: Int) throws {
        let a = try Self.range(6, shape: [3, 2])
        #expect(throws: EngineError.indexOutOfRange(index: index, axis: 0, size: 3)) { try a.entry(index) }
        #expect(throws: EngineError.self) { try Tensor(scalar: 1).entry(0) }
        #expect(throws: EngineError.self) { try a.slice(2..<4) }
    }

    // MARK: Reshaping

    @Test(arguments: [([-1, 2], [6, 2]), ([2, -1, 3], [2, 2, 3]), ([-1], [12]), ([12, 1], [12, 1])])
    func reshapeInfersTheWildcard(_ requested: [Int], _ expected: [Int]) throws {
        let a = try Self.range(12, shape: [3, 4])
        let r = try a.reshaped(to: requested)
        #expect(r.shape == expected)
        #expect(r.scalars == a.scalars)
        #expect(r.storage === a.storage)
    }

    @Test(arguments: [[5, -1], [5, 3], [-1, -1], [0, -1]])
    func reshapeRejectsImpossibleShapes(_ requested: [Int]) throws {
        let a = try Self.range(12, shape: [3, 4])
        #expect(throws: EngineError.self) { try a.reshaped(to: requested) }
    }

    // MARK: Broadcasting

    @Test(arguments: [
        ([3], [3], [3]), ([2, 3], [3], [2, 3]), ([2, 1], [1, 3], [2, 3]), ([4, 1, 3], [2, 1], [4, 2, 3]),
        ([], [2, 2], [2, 2]), ([0, 3], [1, 3], [0, 3]), ([1], [5, 4], [5, 4]), ([8, 1, 6, 1], [7, 1, 5], [8, 7, 6, 5]),
    ])
    func shapesThatBroadcast(_ a: [Int], _ b: [Int], _ result: [Int]) throws {
        #expect(Tensor.broadcastShape(a, b) == result)
        #expect(Tensor.broadcastShape(b, a) == result)
        let sum = try Tensor.elementwise(try Tensor(zeros: a), try Tensor(zeros: b), .add)
        #expect(sum.shape == result)
    }

    @Test(arguments: [([3], [4]), ([2, 3], [3, 2]), ([2, 3], [2]), ([4, 2, 3], [3, 3])])
    func shapesThatDoNotBroadcast(_ a: [Int], _ b: [Int]) throws {
        #expect(Tensor.broadcastShape(a, b) == nil)
        #expect(throws: EngineError.shapesDoNotBroadcast(a, b, operation: "multiply")) {
            try Tensor.elementwise(try Tensor(zeros: a), try Tensor(zeros: b), .multiply)
        }
    }

    /// np.array([[1], [2]]) + np.array([10, 20, 30]) → [[11 21 31] [12 22 32]]; and a 3-D case
    /// along the middle axis.
    @Test func broadcastValues() throws {
        let column = try Tensor([1, 2], shape: [2, 1]), row = try Tensor([10, 20, 30])
        let sum = try Tensor.elementwise(column, row, .add)
        #expect(sum.shape == [2, 3] && sum.scalars == [11, 21, 31, 12, 22, 32])
        // np.arange(12).reshape(2, 3, 2) * np.array([[1], [10], [100]])
        let cube = try Self.range(12, shape: [2, 3, 2])
        let scale = try Tensor([1, 10, 100], shape: [3, 1])
        let product = try Tensor.elementwise(cube, scale, .multiply)
        #expect(product.scalars == [0, 1, 20, 30, 400, 500, 6, 7, 80, 90, 1000, 1100])
    }

    // MARK: Scalar operations and dtypes

    struct ScalarCase: CustomTestStringConvertible, Sendable {
        let dtype: DType
        let scalar: Double
        let isInteger: Bool
        let op: ElementwiseOperation
        let scalarFirst: Bool
        let values: [Float]
        let resultType: DType
        var testDescription: String {
            scalarFirst ? "\(scalar) \(op) \(dtype)" : "\(dtype) \(op) \(scalar)"
        }
    }

    /// On the tensor [1, 2, 4]: a Double scalar makes float32, an Int scalar keeps integer
    /// tensors integer (int32, no uint8 wrap-around), division is always float32, comparisons
    /// give uint8 0/1.
    static let scalarCases: [ScalarCase] = [
        ScalarCase(dtype: .float32, scalar: 1, isInteger: false, op: .subtract, scalarFirst: false, values: [0, 1, 3], resultType: .float32),
        ScalarCase(dtype: .float32, scalar: 1, isInteger: false, op: .subtract, scalarFirst: true, values: [0, -1, -3], resultType: .float32),
        ScalarCase(dtype: .float32, scalar: 8, isInteger: false, op: .divide, scalarFirst: true, values: [8, 4, 2], resultType: .float32),
        ScalarCase(dtype: .float32, scalar: 2, isInteger: false, op: .divide, scalarFirst: false, values: [0.5, 1, 2], resultType: .float32),
        ScalarCase(dtype: .int32, scalar: 1, isInteger: true, op: .add, scalarFirst: false, values: [2, 3, 5], resultType: .int32),
        ScalarCase(dtype: .int32, scalar: 3, isInteger: true, op: .multiply, scalarFirst: true, values: [3, 6, 12], resultType: .int32),
        ScalarCase(dtype: .int32, scalar: 2, isInteger: true, op: .divide, scalarFirst: false, values: [0.5, 1, 2], resultType: .float32),
        ScalarCase(dtype: .int32, scalar: 0.5, isInteger: false, op: .multiply, scalarFirst: false, values: [0.5, 1, 2], resultType: .float32),
        ScalarCase(dtype: .uint8, scalar: 255, isInteger: true, op: .add, scalarFirst: false, values: [256, 257, 259], resultType: .int32),
        ScalarCase(dtype: .uint8, scalar: 10, isInteger: true, op: .subtract, scalarFirst: true, values: [9, 8, 6], resultType: .int32),
        ScalarCase(dtype: .uint8, scalar: 255, isInteger: false, op: .divide, scalarFirst: false, values: [1 / 255, 2 / 255, 4 / 255], resultType: .float32),
        ScalarCase(dtype: .float32, scalar: 2, isInteger: false, op: .greater, scalarFirst: false, values: [0, 0, 1], resultType: .uint8),
        ScalarCase(dtype: .float32, scalar: 2, isInteger: false, op: .greater, scalarFirst: true, values: [1, 0, 0], resultType: .uint8),
        ScalarCase(dtype: .int32, scalar: 2, isInteger: true, op: .equal, scalarFirst: false, values: [0, 1, 0], resultType: .uint8),
        ScalarCase(dtype: .float32, scalar: 2, isInteger: false, op: .maximum, scalarFirst: true, values: [2, 2, 4], resultType: .float32),
    ]

    @Test(arguments: scalarCases)
    func scalarOperations(_ c: ScalarCase) throws {
        let t = try Tensor([1, 2, 4], dtype: c.dtype)
        let r = try Tensor.elementwise(t, scalar: c.scalar, isInteger: c.isInteger, c.op, scalarFirst: c.scalarFirst)
        #expect(r.dtype == c.resultType)
        #expect(r.shape == [3])
        #expect(r.scalars == c.values)
    }

    @Test func negationAndTypeConversion() throws {
        let u = try Tensor([0, 3], dtype: .uint8)
        #expect((-u).dtype == .int32 && (-u).scalars == [0, -3])
        // astype(int32) truncates toward zero, as NumPy's does.
        let f = try Tensor([-1.7, 2.9, 0.5])
        #expect(try f.asType(.int32).scalars == [-1, 2, 0])
        #expect(try f.asType(.float32) == f)
    }

    // MARK: Reductions

    /// np.array([[1, 2, 3], [4, 5, 6]], dtype=np.float32): sum 21, mean 3.5, min 1, max 6,
    /// std (population, ddof 0) √(35/12).
    @Test(arguments: [(Reduction.sum, 21.0), (.mean, 3.5), (.min, 1), (.max, 6), (.std, (35.0 / 12).squareRoot())])
    func reductionOfEverything(_ kind: Reduction, _ expected: Double) throws {
        let a = try Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
        #expect(abs(try a.reduce(kind) - expected) < 1e-12)
    }

    @Test(arguments: [
        (Reduction.sum, 0, [5, 7, 9] as [Float]), (.mean, 0, [2.5, 3.5, 4.5]), (.std, 0, [1.5, 1.5, 1.5]),
        (.min, 0, [1, 2, 3]), (.max, 1, [3, 6]), (.sum, -1, [6, 15]), (.mean, 1, [2, 5]), (.min, -1, [1, 4]),
    ])
    func reductionAlongAnAxis(_ kind: Reduction, _ axis: Int, _ expected: [Float]) throws {
        let a = try Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
        let r = try a.reduce(kind, axis: axis)
        #expect(r.shape == [expected.count])
        #expect(r.scalars == expected)
    }

    /// 3-D: np.arange(24).reshape(2, 3, 4).sum(axis=1) and .max(axis=2).
    @Test func reductionOfAMiddleAxis() throws {
        let a = try Self.range(24, shape: [2, 3, 4])
        let sum = try a.reduce(.sum, axis: 1)
        #expect(sum.shape == [2, 4] && sum.scalars == [12, 15, 18, 21, 48, 51, 54, 57])
        let max = try a.reduce(.max, axis: 2)
        #expect(max.shape == [2, 3] && max.scalars == [3, 7, 11, 15, 19, 23])
    }

    /// Integer tensors: sum gives int32, min/max keep the dtype, mean and std give float32.
    @Test(arguments: [(Reduction.sum, DType.int32), (.min, .uint8), (.max, .uint8), (.mean, .float32), (.std, .float32)])
    func reductionDtypes(_ kind: Reduction, _ dtype: DType) throws {
        let a = try Tensor([200, 100, 50, 25], shape: [2, 2], dtype: .uint8)
        #expect(try a.reduce(kind, axis: 0).dtype == dtype)
        #expect(try a.reduce(.sum, axis: 0).scalars == [250, 125])
    }

    /// NumPy: the sum of nothing is 0 and its mean NaN; max, min and argmax have no identity
    /// and refuse an empty tensor or an empty axis, all with the same message.
    @Test func emptyReductionsAgreeWithNumPy() throws {
        let empty = try Tensor(zeros: [0])
        #expect(try empty.reduce(.sum) == 0)
        #expect(try empty.reduce(.mean).isNaN)
        for (name, reduce) in [("max", { try empty.reduce(.max) }), ("min", { try empty.reduce(.min) }),
                               ("argmax", { Double(try empty.argmax()) })] as [(String, () throws -> Double)] {
            let error = #expect(throws: EngineError.self) { try reduce() }
            #expect(error?.description == "\(name)() has no value: the tensor of shape [0] is empty, "
                + "and max, min and argmax need at least one element")
        }
        let rows = try Tensor(zeros: [0, 3])
        let error = #expect(throws: EngineError.self) { try rows.reduce(.max, axis: 0) }
        #expect(error?.description == "max(axis: 0) has no value: axis 0 of a tensor of shape [0, 3] is empty, "
            + "and max, min and argmax need at least one element")
        #expect(throws: EngineError.emptyReduction("argmax", shape: [0, 3], axis: 0)) { try rows.argmax(axis: 0) }
        #expect(try rows.reduce(.sum, axis: 0).scalars == [0, 0, 0])
        // Along a non-empty axis of an empty tensor there is nothing to refuse.
        #expect(try Tensor(zeros: [3, 0]).reduce(.max, axis: 0).shape == [0])
    }

    @Test func reductionAxisOutOfRange() throws {
        let a = try Tensor(zeros: [2, 3])
        #expect(throws: EngineError.self) { try a.reduce(.sum, axis: 2) }
        #expect(throws: EngineError.self) { try a.reduce(.sum, axis: -3) }
    }

    // MARK: argmax and comparisons

    /// NumPy's argmax returns the first of equal maxima, and the first NaN if there is one.
    @Test func argmaxTakesTheFirstOfTies() throws {
        #expect(try Tensor([1, 3, 3, 2]).argmax() == 1)
        #expect(try Tensor([5, 5, 5]).argmax() == 0)
        #expect(try Tensor([1, .nan, 3, .nan]).argmax() == 1)
        // np.array([[1, 5, 5], [7, 7, 0]]).argmax(axis=1) → [1 0]; axis=0 → [1 1 0]
        let m = try Tensor([1, 5, 5, 7, 7, 0], shape: [2, 3])
        let rows = try m.argmax(axis: 1)
        #expect(rows.scalars == [1, 0] && rows.dtype == .int32)
        #expect(try m.argmax(axis: 0).scalars == [1, 1, 0])
        #expect(try m.argmax(axis: -1).scalars == [1, 0])
    }

    @Test(arguments: [
        (ElementwiseOperation.less, [1, 0, 0] as [Float]), (.lessOrEqual, [1, 1, 0]), (.equal, [0, 1, 0]),
        (.notEqual, [1, 0, 1]), (.greater, [0, 0, 1]), (.greaterOrEqual, [0, 1, 1]),
    ])
    func elementwiseComparisons(_ op: ElementwiseOperation, _ expected: [Float]) throws {
        let r = try Tensor.elementwise(try Tensor([1, 2, 3]), try Tensor([2, 2, 2]), op)
        #expect(r.scalars == expected && r.dtype == .uint8)
    }

    @Test func maximumAndMinimum() throws {
        let a = try Tensor([1, 5, -2]), b = try Tensor([3, 4, -2])
        #expect(try Tensor.elementwise(a, b, .maximum).scalars == [3, 5, -2])
        #expect(try Tensor.elementwise(a, b, .minimum).scalars == [1, 4, -2])
    }

    /// fit's batch gather, split over 1 to 3 threads, copies the rows a slice of a shuffled
    /// order names (a slice that starts past 0, as every batch after the first does).
    @Test(arguments: [1, 2, 3])
    func gatherRowsCopiesTheNamedRowsOnAnyThreadCount(threads: Int) throws {
        let saved = Parallel.workers
        defer { Parallel.workers = saved }
        Parallel.workers = threads
        let rows = 300, size = 70
        let x = try Tensor((0..<rows * size).map { Float($0) }, shape: [rows, 7, 10])
        var stream = RandomStream(seed: 6, name: "order")
        let order = stream.permutation(rows)
        let batch = order[37..<37 + 129]
        var found = [Float](repeating: .nan, count: batch.count * size)
        found.withUnsafeMutableBufferPointer { found in
            Parallel.splittingEverything { x.gatherRows(batch, into: found.baseAddress!) }
        }
        let expected = batch.flatMap { row in (0..<size).map { Float(row * size + $0) } }
        #expect(BitIdentity.difference(found, expected) == nil, "\(threads) threads: \(BitIdentity.difference(found, expected) ?? "")")
    }
}
