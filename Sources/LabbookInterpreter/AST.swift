import LabbookDiagnostics

/// An expression node: what it is, and where it is in the source.
public struct Expr: Sendable {
    public let kind: ExprKind
    public var range: SourceRange
    /// The longest path from this node down to a leaf (see `AST+Height.swift`).
    public let height: Int

    public init(kind: ExprKind, range: SourceRange) {
        self.kind = kind
        self.range = range
        height = kind.height
    }
}

/// The expressions of the experiment language.
public indirect enum ExprKind: Sendable {
    case integer(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    /// `"a \(b) c"`: literal text and interpolated expressions in order.
    case interpolation([InterpolationPart])
    case `nil`
    case identifier(String)
    /// `.relu`: a member of the type the context expects.
    case implicitMember(String)
    case array([Expr])
    case dictionary([(key: Expr, value: Expr)])
    case tuple([TupleElement])
    case unary(op: String, Expr)
    case binary(op: String, Expr, Expr)
    case ternary(Expr, Expr, Expr)
    /// `x!`
    case forceUnwrap(Expr)
    case call(Expr, [Argument])
    case member(Expr, String)
    case `subscript`(Expr, [Argument])
    case closure(Closure)
    /// An operator used as a function: `sorted(by: >)`.
    case operatorFunction(String)
}

public enum InterpolationPart: Sendable {
    case text(String)
    case expr(Expr)
}

public struct TupleElement: Sendable {
    public var label: String?
    public var value: Expr
}

/// A call or subscript argument; a trailing closure is an unlabeled last argument.
public struct Argument: Sendable {
    public var label: String?
    public var value: Expr
    /// The range of the label and the value together.
    public var range: SourceRange
    /// A closure written after the call's parentheses: it may satisfy a labeled parameter.
    public var isTrailingClosure = false
}

/// `{ a, b in ... }`; `parameters` is nil when the closure uses `$0`, `$1` or none.
public struct Closure: Sendable {
    public var parameters: [ClosureParameter]?
    public var returnType: TypeSpec?
    public var body: [Stmt]
}

public struct ClosureParameter: Sendable {
    public var name: String
    public var type: TypeSpec?
}

/// A statement node.
public struct Stmt: Sendable {
    public let kind: StmtKind
    public var range: SourceRange
    /// The longest path from this node down to a leaf (see `AST+Height.swift`).
    public let height: Int

    public init(kind: StmtKind, range: SourceRange) {
        self.kind = kind
        self.range = range
        height = kind.height
    }
}

public indirect enum StmtKind: Sendable {
    case expression(Expr)
    /// `let`/`var` with a pattern, an optional annotation and a value.
    case binding(isConstant: Bool, Pattern, TypeSpec?, Expr)
    /// `target = value` or `target op= value` (`op` is `+`, `-`, ...; nil for plain assignment);
    /// a tuple of targets takes a tuple's elements: `(a, b) = (b, a)`.
    case assignment(target: Expr, op: String?, value: Expr)
    case `if`([ConditionalBranch], else: [Stmt]?)
    case `guard`([Condition], else: [Stmt])
    case `while`([Condition], [Stmt])
    case `repeat`([Stmt], while: Expr)
    case `for`(Pattern, in: Expr, [Stmt])
    case `break`
    case `continue`
    case `return`(Expr?)
    case function(FunctionDeclaration)
}

/// A condition of `if`, `guard` or `while`: a Bool expression or `let name = optional`. A
/// statement takes a comma-separated list of them, all of which must hold, tested in order.
public enum Condition: Sendable {
    case expression(Expr)
    case optionalBinding(isConstant: Bool, Pattern, Expr)
}

public struct ConditionalBranch: Sendable {
    public var conditions: [Condition]
    public var body: [Stmt]
}

/// A binding pattern: a name, `_`, or a tuple of patterns.
public indirect enum Pattern: Sendable {
    case name(String, SourceRange)
    case wildcard
    case tuple([Pattern])
}

public struct FunctionDeclaration: Sendable {
    public var name: String
    public var parameters: [ParameterDeclaration]
    public var returnType: TypeSpec?
    public var body: [Stmt]
}

/// `label name: Type = default`; `label` is nil for `_`.
public struct ParameterDeclaration: Sendable {
    public var label: String?
    public var name: String
    public var type: TypeSpec?
    public var defaultValue: Expr?
    public var range: SourceRange
}

extension Pattern {
    /// The names the pattern binds, in order.
    var names: [String] {
        switch self {
        case .name(let name, _): return [name]
        case .wildcard: return []
        case .tuple(let items): return items.flatMap(\.names)
        }
    }
}
