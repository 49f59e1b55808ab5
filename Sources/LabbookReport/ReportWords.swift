import LabbookNotebook

/// The fixed words of a report, in the notebook's language (front matter `lang`).
public struct ReportWords: Equatable, Sendable {
    public var contents: String
    public var questions: String
    public var question: String
    public var points: String
    public var point: String
    public var total: String
    public var status: String
    public var answered: String
    public var unanswered: String
    public var code: String
    public var showCode: String
    public var hideCode: String
    public var cached: String
    public var epoch: String
    public var seconds: String
    public var stopReason: String
    public var parameters: String
    public var layer: String
    public var outputShape: String
    public var paramCount: String
    public var totalParams: String
    public var trainableParams: String
    public var nonTrainableParams: String
    public var passed: String
    public var failed: String
    public var figure: String
    public var help: String
    public var engine: String
    public var threads: String
    public var seed: String
    public var renderedIn: String
    public var renderedAt: String
    public var statuses: [CellStatus: String]
    /// Why a `fit` ended, by results.json's `stopReason`.
    public var stopReasons: [String: String]

    public static func of(_ lang: FrontMatter.Language) -> ReportWords { lang == .es ? .spanish : .english }

    public static let english = ReportWords(
        contents: "Contents", questions: "Questions", question: "Question", points: "points", point: "point",
        total: "Total", status: "Status", answered: "answered", unanswered: "unanswered", code: "Code",
        showCode: "Show code", hideCode: "Hide code", cached: "cached", epoch: "epoch", seconds: "seconds",
        stopReason: "Stopped", parameters: "parameters", layer: "Layer (type)", outputShape: "Output Shape",
        paramCount: "Param #", totalParams: "Total params", trainableParams: "Trainable params",
        nonTrainableParams: "Non-trainable params", passed: "passed", failed: "failed", figure: "Figure",
        help: "help", engine: "Engine", threads: "threads", seed: "seed", renderedIn: "rendered in",
        renderedAt: "on",
        statuses: [.ok: "ok", .error: "error", .expectedError: "expected error", .skipped: "not run",
                   .timeout: "timed out", .interrupted: "interrupted"],
        stopReasons: ["completed": "completed", "early-stopping": "early stopping", "callback": "by a callback"])

    public static let spanish = ReportWords(
        contents: "Contenido", questions: "Preguntas", question: "Pregunta", points: "puntos", point: "punto",
        total: "Total", status: "Estado", answered: "respondida", unanswered: "sin responder", code: "Código",
        showCode: "Mostrar código", hideCode: "Ocultar código", cached: "en caché", epoch: "época",
        seconds: "segundos", stopReason: "Parada", parameters: "parámetros", layer: "Layer (type)",
        outputShape: "Output Shape", paramCount: "Param #", totalParams: "Total params",
        trainableParams: "Trainable params", nonTrainableParams: "Non-trainable params", passed: "cumple",
        failed: "no cumple", figure: "Figura", help: "ayuda", engine: "Motor", threads: "hilos", seed: "semilla",
        renderedIn: "generado en", renderedAt: "el",
        statuses: [.ok: "ok", .error: "error", .expectedError: "error esperado", .skipped: "no ejecutado",
                   .timeout: "tiempo agotado", .interrupted: "interrumpido"],
        stopReasons: ["completed": "completado", "early-stopping": "early stopping", "callback": "por un callback"])

    /// A fit's stop reason in these words.
    public func stopReason(_ reason: String) -> String { stopReasons[reason] ?? reason }

    /// `2 points`, `1 punto`, `0.75 puntos`.
    public func points(_ value: Double) -> String {
        "\(ReportFormat.points(value)) \(value == 1 ? point : points)"
    }
}
