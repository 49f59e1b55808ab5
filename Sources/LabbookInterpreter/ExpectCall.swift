import LabbookDiagnostics

/// An `expect(...)` call written in a block, found without running it: what `labbook check` and
/// `labbook release` need to know of a master's checks (how many tests, and their points).
public struct ExpectCall: Equatable, Sendable {
    /// Where `expect` is written.
    public var range: SourceRange
    /// The `points:` argument, when it is a number written as such (`points: 0.5`).
    public var points: Double?
    /// Where a `points:` argument that is not a plain number is (its points are known only
    /// when it runs); nil when there is none or it is a number.
    public var computedPoints: SourceRange?

    /// Every `expect(` call of `source` (whose first line is notebook line `firstLine`), in order.
    public static func calls(in source: String, firstLine: Int = 1) -> [ExpectCall] {
        var lexer = Lexer(source, firstLine: firstLine)
        let tokens = lexer.tokenize()
        var calls: [ExpectCall] = []
        var index = 0
        while index + 1 < tokens.count {
            defer { index += 1 }
            guard tokens[index].kind == .identifier("expect"), tokens[index + 1].kind == .punct("("),
                  !tokens[index + 1].followsNewline else { continue }
            var call = ExpectCall(range: tokens[index].range)
            var depth = 0
            var position = index + 1
            // The tokens of the argument list, at its own depth.
            while position < tokens.count {
                let token = tokens[position]
                switch token.kind {
                case .punct("("), .punct("["), .punct("{"): depth += 1
                case .punct(")"), .punct("]"), .punct("}"): depth -= 1
                case .identifier("points") where depth == 1 && position + 1 < tokens.count
                        && tokens[position + 1].kind == .punct(":"):
                    let value = tokens[(position + 2)...].prefix { ![.punct(","), .punct(")")].contains($0.kind) }
                    if let points = number(Array(value)) { call.points = points } else {
                        call.computedPoints = value.first.map { first in first.range.to(value.last!.range) } ?? token.range
                    }
                case .eof: depth = 0
                default: break
                }
                if depth == 0 { break }
                position += 1
            }
            calls.append(call)
        }
        return calls
    }

    /// The number `tokens` write: one integer or decimal literal.
    private static func number(_ tokens: [Token]) -> Double? {
        guard tokens.count == 1 else { return nil }
        switch tokens[0].kind {
        case .integer(let n): return Double(n)
        case .double(let d): return d
        default: return nil
        }
    }
}
