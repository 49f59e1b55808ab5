import LabbookDiagnostics

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

        public init(expression: String, value: String) {
            self.expression = expression
            self.value = value
        }

        /// Whether the expression quotes no code but a name: a variable or a member path
        /// (`total`, `history.epochs`, `history.loss.last!`) or a literal (`6`, `"adam"`,
        /// `[60000, 28, 28]`). A block whose code is hidden (`echo: false`, a hidden check)
        /// shows only such details, so that its code does not show through them.
        public var quotesOnlyAName: Bool {
            let e = expression
            if let first = e.first, first == "\"" { return e.count >= 2 && e.last == "\"" && !e.dropFirst().dropLast().contains("\"") }
            if e.allSatisfy({ $0.isNumber || " ,.[]-+e".contains($0) }), e.contains(where: \.isNumber) { return true }
            let components = e.split(separator: ".", omittingEmptySubsequences: false)
            return components.allSatisfy { component in
                let name = component.hasSuffix("!") ? component.dropLast() : component[...]
                guard let head = name.first, head.isLetter || head == "_" else { return false }
                return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            }
        }
    }

    public var text: String
    public var passed: Bool
    /// The operands of the condition when it is a comparison (`acc > 0.8` gives `acc` and
    /// `0.8` with their values), else the condition itself.
    public var details: [Detail]
    public var range: SourceRange
    /// The test's points, when it names them (`points: 0.5`, in a master's check).
    public var points: Double?
}

/// Where a block's outputs go; supplied by whoever runs the block.
public protocol OutputSink: AnyObject {
    func emit(_ output: Output)
}

/// A sink that keeps a block's outputs in memory, consecutive printed text as one output (as a
/// terminal shows it). Printed text is kept up to ``maximumLines`` lines and ``maximumBytes``
/// bytes, as Jupyter limits a cell's output: a `while true { print(...) }` must end in a report
/// of reasonable size, not in one that takes minutes to assemble. What is left out is counted
/// and said in a last line.
public final class OutputBuffer: OutputSink {
    /// The most printed lines a block keeps.
    public static let maximumLines = 10_000
    /// The most printed bytes (UTF-8) a block keeps.
    public static let maximumBytes = 1 << 20

    private var stored: [Output] = []
    /// The text printed since the last other output.
    private var pending = ""
    private var keptLines = 0
    private var keptBytes = 0
    private var droppedLines = 0
    private var droppedBytes = 0
    /// What the notes already written said was left out.
    private var noted = (lines: 0, bytes: 0)

    public init() {}

    public func emit(_ output: Output) {
        guard case .text(let printed) = output else {
            flushText()
            stored.append(output)
            return
        }
        keep(printed)
    }

    /// Every output in order, the printed text merged, with a note where text was left out.
    public var outputs: [Output] {
        var all = stored
        let tail = pending + truncationNote()
        if !tail.isEmpty {
            if case .text(let previous)? = all.last { all[all.count - 1] = .text(previous + tail) } else { all.append(.text(tail)) }
        }
        return all
    }

    /// What was left out since the last note, as a line of its own ("" when nothing was).
    private func truncationNote() -> String {
        guard droppedBytes > noted.bytes else { return "" }
        let note = Messages.outputTruncated(lines: droppedLines - noted.lines, bytes: droppedBytes - noted.bytes,
                                            maximumLines: Self.maximumLines, maximumBytes: Self.maximumBytes)
        return (pending.isEmpty || pending.hasSuffix("\n") ? "" : "\n") + note
    }

    /// The printed text kept: what a terminal would show (without the note of what was left out).
    public var text: String {
        stored.reduce(into: "") { result, output in if case .text(let t) = output { result += t } } + pending
    }

    private func keep(_ printed: String) {
        guard droppedBytes == 0 else { return drop(printed[...]) }
        let bytes = printed.utf8.count
        let lines = printed.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        if keptBytes + bytes <= Self.maximumBytes, keptLines + lines <= Self.maximumLines {
            pending += printed
            keptBytes += bytes
            keptLines += lines
            return
        }
        // Keep whole lines up to the limits, and count the rest.
        var cut = printed.startIndex
        var size = 0
        for index in printed.utf8.indices where printed.utf8[index] == 10 {
            let next = printed.utf8.index(after: index)
            let lineSize = printed.utf8.distance(from: cut, to: next)
            guard keptBytes + size + lineSize <= Self.maximumBytes, keptLines < Self.maximumLines else { break }
            size += lineSize
            keptLines += 1
            cut = next
        }
        pending += printed[..<cut]
        keptBytes += size
        drop(printed[cut...])
    }

    private func drop(_ printed: Substring) {
        droppedBytes += printed.utf8.count
        droppedLines += printed.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }

    /// Ends the run of printed text before another output; the note of what it left out goes
    /// at its end, where the text stopped.
    private func flushText() {
        pending += truncationNote()
        noted = (droppedLines, droppedBytes)
        guard !pending.isEmpty else { return }
        stored.append(.text(pending))
        pending = ""
    }
}
