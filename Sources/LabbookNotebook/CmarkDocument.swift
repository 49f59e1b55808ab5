import CCmark

/// The only file that talks to libcmark: parses CommonMark with `cmark_parse_document`, walks the
/// node tree with `cmark_iter`, converts every node into `MarkdownBlock`/`MarkdownInline` values
/// and frees the C tree before returning.
///
/// Options: `CMARK_OPT_SOURCEPOS` only. `CMARK_OPT_UNSAFE` changes nothing here: it only affects
/// cmark's own HTML renderer, which labbook does not use, and raw HTML is always in the tree as
/// `html` nodes; keeping it or dropping it is the renderer's decision (`--allow-html`). No
/// `CMARK_OPT_SMART`: quotes and dashes stay as the author typed them.
enum CmarkDocument {
    /// The top-level blocks of `text`. Positions come from cmark (1-based lines; columns converted
    /// from bytes to characters with `source`, which must be the same text).
    static func parse(_ text: String, source: SourceText) -> [MarkdownBlock] {
        var text = text
        guard !text.isEmpty else { return [] }
        let root: OpaquePointer? = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS)
            }
        }
        guard let root else { return [] }
        defer { cmark_node_free(root) }
        var converter = Converter(source: source)
        return converter.convert(root)
    }
}

private struct Converter {
    let source: SourceText

    /// A container being built while the iterator is inside it.
    struct Frame {
        var node: OpaquePointer
        var blocks: [MarkdownBlock] = []
        var inlines: [MarkdownInline] = []
        var items: [MarkdownListItem] = []
    }

    mutating func convert(_ root: OpaquePointer) -> [MarkdownBlock] {
        guard let iter = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iter) }
        var stack: [Frame] = []
        var result: [MarkdownBlock] = []
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_DOCUMENT {
                if event == CMARK_EVENT_ENTER { stack.append(Frame(node: node)) } else if let frame = stack.popLast() { result = frame.blocks }
                continue
            }
            if isLeaf(type) {
                add(leaf(node, type), to: &stack)
            } else if event == CMARK_EVENT_ENTER {
                stack.append(Frame(node: node))
            } else if let frame = stack.popLast() {
                add(container(frame, type), to: &stack)
            }
        }
        return result
    }

    enum Converted {
        case block(MarkdownBlock)
        case inline(MarkdownInline)
        case item(MarkdownListItem)
        case nothing
    }

    func add(_ converted: Converted, to stack: inout [Frame]) {
        guard !stack.isEmpty else { return }
        switch converted {
        case .block(let b): stack[stack.count - 1].blocks.append(b)
        case .inline(let i): stack[stack.count - 1].inlines.append(i)
        case .item(let i): stack[stack.count - 1].items.append(i)
        case .nothing: break
        }
    }

    func isLeaf(_ type: cmark_node_type) -> Bool {
        [CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_TEXT,
         CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE]
            .contains(type)
    }

    func leaf(_ node: OpaquePointer, _ type: cmark_node_type) -> Converted {
        let literal = string(cmark_node_get_literal(node))
        switch type {
        case CMARK_NODE_CODE_BLOCK: return .block(.codeBlock(codeBlock(node, literal: literal)))
        case CMARK_NODE_HTML_BLOCK: return .block(.htmlBlock(literal, range(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .block(.thematicBreak(range(node)))
        case CMARK_NODE_TEXT: return .inline(.text(literal))
        case CMARK_NODE_SOFTBREAK: return .inline(.softBreak)
        case CMARK_NODE_LINEBREAK: return .inline(.lineBreak)
        case CMARK_NODE_CODE: return .inline(.code(literal, codeSpanPosition(node, literal: literal)))
        case CMARK_NODE_HTML_INLINE: return .inline(.html(literal, start(node)))
        default: return .nothing
        }
    }

    func container(_ frame: Frame, _ type: cmark_node_type) -> Converted {
        let node = frame.node
        switch type {
        case CMARK_NODE_PARAGRAPH:
            return .block(.paragraph(frame.inlines, range(node)))
        case CMARK_NODE_HEADING:
            return .block(.heading(level: Int(cmark_node_get_heading_level(node)), frame.inlines, range(node)))
        case CMARK_NODE_BLOCK_QUOTE:
            return .block(.blockQuote(frame.blocks, range(node)))
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let list = MarkdownList(ordered: ordered, start: ordered ? Int(cmark_node_get_list_start(node)) : 1,
                                    tight: cmark_node_get_list_tight(node) != 0, items: frame.items)
            return .block(.list(list, range(node)))
        case CMARK_NODE_ITEM:
            return .item(MarkdownListItem(blocks: frame.blocks, range: range(node)))
        case CMARK_NODE_EMPH:
            return .inline(.emphasis(frame.inlines))
        case CMARK_NODE_STRONG:
            return .inline(.strong(frame.inlines))
        case CMARK_NODE_LINK:
            return .inline(.link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                                 frame.inlines))
        case CMARK_NODE_IMAGE:
            return .inline(.image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                                  frame.inlines))
        default:
            // Custom blocks and inlines never come out of the parser; keep their content anyway.
            return frame.blocks.first.map { .block($0) } ?? .nothing
        }
    }

    // MARK: Positions

    func string(_ c: UnsafePointer<CChar>?) -> String {
        c.map { String(cString: $0) } ?? ""
    }

    func position(line: Int32, byteColumn: Int32) -> SourcePosition {
        let l = Int(line)
        return SourcePosition(line: l, column: source.characterColumn(line: l, byteColumn: Int(byteColumn)))
    }

    func start(_ node: OpaquePointer) -> SourcePosition {
        position(line: cmark_node_get_start_line(node), byteColumn: cmark_node_get_start_column(node))
    }

    /// cmark ends a list or thematic break followed by a blank line at column 0 of the next line;
    /// such an end moves back to the last character of the last non-blank line before it.
    func range(_ node: OpaquePointer) -> MarkdownRange {
        let first = start(node)
        var endLine = Int(cmark_node_get_end_line(node))
        let endByte = Int(cmark_node_get_end_column(node))
        guard endByte == 0, endLine > first.line else {
            return MarkdownRange(start: first, end: position(line: Int32(endLine), byteColumn: Int32(endByte)))
        }
        endLine = max(source.lastNonBlankLine(from: first.line, through: endLine - 1), first.line)
        return MarkdownRange(start: first, end: SourcePosition(line: endLine, column: source.line(endLine).count))
    }

    /// cmark 0.30 undercounts the column of inlines on a paragraph's continuation lines by the
    /// indentation it stripped, so the literal is looked for on its line from cmark's column on.
    func codeSpanPosition(_ node: OpaquePointer, literal: String) -> SourcePosition {
        let line = Int(cmark_node_get_start_line(node))
        let byteColumn = Int(cmark_node_get_start_column(node))
        let bytes = Array(source.line(line).utf8)
        let needle = Array(literal.prefix { $0 != "\n" }.utf8)
        if !needle.isEmpty, byteColumn >= 1, byteColumn - 1 <= bytes.count - needle.count {
            for offset in (byteColumn - 1)...(bytes.count - needle.count)
            where bytes[offset..<(offset + needle.count)].elementsEqual(needle) {
                return SourcePosition(line: line, column: source.characterColumn(line: line, byteColumn: offset + 1))
            }
        }
        return position(line: Int32(line), byteColumn: Int32(byteColumn))
    }

    /// libcmark 0.30 does not say whether a code block was fenced or where its fence closed, so
    /// both are read from the source lines: the block's first line starts with ``` or ~~~, and
    /// a closed block's last line is a fence of the same character at least as long.
    func codeBlock(_ node: OpaquePointer, literal: String) -> MarkdownCodeBlock {
        let r = range(node)
        let startLine = Int(cmark_node_get_start_line(node))
        let endLine = Int(cmark_node_get_end_line(node))
        let startByte = max(Int(cmark_node_get_start_column(node)) - 1, 0)
        let info = string(cmark_node_get_fence_info(node))
        let opening = fence(in: source.line(startLine), droppingBytes: startByte)
        guard let opening else {
            return MarkdownCodeBlock(info: info, literal: literal, range: r, fenced: false, closed: true,
                                     contentLine: startLine, contentColumn: r.start.column)
        }
        var closed = false
        if endLine > startLine, let closing = fence(in: source.line(endLine), droppingBytes: startByte) {
            closed = closing.character == opening.character && closing.length >= opening.length
                && closing.rest.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        }
        return MarkdownCodeBlock(info: info, literal: literal, range: r, fenced: true, closed: closed,
                                 contentLine: startLine + 1, contentColumn: r.start.column + opening.indent)
    }

    /// The fence at the start of `line` after its container's prefix (up to 3 spaces of indent).
    func fence(in line: Substring, droppingBytes prefix: Int) -> (character: UInt8, length: Int, indent: Int, rest: ArraySlice<UInt8>)? {
        let bytes = Array(line.utf8)
        guard prefix <= bytes.count else { return nil }
        var text = bytes[prefix...]
        let indent = text.prefix { $0 == UInt8(ascii: " ") }.count
        guard indent <= 3 else { return nil }
        text = text.dropFirst(indent)
        guard let c = text.first, c == UInt8(ascii: "`") || c == UInt8(ascii: "~") else { return nil }
        let length = text.prefix { $0 == c }.count
        guard length >= 3 else { return nil }
        return (c, length, indent, text.dropFirst(length))
    }
}
