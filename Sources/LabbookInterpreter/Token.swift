import LabbookDiagnostics

/// One lexical token of the experiment language.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        case identifier(String)
        /// `$0`, `$1`, ...: a closure's shorthand parameters.
        case dollar(Int)
        case keyword(Keyword)
        case integer(Int)
        case double(Double)
        /// A string literal; `parts` alternate text and interpolated token runs.
        case string([StringPart])
        case punct(String)
        case eof
    }

    enum StringPart: Equatable, Sendable {
        case text(String)
        /// The tokens of one `\( ... )`, ending with `.eof` at the closing parenthesis.
        case interpolation([Token])
    }

    var kind: Kind
    var range: SourceRange
    /// Whether a line break separates this token from the previous one: newlines end statements.
    var followsNewline: Bool
    /// Whether whitespace (or a comment) precedes the token: `x!` is postfix, `!x` prefix.
    var followsSpace: Bool
}

extension Token: Equatable {
    static func == (lhs: Token, rhs: Token) -> Bool { lhs.kind == rhs.kind && lhs.range == rhs.range }
}

enum Keyword: String, CaseIterable, Sendable {
    case `let`, `var`, `func`, `if`, `else`, `guard`, `while`, `repeat`, `for`, `in`, `break`,
         `continue`, `return`, `true`, `false`, `nil`
}

extension Token.Kind: CustomStringConvertible {
    var description: String {
        switch self {
        case .identifier(let name): return "'\(name)'"
        case .dollar(let n): return "'$\(n)'"
        case .keyword(let k): return "'\(k.rawValue)'"
        case .integer(let n): return "'\(n)'"
        case .double(let d): return "'\(d)'"
        case .string: return "a string"
        case .punct(let p): return "'\(p)'"
        case .eof: return "the end of the block"
        }
    }
}
