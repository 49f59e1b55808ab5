import LabbookEngine
import LabbookInterpreter

/// `Tensor`: construction, shape, indexing down to numbers, arithmetic with broadcasting,
/// reductions, printing as NumPy.
extension EngineTypes {
    func registerTensor() {
        let tensor = self.tensor
        /// A shape's storage checked against the session's memory budget before it is made (a
        /// shape the engine refuses is left to its message).
        func reserve(_ shape: [Int], _ args: Arguments) throws {
            let (count, overflow) = shape.reduce((1, false)) { acc, n in
                let (product, o) = acc.0.multipliedReportingOverflow(by: max(0, n))
                return (product, acc.1 || o)
            }
            if !overflow, count <= Int.max / 4 { try args.context.reserveMemory(count * MemoryLayout<Float>.stride) }
        }
        tensor.constructor([Parameter("zeros", .array("Int"), name: "shape")]) { args in
            let shape = try args.ints(0)
            try reserve(shape, args)
            return try Tensor(zeros: shape)
        }
        tensor.constructor([Parameter(nil, .any, name: "values")]) { args in
            guard let t = try Convert.tensor(fromArray: args[0]) ?? tensor.unwrap(args[0]) else {
                throw NativeError(BindingMessages.tensorValues)
            }
            return t
        }
        tensor.conversion { try Convert.tensor(fromArray: $0) }
        tensor.staticMethod("random", [Parameter("normal", .array("Int"), name: "shape"), Parameter("seed", "Int", default: .int(0))]) { args in
            let shape = try args.ints(0)
            try reserve(shape, args)
            var stream = RandomStream(seed: Convert.seed(try args.int(1)), name: "Tensor.random")
            return tensor.wrap(try Tensor(shape: shape) { b in for i in b.indices { b[i] = Float(stream.normal()) } })
        }
        tensor.describe { $0.description }
        tensor.equality(==)

        tensor.property("shape") { .array($0.shape.map(Value.int)) }
        tensor.property("count") { .int($0.count) }
        tensor.property("rank") { .int($0.rank) }
        tensor.property("dtype") { [dtype] in dtype.wrap($0.dtype) }
        tensor.method("reshaped", [Parameter("to", .array("Int"), name: "shape")]) { t, args in
            tensor.wrap(try t.reshaped(to: try args.ints(0)))
        }
        tensor.method("asType", [Parameter(nil, "DType", name: "dtype")]) { [dtype] t, args in
            tensor.wrap(try t.asType(try args.native(0, as: dtype)))
        }
        for reduction in [Reduction.sum, .mean, .min, .max, .std] {
            tensor.method(reduction.rawValue) { t, _ in
                let value = try t.reduce(reduction)
                return t.dtype.isInteger && (reduction == .sum || reduction == .min || reduction == .max) && value.isFinite
                    ? .int(Int(value)) : .double(value)
            }
            tensor.method(reduction.rawValue, [Parameter("axis", "Int")]) { t, args in
                tensor.wrap(try t.reduce(reduction, axis: try args.int(0)))
            }
        }
        tensor.method("argmax") { t, _ in .int(try t.argmax()) }
        tensor.method("argmax", [Parameter("axis", "Int")]) { t, args in tensor.wrap(try t.argmax(axis: try args.int(0))) }

        registerTensorIndexing()
        registerTensorArithmetic()
    }

    /// A tensor of rank 0 reads as a number: an Int for integer dtypes, a Double otherwise.
    func element(_ t: Tensor) -> Value {
        guard let scalar = t.scalarValue else { return tensor.wrap(t) }
        if t.dtype.isInteger, let n = Int(exactly: scalar) { return .int(n) }
        return .double(Double(scalar))
    }

    private func registerTensorIndexing() {
        let tensor = self.tensor
        for arity in 1...4 {
            let parameters = (0..<arity).map { Parameter(nil, "Int", name: "index\($0 + 1)") }
            tensor.subscriptAccess(parameters, get: { [self] t, args in
                element(try t.entry(try (0..<arity).map { try args.int($0) }))
            })
        }
        tensor.subscriptAccess([Parameter(nil, "Range", name: "range")], get: { t, args in
            guard case .range(let range) = args[0] else { throw NativeError(BindingMessages.sliceRange) }
            // A closed range's end is one past its upper bound: `t[0...Int.max]` must not overflow.
            let (end, overflow) = range.upper.addingReportingOverflow(range.isClosed ? 1 : 0)
            guard !overflow else { throw EngineError.indexOutOfRange(index: range.upper, axis: 0, size: t.shape.first ?? 0) }
            return tensor.wrap(try t.slice(range.lower..<end))
        })
        tensor.iterate(count: { $0.shape.first ?? 0 }, element: { [self] t, i in element(try t.entry(i)) })
    }

    private func registerTensorArithmetic() {
        let tensor = self.tensor
        let operations: [(String, ElementwiseOperation)] = [
            ("+", .add), ("-", .subtract), ("*", .multiply), ("/", .divide),
            (".==", .equal), (".!=", .notEqual), (".<", .less), (".<=", .lessOrEqual), (".>", .greater), (".>=", .greaterOrEqual),
        ]
        for (symbol, operation) in operations {
            tensor.binaryOperator(symbol) { lhs, rhs in
                switch (tensor.unwrap(lhs), tensor.unwrap(rhs)) {
                case let (a?, b?):
                    return tensor.wrap(try Tensor.elementwise(a, b, operation))
                case let (a?, nil):
                    guard let s = Convert.number(rhs) else { return nil }
                    if case .int = rhs { return tensor.wrap(try Tensor.elementwise(a, scalar: s, isInteger: true, operation)) }
                    return tensor.wrap(try Tensor.elementwise(a, scalar: s, isInteger: false, operation))
                case let (nil, b?):
                    guard let s = Convert.number(lhs) else { return nil }
                    var isInteger = false
                    if case .int = lhs { isInteger = true }
                    return tensor.wrap(try Tensor.elementwise(b, scalar: s, isInteger: isInteger, operation, scalarFirst: true))
                default:
                    return nil
                }
            }
        }
        tensor.prefixOperator("-") { tensor.wrap(-$0) }
    }
}
