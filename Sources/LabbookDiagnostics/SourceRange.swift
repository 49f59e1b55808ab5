/// A position in a notebook file: 1-based line and column (in Unicode scalars), and the 0-based
/// offset (in Unicode scalars) from the start of the block's source. Line 0 stands for the whole
/// file and column 0 for the whole line, where a problem has no narrower place.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int = 0) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public var description: String { "\(line):\(column)" }
}

/// The span of source a token, a syntax node or a diagnostic covers; `end` is exclusive.
public struct SourceRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// An empty range at `location`.
    public init(at location: SourceLocation) {
        self.init(start: location, end: location)
    }

    /// An empty range at a line and column (0 for the whole file or line).
    public init(line: Int, column: Int = 0) {
        self.init(at: SourceLocation(line: line, column: column))
    }

    /// The range from the start of `self` to the end of `other`.
    public func to(_ other: SourceRange) -> SourceRange {
        SourceRange(start: start, end: other.end)
    }

    public var line: Int { start.line }
    public var column: Int { start.column }
    public var description: String { start.description }
}
