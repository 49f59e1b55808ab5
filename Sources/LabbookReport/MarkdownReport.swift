import LabbookNotebook

/// `report.md`: the report as Markdown that GitHub renders. Byte-stable: it holds no date, no
/// timing and no absolute path, so two renders with the same engine and seed give the same bytes.
public enum MarkdownReport {
    public static func render(_ report: Report) -> String {
        let words = ReportWords.of(report.lang)
        var sections: [String] = ["# \(escapeInline(report.title))"]
        if let author = report.author, !author.isEmpty { sections.append("*\(escapeInline(author))*") }
        if !report.questions.isEmpty { sections.append(questionsIndex(report, words)) }
        for item in report.items {
            switch item {
            case .prose(let prose):
                let text = substituteInlineValues(in: prose.prose, values: report.inlineValues)
                sections.append(prose.anchor.map { "<a id=\"\($0)\"></a>\n\n" + text } ?? text)
            case .cell(let cell):
                let rendered = render(cell, words)
                if !rendered.isEmpty { sections.append(rendered) }
            }
        }
        return sections.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    static func questionsIndex(_ report: Report, _ words: ReportWords) -> String {
        var lines = ["## \(words.questions)", "",
                     "| \(words.question) | \(words.points.capitalizedFirst) | \(words.status) |", "|---|---:|---|"]
        for q in report.questions {
            let points = q.points.map(ReportFormat.points) ?? "–"
            let status = q.answered ? "✓ \(words.answered)" : "⚠️ \(words.unanswered)"
            lines.append("| [\(escapeCell(q.title))](#\(q.anchor)) | \(points) | \(status) |")
        }
        lines.append("| **\(words.total)** | **\(ReportFormat.points(report.totalPoints))** | |")
        return lines.joined(separator: "\n")
    }

    static func render(_ cell: CellItem, _ words: ReportWords) -> String {
        var parts: [String] = []
        if cell.echo { parts.append(fenced(cell.code, info: "swift")) }
        if cell.status != .ok {
            parts.append("*\(cell.label): \(words.statuses[cell.status] ?? cell.status.rawValue)*")
        }
        var figure = 0
        for output in cell.shownOutputs {
            switch output {
            case .text(let text):
                parts.append(fenced(text, info: ""))
            case .table(let table):
                parts.append(pipeTable(headers: table.headers, rows: table.rows, rightAligned: []))
            case .fit(let fit):
                let names = fit.metricNames
                let rows = fit.epochs.map { epoch in
                    [String(epoch.epoch)] + names.map { name in
                        epoch.metrics.first { $0.name == name }.map { ReportFormat.metric($0.value) } ?? ""
                    }
                }
                parts.append(pipeTable(headers: [words.epoch] + names, rows: rows, rightAligned: Set(0...names.count)))
                parts.append("\(words.stopReason): \(words.stopReason(fit.stopReason)) · \(ReportFormat.grouped(fit.params)) \(words.parameters)")
            case .modelSummary(let summary):
                let rows = summary.rows.map { ["\($0.name) (\($0.type))", $0.outputShape, ReportFormat.grouped($0.params)] }
                parts.append("Model: \"\(escapeInline(summary.modelName))\"\n\n"
                    + pipeTable(headers: [words.layer, words.outputShape, words.paramCount], rows: rows, rightAligned: [2]))
                parts.append(summaryTotals(summary, words).map { "\($0.0): \($0.1)" }.joined(separator: "  \n"))
            case .evaluation(let metrics):
                parts.append(fenced(ReportFormat.metrics(metrics) + "\n", info: ""))
            case .figure(let f):
                figure += 1
                let alt = f.caption ?? "\(words.figure) \(figure)"
                var text = "![\(escapeInline(alt))](\(ReportFigures.path(label: cell.label, number: figure)))"
                if let caption = f.caption { text += "\n\n*\(escapeInline(caption))*" }
                parts.append(text)
            case .expectation(let e):
                var line = "\(e.passed ? "✅" : "❌") \(codeSpan(e.text))"
                if !e.values.isEmpty {
                    line += " — " + e.values.map { codeSpan("\($0.name) = \($0.value)") }.joined(separator: ", ")
                }
                parts.append(line)
            case .diagnostic(let d):
                parts.append(fenced(d.rendered.text + "\n", info: ""))
            }
        }
        return parts.joined(separator: "\n\n")
    }

    /// The totals under a model summary, as Keras prints them.
    static func summaryTotals(_ s: ModelSummaryOutput, _ words: ReportWords) -> [(String, String)] {
        func line(_ n: Int) -> String { "\(ReportFormat.grouped(n)) (\(ReportFormat.memorySize(parameters: n)))" }
        return [(words.totalParams, line(s.total)), (words.trainableParams, line(s.trainable)),
                (words.nonTrainableParams, line(s.nonTrainable))]
    }

    /// A fenced block long enough not to be closed by a backtick run inside `text`.
    static func fenced(_ text: String, info: String) -> String {
        var longest = 0, run = 0
        for c in text {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
        return "\(fence)\(info)\n\(body)\(fence)"
    }

    /// A code span that survives backticks inside `text`.
    static func codeSpan(_ text: String) -> String {
        let oneLine = text.replacingOccurrences(of: "\n", with: " ")
        var longest = 0, run = 0
        for c in oneLine {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let ticks = String(repeating: "`", count: longest + 1)
        let pad = oneLine.hasPrefix("`") || oneLine.hasSuffix("`") ? " " : ""
        return ticks + pad + oneLine + pad + ticks
    }

    static func pipeTable(headers: [String], rows: [[String]], rightAligned: Set<Int>) -> String {
        let width = max(headers.count, rows.map(\.count).max() ?? 0)
        guard width > 0 else { return "" }
        func row(_ cells: [String]) -> String {
            let padded = cells + Array(repeating: "", count: width - cells.count)
            return "| " + padded.map(escapeCell).joined(separator: " | ") + " |"
        }
        let rule = "|" + (0..<width).map { rightAligned.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|"
        return ([row(headers), rule] + rows.map(row)).joined(separator: "\n")
    }

    /// A table cell: `|` escaped, line breaks as spaces, Markdown-active characters escaped.
    static func escapeCell(_ text: String) -> String {
        escapeInline(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Text from the program placed in a Markdown line: characters that would start formatting
    /// or HTML are backslash-escaped, line breaks become spaces.
    static func escapeInline(_ text: String) -> String {
        var out = ""
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            switch c {
            case "\n", "\r\n", "\r": out.append(" ")
            case "\\", "`", "*", "[", "]", "<", ">": out.append("\\"); out.append(c)
            case "_":
                // GitHub never reads an underscore inside a word as emphasis: `val_loss` stays as is.
                let inWord = i > 0 && i + 1 < chars.count && isWordCharacter(chars[i - 1]) && isWordCharacter(chars[i + 1])
                if !inWord { out.append("\\") }
                out.append(c)
            case "&": out += "&amp;"
            default: out.append(c)
            }
        }
        return out
    }

    private static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// The prose's Markdown source with each `` `{swift} expr` `` replaced by its value (left as
    /// written when there is no value).
    static func substituteInlineValues(in prose: Prose, values: [SourcePosition: String]) -> String {
        let expressions = prose.inlineExpressions
        guard !expressions.isEmpty else { return prose.markdown }
        var lines = prose.markdown.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        // From the last expression back, so earlier positions stay valid.
        for e in expressions.sorted(by: { $0.position > $1.position }) {
            guard let value = values[e.position] else { continue }
            let row = e.position.line - prose.lines.lowerBound
            guard lines.indices.contains(row) else { continue }
            var line = lines[row]
            let codeStart = e.position.column - 1
            guard let span = codeSpanRange(in: line, codeStart: codeStart) else { continue }
            line.replaceSubrange(span, with: Array(value))
            lines[row] = line
        }
        return lines.map { String($0) }.joined(separator: "\n")
    }

    /// The range of the whole `` `{swift} expr` `` code span whose expression starts at
    /// `codeStart`, or nil if the line does not have that shape (a span broken over lines).
    static func codeSpanRange(in line: [Character], codeStart: Int) -> Range<Int>? {
        guard codeStart <= line.count else { return nil }
        var i = codeStart - 1
        while i >= 0, line[i] == " " { i -= 1 }
        let marker = Array("{swift}")
        guard i - marker.count + 1 >= 0, Array(line[(i - marker.count + 1)...i]) == marker else { return nil }
        i -= marker.count
        while i >= 0, line[i] == " " { i -= 1 }
        var ticks = 0
        while i >= 0, line[i] == "`" { ticks += 1; i -= 1 }
        guard ticks > 0 else { return nil }
        let start = i + 1
        var j = codeStart
        while j < line.count {
            if line[j] == "`" {
                var run = 0
                while j + run < line.count, line[j + run] == "`" { run += 1 }
                if run == ticks { return start..<(j + run) }
                j += run
            } else {
                j += 1
            }
        }
        return nil
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// Where figures go: `figures/LABEL-N.png`, N counting from 1 within the cell.
enum ReportFigures {
    static func path(label: String, number: Int) -> String { "figures/\(fileName(label))-\(number).png" }

    /// The notebook reader only accepts labels made of letters, digits, `-`, `_` and `.`; a report
    /// built some other way still cannot write outside `figures/`.
    static func fileName(_ label: String) -> String {
        let safe = String(label.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" })
        return safe.hasPrefix(".") ? "-" + safe.dropFirst() : safe
    }
}
