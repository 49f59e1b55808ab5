/// A small highlighter for the Swift-like experiment language: keywords, strings (with `\(…)`
/// interpolation highlighted inside), numbers, comments, type names and implicit members
/// (`.relu`). It produces escaped HTML with `<span class="hl-…">` around each token, and never
/// fails: text it does not recognise is passed through escaped.
public enum SwiftHighlighter {
    /// The kinds of token that get a span (`hl-kw`, `hl-str`, …).
    public enum Kind: String, Sendable {
        case keyword = "hl-kw"
        case string = "hl-str"
        case interpolation = "hl-interp"
        case number = "hl-num"
        case comment = "hl-com"
        case type = "hl-ty"
        case member = "hl-mem"
    }

    public static let keywords: Set<String> = [
        "let", "var", "func", "return", "if", "else", "guard", "for", "in", "while", "repeat", "break",
        "continue", "switch", "case", "default", "do", "try", "catch", "throw", "throws", "import",
        "struct", "class", "enum", "extension", "protocol", "true", "false", "nil", "self", "where",
        "as", "is", "defer", "inout", "some", "any", "init", "static", "private", "public",
    ]

    /// `code` as escaped HTML with highlighting spans.
    public static func html(_ code: String) -> String {
        var lexer = Lexer(Array(code))
        lexer.run()
        return lexer.out
    }

    private struct Lexer {
        let chars: [Character]
        var i = 0
        var out = ""
        /// The last character that was not whitespace, to tell `.relu` from `model.fit`.
        var previous: Character?

        init(_ chars: [Character]) { self.chars = chars }

        func peek(_ offset: Int = 0) -> Character? { i + offset < chars.count ? chars[i + offset] : nil }

        mutating func emit(_ kind: Kind?, _ text: some StringProtocol) {
            guard !text.isEmpty else { return }
            if let kind { out += "<span class=\"\(kind.rawValue)\">\(HTML.escape(text))</span>" }
            else { out += HTML.escape(text) }
            if let last = text.last(where: { !$0.isWhitespace }) { previous = last }
        }

        mutating func take(while condition: (Character) -> Bool) -> String {
            let start = i
            while i < chars.count, condition(chars[i]) { i += 1 }
            return String(chars[start..<i])
        }

        /// Lexes until the end, or (inside an interpolation) until the `)` that closes it.
        mutating func run(closingParen: Bool = false) {
            var depth = 0
            while let c = peek() {
                if closingParen {
                    if c == "(" { depth += 1 }
                    if c == ")" {
                        if depth == 0 { return }
                        depth -= 1
                    }
                }
                if c == "/" && peek(1) == "/" {
                    emit(.comment, take { $0 != "\n" && $0 != "\r\n" })
                } else if c == "/" && peek(1) == "*" {
                    blockComment()
                } else if c == "\"" {
                    string()
                } else if c.isASCII && c.isNumber {
                    number()
                } else if isIdentifierStart(c) {
                    identifier()
                } else if c == "." && peek(1).map(isIdentifierStart) == true && !endsOperand(previous) {
                    i += 1
                    let name = take(while: isIdentifier)
                    emit(.member, "." + name)
                } else {
                    i += 1
                    emit(nil, String(c))
                }
            }
        }

        mutating func blockComment() {
            let start = i
            i += 2
            while i < chars.count, !(chars[i] == "*" && peek(1) == "/") { i += 1 }
            i = min(i + 2, chars.count)
            emit(.comment, String(chars[start..<i]))
        }

        mutating func number() {
            var text = take { $0.isASCII && ($0.isHexDigit || $0 == "_" || $0 == "x" || $0 == "o" || $0 == "b") }
            if peek() == ".", let next = peek(1), next.isASCII, next.isNumber {
                i += 1
                text += "." + take { $0.isASCII && ($0.isNumber || $0 == "_") }
            }
            if let e = peek(), e == "e" || e == "E" {
                let signed = peek(1) == "+" || peek(1) == "-"
                if let d = peek(signed ? 2 : 1), d.isASCII, d.isNumber {
                    i += signed ? 2 : 1
                    text += String(e) + (signed ? String(chars[i - 1]) : "") + take { $0.isASCII && $0.isNumber }
                }
            }
            emit(.number, text)
        }

        mutating func identifier() {
            let name = take(while: isIdentifier)
            if keywords.contains(name) { emit(.keyword, name) }
            else if name.first?.isUppercase == true { emit(.type, name) }
            else { emit(nil, name) }
        }

        /// A string literal, `"…"` or `"""…"""`, with `\(…)` interpolations lexed as code.
        mutating func string() {
            let multiline = peek(1) == "\"" && peek(2) == "\""
            let quote = multiline ? "\"\"\"" : "\""
            i += quote.count
            var segment = quote
            while let c = peek() {
                if c == "\\" && peek(1) == "(" {
                    emit(.string, segment)
                    segment = ""
                    i += 2
                    emit(.interpolation, "\\(")
                    run(closingParen: true)
                    if peek() == ")" {
                        i += 1
                        emit(.interpolation, ")")
                    }
                } else if c == "\\", let next = peek(1) {
                    segment += String(c) + String(next)
                    i += 2
                } else if !multiline && (c == "\n" || c == "\r\n") {
                    break // an unterminated string ends with its line
                } else if multiline ? (c == "\"" && peek(1) == "\"" && peek(2) == "\"") : c == "\"" {
                    segment += quote
                    i += quote.count
                    break
                } else {
                    segment.append(c)
                    i += 1
                }
            }
            emit(.string, segment)
        }

        func isIdentifierStart(_ c: Character) -> Bool { c == "_" || c.isLetter }
        func isIdentifier(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }

        /// Whether a `.` after this character is a member access on an operand (`model.fit`,
        /// `xs[0].count`, `f().x`, `1.5`) rather than an implicit member (`.relu`).
        func endsOperand(_ c: Character?) -> Bool {
            guard let c else { return false }
            return isIdentifier(c) || c == ")" || c == "]" || c == "}" || c == "\"" || c == "?" || c == "!"
        }
    }
}
