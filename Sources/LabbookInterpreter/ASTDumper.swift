/// Renders the AST as S-expressions, for tests and `--dump-ast`: `(let x (+ 1 2))`.
enum ASTDumper {
    static func dump(_ statement: Stmt) -> String {
        switch statement.kind {
        case .expression(let e): return dump(e)
        case .binding(let isConstant, let pattern, let type, let value):
            return "(\(isConstant ? "let" : "var") \(dump(pattern))\(type.map { ": \($0)" } ?? "") \(dump(value)))"
        case .assignment(let target, let op, let value): return "(\(op ?? "")= \(dump(target)) \(dump(value)))"
        case .if(let branches, let elseBody):
            let parts = branches.map { "\(dump($0.conditions)) \(dump($0.body))" }
            return "(if " + parts.joined(separator: " elif ") + (elseBody.map { " else \(dump($0))" } ?? "") + ")"
        case .guard(let conditions, let body): return "(guard \(dump(conditions)) else \(dump(body)))"
        case .while(let conditions, let body): return "(while \(dump(conditions)) \(dump(body)))"
        case .repeat(let body, let condition): return "(repeat \(dump(body)) while \(dump(condition)))"
        case .for(let pattern, let sequence, let body): return "(for \(dump(pattern)) in \(dump(sequence)) \(dump(body)))"
        case .break: return "(break)"
        case .continue: return "(continue)"
        case .return(let value): return "(return" + (value.map { " " + dump($0) } ?? "") + ")"
        case .function(let f):
            let parameters = f.parameters.map { p in
                "\(p.label ?? "_") \(p.name)" + (p.type.map { ": \($0)" } ?? "") + (p.defaultValue.map { " = \(dump($0))" } ?? "")
            }
            return "(func \(f.name) (\(parameters.joined(separator: ", ")))" + (f.returnType.map { " -> \($0)" } ?? "") + " \(dump(f.body)))"
        }
    }

    static func dump(_ expr: Expr) -> String {
        switch expr.kind {
        case .integer(let n): return String(n)
        case .double(let d): return String(d)
        case .bool(let b): return String(b)
        case .string(let s): return s.debugDescription
        case .interpolation(let parts):
            return "(interpolation " + parts.map { part in
                switch part {
                case .text(let t): return t.debugDescription
                case .expr(let e): return dump(e)
                }
            }.joined(separator: " ") + ")"
        case .nil: return "nil"
        case .identifier(let name): return name
        case .implicitMember(let name): return ".\(name)"
        case .array(let items): return "[" + items.map(dump).joined(separator: " ") + "]"
        case .dictionary(let entries): return "[" + entries.map { "\(dump($0.key)): \(dump($0.value))" }.joined(separator: " ") + "]"
        case .tuple(let items): return "(tuple " + items.map { ($0.label.map { "\($0): " } ?? "") + dump($0.value) }.joined(separator: " ") + ")"
        case .unary(let op, let operand): return "(\(op) \(dump(operand)))"
        case .binary(let op, let l, let r): return "(\(op) \(dump(l)) \(dump(r)))"
        case .ternary(let c, let a, let b): return "(? \(dump(c)) \(dump(a)) \(dump(b)))"
        case .forceUnwrap(let operand): return "(! \(dump(operand)))"
        case .call(let callee, let args): return "(call \(dump(callee))" + args.map { " " + dump($0) }.joined() + ")"
        case .member(let base, let name): return "(. \(dump(base)) \(name))"
        case .subscript(let base, let args): return "(subscript \(dump(base))" + args.map { " " + dump($0) }.joined() + ")"
        case .closure(let c):
            let parameters = c.parameters.map { "(" + $0.map(\.name).joined(separator: " ") + ") in " } ?? ""
            return "{ \(parameters)\(c.body.map(dump).joined(separator: "; ")) }"
        case .operatorFunction(let op): return "(operator \(op))"
        }
    }

    private static func dump(_ argument: Argument) -> String {
        (argument.label.map { "\($0): " } ?? "") + dump(argument.value)
    }

    private static func dump(_ body: [Stmt]) -> String {
        "{ " + body.map(dump).joined(separator: "; ") + " }"
    }

    private static func dump(_ conditions: [Condition]) -> String {
        conditions.map(dump).joined(separator: ", ")
    }

    private static func dump(_ condition: Condition) -> String {
        switch condition {
        case .expression(let e): return dump(e)
        case .optionalBinding(let isConstant, let pattern, let e): return "(\(isConstant ? "let" : "var") \(dump(pattern)) \(dump(e)))"
        }
    }

    private static func dump(_ pattern: Pattern) -> String {
        switch pattern {
        case .name(let name, _): return name
        case .wildcard: return "_"
        case .tuple(let items): return "(" + items.map(dump).joined(separator: ", ") + ")"
        }
    }
}
