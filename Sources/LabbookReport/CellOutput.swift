import Foundation
import LabbookDiagnostics
import LabbookPlots

/// One thing a block produced, in the order it produced them.
public enum CellOutput: Codable, Equatable, Sendable {
    /// Printed text, shown in monospace.
    case text(String)
    case table(TableOutput)
    /// What `fit` returned: one row per epoch.
    case fit(EpochTable)
    case modelSummary(ModelSummaryOutput)
    /// What `evaluate` returned: `loss: 0.3512 - accuracy: 0.8762`.
    case evaluation([MetricValue])
    case figure(ReportFigure)
    case expectation(ExpectationOutput)
    case diagnostic(DiagnosticOutput)
}

/// A named number (a metric, a value an expectation compared).
public struct MetricValue: Codable, Equatable, Sendable {
    public var name: String
    public var value: Double

    public init(_ name: String, _ value: Double) {
        self.name = name
        self.value = value
    }
}

public struct TableOutput: Codable, Equatable, Sendable {
    public var headers: [String]
    public var rows: [[String]]

    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }
}

/// A `fit` run.
public struct EpochTable: Codable, Equatable, Sendable {
    public struct Epoch: Codable, Equatable, Sendable {
        /// 1-based, as Keras prints `Epoch 1/10`.
        public var epoch: Int
        /// Keras's names (`loss`, `accuracy`, `val_loss`, `val_accuracy`, or any other), in the
        /// order they should be shown.
        public var metrics: [MetricValue]
        public var seconds: Double

        public init(epoch: Int, metrics: [MetricValue], seconds: Double) {
            self.epoch = epoch
            self.metrics = metrics
            self.seconds = seconds
        }
    }

    public var epochs: [Epoch]
    /// `completed`, `early-stopping` or `callback`.
    public var stopReason: String
    /// Trainable parameters of the model that was trained.
    public var params: Int

    public init(epochs: [Epoch], stopReason: String = "completed", params: Int) {
        self.epochs = epochs
        self.stopReason = stopReason
        self.params = params
    }

    /// Every metric name of the run, in first-seen order (so an open-ended set of metrics works).
    public var metricNames: [String] {
        var names: [String] = []
        for epoch in epochs {
            for m in epoch.metrics where !names.contains(m.name) { names.append(m.name) }
        }
        return names
    }
}

/// Keras's `model.summary()` as data.
public struct ModelSummaryOutput: Codable, Equatable, Sendable {
    public struct Row: Codable, Equatable, Sendable {
        public var name: String
        public var type: String
        /// Keras's notation: `(None, 784)`.
        public var outputShape: String
        public var params: Int

        public init(name: String, type: String, outputShape: String, params: Int) {
            self.name = name
            self.type = type
            self.outputShape = outputShape
            self.params = params
        }
    }

    public var modelName: String
    public var rows: [Row]
    public var trainable: Int
    public var nonTrainable: Int
    public var total: Int { trainable + nonTrainable }

    public init(modelName: String, rows: [Row], trainable: Int, nonTrainable: Int) {
        self.modelName = modelName
        self.rows = rows
        self.trainable = trainable
        self.nonTrainable = nonTrainable
    }
}

/// A figure: PNG bytes already drawn, or a figure value the writer draws.
public struct ReportFigure: Equatable, Sendable {
    public enum Content: Equatable, Sendable {
        case png([UInt8])
        case figure(Figure)
    }

    public var content: Content
    /// The cell's `fig-cap`, if any.
    public var caption: String?

    public init(_ content: Content, caption: String? = nil) {
        self.content = content
        self.caption = caption
    }
}

/// An `expect(...)` check.
public struct ExpectationOutput: Codable, Equatable, Sendable {
    /// The check as written (`expect(acc > 0.85)`).
    public var text: String
    public var passed: Bool
    /// The values involved, as the program printed them (`acc = 0.8762`).
    public var values: [NamedValue]

    public init(text: String, passed: Bool, values: [NamedValue] = []) {
        self.text = text
        self.passed = passed
        self.values = values
    }
}

/// A name and the text of its value.
public struct NamedValue: Codable, Equatable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An error, warning or note located in the notebook: the diagnostic itself, with the notebook
/// lines it quotes, so that the report shows it as `check` and `render` print it.
public struct DiagnosticOutput: Codable, Equatable, Sendable {
    public var diagnostic: Diagnostic
    /// The notebook path as the user gave it.
    public var file: String
    /// The notebook lines the diagnostic and its notes point into.
    public var quoted: SourceLines

    /// - Parameter source: the notebook's lines; only those the diagnostic quotes are kept.
    public init(_ diagnostic: Diagnostic, file: String, source: SourceLines = SourceLines()) {
        self.diagnostic = diagnostic
        self.file = file
        self.quoted = source.quoted(by: diagnostic)
    }

    public var severity: Diagnostic.Severity { diagnostic.severity }
    public var message: String { diagnostic.message }
    public var line: Int { diagnostic.line }
    public var column: Int { diagnostic.column }

    /// Laid out by the one formatter: the head, the quoted lines, the notes, the help.
    public var rendered: RenderedDiagnostic {
        DiagnosticFormatter(fileName: file, source: quoted).render(diagnostic)
    }
}

/// A figure is kept (in the block cache) as the PNG it draws, so that a replayed report shows
/// the same bytes without the figure being described again.
extension ReportFigure: Codable {
    private enum CodingKeys: String, CodingKey { case png, caption }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let bytes = Data(base64Encoded: try container.decode(String.self, forKey: .png)) else {
            throw DecodingError.dataCorruptedError(forKey: .png, in: container, debugDescription: "not base64")
        }
        self.init(.png([UInt8](bytes)), caption: try container.decodeIfPresent(String.self, forKey: .caption))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let bytes: [UInt8]
        switch content {
        case .png(let png): bytes = png
        case .figure(let figure): bytes = try figure.renderPNG()
        }
        try container.encode(Data(bytes).base64EncodedString(), forKey: .png)
        try container.encodeIfPresent(caption, forKey: .caption)
    }
}
