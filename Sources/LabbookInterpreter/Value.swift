import OrderedCollections

/// A value of the experiment language.
///
/// Arrays, dictionaries, strings and tuples have value semantics through Swift's own
/// copy-on-write; so do native value types (a tensor struct), whose payload is copied with the
/// enum. Native objects (a model) are class instances and so are shared, as in Swift.
public enum Value {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case array([Value])
    /// Insertion-ordered, as Swift prints a dictionary literal in the order it was written.
    case dictionary(OrderedDictionary<DictionaryKey, Value>)
    /// `labels` has one entry per element, nil where the element is unlabeled.
    case tuple([Value], labels: [String?])
    case range(IntRange)
    /// An absent optional. A present optional is represented by its value: `print` unwraps
    /// optionals for display anyway, and `!` or `??` on a non-nil value give the value.
    case `nil`
    case function(Function)
    /// A value of a type registered by the bindings.
    case native(NativeValue)
    /// A registered type used as a value: `FashionMNIST` in `FashionMNIST.loadData()`.
    case type(AnyNativeType)

    /// `()`, the value of a statement or a call that returns nothing.
    public static let void = Value.tuple([], labels: [])

    /// A tuple without labels.
    public static func tuple(_ elements: [Value]) -> Value { .tuple(elements, labels: elements.map { _ in nil }) }

    public var isVoid: Bool {
        if case .tuple(let items, _) = self { return items.isEmpty }
        return false
    }

    public var isNil: Bool {
        if case .nil = self { return true }
        return false
    }
}

/// A dictionary key: the hashable subset of values.
public enum DictionaryKey: Hashable, Sendable {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)

    public init?(_ value: Value) {
        switch value {
        case .int(let n): self = .int(n)
        case .double(let d): self = .double(d)
        case .bool(let b): self = .bool(b)
        case .string(let s): self = .string(s)
        default: return nil
        }
    }

    public var value: Value {
        switch self {
        case .int(let n): return .int(n)
        case .double(let d): return .double(d)
        case .bool(let b): return .bool(b)
        case .string(let s): return .string(s)
        }
    }
}

/// `lower..<upper` or `lower...upper` over Int, kept as bounds: iterating `0..<Int.max` never
/// materializes it. Bounds are checked (`lower <= upper`) when the range is made.
public struct IntRange: Hashable, Sendable {
    public var lower: Int
    public var upper: Int
    public var isClosed: Bool

    public init(lower: Int, upper: Int, isClosed: Bool) {
        self.lower = lower
        self.upper = upper
        self.isClosed = isClosed
    }

    /// The number of elements, or nil when it does not fit in an Int.
    public var count: Int? {
        let (difference, overflow) = upper.subtractingReportingOverflow(lower)
        if overflow { return nil }
        if !isClosed { return max(0, difference) }
        let (closed, overflow2) = difference.addingReportingOverflow(1)
        return overflow2 ? nil : closed
    }

    public func contains(_ n: Int) -> Bool { n >= lower && (isClosed ? n <= upper : n < upper) }

}

/// A value of a native type: the registered type and the Swift value or object it wraps.
public struct NativeValue {
    public let type: AnyNativeType
    public var payload: Any

    public init(type: AnyNativeType, payload: Any) {
        self.type = type
        self.payload = payload
    }
}
