import LabbookDiagnostics

/// ```
/// type → ( "[" type ( ":" type )? "]" | "(" ( label ":" )? type, ... ")" ( "->" type )? | NAME ) "?"*
/// ```
extension Parser {
    mutating func typeSpec() throws -> TypeSpec {
        try enterRule()
        defer { depth -= 1 }
        var type: TypeSpec
        let token = peek
        switch token.kind {
        case .identifier(let name):
            advance()
            type = .named(name)
        case .punct("["):
            advance()
            let element = try typeSpec()
            if match(.punct(":")) {
                type = .dictionary(element, try typeSpec())
            } else {
                type = .array(element)
            }
            try consume(.punct("]"), Messages.expected("']' to close the type"))
        case .punct("("):
            advance()
            var items: [TypeSpec] = []
            if !check(.punct(")")) {
                repeat {
                    if case .identifier(let label) = peek.kind, peek(1).kind == .punct(":") {
                        advance(); advance()
                        items.append(.labeled(label, try typeSpec()))
                    } else {
                        items.append(try typeSpec())
                    }
                } while match(.punct(","))
            }
            try consume(.punct(")"), Messages.expected("')' to close the type"))
            if match(.punct("->")) {
                type = .function(items, try typeSpec())
            } else {
                if items.count == 1, case .labeled = items[0] {
                    type = .tuple(items)
                } else {
                    type = items.count == 1 ? items[0] : .tuple(items)
                }
            }
        default:
            throw Diagnostic(.error, Messages.expectedType(token.kind), at: token.range)
        }
        while !peek.followsSpace, match(.punct("?")) || match(.punct("!")) {
            type = .optional(type)
        }
        return type
    }
}
