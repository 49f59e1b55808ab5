/// One parameter of a native function, method, constructor or subscript, declared as in Swift:
/// `Parameter("activation", "Activation", default: ...)` is `activation: Activation = ...`,
/// `Parameter(nil, "Int")` is `_ units: Int`.
///
/// The interpreter matches call arguments to parameters with Swift's rules (labels in order,
/// defaulted parameters may be skipped, a trailing closure fills a function parameter), checks
/// each value against `type` and converts it: Int to Double, `.relu` and `"relu"` to the
/// enum-like native type expected, arrays element by element.
public struct Parameter {
    /// The argument label; nil for `_`.
    public var label: String?
    /// The name used in messages.
    public var name: String
    public var type: TypeSpec
    /// The value used when the argument is omitted; nil makes the argument required.
    public var defaultValue: Value?
    /// `_ items: Any...`: takes every remaining unlabeled argument, passed as an array.
    public var isVariadic: Bool

    public init(_ label: String?, _ type: TypeSpec = .any, name: String? = nil, default defaultValue: Value? = nil) {
        self.label = label
        self.name = name ?? label ?? "value"
        self.type = type
        self.defaultValue = defaultValue
        self.isVariadic = false
    }

    /// A variadic parameter, like `print`'s `_ items: Any...`.
    public static func variadic(_ label: String?, _ type: TypeSpec = .any, name: String? = nil) -> Parameter {
        var parameter = Parameter(label, type, name: name)
        parameter.isVariadic = true
        return parameter
    }
}

/// One way of calling a native function: its parameters and the Swift code that runs.
public struct Overload {
    public var parameters: [Parameter]
    public var body: (Arguments) throws -> Value

    public init(_ parameters: [Parameter], _ body: @escaping (Arguments) throws -> Value) {
        self.parameters = parameters
        self.body = body
    }

}
