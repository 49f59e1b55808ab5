/// A type as written in an annotation or declared by a binding: `Int`, `[String: History]`,
/// `[(String, Optimizer)]`, `Tensor?`, `(Int, Logs) -> Action`.
///
/// Types are checked at run time; a named type is a built-in (`Int`, `Double`, `Bool`,
/// `String`, `Any`, `Void`) or a native type registered in the ``Library``.
public indirect enum TypeSpec: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    case named(String)
    case array(TypeSpec)
    case dictionary(TypeSpec, TypeSpec)
    case tuple([TypeSpec])
    /// An element of a tuple type with its label: `(loss: Double, accuracy: Double)`.
    case labeled(String, TypeSpec)
    case optional(TypeSpec)
    case function([TypeSpec], TypeSpec)
    /// A result-builder parameter: a closure argument is run at once and every expression
    /// statement of its body (including inside `for` and `if`) whose value is an `Element` is
    /// collected into an array, which is what the native function receives.
    case builder(TypeSpec)

    /// Any value.
    public static let any = TypeSpec.named("Any")

    public init(stringLiteral value: String) { self = .named(value) }

    public var description: String {
        switch self {
        case .named(let name): return name
        case .array(let element): return "[\(element)]"
        case .dictionary(let key, let value): return "[\(key): \(value)]"
        case .tuple(let items): return "(" + items.map(\.description).joined(separator: ", ") + ")"
        case .optional(let wrapped): return "\(wrapped)?"
        case .function(let parameters, let result):
            return "(" + parameters.map(\.description).joined(separator: ", ") + ") -> \(result)"
        case .builder(let element): return "{ \(element)... }"
        case .labeled(let label, let type): return "\(label): \(type)"
        }
    }
}
