/// The height of a syntax tree: the longest path from a node down to a leaf. Every walk over the
/// tree (the interpreter, the AST dump, freeing it) recurses that deep, so the parser refuses an
/// expression taller than ``Parser/maximumHeight`` while it builds it: a flat sum of 100,000
/// terms is a left-leaning tree 100,000 nodes tall, which would exhaust the stack.
extension ExprKind {
    /// 1 + the tallest child's height.
    var height: Int {
        switch self {
        case .integer, .double, .bool, .string, .nil, .identifier, .implicitMember, .operatorFunction:
            return 1
        case .interpolation(let parts):
            return 1 + parts.reduce(0) { if case .expr(let e) = $1 { return max($0, e.height) } else { return $0 } }
        case .array(let items): return 1 + items.tallest
        case .dictionary(let pairs): return 1 + pairs.reduce(0) { max($0, $1.key.height, $1.value.height) }
        case .tuple(let items): return 1 + items.map(\.value).tallest
        case .unary(_, let e), .forceUnwrap(let e), .member(let e, _): return 1 + e.height
        case .binary(_, let a, let b): return 1 + max(a.height, b.height)
        case .ternary(let a, let b, let c): return 1 + max(a.height, b.height, c.height)
        case .call(let e, let arguments), .subscript(let e, let arguments):
            return 1 + max(e.height, arguments.map(\.value).tallest)
        case .closure(let closure): return 1 + closure.body.tallest
        }
    }
}

extension StmtKind {
    /// 1 + the tallest child's height.
    var height: Int {
        switch self {
        case .expression(let e), .binding(_, _, _, let e): return 1 + e.height
        case .assignment(let target, _, let value): return 1 + max(target.height, value.height)
        case .if(let branches, let otherwise):
            return 1 + max(branches.reduce(0) { max($0, $1.conditions.tallest, $1.body.tallest) }, otherwise?.tallest ?? 0)
        case .guard(let conditions, let body), .while(let conditions, let body):
            return 1 + max(conditions.tallest, body.tallest)
        case .repeat(let body, let condition): return 1 + max(body.tallest, condition.height)
        case .for(_, let sequence, let body): return 1 + max(sequence.height, body.tallest)
        case .break, .continue: return 1
        case .return(let e): return 1 + (e?.height ?? 0)
        case .function(let f): return 1 + max(f.body.tallest, f.parameters.compactMap(\.defaultValue).tallest)
        }
    }
}

extension Condition {
    var height: Int {
        switch self {
        case .expression(let e), .optionalBinding(_, _, let e): return e.height
        }
    }
}

extension Array where Element == Expr {
    var tallest: Int { reduce(0) { Swift.max($0, $1.height) } }
}

extension Array where Element == Stmt {
    var tallest: Int { reduce(0) { Swift.max($0, $1.height) } }
}

extension Array where Element == Condition {
    var tallest: Int { reduce(0) { Swift.max($0, $1.height) } }
}
