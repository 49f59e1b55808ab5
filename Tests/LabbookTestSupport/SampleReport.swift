import Foundation
import LabbookDiagnostics
import LabbookNotebook
import LabbookPlots
import LabbookReport

/// The notebook behind the sample report: prose, three questions (one unanswered), an inline
/// value, and cells that between them produce every kind of output, an expected error and an
/// unexpected one.
public let sampleNotebookText = #"""
---
title: "Redes neuronales: Fashion MNIST"
author: "Ana Pérez"
lang: es
seed: 42
---

# Introducción

Este cuaderno entrena una red *pequeña* sobre [Fashion MNIST](https://github.com/zalandoresearch/fashion-mnist).

## Datos

```swift
//| label: data
let images = Tensor.random(normal: [1000, 28, 28], seed: 1)
var classes: [Int] = []
for i in 0..<1000 { classes.append(i % 10) }
let labels = Tensor(classes)
print(images.shape)
show(images[0])
```

## Modelo

**Pregunta 1 (2 puntos)** ¿Qué exactitud alcanza la red en test?

```swift
//| label: fit
//| fig-cap: Curvas de aprendizaje
let model = Sequential([Flatten(inputShape: [28, 28]), Dense(128, activation: .relu), Dense(10, activation: .softmax)])
model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
model.summary()
let history = model.fit(images, labels, epochs: 2, validationSplit: 0.1)
plot(history, ylim: 0...1)
let (loss, acc) = model.evaluate(images, labels)
expect(acc > 0.05, "la red aprende algo")
```

La exactitud en test es `{swift} acc.percent`, con `{swift} history.epochs` épocas.

**Pregunta 2 (1,5 puntos)** ¿Qué ocurre con una capa sin neuronas?

```swift
//| label: bad-layer
//| error: true
let broken = Dense(0)
```

El motor rechaza la capa con un mensaje claro.

**Pregunta 3 (0.5 puntos)** ¿Qué harías después?

Tu respuesta aquí

## Resumen

```swift
//| label: table
//| echo: false
table([["dense", "100480"], ["a|b", "1290"]], headers: ["capa", "parámetros"])
expect(acc > 0.99)
```

```swift
//| label: typo
modle.fit(images, labels, epochs: 1)
```
"""#

public let sampleDate = Date(timeIntervalSince1970: 1_796_000_000) // 2026-11-29T…Z, fixed
public let sampleEngine = EngineDescription(version: "0.1.0", blas: "OpenBLAS 0.3.21 Haswell", threads: 2)

public func readSample(_ text: String = sampleNotebookText, file: String = "notebooks/sample.md") -> Notebook {
    let reading = NotebookReader.parse(text, file: file)
    precondition(reading.notebook != nil, "\(reading.diagnostics)")
    return reading.notebook!
}

/// A small gray image drawn as PNG bytes, as the execution layer might hand over.
public func samplePNG() throws -> [UInt8] {
    let pixels = (0..<64).map { Float(($0 % 8) * ($0 / 8)) }
    return try renderPNG(.image(ImageFigure(image: GrayImage(width: 8, height: 8, pixels: pixels),
                                            title: "train[0]", width: 160, height: 160)))
}

public func sampleRuns(_ notebook: Notebook) throws -> [String: CellRun] {
    let fitOutput = EpochTable(epochs: [
        .init(epoch: 1, metrics: [MetricValue("loss", 0.6123456), MetricValue("accuracy", 0.7891), MetricValue("val_loss", 0.4712),
                                  MetricValue("val_accuracy", 0.8312)], seconds: 0.31),
        .init(epoch: 2, metrics: [MetricValue("loss", 0.4412), MetricValue("accuracy", 0.8455), MetricValue("val_loss", 0.4409),
                                  MetricValue("val_accuracy", 0.8421)], seconds: 0.29),
    ], stopReason: "completed", params: 101_770)
    let chart = LineChart.learningCurves([
        LearningCurve(name: "loss", values: [0.61, 0.44]), LearningCurve(name: "accuracy", values: [0.79, 0.85]),
        LearningCurve(name: "val_loss", values: [0.47, 0.44], validationOf: "loss"),
        LearningCurve(name: "val_accuracy", values: [0.83, 0.84], validationOf: "accuracy"),
    ], ylim: 0...1, width: 480, height: 300)
    let summary = ModelSummaryOutput(modelName: "sequential", rows: [
        .init(name: "flatten", type: "Flatten", outputShape: "(None, 784)", params: 0),
        .init(name: "dense", type: "Dense", outputShape: "(None, 128)", params: 100_480),
        .init(name: "dense_1", type: "Dense", outputShape: "(None, 10)", params: 1_290),
    ], trainable: 101_770, nonTrainable: 0)
    let typo = notebook.cell(labeled: "typo")!
    let broken = notebook.cell(labeled: "bad-layer")!
    let source = SourceLines(notebook.source)
    let typoLine = typo.fileLine(forCodeLine: 1)
    let misspelt = SourceRange(start: SourceLocation(line: typoLine, column: 1), end: SourceLocation(line: typoLine, column: 6))
    return [
        "data": CellRun(seconds: 0.05, outputs: [.text("[1000, 28, 28]\n"), .figure(ReportFigure(.png(try samplePNG())))]),
        "fit": CellRun(seconds: 0.8, outputs: [
            .modelSummary(summary), .fit(fitOutput),
            .figure(ReportFigure(.figure(.lineChart(chart)), caption: "Curvas de aprendizaje")),
            .evaluation([MetricValue("loss", 0.3512), MetricValue("accuracy", 0.8762)]),
            .expectation(ExpectationOutput(text: "la red aprende algo", passed: true,
                                           values: [NamedValue("acc", "0.8762")])),
        ]),
        "bad-layer": CellRun(status: .expectedError, seconds: 0.001, outputs: [
            .diagnostic(DiagnosticOutput(.error("Dense needs a positive number of units, not 0",
                                                line: broken.fileLine(forCodeLine: 1), column: 14),
                                         file: notebook.file, source: source)),
        ]),
        "table": CellRun(seconds: 0.002, outputs: [
            .table(TableOutput(headers: ["capa", "parámetros"], rows: [["dense", "100480"], ["a|b", "1290"]])),
            .expectation(ExpectationOutput(text: "acc > 0.99", passed: false, values: [NamedValue("acc", "0.8762")])),
        ]),
        "typo": CellRun(status: .error, seconds: 0.001, outputs: [
            .diagnostic(DiagnosticOutput(Diagnostic(.error, "unknown name 'modle'; did you mean 'model'?", at: misspelt,
                                                    fixIt: .init(replacing: misspelt, with: "model")),
                                         file: notebook.file, source: source)),
        ]),
    ]
}

/// The sample report, with fixed seconds and date so every rendering of it is identical.
public func sampleReport() throws -> Report {
    let notebook = readSample()
    var values: [SourcePosition: String] = [:]
    for e in notebook.inlineExpressions {
        values[e.position] = e.code == "acc.percent" ? "87.62 %" : "2"
    }
    return Report(notebook: notebook, sha256: String(repeating: "ab", count: 32), engine: sampleEngine,
                  runs: try sampleRuns(notebook), inlineValues: values,
                  dataFiles: [DataFile(name: "train-images-idx3-ubyte.gz", sha256: String(repeating: "cd", count: 32))],
                  renderSeconds: 1.25, renderedAt: sampleDate)
}

