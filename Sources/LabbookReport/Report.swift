import Foundation
import LabbookNotebook

/// Everything a report shows, as plain values: what `LabbookRun` fills in from a run (or the
/// block cache) and what the renderers (`index.html`, `report.md`, `results.json`) read. This
/// target imports neither the interpreter nor the engine; numbers arrive as numbers and are
/// formatted by `ReportFormat`.
public struct Report: Equatable, Sendable {
    public var title: String
    public var author: String?
    /// The language of the report's fixed words ("Preguntas"/"Questions").
    public var lang: FrontMatter.Language
    public var notebook: NotebookInfo
    public var seed: Int
    public var engine: EngineDescription
    /// Seconds the whole render took; HTML footer and results.json only, never report.md.
    public var renderSeconds: Double
    /// When the render happened, injected by the caller; HTML footer and results.json only.
    public var renderedAt: Date
    /// Whether reading the notebook gave an error (a bad option, an unclosed fence, ...).
    public var readingFailed = false
    /// The inline expressions that failed, by position (their places show the message).
    public var failedInline: Set<SourcePosition> = []
    public var questions: [ReportQuestion]
    /// The document in order: prose and cells.
    public var items: [ReportItem]
    /// Each inline `` `{swift} expr` `` value, keyed by the position of `expr` in the notebook.
    public var inlineValues: [SourcePosition: String]
    /// Data files the notebook read, with their SHA-256 (results.json only).
    public var dataFiles: [DataFile]

    public init(title: String, author: String? = nil, lang: FrontMatter.Language = .en, notebook: NotebookInfo,
                seed: Int, engine: EngineDescription, renderSeconds: Double = 0, renderedAt: Date,
                questions: [ReportQuestion] = [], items: [ReportItem] = [],
                inlineValues: [SourcePosition: String] = [:], dataFiles: [DataFile] = []) {
        self.title = title
        self.author = author
        self.lang = lang
        self.notebook = notebook
        self.seed = seed
        self.engine = engine
        self.renderSeconds = renderSeconds
        self.renderedAt = renderedAt
        self.questions = questions
        self.items = items
        self.inlineValues = inlineValues
        self.dataFiles = dataFiles
    }

    /// The sum of the questions' points, rounded to 6 decimals (as `Notebook.totalPoints`).
    public var totalPoints: Double {
        (questions.reduce(0) { $0 + ($1.points ?? 0) } * 1e6).rounded() / 1e6
    }

    /// The render's exit status, the one place it is decided: 1 when reading the notebook gave
    /// an error, an inline expression failed, or a block failed (an unexpected error, a
    /// timeout of a block not marked `error: true`, an interruption, a failed expectation or a
    /// figure that could not be drawn); 0 otherwise.
    public var exitStatus: Int {
        readingFailed || !failedInline.isEmpty || cells.contains(where: \.failed) ? 1 : 0
    }

    /// The cells in document order.
    public var cells: [CellItem] {
        items.compactMap { if case .cell(let c) = $0 { return c } else { return nil } }
    }
}

/// The notebook file the report comes from.
public struct NotebookInfo: Equatable, Sendable {
    /// As the user gave it (relative paths stay relative).
    public var path: String
    /// Hex SHA-256 of the file's bytes.
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}

/// What built the numbers: `EngineInfo.version`, `BLAS.build`, `BLAS.threads`.
public struct EngineDescription: Equatable, Sendable {
    public var version: String
    public var blas: String
    public var threads: Int
    /// Runs of one class give the same bits (`x86-64-v3, fixed order`); see `EngineInfo`.
    public var reproducibility: String

    public init(version: String, blas: String, threads: Int, reproducibility: String = "x86-64-v3, fixed order") {
        self.version = version
        self.blas = blas
        self.threads = threads
        self.reproducibility = reproducibility
    }
}

/// A data file a notebook read, for results.json.
public struct DataFile: Equatable, Sendable {
    public var name: String
    public var sha256: String

    public init(name: String, sha256: String) {
        self.name = name
        self.sha256 = sha256
    }
}

/// One entry of the questions index.
public struct ReportQuestion: Equatable, Sendable {
    public var id: String
    public var kind: Question.Kind
    /// The strong text as written, formatting dropped: `Pregunta 2.1 (2 puntos)`.
    public var title: String
    public var points: Double?
    /// The HTML id of the statement (`pregunta-2-1`).
    public var anchor: String
    public var answered: Bool
    public var line: Int

    public init(id: String, kind: Question.Kind, title: String, points: Double?, anchor: String,
                answered: Bool, line: Int) {
        self.id = id
        self.kind = kind
        self.title = title
        self.points = points
        self.anchor = anchor
        self.answered = answered
        self.line = line
    }

    public init(_ question: Question) {
        self.init(id: question.id, kind: question.kind, title: question.title, points: question.points,
                  anchor: question.anchor, answered: question.answered, line: question.line)
    }
}

/// A piece of the document.
public enum ReportItem: Equatable, Sendable {
    case prose(ProseItem)
    case cell(CellItem)
}

/// Prose as read from the notebook; `anchor` is set when it is a question's statement.
public struct ProseItem: Equatable, Sendable {
    public var prose: Prose
    public var anchor: String?
    /// The id of the question whose statement or answer this prose is part of, if any
    /// (results.json's `inline[].question`, so `labbook diff` can name a stale answer).
    public var question: String?

    public init(_ prose: Prose, anchor: String? = nil, question: String? = nil) {
        self.prose = prose
        self.anchor = anchor
        self.question = question
    }
}

/// How a block ended (results.json's `status`).
public enum CellStatus: String, Codable, Equatable, Sendable, CaseIterable {
    case ok
    /// An unexpected error: shown, and the render fails at the end.
    case error
    /// An error in a block marked `error: true`.
    case expectedError = "expected-error"
    /// `eval: false`.
    case skipped
    case timeout
    case interrupted
}

/// A swift block with what running it produced.
public struct CellItem: Equatable, Sendable {
    public var label: String
    /// The file line of the opening fence.
    public var line: Int
    /// The code as shown (option lines removed).
    public var code: String
    /// False for `echo: false`: the code is not shown.
    public var echo: Bool
    /// False for `output: false`: outputs stay in results.json but the pages show only
    /// diagnostics.
    public var showsOutput: Bool
    public var status: CellStatus
    public var seconds: Double
    /// True when the outputs were replayed from the cache.
    public var cached: Bool
    /// The block is marked `error: true`: an error or a timeout is what it shows.
    public var errorExpected: Bool
    public var outputs: [CellOutput]

    /// The outputs the pages show: all of them, or only diagnostics under `output: false`.
    public var shownOutputs: [CellOutput] {
        showsOutput ? outputs : outputs.filter { if case .diagnostic = $0 { return true } else { return false } }
    }

    public init(label: String, line: Int, code: String, echo: Bool = true, showsOutput: Bool = true,
                status: CellStatus = .ok, seconds: Double = 0, cached: Bool = false, errorExpected: Bool = false,
                outputs: [CellOutput] = []) {
        self.label = label
        self.line = line
        self.code = code
        self.echo = echo
        self.showsOutput = showsOutput
        self.status = status
        self.seconds = seconds
        self.cached = cached
        self.errorExpected = errorExpected
        self.outputs = outputs
    }

    /// Whether the block fails the render: an unexpected error, a timeout of a block not marked
    /// `error: true`, an interruption, or an expectation that did not hold.
    public var failed: Bool {
        status == .error || status == .interrupted || (status == .timeout && !errorExpected) || hasFailedExpectation
    }

    /// Whether an `expect` of the block did not hold.
    public var hasFailedExpectation: Bool {
        outputs.contains { if case .expectation(let e) = $0 { return !e.passed } else { return false } }
    }
}
