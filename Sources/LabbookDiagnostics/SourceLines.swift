/// The notebook lines a diagnostic quotes, by line number: the whole notebook for `check` and
/// `render`, or only the lines a diagnostic points into (``quoted(by:)``), which is what a
/// report keeps with it.
public struct SourceLines: Hashable, Sendable, Codable {
    private var lines: [Int: String]

    /// No lines: diagnostics are rendered without a quoted line.
    public init() {
        lines = [:]
    }

    /// The lines of `text` (ended by `\n`, `\r\n` or `\r`), the first numbered `firstLine`.
    public init(_ text: String, firstLine: Int = 1) {
        var lines: [Int: String] = [:]
        for (index, line) in Self.split(text).enumerated() { lines[firstLine + index] = String(line) }
        self.lines = lines
    }

    /// Line `number`, without its terminator; nil when it is not known.
    public subscript(number: Int) -> String? { lines[number] }

    /// Only the lines `diagnostic` quotes: its own and its notes' and fix-it's.
    public func quoted(by diagnostic: Diagnostic) -> SourceLines {
        var kept = SourceLines()
        let ranges = [diagnostic.range] + diagnostic.notes.compactMap(\.range) + [diagnostic.fixIt?.range].compactMap { $0 }
        for range in ranges { kept.lines[range.line] = lines[range.line] }
        return kept
    }

    /// The lines of `text` without their terminators (`\n`, `\r\n` or `\r`); a terminator at the
    /// end starts no further line.
    public static func split(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            // "\r\n" is a single Character in Swift.
            if c == "\n" || c == "\r\n" || c == "\r" {
                result.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }
}
