extension Value: CustomStringConvertible {
    /// The value as Swift's `print` shows it: strings bare at the top level and quoted inside
    /// collections, optionals unwrapped, Doubles in Swift's shortest form (`0.1`, `1.0`, `1e-07`).
    public var description: String { describe(nested: false) }

    /// Values nested deeper than this print as `...`: printing never exhausts the stack.
    private static let maximumDescribedDepth = 100

    func describe(nested: Bool, depth: Int = 0) -> String {
        if depth > Self.maximumDescribedDepth { return "..." }
        let depth = depth + 1
        switch self {
        case .int(let n): return String(n)
        case .double(let d): return String(d)
        case .bool(let b): return String(b)
        case .string(let s): return nested ? s.debugDescription : s
        case .array(let items): return "[" + items.map { $0.describe(nested: true, depth: depth) }.joined(separator: ", ") + "]"
        case .dictionary(let entries):
            if entries.isEmpty { return "[:]" }
            return "[" + entries.map { "\($0.key.value.describe(nested: true)): \($0.value.describe(nested: true, depth: depth))" }
                .joined(separator: ", ") + "]"
        case .tuple(let items, let labels):
            return "(" + zip(items, labels).map { item, label in
                (label.map { "\($0): " } ?? "") + item.describe(nested: true, depth: depth)
            }.joined(separator: ", ") + ")"
        case .range(let r): return "\(r.lower)\(r.isClosed ? "..." : "..<")\(r.upper)"
        case .nil: return "nil"
        case .function: return "(Function)"
        case .native(let native): return native.type.describeRule?(native.payload) ?? native.type.name
        case .type(let type): return type.name
        }
    }

    /// The type of the value as messages name it: `Int`, `[String]`, `[String: Int]`, `Tensor`.
    public var typeName: String {
        switch self {
        case .int: return "Int"
        case .double: return "Double"
        case .bool: return "Bool"
        case .string: return "String"
        case .array(let items): return "[\(Value.commonTypeName(items))]"
        case .dictionary(let entries):
            return "[\(Value.commonTypeName(entries.keys.map(\.value))): \(Value.commonTypeName(Array(entries.values)))]"
        case .tuple(let items, _): return "(" + items.map(\.typeName).joined(separator: ", ") + ")"
        case .range(let r): return r.isClosed ? "ClosedRange<Int>" : "Range<Int>"
        case .nil: return "nil"
        case .function: return "function"
        case .native(let native): return native.type.name
        case .type(let type): return "\(type.name).Type"
        }
    }

    private static func commonTypeName(_ values: [Value]) -> String {
        guard let first = values.first?.typeName else { return "Any" }
        return values.allSatisfy({ $0.typeName == first }) ? first : "Any"
    }
}
