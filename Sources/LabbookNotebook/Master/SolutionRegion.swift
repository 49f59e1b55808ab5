/// A solution in a master: the lines from a `BEGIN SOLUTION` marker to its `END SOLUTION`
/// (`// ...` in a block's code, `<!-- ... -->` in prose), markers included. The student version
/// has one placeholder line in its place.
public struct SolutionRegion: Equatable, Sendable {
    /// File lines of the two markers.
    public var begin: Int
    public var end: Int
    /// The begin marker's indentation, which the placeholder takes.
    public var indentation: String

    public var lines: ClosedRange<Int> { begin...end }
}

/// The marker lines of a master: nbgrader's, in any case and at any indentation, each alone on
/// its line.
enum SolutionMarker: Equatable {
    case begin, end

    /// The marker a block's code line is (`// BEGIN SOLUTION`), if it is one.
    static func code(_ line: Substring) -> SolutionMarker? {
        marker(line.trimmingWhitespace(), pattern: codePattern)
    }

    /// The marker a prose line is (`<!-- BEGIN SOLUTION -->`), if it is one.
    static func prose(_ line: Substring) -> SolutionMarker? {
        marker(line.trimmingWhitespace(), pattern: prosePattern)
    }

    private static func marker(_ line: String, pattern: Regex<(Substring, Substring)>) -> SolutionMarker? {
        guard let match = line.wholeMatch(of: pattern) else { return nil }
        return match.1.lowercased() == "begin" ? .begin : .end
    }

    private static let codePattern = #/(?i)//\s*(begin|end)\s+solution/#
    private static let prosePattern = #/(?i)<!--\s*(begin|end)\s+solution\s*-->/#
}
