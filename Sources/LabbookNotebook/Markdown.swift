/// A place in the notebook file: 1-based line and column (characters).
public struct SourcePosition: Equatable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: Self, b: Self) -> Bool { (a.line, a.column) < (b.line, b.column) }
    public var description: String { "\(line):\(column)" }
}

/// The first and last character of a node, both inclusive, as cmark reports them.
public struct MarkdownRange: Equatable, Hashable, Sendable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    public init(_ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int) {
        self.init(start: .init(line: startLine, column: startColumn), end: .init(line: endLine, column: endColumn))
    }
}

/// A CommonMark block, converted from libcmark's node tree. Plain CommonMark: no tables.
public indirect enum MarkdownBlock: Equatable, Sendable {
    case paragraph([MarkdownInline], MarkdownRange)
    case heading(level: Int, [MarkdownInline], MarkdownRange)
    case blockQuote([MarkdownBlock], MarkdownRange)
    case list(MarkdownList, MarkdownRange)
    case codeBlock(MarkdownCodeBlock)
    /// Raw HTML from the notebook: the renderer drops it unless `--allow-html`.
    case htmlBlock(String, MarkdownRange)
    case thematicBreak(MarkdownRange)

    public var range: MarkdownRange {
        switch self {
        case .paragraph(_, let r), .heading(_, _, let r), .blockQuote(_, let r), .list(_, let r),
             .htmlBlock(_, let r), .thematicBreak(let r):
            return r
        case .codeBlock(let c):
            return c.range
        }
    }
}

public struct MarkdownList: Equatable, Sendable {
    public var ordered: Bool
    /// The first number of an ordered list (1 for bullet lists).
    public var start: Int
    public var tight: Bool
    public var items: [MarkdownListItem]

    public init(ordered: Bool, start: Int, tight: Bool, items: [MarkdownListItem]) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
        self.items = items
    }
}

public struct MarkdownListItem: Equatable, Sendable {
    public var blocks: [MarkdownBlock]
    public var range: MarkdownRange

    public init(blocks: [MarkdownBlock], range: MarkdownRange) {
        self.blocks = blocks
        self.range = range
    }
}

/// A fenced or indented code block.
public struct MarkdownCodeBlock: Equatable, Sendable {
    /// The whole info string ("swift", "python title=x", "" when none).
    public var info: String
    /// The content, each line ending in "\n", without the fences.
    public var literal: String
    public var range: MarkdownRange
    public var fenced: Bool
    /// False for a fence that CommonMark closed at the end of the document.
    public var closed: Bool
    /// The file line of the literal's first line.
    public var contentLine: Int
    /// The file column (characters) where each content line starts: > 1 inside a block quote, a
    /// list item or an indented fence.
    public var contentColumn: Int

    public init(info: String, literal: String, range: MarkdownRange, fenced: Bool, closed: Bool,
                contentLine: Int, contentColumn: Int) {
        self.info = info
        self.literal = literal
        self.range = range
        self.fenced = fenced
        self.closed = closed
        self.contentLine = contentLine
        self.contentColumn = contentColumn
    }

    /// The first word of the info string ("swift" for "swift title=x").
    public var language: String {
        String(info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
    }
}

/// A CommonMark inline.
public indirect enum MarkdownInline: Equatable, Sendable {
    case text(String)
    case softBreak
    case lineBreak
    /// A code span with its literal and the position of its first character.
    case code(String, SourcePosition)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case link(destination: String, title: String, [MarkdownInline])
    case image(source: String, title: String, [MarkdownInline])
    /// Raw inline HTML from the notebook: the renderer drops it unless `--allow-html`.
    case html(String, SourcePosition)
    /// `` `{swift} expr` ``: replaced by the value of `expr` when the notebook runs.
    case expression(InlineExpression)
}

/// An inline `` `{swift} expr` `` in prose.
public struct InlineExpression: Equatable, Sendable {
    /// The expression, trimmed (`acc.percent` for `` `{swift} acc.percent` ``).
    public var code: String
    /// Where `code` starts in the file: column 1 of the expression ↔ this column.
    public var position: SourcePosition

    public init(code: String, position: SourcePosition) {
        self.code = code
        self.position = position
    }
}

extension MarkdownInline {
    /// The text a reader sees, formatting dropped (code spans keep their literal, breaks become
    /// spaces, raw HTML disappears).
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s, _): return s
        case .softBreak, .lineBreak: return " "
        case .emphasis(let c), .strong(let c), .link(_, _, let c), .image(_, _, let c): return c.plainText
        case .html: return ""
        case .expression(let e): return "{swift} " + e.code
        }
    }
}

extension Array where Element == MarkdownInline {
    public var plainText: String { map(\.plainText).joined() }
}

extension MarkdownBlock {
    /// The block's text without formatting; code blocks and raw HTML count as no text.
    public var plainText: String {
        switch self {
        case .paragraph(let i, _), .heading(_, let i, _): return i.plainText
        case .blockQuote(let b, _): return b.map(\.plainText).joined(separator: "\n")
        case .list(let l, _): return l.items.map { $0.blocks.map(\.plainText).joined(separator: "\n") }.joined(separator: "\n")
        case .codeBlock, .htmlBlock, .thematicBreak: return ""
        }
    }
}

extension MarkdownBlock {
    /// The code blocks inside this block (itself, or nested in lists and quotes), in order.
    var codeBlocks: [MarkdownCodeBlock] {
        switch self {
        case .codeBlock(let code): return [code]
        case .blockQuote(let b, _): return b.flatMap(\.codeBlocks)
        case .list(let l, _): return l.items.flatMap { $0.blocks.flatMap(\.codeBlocks) }
        default: return []
        }
    }
}
