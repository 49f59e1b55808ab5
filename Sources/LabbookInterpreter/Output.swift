/// What a block produces, in order. The notebook layer turns each into a part of the report.
public enum Output {
    /// Text from `print`, including its terminator.
    case text(String)
    case table(Table)
    case expectation(Expectation)
    /// An error (or warning) of the block; it is also in the run's result.
    case diagnostic(Diagnostic)
    /// Anything a binding produces that the notebook layer knows how to render: a figure, a
    /// model summary, an epoch table. The interpreter only passes it along.
    case rich(any RichOutput)
}

/// A marker for binding-defined outputs carried by ``Output/rich(_:)``.
public protocol RichOutput {}

/// A table from `table(rows, headers:)`.
public struct Table: Hashable, Sendable {
    public var headers: [String]
    public var rows: [[String]]

    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }
}

/// The result of `expect(condition, "text")`.
public struct Expectation: Hashable, Sendable {
    /// One value involved in the condition: its source text and how it printed.
    public struct Detail: Hashable, Sendable {
        public var expression: String
        public var value: String
    }

    public var text: String
    public var passed: Bool
    /// The operands of the condition when it is a comparison (`acc > 0.8` gives `acc` and
    /// `0.8` with their values), else the condition itself.
    public var details: [Detail]
    public var range: SourceRange
}

/// Where a block's outputs go; supplied by whoever runs the block.
public protocol OutputSink: AnyObject {
    func emit(_ output: Output)
}

/// A sink that keeps every output in memory.
public final class OutputBuffer: OutputSink {
    public private(set) var outputs: [Output] = []

    public init() {}

    public func emit(_ output: Output) {
        outputs.append(output)
    }

    /// The text outputs concatenated: what a terminal would show.
    public var text: String {
        outputs.reduce(into: "") { result, output in
            if case .text(let text) = output { result += text }
        }
    }
}
