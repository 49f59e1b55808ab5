import Foundation
import LabbookNotebook

/// What running one cell produced, as the execution layer hands it over.
public struct CellRun: Codable, Equatable, Sendable {
    public var status: CellStatus
    public var seconds: Double
    public var cached: Bool
    public var outputs: [CellOutput]

    public init(status: CellStatus = .ok, seconds: Double = 0, cached: Bool = false, outputs: [CellOutput] = []) {
        self.status = status
        self.seconds = seconds
        self.cached = cached
        self.outputs = outputs
    }
}

extension Report {
    /// The report of `notebook`: its prose as read, each cell with `runs[cell.label]` (a cell
    /// without a run shows as `skipped`), its questions, and the inline values.
    public init(notebook: Notebook, sha256: String, engine: EngineDescription, runs: [String: CellRun],
                inlineValues: [SourcePosition: String] = [:], dataFiles: [DataFile] = [],
                seed: Int? = nil, renderSeconds: Double = 0, renderedAt: Date) {
        let anchors = Dictionary(notebook.questions.map { ($0.statementPart, $0.anchor) }, uniquingKeysWith: { a, _ in a })
        var questionOfPart: [Int: String] = [:]
        for question in notebook.questions {
            for part in [question.statementPart] + Array(question.answerParts) { questionOfPart[part] = question.id }
        }
        var items: [ReportItem] = []
        for (index, part) in notebook.parts.enumerated() {
            switch part {
            case .prose(let prose):
                items.append(.prose(ProseItem(prose, anchor: anchors[index], question: questionOfPart[index])))
            case .cell(let cell):
                let run = runs[cell.label] ?? CellRun(status: .skipped)
                items.append(.cell(CellItem(label: cell.label, line: cell.fenceLine, code: cell.code,
                                            echo: cell.options.echo, showsOutput: cell.options.output, status: run.status,
                                            seconds: run.seconds, cached: run.cached, errorExpected: cell.options.error,
                                            outputs: run.outputs)))
            }
        }
        let fileName = (notebook.file as NSString).lastPathComponent
        self.init(title: notebook.frontMatter.title ?? (fileName as NSString).deletingPathExtension,
                  author: notebook.frontMatter.author, lang: notebook.frontMatter.lang,
                  notebook: NotebookInfo(path: notebook.file, sha256: sha256),
                  seed: seed ?? notebook.frontMatter.seed, engine: engine, renderSeconds: renderSeconds,
                  renderedAt: renderedAt,
                  questions: notebook.questions.map(ReportQuestion.init), items: items,
                  inlineValues: inlineValues, dataFiles: dataFiles)
    }
}
