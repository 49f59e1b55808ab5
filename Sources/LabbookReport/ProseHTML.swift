import LabbookNotebook

/// An entry of the table of contents: a heading of the prose.
public struct TOCEntry: Equatable, Sendable {
    public var level: Int
    public var text: String
    public var id: String
}

/// Renders the notebook's Markdown tree as HTML. Every piece of text is escaped; raw HTML is
/// dropped unless `allowHTML`; `` `{swift} expr` `` shows its computed value; headings get unique
/// ids and are collected for the table of contents.
struct ProseHTMLRenderer {
    let inlineValues: [SourcePosition: String]
    let allowHTML: Bool
    private(set) var toc: [TOCEntry] = []
    private var usedIDs: Set<String> = []

    init(inlineValues: [SourcePosition: String], allowHTML: Bool, reservedIDs: Set<String> = []) {
        self.inlineValues = inlineValues
        self.allowHTML = allowHTML
        self.usedIDs = reservedIDs
    }

    mutating func render(_ blocks: [MarkdownBlock], tight: Bool = false, topLevel: Bool = true) -> String {
        blocks.map { render($0, tight: tight, topLevel: topLevel) }.joined()
    }

    private mutating func render(_ block: MarkdownBlock, tight: Bool, topLevel: Bool) -> String {
        switch block {
        case .paragraph(let inlines, _):
            let body = render(inlines)
            return tight ? body + "\n" : "<p>\(body)</p>\n"
        case .heading(let level, let inlines, _):
            let text = plainText(inlines)
            let id = uniqueID(Self.slug(text))
            if topLevel && level <= 3 { toc.append(TOCEntry(level: level, text: text, id: id)) }
            return "<h\(level) id=\"\(HTML.escape(id))\">\(render(inlines))</h\(level)>\n"
        case .blockQuote(let children, _):
            return "<blockquote>\n\(render(children, topLevel: false))</blockquote>\n"
        case .list(let list, _):
            let tag = list.ordered ? "ol" : "ul"
            let start = list.ordered && list.start != 1 ? " start=\"\(list.start)\"" : ""
            let items = list.items.map { "<li>\(render($0.blocks, tight: list.tight, topLevel: false))</li>\n" }
            return "<\(tag)\(start)>\n\(items.joined())</\(tag)>\n"
        case .codeBlock(let code):
            let language = code.language
            let body = language == "swift" ? SwiftHighlighter.html(code.literal) : HTML.escape(code.literal)
            let cls = language.isEmpty ? "" : " class=\"language-\(HTML.escape(language))\""
            return "<pre class=\"code\"><code\(cls)>\(body)</code></pre>\n"
        case .htmlBlock(let html, _):
            return allowHTML ? html + (html.hasSuffix("\n") ? "" : "\n") : ""
        case .thematicBreak:
            return "<hr>\n"
        }
    }

    func render(_ inlines: [MarkdownInline]) -> String {
        inlines.map(render).joined()
    }

    private func render(_ inline: MarkdownInline) -> String {
        switch inline {
        case .text(let s): return HTML.escape(s)
        case .softBreak: return "\n"
        case .lineBreak: return "<br>\n"
        case .code(let s, _): return "<code>\(HTML.escape(s))</code>"
        case .emphasis(let c): return "<em>\(render(c))</em>"
        case .strong(let c): return "<strong>\(render(c))</strong>"
        case .link(let destination, let title, let c):
            guard let url = HTML.safeURL(destination) else { return render(c) }
            let titleAttribute = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
            return "<a href=\"\(HTML.escape(url))\"\(titleAttribute)>\(render(c))</a>"
        case .image(let source, let title, let c):
            guard let url = HTML.safeURL(source) else { return HTML.escape(plainText(c)) }
            let titleAttribute = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
            return "<img src=\"\(HTML.escape(url))\" alt=\"\(HTML.escape(plainText(c)))\"\(titleAttribute)>"
        case .html(let html, _):
            return allowHTML ? html : ""
        case .expression(let e):
            if let value = inlineValues[e.position] {
                return "<span class=\"inline-value\" title=\"\(HTML.escape(e.code))\">\(HTML.escape(value))</span>"
            }
            return "<code class=\"inline-missing\">{swift} \(HTML.escape(e.code))</code>"
        }
    }

    /// The text a reader sees, with inline expressions replaced by their values.
    func plainText(_ inlines: [MarkdownInline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .expression(let e): return inlineValues[e.position] ?? "{swift} \(e.code)"
            case .emphasis(let c), .strong(let c), .link(_, _, let c), .image(_, _, let c): return plainText(c)
            default: return inline.plainText
            }
        }.joined()
    }

    private mutating func uniqueID(_ base: String) -> String {
        var id = base.isEmpty ? "section" : base
        var n = 2
        while usedIDs.contains(id) {
            id = "\(base.isEmpty ? "section" : base)-\(n)"
            n += 1
        }
        usedIDs.insert(id)
        return id
    }

    /// `Pregunta 2.1: ¿Qué pasa?` → `pregunta-21-qué-pasa` (GitHub's heading ids: lowercase,
    /// letters, digits, `-` and `_` kept, spaces to `-`, the rest dropped).
    static func slug(_ text: String) -> String {
        var out = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber || c == "-" || c == "_" { out.append(c) }
            else if c == " " { out.append("-") }
        }
        return out
    }
}
