import LabbookDiagnostics

/// A recursive-descent parser: one method per grammar rule. A syntax error is recorded and the
/// parser resynchronizes at the next statement boundary, so one parse reports every error.
///
/// ```
/// block       → statement* EOF
/// statement   → binding | function | if | guard | while | repeat | for
///             | "break" | "continue" | "return" expression? | assignment
/// assignment  → expression ( ( "=" | "+=" | "-=" | "*=" | "/=" | "%=" ) expression )?
/// ```
/// Expressions are in `Parser+Expressions.swift`, types in `Parser+Types.swift`.
struct Parser {
    var tokens: [Token]
    var current = 0
    var diagnostics: [Diagnostic] = []
    /// How deeply rules are nested: bounded so that hostile input cannot exhaust the stack.
    var depth = 0
    /// In the condition of `if`, `while`, `guard` and the sequence of `for`, a `{` opens the
    /// body, not a trailing closure.
    var allowsTrailingClosure = true

    static let maximumDepth = 120
    /// The tallest expression tree the parser builds (see `AST+Height.swift`).
    static let maximumHeight = 1_000

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses a whole block.
    mutating func parseBlock() -> [Stmt] {
        let statements = parseStatements(untilBrace: false)
        if !check(.eof) {
            diagnostics.append(Diagnostic(.error, Messages.unexpected(peek.kind), at: peek.range))
        }
        return statements
    }

    /// Statements up to `}` (not consumed) or the end, recovering after each syntax error.
    mutating func parseStatements(untilBrace: Bool) -> [Stmt] {
        var statements: [Stmt] = []
        while !check(.eof) && !(untilBrace && check(.punct("}"))) {
            if match(.punct(";")) { continue }
            if !untilBrace && check(.punct("}")) {
                diagnostics.append(Diagnostic(.error, Messages.unbalancedBrace, at: peek.range))
                advance()
                continue
            }
            let before = current
            do {
                statements.append(try statement())
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
                synchronize(from: before)
            } catch {
                synchronize(from: before)
            }
        }
        return statements
    }

    /// Skips to the start of the next statement: a token on a new line, after a `;`, or a `}`.
    /// A block opened while skipping is skipped whole, so its `}` is not taken for the end of
    /// the enclosing one.
    mutating func synchronize(from start: Int) {
        var depth = 0
        if current == start {
            if check(.punct("{")) { depth += 1 }
            advance()
        }
        while !check(.eof) {
            if depth == 0 && (previous.kind == .punct(";") || peek.followsNewline || check(.punct("}"))) { return }
            if check(.punct("{")) { depth += 1 }
            if check(.punct("}")) { depth -= 1 }
            advance()
        }
    }

    // MARK: Statements

    mutating func statement() throws -> Stmt {
        try enterRule()
        defer { depth -= 1 }
        do {
            let start = peek.range
            let kind: StmtKind
            switch peek.kind {
            case .keyword(.let), .keyword(.var): kind = try binding()
            case .keyword(.func): kind = try function()
            case .keyword(.if): kind = try ifStatement()
            case .keyword(.guard): kind = try guardStatement()
            case .keyword(.while): kind = try whileStatement()
            case .keyword(.repeat): kind = try repeatStatement()
            case .keyword(.for): kind = try forStatement()
            case .keyword(.break): advance(); kind = .break
            case .keyword(.continue): advance(); kind = .continue
            case .keyword(.return): kind = try returnStatement()
            default: kind = try assignment()
            }
            try endOfStatement()
            return Stmt(kind: kind, range: start.to(previous.range))
        }
    }

    /// A statement ends at a newline, a `;`, a `}` or the end of the block.
    mutating func endOfStatement() throws {
        if match(.punct(";")) || check(.punct("}")) || check(.eof) || peek.followsNewline { return }
        throw Diagnostic(.error, Messages.consecutiveStatements, at: peek.range)
    }

    mutating func binding() throws -> StmtKind {
        let isConstant = advance().kind == .keyword(.let)
        let target = try pattern()
        let type = match(.punct(":")) ? try typeSpec() : nil
        guard match(.punct("=")) else {
            throw Diagnostic(.error, Messages.bindingNeedsValue(isConstant ? "let" : "var"), at: peek.range)
        }
        return .binding(isConstant: isConstant, target, type, try expression())
    }

    /// `name`, `_` or `(pattern, pattern, ...)`.
    mutating func pattern() throws -> Pattern {
        try enterRule()
        defer { depth -= 1 }
        do {
            if case .identifier(let name) = peek.kind {
                let token = advance()
                return name == "_" ? .wildcard : .name(name, token.range)
            }
            if match(.punct("(")) {
                var items: [Pattern] = []
                repeat {
                    if check(.punct(")")) { break }
                    items.append(try pattern())
                } while match(.punct(","))
                try consume(.punct(")"), Messages.expected("')' to close the pattern"))
                return items.count == 1 ? items[0] : .tuple(items)
            }
            throw Diagnostic(.error, Messages.expectedPattern(peek.kind), at: peek.range)
        }
    }

    mutating func function() throws -> StmtKind {
        advance()
        let name = try identifier(Messages.expected("a function name after 'func'"))
        try consume(.punct("("), Messages.expected("'(' after the function name"))
        var parameters: [ParameterDeclaration] = []
        if !check(.punct(")")) {
            repeat { parameters.append(try parameterDeclaration()) } while match(.punct(","))
        }
        try consume(.punct(")"), Messages.expected("')' after the parameters"))
        let returnType = match(.punct("->")) ? try typeSpec() : nil
        let body = try braceBlock("the function body")
        return .function(FunctionDeclaration(name: name, parameters: parameters, returnType: returnType, body: body))
    }

    /// `name: Type`, `label name: Type`, `_ name: Type`, each with an optional `= default`.
    mutating func parameterDeclaration() throws -> ParameterDeclaration {
        let start = peek.range
        let first = try identifier(Messages.expected("a parameter name"))
        var label: String? = first == "_" ? nil : first
        var name = first
        if case .identifier(let second) = peek.kind {
            advance()
            name = second
        } else if first == "_" {
            throw Diagnostic(.error, Messages.expected("a parameter name after '_'"), at: peek.range)
        } else {
            label = first
        }
        let type = match(.punct(":")) ? try typeSpec() : nil
        let defaultValue = match(.punct("=")) ? try expression() : nil
        return ParameterDeclaration(label: label, name: name, type: type, defaultValue: defaultValue,
                                    range: start.to(previous.range))
    }

    mutating func ifStatement() throws -> StmtKind {
        var branches: [ConditionalBranch] = []
        repeat {
            advance()  // `if`
            let conditions = try conditionList()
            branches.append(ConditionalBranch(conditions: conditions, body: try braceBlock("the 'if' body")))
            if match(.keyword(.else)) {
                if check(.keyword(.if)) { continue }
                return .if(branches, else: try braceBlock("the 'else' body"))
            }
            return .if(branches, else: nil)
        } while true
    }

    mutating func guardStatement() throws -> StmtKind {
        advance()
        let conditions = try conditionList()
        try consume(.keyword(.else), Messages.expected("'else' after the 'guard' condition"))
        return .guard(conditions, else: try braceBlock("the 'guard' body"))
    }

    mutating func whileStatement() throws -> StmtKind {
        advance()
        let conditions = try conditionList()
        return .while(conditions, try braceBlock("the 'while' body"))
    }

    mutating func repeatStatement() throws -> StmtKind {
        advance()
        let body = try braceBlock("the 'repeat' body")
        try consume(.keyword(.while), Messages.expected("'while' after the 'repeat' body"))
        let saved = allowsTrailingClosure
        allowsTrailingClosure = false
        defer { allowsTrailingClosure = saved }
        return .repeat(body, while: try expression())
    }

    mutating func forStatement() throws -> StmtKind {
        advance()
        let target = try pattern()
        try consume(.keyword(.in), Messages.expected("'in' after the 'for' pattern"))
        let saved = allowsTrailingClosure
        allowsTrailingClosure = false
        let sequence = try expression()
        // `for x in xs where condition { ... }` runs the body only for the elements that pass.
        var filter: Expr?
        if case .identifier("where") = peek.kind {
            advance()
            filter = try expression()
        }
        allowsTrailingClosure = saved
        var body = try braceBlock("the 'for' body")
        if let filter {
            let branch = ConditionalBranch(conditions: [.expression(filter)], body: body)
            body = [Stmt(kind: .if([branch], else: nil), range: filter.range)]
        }
        return .for(target, in: sequence, body)
    }

    mutating func returnStatement() throws -> StmtKind {
        advance()
        if check(.punct("}")) || check(.punct(";")) || check(.eof) || peek.followsNewline { return .return(nil) }
        return .return(try expression())
    }

    /// `condition ( "," condition )*`
    mutating func conditionList() throws -> [Condition] {
        var conditions = [try condition()]
        while match(.punct(",")) { conditions.append(try condition()) }
        return conditions
    }

    /// A Bool expression, or `let name = optional` (also `var`).
    mutating func condition() throws -> Condition {
        let saved = allowsTrailingClosure
        allowsTrailingClosure = false
        defer { allowsTrailingClosure = saved }
        do {
            if check(.keyword(.let)) || check(.keyword(.var)) {
                let isConstant = advance().kind == .keyword(.let)
                let target = try pattern()
                try consume(.punct("="), Messages.expected("'=' in the optional binding"))
                return .optionalBinding(isConstant: isConstant, target, try expression())
            }
            return .expression(try expression())
        }
    }

    mutating func assignment() throws -> StmtKind {
        let target = try expression()
        let operators = ["=": nil, "+=": "+", "-=": "-", "*=": "*", "/=": "/", "%=": "%"] as [String: String?]
        guard case .punct(let p) = peek.kind, let op = operators[p] else { return .expression(target) }
        let opToken = advance()
        guard target.isAssignable || target.isTupleOfAssignables else {
            throw Diagnostic(.error, Messages.cannotAssignToExpression, at: target.range,
                             notes: [.init("the assignment is here", at: opToken.range)])
        }
        return .assignment(target: target, op: op, value: try expression())
    }

    /// `{ statement* }`
    mutating func braceBlock(_ what: String) throws -> [Stmt] {
        let open = try consume(.punct("{"), Messages.expected("'{' to start \(what)"))
        let saved = allowsTrailingClosure
        allowsTrailingClosure = true
        let body = parseStatements(untilBrace: true)
        allowsTrailingClosure = saved
        try consume(.punct("}"), Messages.expected("'}' to end \(what)"), matching: open)
        return body
    }

    // MARK: Helpers

    var peek: Token { tokens[min(current, tokens.count - 1)] }
    var previous: Token { tokens[max(0, min(current - 1, tokens.count - 1))] }

    func peek(_ ahead: Int) -> Token { tokens[min(current + ahead, tokens.count - 1)] }

    func check(_ kind: Token.Kind) -> Bool { peek.kind == kind }

    @discardableResult
    mutating func advance() -> Token {
        let token = peek
        if current < tokens.count - 1 { current += 1 }
        return token
    }

    mutating func match(_ kind: Token.Kind) -> Bool {
        guard check(kind) else { return false }
        advance()
        return true
    }

    @discardableResult
    mutating func consume(_ kind: Token.Kind, _ message: String) throws -> Token {
        guard check(kind) else {
            throw Diagnostic(.error, message + Messages.found(peek.kind), at: peek.range)
        }
        return advance()
    }

    /// Consumes the `kind` that closes `opening` (a bracket, a brace); when it is missing, the
    /// error has a note at the opening one, as Swift's: "to match this opening '('".
    @discardableResult
    mutating func consume(_ kind: Token.Kind, _ message: String, matching opening: Token) throws -> Token {
        guard check(kind) else {
            throw Diagnostic(.error, message + Messages.found(peek.kind), at: peek.range,
                             notes: [.init(Messages.toMatch(opening.kind), at: opening.range)])
        }
        return advance()
    }

    mutating func identifier(_ message: String) throws -> String {
        guard case .identifier(let name) = peek.kind else {
            throw Diagnostic(.error, message + Messages.found(peek.kind), at: peek.range)
        }
        advance()
        return name
    }

    /// Enters a rule one level deeper, failing cleanly past ``maximumDepth``; the caller
    /// decrements `depth` on the way out.
    mutating func enterRule() throws {
        guard depth < Self.maximumDepth else {
            throw Diagnostic(.error, Messages.nestedTooDeeply, at: peek.range)
        }
        depth += 1
    }
}

extension Expr {
    /// Whether the expression can stand left of `=`.
    var isAssignable: Bool {
        switch kind {
        case .identifier: return true
        case .member(let base, _), .subscript(let base, _), .forceUnwrap(let base): return base.isAssignable || base.isReferenceLike
        default: return false
        }
    }

    /// `(a, b)` left of `=`.
    var isTupleOfAssignables: Bool {
        guard case .tuple(let items) = kind else { return false }
        return items.allSatisfy { $0.value.isAssignable || $0.value.isTupleOfAssignables }
    }

    /// Calls may return objects whose members can be set (`makeModel().trainable = false`).
    private var isReferenceLike: Bool {
        if case .call = kind { return true }
        return false
    }
}
