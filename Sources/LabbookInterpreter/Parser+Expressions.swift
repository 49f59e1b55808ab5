import LabbookDiagnostics

/// ```
/// expression  → ternary
/// ternary     → or ( "?" expression ":" expression )?
/// or          → and ( "||" and )*
/// and         → comparison ( "&&" comparison )*
/// comparison  → coalescing ( ( "==" | "!=" | "<" | "<=" | ">" | ">=" | ".==" | ... ) coalescing )*
/// coalescing  → range ( "??" coalescing )?
/// range       → additive ( ( "..<" | "..." ) additive )?
/// additive    → multiplicative ( ( "+" | "-" ) multiplicative )*
/// multiplicative → prefix ( ( "*" | "/" | "%" ) prefix )*
/// prefix      → ( "-" | "!" ) prefix | postfix
/// postfix     → primary ( call | subscript | "." member | "!" | trailingClosure )*
/// ```
/// A binary operator continues an expression only when it ends a line, not when it starts one.
extension Parser {
    mutating func expression() throws -> Expr {
        try enterRule()
        defer { depth -= 1 }
        return try ternary()
    }

    mutating func ternary() throws -> Expr {
        let condition = try or()
        guard binaryOperator(in: ["?"]) != nil else { return condition }
        let whenTrue = try expression()
        try consume(.punct(":"), Messages.expected("':' in the conditional expression"))
        let whenFalse = try expression()
        return Expr(kind: .ternary(condition, whenTrue, whenFalse), range: condition.range.to(whenFalse.range))
    }

    mutating func or() throws -> Expr {
        try leftAssociative(["||"]) { try $0.and() }
    }

    mutating func and() throws -> Expr {
        try leftAssociative(["&&"]) { try $0.comparison() }
    }

    mutating func comparison() throws -> Expr {
        try leftAssociative(["==", "!=", "<", "<=", ">", ">=", ".==", ".!=", ".<", ".<=", ".>", ".>="]) {
            try $0.coalescing()
        }
    }

    mutating func coalescing() throws -> Expr {
        let left = try range()
        guard binaryOperator(in: ["??"]) != nil else { return left }
        try enterRule()
        defer { depth -= 1 }
        let right = try coalescing()
        return Expr(kind: .binary(op: "??", left, right), range: left.range.to(right.range))
    }

    mutating func range() throws -> Expr {
        let left = try additive()
        guard let op = binaryOperator(in: ["..<", "..."]) else { return left }
        let right = try additive()
        return Expr(kind: .binary(op: op, left, right), range: left.range.to(right.range))
    }

    mutating func additive() throws -> Expr {
        try leftAssociative(["+", "-"]) { try $0.multiplicative() }
    }

    mutating func multiplicative() throws -> Expr {
        try leftAssociative(["*", "/", "%"]) { try $0.prefix() }
    }

    mutating func prefix() throws -> Expr {
        if case .punct(let op) = peek.kind, op == "-" || op == "!" {
            let token = advance()
            try enterRule()
            defer { depth -= 1 }
            let operand = try prefix()
            return Expr(kind: .unary(op: op, operand), range: token.range.to(operand.range))
        }
        return try postfix()
    }

    mutating func postfix() throws -> Expr {
        var expr = try primary()
        while true {
            let token = peek
            switch token.kind {
            case .punct("(") where !token.followsNewline:
                advance()
                let arguments = try argumentList(closing: ")")
                expr = Expr(kind: .call(expr, arguments + (try trailingClosures())), range: expr.range.to(previous.range))
            case .punct("[") where !token.followsNewline:
                advance()
                let arguments = try argumentList(closing: "]")
                expr = Expr(kind: .subscript(expr, arguments), range: expr.range.to(previous.range))
            case .punct("."):
                advance()
                let name: String
                switch peek.kind {
                case .identifier(let n): name = n
                case .integer(let n): name = String(n)
                case .keyword(let k): name = k.rawValue
                default: throw Diagnostic(.error, Messages.expected("a member name after '.'") + Messages.found(peek.kind), at: peek.range)
                }
                advance()
                expr = Expr(kind: .member(expr, name), range: expr.range.to(previous.range))
            case .punct("!") where !token.followsSpace:
                advance()
                expr = Expr(kind: .forceUnwrap(expr), range: expr.range.to(token.range))
            case .punct("{") where allowsTrailingClosure && !token.followsNewline:
                let closures = try trailingClosures()
                expr = Expr(kind: .call(expr, closures), range: expr.range.to(previous.range))
            default:
                return expr
            }
            expr = try bounded(expr)
        }
    }

    /// `expr`, unless it is taller than ``Parser/maximumHeight``: the chains of operators and
    /// of postfix calls, members and subscripts are the only way a tree grows without the
    /// rules nesting (which ``enterRule()`` bounds).
    func bounded(_ expr: Expr) throws -> Expr {
        guard expr.height <= Self.maximumHeight else {
            throw Diagnostic(.error, Messages.expressionTooLong(Self.maximumHeight), at: expr.range)
        }
        return expr
    }

    /// A trailing closure after a call's parentheses, if one follows on the same line.
    mutating func trailingClosures() throws -> [Argument] {
        guard allowsTrailingClosure, check(.punct("{")), !peek.followsNewline else { return [] }
        let closure = try closureExpression()
        return [Argument(label: nil, value: closure, range: closure.range, isTrailingClosure: true)]
    }

    /// `label: value, value, ...` up to `closing`, which is consumed.
    mutating func argumentList(closing: String) throws -> [Argument] {
        let saved = allowsTrailingClosure
        allowsTrailingClosure = true
        defer { allowsTrailingClosure = saved }
        let open = previous
        var arguments: [Argument] = []
        if match(.punct(closing)) { return arguments }
        repeat {
            let start = peek.range
            var label: String?
            if case .identifier(let name) = peek.kind, peek(1).kind == .punct(":") {
                label = name
                advance(); advance()
            } else if case .keyword(let k) = peek.kind, peek(1).kind == .punct(":") {
                label = k.rawValue
                advance(); advance()
            }
            let value = try operatorFunction() ?? expression()
            arguments.append(Argument(label: label, value: value, range: start.to(value.range)))
        } while match(.punct(","))
        try consume(.punct(closing), Messages.expected("'\(closing)' to close the argument list"), matching: open)
        return arguments
    }

    /// An operator passed as a function, as in `sorted(by: >)`.
    mutating func operatorFunction() throws -> Expr? {
        guard case .punct(let op) = peek.kind, ["<", ">", "<=", ">=", "==", "!=", "+", "-", "*", "/"].contains(op),
              peek(1).kind == .punct(")") || peek(1).kind == .punct(",") else { return nil }
        let token = advance()
        return Expr(kind: .operatorFunction(op), range: token.range)
    }

    mutating func primary() throws -> Expr {
        let token = peek
        switch token.kind {
        case .integer(let n): advance(); return Expr(kind: .integer(n), range: token.range)
        case .double(let d): advance(); return Expr(kind: .double(d), range: token.range)
        case .keyword(.true): advance(); return Expr(kind: .bool(true), range: token.range)
        case .keyword(.false): advance(); return Expr(kind: .bool(false), range: token.range)
        case .keyword(.nil): advance(); return Expr(kind: .nil, range: token.range)
        case .string(let parts): advance(); return try stringLiteral(parts, range: token.range)
        case .identifier(let name): advance(); return Expr(kind: .identifier(name), range: token.range)
        case .dollar(let n): advance(); return Expr(kind: .identifier("$\(n)"), range: token.range)
        case .punct("."):
            advance()
            // Keywords are member names too: `.continue`, as in Swift.
            if case .keyword(let keyword) = peek.kind {
                advance()
                return Expr(kind: .implicitMember(keyword.rawValue), range: token.range.to(previous.range))
            }
            let name = try identifier(Messages.expected("a member name after '.'"))
            return Expr(kind: .implicitMember(name), range: token.range.to(previous.range))
        case .punct("("): return try parenthesized()
        case .punct("["): return try collectionLiteral()
        case .punct("{"): return try closureExpression()
        default:
            throw Diagnostic(.error, Messages.expectedExpression(token.kind), at: token.range)
        }
    }

    /// `()`, `(e)`, `(a, b)`, `(loss: l, accuracy: a)`.
    mutating func parenthesized() throws -> Expr {
        let open = advance()
        let saved = allowsTrailingClosure
        allowsTrailingClosure = true
        defer { allowsTrailingClosure = saved }
        var elements: [TupleElement] = []
        if !check(.punct(")")) {
            repeat {
                var label: String?
                if case .identifier(let name) = peek.kind, peek(1).kind == .punct(":") {
                    label = name
                    advance(); advance()
                }
                elements.append(TupleElement(label: label, value: try expression()))
            } while match(.punct(","))
        }
        try consume(.punct(")"), Messages.expected("')'"), matching: open)
        let range = open.range.to(previous.range)
        if elements.count == 1, elements[0].label == nil {
            return Expr(kind: elements[0].value.kind, range: range)
        }
        return Expr(kind: .tuple(elements), range: range)
    }

    /// `[]`, `[:]`, `[a, b]`, `[k: v, ...]`.
    mutating func collectionLiteral() throws -> Expr {
        let open = advance()
        let saved = allowsTrailingClosure
        allowsTrailingClosure = true
        defer { allowsTrailingClosure = saved }
        if match(.punct(":")) {
            try consume(.punct("]"), Messages.expected("']' after '[:'"))
            return Expr(kind: .dictionary([]), range: open.range.to(previous.range))
        }
        if match(.punct("]")) { return Expr(kind: .array([]), range: open.range.to(previous.range)) }
        let first = try expression()
        if match(.punct(":")) {
            var entries = [(key: first, value: try expression())]
            while match(.punct(",")) {
                if check(.punct("]")) { break }
                let key = try expression()
                try consume(.punct(":"), Messages.expected("':' between a dictionary key and its value"))
                entries.append((key, try expression()))
            }
            try consume(.punct("]"), Messages.expected("']' to close the dictionary"), matching: open)
            return Expr(kind: .dictionary(entries), range: open.range.to(previous.range))
        }
        var elements = [first]
        while match(.punct(",")) {
            if check(.punct("]")) { break }
            elements.append(try expression())
        }
        try consume(.punct("]"), Messages.expected("']' to close the array"), matching: open)
        return Expr(kind: .array(elements), range: open.range.to(previous.range))
    }

    /// `{ params in statements }` or `{ statements }`.
    mutating func closureExpression() throws -> Expr {
        let open = try consume(.punct("{"), Messages.expected("'{'"))
        try enterRule()
        defer { depth -= 1 }
        let (parameters, returnType) = closureSignature()
        let saved = allowsTrailingClosure
        allowsTrailingClosure = true
        let body = parseStatements(untilBrace: true)
        allowsTrailingClosure = saved
        try consume(.punct("}"), Messages.expected("'}' to close the closure"), matching: open)
        return Expr(kind: .closure(Closure(parameters: parameters, returnType: returnType, body: body)),
                    range: open.range.to(previous.range))
    }

    /// `a, b in`, `_ in`, `(a, b) in`, `(a: Int, b: Int) -> Int in`; nil (nothing consumed) when
    /// the closure starts directly with its statements.
    mutating func closureSignature() -> ([ClosureParameter]?, TypeSpec?) {
        let start = current
        let savedDiagnostics = diagnostics
        var parameters: [ClosureParameter] = []
        var returnType: TypeSpec?
        let parenthesized = match(.punct("("))
        repeat {
            if parenthesized && check(.punct(")")) { break }
            guard case .identifier(let name) = peek.kind else { current = start; return (nil, nil) }
            advance()
            var type: TypeSpec?
            if parenthesized, match(.punct(":")) {
                guard let t = try? typeSpec() else { current = start; diagnostics = savedDiagnostics; return (nil, nil) }
                type = t
            }
            parameters.append(ClosureParameter(name: name, type: type))
        } while match(.punct(","))
        if parenthesized {
            guard match(.punct(")")) else { current = start; return (nil, nil) }
            if match(.punct("->")) {
                guard let t = try? typeSpec() else { current = start; diagnostics = savedDiagnostics; return (nil, nil) }
                returnType = t
            }
        }
        guard match(.keyword(.in)) else { current = start; diagnostics = savedDiagnostics; return (nil, nil) }
        return (parameters, returnType)
    }

    /// A string literal's text parts and interpolations, each parsed from its own token run.
    mutating func stringLiteral(_ parts: [Token.StringPart], range: SourceRange) throws -> Expr {
        var result: [InterpolationPart] = []
        for part in parts {
            switch part {
            case .text(let text): result.append(.text(text))
            case .interpolation(let tokens):
                var sub = Parser(tokens: tokens)
                sub.depth = depth
                let expr = try sub.expression()
                diagnostics += sub.diagnostics
                if !sub.check(.eof) {
                    throw Diagnostic(.error, Messages.expected("')' to end the interpolation") + Messages.found(sub.peek.kind), at: sub.peek.range)
                }
                result.append(.expr(expr))
            }
        }
        if result.count == 1, case .text(let text) = result[0] {
            return Expr(kind: .string(text), range: range)
        }
        return Expr(kind: .interpolation(result), range: range)
    }

    // MARK: Helpers

    /// Consumes a binary operator from `operators` if it continues the expression: it must not
    /// start a new line.
    mutating func binaryOperator(in operators: Set<String>) -> String? {
        guard case .punct(let op) = peek.kind, operators.contains(op), !peek.followsNewline else { return nil }
        advance()
        return op
    }

    mutating func leftAssociative(_ operators: Set<String>, _ operand: (inout Parser) throws -> Expr) throws -> Expr {
        var left = try operand(&self)
        while let op = binaryOperator(in: operators) {
            let right = try operand(&self)
            left = try bounded(Expr(kind: .binary(op: op, left, right), range: left.range.to(right.range)))
        }
        return left
    }
}

