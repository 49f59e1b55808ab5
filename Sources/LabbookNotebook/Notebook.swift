/// A notebook as read from its file, before anything runs: front matter, then the document as a
/// sequence of parts (prose and cells), with its questions and inline expressions.
public struct Notebook: Equatable, Sendable {
    /// The path as given to the reader (used in diagnostics).
    public var file: String
    /// The whole file's text (BOM removed).
    public var source: String
    public var frontMatter: FrontMatter
    public var parts: [NotebookPart]
    public var questions: [Question]
    /// In a master: the solution regions of the prose (`<!-- BEGIN SOLUTION -->` ...).
    public var proseSolutions: [SolutionRegion] = []

    /// The swift cells in document order.
    public var cells: [Cell] {
        parts.compactMap { if case .cell(let c) = $0 { return c } else { return nil } }
    }

    /// Every inline expression of the prose, in document order.
    public var inlineExpressions: [InlineExpression] {
        parts.flatMap { part -> [InlineExpression] in
            guard case .prose(let p) = part else { return [] }
            return p.inlineExpressions
        }
    }

    /// The sum of the questions' points (those without points count 0), rounded to 6 decimals so
    /// that 0.15 + 0.15 + 0.3… prints as the author's total, not 10.100000000000001.
    public var totalPoints: Double {
        (questions.reduce(0) { $0 + ($1.points ?? 0) } * 1e6).rounded() / 1e6
    }

    /// The parts that answer `question`.
    public func answer(to question: Question) -> ArraySlice<NotebookPart> { parts[question.answerParts] }

    /// The cell with this label.
    public func cell(labeled label: String) -> Cell? { cells.first { $0.label == label } }
}

public enum NotebookPart: Equatable, Sendable {
    case prose(Prose)
    case cell(Cell)
}

/// Consecutive Markdown blocks between cells. A question's opening paragraph or heading is a prose
/// part of its own, and its answer starts and ends on part boundaries.
public struct Prose: Equatable, Sendable {
    /// The blocks, with `{swift}` code spans turned into `.expression` inlines. Other code blocks
    /// (```` ```python ````, unfenced, swift blocks nested in lists or quotes) are here, shown
    /// but not run.
    public var blocks: [MarkdownBlock]
    /// The file lines the part covers, from its first block's first line to its last block's last
    /// non-blank line.
    public var lines: ClosedRange<Int>
    /// Those lines exactly as in the file, joined with "\n" (no final newline): the Markdown
    /// report reproduces prose from this.
    public var markdown: String

    public var inlineExpressions: [InlineExpression] { blocks.flatMap(\.inlineExpressions) }
}

extension MarkdownBlock {
    /// The inline expressions inside this block, nested ones included, in order.
    public var inlineExpressions: [InlineExpression] {
        switch self {
        case .paragraph(let i, _), .heading(_, let i, _): return i.flatMap(\.inlineExpressions)
        case .blockQuote(let b, _): return b.flatMap(\.inlineExpressions)
        case .list(let l, _): return l.items.flatMap { $0.blocks.flatMap(\.inlineExpressions) }
        case .codeBlock, .htmlBlock, .thematicBreak: return []
        }
    }
}

extension MarkdownInline {
    public var inlineExpressions: [InlineExpression] {
        switch self {
        case .expression(let e): return [e]
        case .emphasis(let c), .strong(let c), .link(_, _, let c), .image(_, _, let c): return c.flatMap(\.inlineExpressions)
        default: return []
        }
    }
}
