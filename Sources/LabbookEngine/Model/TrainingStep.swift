/// One training step of a model, with every buffer it needs allocated once per `fit`:
/// gather the batch, forward in training mode, loss and its gradient in one pass, metrics on
/// the same outputs, backward, regularization gradients. The caller applies the optimizer.
struct TrainingStep {
    let model: Sequential
    let loss: Loss
    let fused: LogitsProducing?
    let x: Tensor
    let y: Tensor
    private var inputs = Workspace(), labels = Workspace(), lossGradient = Workspace()
    private let firstTrainableLayer: Int
    private(set) var lossSum = 0.0, samples = 0
    private var correct: [Double]

    init(model: Sequential, loss: Loss, fused: LogitsProducing?, batchSize: Int, x: Tensor, y: Tensor) {
        self.model = model
        self.loss = loss
        self.fused = fused
        self.x = x
        self.y = y
        firstTrainableLayer = model.layers.firstIndex { $0.parameters.contains(where: \.trainable) } ?? model.layers.count
        correct = [Double](repeating: 0, count: model.metrics.count)
    }

    /// The layers' forward passes; a convolution followed by max pooling runs as one pass
    /// (``Conv2D/forward(_:into:)``).
    private func forward(_ input: Tensor) throws -> Tensor {
        var activations = input, index = 0
        while index < model.layers.count {
            if let convolution = model.layers[index] as? Conv2D, index + 1 < model.layers.count,
               let pooling = model.layers[index + 1] as? MaxPooling2D {
                activations = try convolution.forward(activations, into: pooling)
                index += 2
            } else {
                activations = try model.layers[index].forward(activations, training: true)
                index += 1
            }
        }
        return activations
    }

    /// The layers' backward passes from the loss's `gradient`, down to the first layer with
    /// weights: no layer before it needs a gradient, so the products that would compute it (a
    /// third of the first Dense's work) are skipped. A convolution followed by max pooling runs
    /// as one pass again (``Conv2D/backward(_:through:needsInputGradient:)``).
    private func backward(_ gradient: Tensor) {
        var upstream: Tensor? = gradient, index = model.layers.count - 1
        while index >= firstTrainableLayer, let g = upstream {
            if index - 1 >= firstTrainableLayer, let pooling = model.layers[index] as? MaxPooling2D,
               let convolution = model.layers[index - 1] as? Conv2D {
                upstream = convolution.backward(g, through: pooling, needsInputGradient: index - 1 > firstTrainableLayer)
                index -= 2
            } else {
                upstream = model.layers[index].backward(g, needsInputGradient: index > firstTrainableLayer)
                index -= 1
            }
        }
    }

    mutating func resetTotals() {
        lossSum = 0
        samples = 0
        for i in correct.indices { correct[i] = 0 }
    }

    /// Runs the step on the examples `rows`; returns the batch's mean loss (with penalties).
    mutating func run(_ rows: ArraySlice<Int>) throws -> Double {
        let batch = rows.count
        let input = inputs.tensor([batch] + x.shape.dropFirst())
        x.gatherRows(rows, into: input.pointer)
        let target = labels.tensor([batch] + y.shape.dropFirst())
        y.gatherRows(rows, into: target.pointer)

        let output = try forward(input)
        let columns = output.shape.last ?? 1
        let outputRows = output.count / max(1, columns)
        let values = fused?.logits ?? output
        let gradient = lossGradient.tensor(output.shape)
        let dataLoss = loss.evaluate(
            LossInput(values: values.pointer, isLogits: fused != nil || loss.fromLogits, rows: outputRows, columns: columns),
            labels: target.pointer, gradient: gradient.pointer)
        for (i, metric) in model.metrics.enumerated() {
            correct[i] += metric.correct(output.pointer, rows: outputRows, columns: columns, labels: target.pointer,
                                         loss: loss, valuesAreLogits: loss.fromLogits)
        }
        backward(gradient)
        var penalty = 0.0
        for parameter in model.trainableParameters {
            guard let regularizer = parameter.regularizer else { continue }
            penalty += regularizer.penalty(parameter.value)
            regularizer.addGradient(of: parameter.value, to: parameter.gradient.pointer)
        }
        let meanLoss = dataLoss / Double(max(1, outputRows)) + penalty
        lossSum += meanLoss * Double(batch)
        samples += batch
        return meanLoss
    }

    /// The running means of the epoch so far, in Keras's order (metrics, then loss).
    func runningLogs(metrics: [Metric]) -> Logs {
        let n = Double(max(1, samples))
        var logs: Logs = metrics.enumerated().map { ($1.kerasName, correct[$0] / n) }
        logs.append(("loss", lossSum / n))
        return logs.sorted { $0.name < $1.name }
    }
}
