import LabbookDiagnostics

/// Turns a notebook's text into a `Notebook`, collecting diagnostics on the way.
///
/// Decisions where notebook.md is silent:
/// - Only top-level ```` ```swift ```` blocks are cells; one nested in a list or block quote is
///   shown, not run, with a warning.
/// - A question opened by a heading of level h is answered by what follows up to the next
///   question or heading of level ≤ h. One opened by a paragraph belongs to the section of the
///   heading above it (level s): its answer ends at the next question or heading of level ≤ s
///   (any heading when no heading precedes it). So `### Tu código aquí` sub-headings inside a
///   `##` section do not cut answers short.
/// - Questions are only recognised in top-level paragraphs and headings.
/// - An answer is any cell that has code other than blank lines and `//` comments (a template
///   cell holding `// Tu código aquí` is not an answer) and is not a check, or any prose block
///   other than the placeholder; raw HTML and thematic breaks are not answers.
struct NotebookBuilder {
    let file: String
    let source: SourceText
    var diagnostics: [Diagnostic] = []

    init(text: String, file: String) {
        self.file = file
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        source = SourceText(text)
    }

    mutating func build() -> Notebook {
        if source.text.allSatisfy(\.isWhitespace) {
            diagnostics.append(.warning(Messages.emptyNotebook))
        }
        let (frontMatter, markdown, frontDiagnostics) = FrontMatter.split(source)
        diagnostics += frontDiagnostics
        let blocks = CmarkDocument.parse(markdown, source: source).map { expressions(in: $0) }
        blocks.forEach { checkFences($0, topLevel: true) }

        // Which top-level blocks open questions, and where each answer ends.
        let openers = blocks.map { block -> QuestionMatcher.Match? in
            switch block {
            case .paragraph(let i, _), .heading(_, let i, _): return QuestionMatcher.match(i)
            default: return nil
            }
        }
        var answerEnds: [Int: Int] = [:]
        var sectionLevel: Int?
        for (i, block) in blocks.enumerated() {
            if openers[i] != nil {
                var limit = sectionLevel ?? 6
                if case .heading(let level, _, _) = block { limit = level }
                var end = i + 1
                while end < blocks.count, openers[end] == nil {
                    if case .heading(let level, _, _) = blocks[end], level <= limit { break }
                    end += 1
                }
                answerEnds[i] = end
            }
            if case .heading(let level, _, _) = block { sectionLevel = level }
        }
        var boundaries = Set(answerEnds.keys)
        boundaries.formUnion(answerEnds.keys.map { $0 + 1 })
        boundaries.formUnion(answerEnds.values)

        // Parts: cells alone, prose runs cut at the boundaries.
        var parts: [NotebookPart] = []
        var partOfBlock: [Int] = []
        var run: [MarkdownBlock] = []
        var cellCount = 0
        var labels: [String: Int] = [:]
        func flush() {
            guard let first = run.first, let last = run.last else { return }
            let firstLine = first.range.start.line
            let lastLine = max(source.lastNonBlankLine(from: firstLine, through: last.range.end.line), firstLine)
            parts.append(.prose(Prose(blocks: run, lines: firstLine...lastLine,
                                      markdown: source.slice(lines: firstLine, lastLine))))
            run = []
        }
        for (i, block) in blocks.enumerated() {
            if case .codeBlock(let code) = block, code.fenced, code.language == "swift" {
                flush()
                cellCount += 1
                let (cell, cellDiagnostics) = Cell.make(code, index: cellCount, source: source)
                diagnostics += cellDiagnostics
                if let first = labels[cell.label] {
                    diagnostics.append(.error(Messages.duplicateLabel(cell.label, firstLine: first),
                                              line: cell.fenceLine, column: cell.range.start.column))
                } else {
                    labels[cell.label] = cell.fenceLine
                }
                parts.append(.cell(cell))
            } else {
                if boundaries.contains(i) { flush() }
                run.append(block)
            }
            partOfBlock.append(parts.count + (run.isEmpty ? -1 : 0))
        }
        flush()

        let questions = makeQuestions(blocks: blocks, openers: openers, answerEnds: answerEnds,
                                      partOfBlock: partOfBlock, parts: parts)
        var notebook = Notebook(file: file, source: source.text, frontMatter: frontMatter, parts: parts, questions: questions)
        readMasterMarkup(&notebook, blocks: blocks)
        return notebook
    }

    /// A master's solution regions put on its cells and prose, and every misuse of its markup.
    private mutating func readMasterMarkup(_ notebook: inout Notebook, blocks: [MarkdownBlock]) {
        let cellLines = Set(notebook.cells.map(\.fenceLine))
        let otherCode = blocks.flatMap(\.codeBlocks).filter { !cellLines.contains($0.range.start.line) }
            .map { $0.range.start.line...max($0.range.start.line, $0.range.end.line) }
        let markup = MasterMarkup(lines: source.lines, cells: notebook.cells, otherCode: otherCode,
                                  frontMatter: notebook.frontMatter.lines)
        var cellIndex = 0
        for (index, part) in notebook.parts.enumerated() {
            guard case .cell(var cell) = part else { continue }
            cell.solutionRegions = markup.codeRegions[cellIndex] ?? []
            notebook.parts[index] = .cell(cell)
            cellIndex += 1
        }
        notebook.proseSolutions = markup.proseRegions
        diagnostics += markup.diagnostics + MasterChecks.diagnose(notebook)
    }

    private mutating func makeQuestions(blocks: [MarkdownBlock], openers: [QuestionMatcher.Match?], answerEnds: [Int: Int],
                                        partOfBlock: [Int], parts: [NotebookPart]) -> [Question] {
        var questions: [Question] = []
        var anchors: [String: Int] = [:]
        for (i, match) in openers.enumerated() {
            guard let match, let end = answerEnds[i] else { continue }
            let line = blocks[i].range.start.line
            let name = "\(match.keyword.prefix(1).uppercased())\(match.keyword.dropFirst()) \(match.id)"
            let base = "\(match.keyword.lowercased())-\(match.id.replacingOccurrences(of: ".", with: "-"))"
            var anchor = base
            if let firstLine = anchors[base] {
                diagnostics.append(.warning(Messages.duplicateQuestion(match.id, firstLine: firstLine), line: line, column: 1))
                var n = 2
                while anchors["\(base)-\(n)"] != nil { n += 1 }
                anchor = "\(base)-\(n)"
            }
            anchors[anchor] = line
            anchors[base] = anchors[base] ?? line
            if match.points == nil {
                diagnostics.append(.warning(Messages.noPoints(name), line: line, column: blocks[i].range.start.column))
            }
            let statement = partOfBlock[i]
            let answerEnd = end < blocks.count ? partOfBlock[end] : parts.count
            let answerParts = (statement + 1)..<max(statement + 1, answerEnd)
            let answered = isAnswer(parts[answerParts])
            if !answered {
                diagnostics.append(.warning(Messages.unanswered(name), line: line, column: blocks[i].range.start.column))
            }
            questions.append(Question(id: match.id, kind: match.kind, points: match.points, title: match.title, name: name,
                                      line: line, anchor: anchor, statementPart: statement, answerParts: answerParts,
                                      answered: answered))
        }
        return questions
    }

    /// An answer is a cell or prose other than the placeholder.
    private func isAnswer(_ parts: ArraySlice<NotebookPart>) -> Bool {
        parts.contains { part in
            switch part {
            case .cell(let c): return !c.isOnlyComments && c.options.check == nil
            case .prose(let p): return p.blocks.contains(where: hasContent)
            }
        }
    }

    private func hasContent(_ block: MarkdownBlock) -> Bool {
        switch block {
        case .codeBlock: return true
        case .htmlBlock, .thematicBreak: return false
        case .blockQuote(let b, _): return b.contains(where: hasContent)
        case .list(let l, _): return l.items.contains { $0.blocks.contains(where: hasContent) }
        case .paragraph, .heading:
            let text = block.plainText
            return !text.allSatisfy(\.isWhitespace) && !QuestionMatcher.isPlaceholder(text)
        }
    }

    // MARK: Fences

    /// Unterminated fences (any language, at any depth) are errors; swift blocks that are not
    /// top-level fences are shown, not run.
    private mutating func checkFences(_ block: MarkdownBlock, topLevel: Bool) {
        switch block {
        case .codeBlock(let c):
            if c.fenced, !c.closed {
                diagnostics.append(.error(Messages.unterminatedCodeBlock(line: c.range.start.line),
                                          line: c.range.start.line, column: c.range.start.column))
            }
            if c.fenced, c.language == "{swift}" {
                diagnostics.append(.warning(Messages.quartoSwiftInfo, line: c.range.start.line,
                                            column: c.range.start.column))
            }
            if c.fenced, c.language == "swift", !topLevel {
                diagnostics.append(.warning(Messages.nestedSwiftBlock, line: c.range.start.line,
                                            column: c.range.start.column))
            }
        case .blockQuote(let b, _):
            b.forEach { checkFences($0, topLevel: false) }
        case .list(let l, _):
            l.items.forEach { $0.blocks.forEach { checkFences($0, topLevel: false) } }
        default:
            break
        }
    }

    // MARK: Inline expressions

    /// The block with every `` `{swift} expr` `` code span turned into an `.expression`.
    private mutating func expressions(in block: MarkdownBlock) -> MarkdownBlock {
        switch block {
        case .paragraph(let i, let r): return .paragraph(expressions(in: i), r)
        case .heading(let level, let i, let r): return .heading(level: level, expressions(in: i), r)
        case .blockQuote(let b, let r): return .blockQuote(b.map { expressions(in: $0) }, r)
        case .list(var l, let r):
            for k in l.items.indices { l.items[k].blocks = l.items[k].blocks.map { expressions(in: $0) } }
            return .list(l, r)
        case .codeBlock, .htmlBlock, .thematicBreak: return block
        }
    }

    private mutating func expressions(in inlines: [MarkdownInline]) -> [MarkdownInline] {
        inlines.map { inline in
            switch inline {
            case .code(let literal, let position):
                guard literal.hasPrefix("{swift}") else { return inline }
                let afterTag = literal.dropFirst("{swift}".count)
                guard afterTag.isEmpty || afterTag.first!.isWhitespace else { return inline }
                let leading = afterTag.prefix(while: \.isWhitespace).count
                let code = afterTag.trimmingWhitespace()
                let at = SourcePosition(line: position.line, column: position.column + "{swift}".count + leading)
                if code.isEmpty {
                    diagnostics.append(.warning(Messages.emptyInlineExpression, line: position.line,
                                                column: position.column))
                }
                return .expression(InlineExpression(code: code, position: at))
            case .emphasis(let c): return .emphasis(expressions(in: c))
            case .strong(let c): return .strong(expressions(in: c))
            case .link(let d, let t, let c): return .link(destination: d, title: t, expressions(in: c))
            case .image(let s, let t, let c): return .image(source: s, title: t, expressions(in: c))
            default: return inline
            }
        }
    }
}
