/// A source line quoted under a diagnostic, with the caret line beneath it. A line longer than
/// ``width`` columns is shown as a window around the range (`…` marks what is left out), so
/// that a 200,000-character line gives a readable message, not a 400 KB one.
public struct SourceExcerpt: Equatable, Sendable {
    /// The (possibly shortened) line.
    public var text: String
    /// Spaces (tabs kept as tabs) then `^` and `~` under the range.
    public var marker: String

    /// The most columns quoted.
    public static let width = 120

    /// - Parameters:
    ///   - start: the 1-based column where the range starts.
    ///   - end: the 1-based column just past it on this line (nil: one column).
    public init(line: Substring, start: Int, end: Int? = nil) {
        var scalars = Array(line.unicodeScalars)
        var start = max(1, min(start, scalars.count + 1))
        var end = max(start + 1, min(end ?? start + 1, scalars.count + 1))
        var prefix = "", suffix = ""
        if scalars.count > Self.width {
            let first = max(0, min(start - 1 - 20, scalars.count - Self.width))
            let last = min(scalars.count, first + Self.width)
            if first > 0 { prefix = "…" }
            if last < scalars.count { suffix = "…" }
            scalars = Array(scalars[first..<last])
            start = start - first + (prefix.isEmpty ? 0 : 1)
            end = min(end - first, scalars.count + 1) + (prefix.isEmpty ? 0 : 1)
        }
        text = prefix + String(String.UnicodeScalarView(scalars)) + suffix
        let quoted = Array(text.unicodeScalars)
        // Tabs stay tabs under the caret, so that it lines up whatever the tab width.
        let padding = quoted.prefix(start - 1).map { $0 == "\t" ? "\t" : " " }.joined()
        marker = padding + "^" + String(repeating: "~", count: max(0, end - start - 1))
    }
}
