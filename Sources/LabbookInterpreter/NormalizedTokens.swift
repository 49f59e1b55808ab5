/// A block's code as the sequence of its tokens with the names and literals a copy would change
/// made alike: every variable, function and type name is `N`, every number `0`, every string
/// `""` (interpolations included). Keywords, punctuation, members after a `.` and argument
/// labels stay as written: renaming variables or changing constants does not hide a copy,
/// while what the code calls and how it is built still tells two programs apart. What
/// `labbook grade` fingerprints to find copied work.
public enum NormalizedTokens {
    /// One token of the stream: its normalized text and its line in the notebook.
    public struct Token: Equatable, Sendable {
        public var text: String
        public var line: Int
    }

    /// The tokens of `source` (whose first line is notebook line `firstLine`), in order; what
    /// the lexer could not read is left out.
    public static func of(_ source: String, firstLine: Int = 1) -> [Token] {
        var lexer = Lexer(source, firstLine: firstLine)
        let tokens = lexer.tokenize()
        var stream: [Token] = []
        for (index, token) in tokens.enumerated() {
            let line = token.range.start.line
            let text: String
            switch token.kind {
            case .identifier(let name):
                let member = index > 0 && tokens[index - 1].kind == .punct(".")
                let label = index + 1 < tokens.count && tokens[index + 1].kind == .punct(":")
                    && index > 0 && [.punct("("), .punct(",")].contains(tokens[index - 1].kind)
                text = member || label ? name : "N"
            case .dollar: text = "N"
            case .keyword(let keyword):
                text = [.true, .false].contains(keyword) ? "0" : keyword.rawValue
            case .integer, .double: text = "0"
            case .string: text = "\"\""
            case .punct(let p): text = p
            case .eof: continue
            }
            stream.append(Token(text: text, line: line))
        }
        return stream
    }
}
