
/// `results.json`: the machine-readable run, with the field names of notebook.md (tools and
/// `labbook diff` rely on them). Keys come in a fixed order and numbers in Swift's shortest
/// round-trip form, so the same report always gives the same bytes. An epoch's metrics sit beside
/// its `epoch` and `seconds` under Keras's names, so a metric may not be called `epoch` or
/// `seconds`.
public enum ResultsJSON {
    public static let format = 1

    public static func render(_ report: Report) -> String {
        var out = ""
        encode(value(of: report), indent: "", into: &out)
        return out + "\n"
    }

    static func value(of report: Report) -> JSON {
        .object([
            ("format", .int(format)),
            ("engine", .object([("version", .string(report.engine.version)), ("blas", .string(report.engine.blas)),
                                ("threads", .int(report.engine.threads)),
                                ("reproducibility", .string(report.engine.reproducibility))])),
            ("notebook", .object([("path", .string(report.notebook.path)), ("sha256", .string(report.notebook.sha256)),
                                  ("title", .string(report.title)), ("seed", .int(report.seed))])),
            ("exitStatus", .int(report.exitStatus)),
            ("renderedAt", .string(ReportFormat.timestamp(report.renderedAt))),
            ("renderSeconds", .number(report.renderSeconds)),
            ("blocks", .array(report.cells.map(block))),
            ("questions", .array(report.questions.map { q in
                .object([("id", .string(q.id)), ("points", q.points.map(JSON.number) ?? .null),
                         ("answered", .bool(q.answered)), ("line", .int(q.line)), ("anchor", .string(q.anchor))])
            })),
            ("totalPoints", .number(report.totalPoints)),
            ("inline", .array(inlineValues(report))),
            ("data", .array(report.dataFiles.map { .object([("name", .string($0.name)), ("sha256", .string($0.sha256))]) })),
        ])
    }

    static func block(_ cell: CellItem) -> JSON {
        var fits: [JSON] = [], evaluations: [JSON] = [], expectations: [JSON] = [], diagnostics: [JSON] = []
        var texts: [String] = []
        for output in cell.outputs {
            switch output {
            case .text(let t): texts.append(t)
            case .fit(let fit):
                fits.append(.object([
                    ("epochs", .array(fit.epochs.map { epoch in
                        .object([("epoch", .int(epoch.epoch))] + epoch.metrics.map { ($0.name, .number($0.value)) }
                                + [("seconds", .number(epoch.seconds))])
                    })),
                    ("stopReason", .string(fit.stopReason)),
                    ("params", .int(fit.params)),
                ]))
            case .evaluation(let metrics):
                evaluations.append(.object(metrics.map { ($0.name, .number($0.value)) }))
            case .expectation(let e):
                expectations.append(.object([("text", .string(e.text)), ("passed", .bool(e.passed)),
                                             ("values", .array(e.values.map { .object([("name", .string($0.name)),
                                                                                       ("value", .string($0.value))]) }))]))
            case .diagnostic(let d):
                diagnostics.append(.object([("severity", .string(d.severity.rawValue)), ("message", .string(d.message)),
                                            ("line", .int(d.line)), ("column", .int(d.column))]))
            case .table, .modelSummary, .figure: break
            }
        }
        return .object([
            ("label", .string(cell.label)), ("line", .int(cell.line)), ("status", .string(cell.status.rawValue)),
            ("seconds", .number(cell.seconds)), ("cached", .bool(cell.cached)),
            ("fits", .array(fits)), ("evaluations", .array(evaluations)), ("expectations", .array(expectations)),
            ("diagnostics", .array(diagnostics)), ("text", .string(texts.joined())),
            ("figures", .array(figurePaths(cell).map(JSON.string))),
        ])
    }

    /// The files of the figures the pages show, as `ReportWriter` names them.
    static func figurePaths(_ cell: CellItem) -> [String] {
        let count = cell.shownOutputs.filter { if case .figure = $0 { return true } else { return false } }.count
        return (0..<count).map { ReportFigures.path(label: cell.label, number: $0 + 1) }
    }

    /// Each inline value cited in the prose, in document order, with the question whose
    /// statement or answer cites it (null outside questions), so that `labbook diff` can flag an
    /// answer that quotes a number that moved.
    static func inlineValues(_ report: Report) -> [JSON] {
        report.items.flatMap { item -> [JSON] in
            guard case .prose(let p) = item else { return [] }
            return p.prose.inlineExpressions.map { e in
                .object([("line", .int(e.position.line)), ("column", .int(e.position.column)),
                         ("expression", .string(e.code)), ("value", report.inlineValues[e.position].map(JSON.string) ?? .null),
                         ("question", p.question.map(JSON.string) ?? .null)])
            }
        }
    }

    /// A JSON value whose objects keep their keys in the order given.
    public indirect enum JSON {
        case null
        case bool(Bool)
        case int(Int)
        case number(Double)
        case string(String)
        case array([JSON])
        case object([(String, JSON)])
    }

    /// Appends `value` to `out`, two spaces of indentation per level below `indent`.
    public static func encode(_ value: JSON, indent: String, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let d): out += ReportFormat.json(d)
        case .string(let s): out += quoted(s)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            let inner = indent + "  "
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                encode(item, indent: inner, into: &out)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            let inner = indent + "  "
            out += "{\n"
            for (i, (key, item)) in members.enumerated() {
                out += inner + quoted(key) + ": "
                encode(item, indent: inner, into: &out)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
