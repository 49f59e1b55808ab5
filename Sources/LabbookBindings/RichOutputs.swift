import Foundation
import LabbookEngine
import LabbookInterpreter
import LabbookPlots

/// A figure from `show`, `showGrid`, `plot` or `compare`: what to draw, not pixels.
public struct FigureOutput: RichOutput {
    public let figure: Figure
}

/// `model.summary()`: Keras's table.
public struct SummaryOutput: RichOutput {
    public let summary: ModelSummary
}

/// One `fit`: its epochs (the history) and the model's trainable parameter count.
public struct FitOutput: RichOutput {
    public let history: History
}

/// One `evaluate`: the loss and metrics, as Keras prints them.
public struct EvaluationOutput: RichOutput {
    public let logs: Logs

    /// `loss: 0.3512 - accuracy: 0.8762`.
    public var line: String {
        logs.map { "\($0.name): \(String(format: "%.4f", $0.value))" }.joined(separator: " - ")
    }
}
