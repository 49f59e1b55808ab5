import LabbookDiagnostics

/// Turns a block's source into tokens, collecting every lexical error instead of stopping at the
/// first (unknown characters, unterminated strings and comments, bad number literals).
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line: Int
    private var column = 1
    private(set) var diagnostics: [Diagnostic] = []
    private var previousKind: Token.Kind?
    /// Nesting of `\( ... )` inside strings, bounded so hostile input cannot exhaust the stack.
    private var interpolationDepth = 0
    /// A line given up after its one error (interpolations nested too deeply): the strings left
    /// open around it are not reported again.
    private var abandonedLine: Int?
    /// Where the current run of unexpected characters started, to report it once.
    private var unexpectedRunStart: Int?

    /// - Parameter firstLine: the file line of the block's first line, so positions are file lines.
    init(_ source: String, firstLine: Int = 1) {
        scalars = Array(source.unicodeScalars)
        line = firstLine
    }

    /// Every token of the source, ending with `.eof`.
    mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        while true {
            let token = nextToken()
            tokens.append(token)
            if token.kind == .eof { return tokens }
        }
    }

    // MARK: Tokens

    private mutating func nextToken() -> Token {
        var newline = false, space = false
        // An unexpected character is reported and skipped, in a loop rather than by recursion:
        // a long run of them must not exhaust the stack.
        while true {
            let trivia = skipTrivia()
            newline = newline || trivia.newline
            space = space || trivia.space
            let start = location
            guard let c = peek() else {
                return Token(kind: .eof, range: SourceRange(at: start), followsNewline: true, followsSpace: true)
            }
            let kind: Token.Kind
            if c == "\"" {
                kind = lexString()
            } else if c.properties.isXIDStart || c == "_" {
                kind = lexIdentifier()
            } else if c == "$", let d = peek(1), ("0"..."9").contains(d) {
                advance()
                var n = 0
                while let d = peek(), let v = d.digitValue, n < 1000 { n = n * 10 + v; advance() }
                kind = .dollar(n)
            } else if ("0"..."9").contains(c) {
                kind = lexNumber(start: start)
            } else if let p = lexPunctuation() {
                kind = .punct(p)
            } else {
                advance()
                reportUnexpected(c, from: start)
                space = true
                continue
            }
            previousKind = kind
            return Token(kind: kind, range: SourceRange(start: start, end: location),
                         followsNewline: newline, followsSpace: space)
        }
    }

    private mutating func lexIdentifier() -> Token.Kind {
        var name = ""
        while let c = peek(), c.properties.isXIDContinue || c == "_" { name.unicodeScalars.append(c); advance() }
        if let keyword = Keyword(rawValue: name) { return .keyword(keyword) }
        return .identifier(name)
    }

    private mutating func lexNumber(start: SourceLocation) -> Token.Kind {
        // After `.` only digits: `pair.0.1` is two tuple accesses, not `pair.` and `0.1`.
        let afterDot = previousKind == .punct(".")
        if !afterDot, peek() == "0", let p = peek(1), p == "x" || p == "b" || p == "o" {
            advance(); advance()
            let radix = p == "x" ? 16 : p == "b" ? 2 : 8
            let digits = takeDigits { $0.properties.isASCIIHexDigit }
            guard !digits.isEmpty, let value = Int(digits, radix: radix) else {
                report(digits.isEmpty ? Messages.badNumber : Messages.integerOverflowLiteral, from: start)
                return .integer(0)
            }
            return .integer(value)
        }
        var text = takeDigits { ("0"..."9").contains($0) }
        var isDouble = false
        if !afterDot, peek() == ".", let d = peek(1), ("0"..."9").contains(d) {
            advance()
            text += "." + takeDigits { ("0"..."9").contains($0) }
            isDouble = true
        }
        if !afterDot, let e = peek(), e == "e" || e == "E" {
            var ahead = 1
            if let sign = peek(1), sign == "+" || sign == "-" { ahead = 2 }
            if let d = peek(ahead), ("0"..."9").contains(d) {
                for _ in 0..<ahead { text.unicodeScalars.append(peek() ?? "e"); advance() }
                text += takeDigits { ("0"..."9").contains($0) }
                isDouble = true
            }
        }
        if let c = peek(), c.properties.isXIDContinue {
            // `12abc`: an identifier glued to a number.
            while let c = peek(), c.properties.isXIDContinue { advance() }
            report(Messages.badNumber, from: start)
            return .integer(0)
        }
        if isDouble {
            return .double(Double(text) ?? 0)
        }
        guard let value = Int(text) else {
            report(Messages.integerOverflowLiteral, from: start)
            return .integer(0)
        }
        return .integer(value)
    }

    private mutating func takeDigits(_ isDigit: (Unicode.Scalar) -> Bool) -> String {
        var text = ""
        while let c = peek(), isDigit(c) || (c == "_" && !text.isEmpty) {
            if c != "_" { text.unicodeScalars.append(c) }
            advance()
        }
        return text
    }

    /// Longest match first: `..<` before `.`, `==` before `=`.
    private static let punctuation: [String] = [
        "...", "..<", ".==", ".!=", ".<=", ".>=",
        "==", "!=", "<=", ">=", "&&", "||", "->", "??", "+=", "-=", "*=", "/=", "%=", ".<", ".>",
        "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "?", "!", "=", "<", ">", "+", "-", "*",
        "/", "%",
    ].map { $0 }
    private static let punctuationScalars: [[Unicode.Scalar]] = punctuation.map { Array($0.unicodeScalars) }

    private mutating func lexPunctuation() -> String? {
        for (i, p) in Self.punctuationScalars.enumerated() {
            var matches = true
            for (k, s) in p.enumerated() where peek(k) != s { matches = false; break }
            if matches {
                for _ in p { advance() }
                return Self.punctuation[i]
            }
        }
        return nil
    }

    // MARK: Strings

    private mutating func lexString() -> Token.Kind {
        let start = location
        if peek(1) == "\"", peek(2) == "\"" {
            advance(); advance(); advance()
            return lexMultilineString(start: start)
        }
        advance()
        var parts: [Token.StringPart] = []
        var text = ""
        while true {
            guard let c = peek(), c != "\n" else {
                report(Messages.unterminatedString, from: start)
                break
            }
            if c == "\"" { advance(); break }
            if c == "\\" {
                if !lexEscape(into: &text, parts: &parts) { continue }
            } else {
                text.unicodeScalars.append(c)
                advance()
            }
        }
        if !text.isEmpty || parts.isEmpty { parts.append(.text(text)) }
        return .string(parts)
    }

    /// A `"""` string: the content starts on the line after the opening delimiter; the
    /// indentation of the closing delimiter is removed from every line, as in Swift.
    private mutating func lexMultilineString(start: SourceLocation) -> Token.Kind {
        while let c = peek(), c == " " || c == "\t" { advance() }
        guard peek() == "\n" else {
            report(Messages.multilineStringStart, from: start)
            return .string([.text("")])
        }
        advance()
        let indent = closingIndentation()
        var parts: [Token.StringPart] = []
        var text = ""
        var atLineStart = true
        while true {
            if atLineStart {
                var skipped = 0
                while skipped < indent, let c = peek(), c == " " || c == "\t" { advance(); skipped += 1 }
                atLineStart = false
            }
            guard let c = peek() else {
                report(Messages.unterminatedString, from: start)
                break
            }
            if c == "\"", peek(1) == "\"", peek(2) == "\"" {
                advance(); advance(); advance()
                // The newline before the closing delimiter is not part of the string.
                if text.hasSuffix("\n") { text.removeLast() }
                break
            }
            if c == "\\" {
                if !lexEscape(into: &text, parts: &parts) { continue }
            } else {
                text.unicodeScalars.append(c)
                advance()
                if c == "\n" { atLineStart = true }
            }
        }
        if !text.isEmpty || parts.isEmpty { parts.append(.text(text)) }
        return .string(parts)
    }

    /// The leading whitespace of the line holding the closing `"""`.
    private func closingIndentation() -> Int {
        var i = index
        while i < scalars.count {
            var j = i, indent = 0
            while j < scalars.count, scalars[j] == " " || scalars[j] == "\t" { j += 1; indent += 1 }
            if j + 2 < scalars.count, scalars[j] == "\"", scalars[j + 1] == "\"", scalars[j + 2] == "\"" {
                return indent
            }
            while i < scalars.count, scalars[i] != "\n" { i += 1 }
            i += 1
        }
        return 0
    }

    /// Reads one escape at `\`; returns false when it consumed nothing further to append.
    private mutating func lexEscape(into text: inout String, parts: inout [Token.StringPart]) -> Bool {
        let start = location
        advance()
        guard let e = peek() else { return false }
        advance()
        switch e {
        case "n": text += "\n"
        case "t": text += "\t"
        case "r": text += "\r"
        case "0": text += "\0"
        case "\\": text += "\\"
        case "\"": text += "\""
        case "'": text += "'"
        case "u":
            guard peek() == "{" else { report(Messages.badEscape("u"), from: start); return true }
            advance()
            var hex = ""
            while let h = peek(), h.properties.isASCIIHexDigit { hex.unicodeScalars.append(h); advance() }
            if peek() == "}", let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) {
                advance()
                text.unicodeScalars.append(scalar)
            } else {
                report(Messages.badEscape("u{\(hex)"), from: start)
            }
        case "(":
            guard interpolationDepth < 16 else {
                report(Messages.interpolationTooDeep, from: start)
                // The rest of the line cannot be read: one error for it, not one per nested string.
                abandonedLine = start.line
                while let c = peek(), c != "\n" { advance() }
                return true
            }
            if !text.isEmpty { parts.append(.text(text)) }
            text = ""
            parts.append(.interpolation(lexInterpolation(start: start)))
        default:
            report(Messages.badEscape(String(e)), from: start)
        }
        return true
    }

    /// The tokens of `\( ... )` up to the matching `)`, which becomes the run's `.eof`.
    private mutating func lexInterpolation(start: SourceLocation) -> [Token] {
        var tokens: [Token] = []
        var depth = 0
        let savedPrevious = previousKind
        previousKind = nil
        interpolationDepth += 1
        defer {
            previousKind = savedPrevious
            interpolationDepth -= 1
        }
        while true {
            if peek() == "\n" || peek() == nil {
                report(Messages.unterminatedInterpolation, from: start)
                tokens.append(Token(kind: .eof, range: SourceRange(at: location), followsNewline: false, followsSpace: false))
                return tokens
            }
            let token = nextToken()
            if token.kind == .punct("(") { depth += 1 }
            if token.kind == .punct(")") {
                if depth == 0 {
                    tokens.append(Token(kind: .eof, range: token.range, followsNewline: false, followsSpace: false))
                    return tokens
                }
                depth -= 1
            }
            if token.kind == .eof {
                tokens.append(token)
                return tokens
            }
            tokens.append(token)
        }
    }

    // MARK: Trivia

    /// Skips spaces, newlines and comments; reports whether a newline or any space was skipped.
    private mutating func skipTrivia() -> (newline: Bool, space: Bool) {
        var newline = index == 0, space = index == 0
        while let c = peek() {
            if c == "\n" {
                newline = true; space = true; advance()
            } else if c == " " || c == "\t" || c == "\r" {
                space = true; advance()
            } else if c == "/", peek(1) == "/" {
                space = true
                while let c = peek(), c != "\n" { advance() }
            } else if c == "/", peek(1) == "*" {
                space = true
                if skipBlockComment() { newline = true }
            } else {
                break
            }
        }
        return (newline, space)
    }

    /// Skips a block comment, nested ones included; returns whether it spanned a newline.
    private mutating func skipBlockComment() -> Bool {
        let start = location
        var depth = 0, newline = false
        repeat {
            guard let c = peek() else {
                report(Messages.unterminatedComment, from: start)
                return newline
            }
            if c == "/", peek(1) == "*" { depth += 1; advance(); advance() }
            else if c == "*", peek(1) == "/" { depth -= 1; advance(); advance() }
            else { if c == "\n" { newline = true }; advance() }
        } while depth > 0
        return newline
    }

    // MARK: Cursor

    private var location: SourceLocation { SourceLocation(line: line, column: column, offset: index) }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    private mutating func advance() {
        guard index < scalars.count else { return }
        if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    /// One diagnostic for a run of unexpected characters, not one per character.
    private mutating func reportUnexpected(_ c: Unicode.Scalar, from start: SourceLocation) {
        let last = diagnostics.count - 1
        guard last >= 0, diagnostics[last].range.end.offset == start.offset, diagnostics[last].range.end.line == start.line,
              unexpectedRunStart == diagnostics[last].range.start.offset else {
            unexpectedRunStart = start.offset
            report(Messages.unexpectedCharacter(c), from: start)
            if c == "\\" { diagnostics[diagnostics.count - 1].help = Messages.keyPathHelp }
            return
        }
        diagnostics[last].range.end = location
        var run = ""
        run.unicodeScalars.append(contentsOf: scalars[diagnostics[last].range.start.offset..<min(index, diagnostics[last].range.start.offset + 20)])
        diagnostics[last].message = Messages.unexpectedCharacters(run, truncated: index - diagnostics[last].range.start.offset > 20)
    }

    private mutating func report(_ message: String, from start: SourceLocation) {
        guard start.line != abandonedLine else { return }
        diagnostics.append(Diagnostic(.error, message, at: SourceRange(start: start, end: location)))
    }
}

private extension Unicode.Scalar {
    var digitValue: Int? { ("0"..."9").contains(self) ? Int(value) - 48 : nil }
}
