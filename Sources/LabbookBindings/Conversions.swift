import LabbookEngine
import LabbookInterpreter

/// Conversions between interpreter values and Swift values that several bindings share.
enum Convert {
    /// `val_accuracy` → `valAccuracy`: the Swift spelling of a Keras name.
    static func camelCase(_ keras: String) -> String {
        let words = keras.split(separator: "_")
        guard let first = words.first else { return keras }
        return String(first) + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// `valAccuracy` → `val_accuracy`.
    static func snakeCase(_ swift: String) -> String {
        var result = ""
        for c in swift {
            if c.isUppercase {
                result += "_" + c.lowercased()
            } else {
                result.append(c)
            }
        }
        return result
    }

    /// A hyper-parameter as written in code: `0.9`, `1e-07`, without Float32 noise.
    static func short(_ value: Double) -> String {
        let rounded = Double(String(format: "%.7g", value)) ?? value
        return "\(rounded)"
    }

    /// Names for a message: `loss, accuracy`, or `none` for an empty list (so that no message
    /// ends in "it has ").
    static func listing(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.joined(separator: ", ")
    }

    /// An array of Doubles as an interpreter array.
    static func doubles(_ values: [Double]) -> Value { .array(values.map(Value.double)) }

    /// A number, or nil for anything else.
    static func number(_ value: Value) -> Double? { value.doubleValue }

    /// A seed argument (Int) as the engine's seed.
    static func seed(_ n: Int) -> UInt64 { UInt64(bitPattern: Int64(n)) }

    /// The tensor an image-like value holds: a tensor, or nested arrays of numbers.
    static func shape(of value: Value) throws -> [Int] {
        guard case .array(let items) = value else { return [] }
        guard let first = items.first else { return [0] }
        let inner = try shape(of: first)
        for item in items.dropFirst() where try shape(of: item) != inner {
            throw NativeError(BindingMessages.raggedArray)
        }
        return [items.count] + inner
    }

    /// Nested arrays of numbers flattened in row-major order; Ints stay integral.
    static func flatten(_ value: Value, into values: inout [Float], integral: inout Bool) throws {
        switch value {
        case .array(let items):
            for item in items { try flatten(item, into: &values, integral: &integral) }
        case .int(let n):
            values.append(Float(n))
        case .double(let d):
            integral = false
            values.append(Float(d))
        case .bool(let b):
            values.append(b ? 1 : 0)
        default:
            throw NativeError(BindingMessages.notANumber(value.typeName))
        }
    }

    /// A tensor from nested arrays of numbers (`[[1, 2], [3, 4]]`); Ints give `int32`, and
    /// must then be ones that int32 tensors hold exactly (named as written, before Float32
    /// rounds them).
    static func tensor(fromArray value: Value) throws -> Tensor? {
        guard case .array = value else { return nil }
        let shape = try shape(of: value)
        var values: [Float] = []
        var integral = true
        try flatten(value, into: &values, integral: &integral)
        let dtype: DType = integral && !values.isEmpty ? .int32 : .float32
        if dtype == .int32, let large = firstInt(value, where: { !(Double(Float($0)) == Double($0) && DType.int32.holds(Float($0))) }) {
            throw EngineError.valueDoesNotFit(Double(large), dtype: .int32,
                                              hint: BindingMessages.largeIntegerHint(large))
        }
        return try Tensor(values, shape: shape, dtype: dtype)
    }

    /// The first Int of nested arrays that satisfies `condition`.
    private static func firstInt(_ value: Value, where condition: (Int) -> Bool) -> Int? {
        switch value {
        case .array(let items):
            for item in items { if let n = firstInt(item, where: condition) { return n } }
            return nil
        case .int(let n): return condition(n) ? n : nil
        default: return nil
        }
    }
}
