/// The arguments a native function receives, already matched to its parameters, checked and
/// converted: `values[i]` belongs to `parameters[i]` (defaults filled in, a variadic parameter's
/// arguments gathered into an array).
///
/// The typed accessors throw a ``NativeError`` naming the parameter when a value is not what the
/// binding expects (only possible for parameters declared `Any`).
public struct Arguments {
    /// One value per parameter, in parameter order.
    public let values: [Value]
    /// The parameters of the overload that was chosen.
    public let parameters: [Parameter]
    /// The running block: outputs, cancellation, calling closures back.
    public let context: CallContext
    /// The name of the function called, for messages.
    public let functionName: String

    public var count: Int { values.count }

    /// The value of parameter `index` (`.nil` past the end).
    public subscript(_ index: Int) -> Value { index < values.count ? values[index] : .nil }

    /// The value of the parameter labeled (or named) `name`.
    public subscript(_ name: String) -> Value {
        guard let index = parameters.firstIndex(where: { $0.label == name || $0.name == name }) else { return .nil }
        return self[index]
    }

    public func int(_ index: Int) throws -> Int {
        guard case .int(let n) = self[index] else { throw mismatch(index, "Int") }
        return n
    }

    /// A Double, accepting an Int.
    public func double(_ index: Int) throws -> Double {
        switch self[index] {
        case .double(let d): return d
        case .int(let n): return Double(n)
        default: throw mismatch(index, "Double")
        }
    }

    public func bool(_ index: Int) throws -> Bool {
        guard case .bool(let b) = self[index] else { throw mismatch(index, "Bool") }
        return b
    }

    public func string(_ index: Int) throws -> String {
        guard case .string(let s) = self[index] else { throw mismatch(index, "String") }
        return s
    }

    public func array(_ index: Int) throws -> [Value] {
        guard case .array(let items) = self[index] else { throw mismatch(index, "an array") }
        return items
    }

    /// An `[Int]` (a shape, a list of indices).
    public func ints(_ index: Int) throws -> [Int] {
        try array(index).map { item in
            guard case .int(let n) = item else { throw mismatch(index, "[Int]") }
            return n
        }
    }

    public func function(_ index: Int) throws -> Function {
        guard case .function(let f) = self[index] else { throw mismatch(index, "a function") }
        return f
    }

    /// The Swift value of a native argument.
    public func native<T>(_ index: Int, as type: NativeType<T>) throws -> T {
        guard let value = type.unwrap(self[index]) else { throw mismatch(index, type.name) }
        return value
    }

    /// nil when the argument is `nil` (an optional parameter left out).
    public func optional<T>(_ index: Int, _ accessor: (Int) throws -> T) throws -> T? {
        self[index].isNil ? nil : try accessor(index)
    }

    private func mismatch(_ index: Int, _ expected: String) -> NativeError {
        let name = index < parameters.count ? parameters[index].name : "#\(index + 1)"
        return NativeError(Messages.argumentMismatch(parameter: name, function: functionName, expected: expected,
                                                     found: self[index].typeName))
    }
}
