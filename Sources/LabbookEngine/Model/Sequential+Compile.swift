extension Sequential {
    /// Keras's `compile`: the optimizer (its state is kept across `fit` calls), the loss, and
    /// the metrics reported beside it.
    public func compile(optimizer: Optimizer, loss: Loss, metrics: [Metric] = []) {
        self.optimizer = optimizer
        self.loss = loss
        self.metrics = metrics
    }

    /// The output layer when the loss consumes its logits (softmax/sigmoid fused with
    /// cross-entropy as Keras 3 fuses them), else nil.
    var fusedOutputLayer: LogitsProducing? {
        guard let loss, let fused = loss.fusedActivation,
              let last = layers.last as? LogitsProducing, last.outputActivation == fused else { return nil }
        return last
    }

    /// Each ReLU convolution with a max pooling right after it: the pooling's backward pass
    /// applies ReLU's derivative as it routes the gradient (a window's maximum is the value the
    /// gradient lands on, positive exactly where ReLU lets a gradient through), so that the
    /// convolution skips a pass over its largest maps. The same values, bit for bit.
    var reluPoolingPairs: [(Conv2D, MaxPooling2D)] {
        zip(layers, layers.dropFirst()).compactMap { before, after in
            guard let convolution = before as? Conv2D, convolution.activation == .relu,
                  let pooling = after as? MaxPooling2D else { return nil }
            return (convolution, pooling)
        }
    }

    /// Checks that the model's output and the labels fit the loss, and that class labels are
    /// in range, before any training happens.
    func checkTargets(_ y: Tensor, batch: Int) throws {
        guard let loss else { return }
        guard let output = outputShapes.last else {
            throw EngineError.invalidModel(EngineMessages.noLayers)
        }
        let batchShape = [batch] + output
        let labelShape = [batch] + y.shape.dropFirst()
        if loss.takesClassIndices {
            let oneLabelPerRow = y.rank == 1 || (y.rank == 2 && y.shape[1] == 1)
            guard output.count == 1, oneLabelPerRow else {
                let hint = output.count > 1 ? EngineMessages.classScoresHint : EngineMessages.classIndexHint
                throw EngineError.outputDoesNotMatchLabels(output: batchShape, labels: labelShape,
                                                           loss: loss.readableName, hint: hint)
            }
            let classes = output[0]
            try y.withUnsafeBufferPointer { labels in
                for label in labels where !(label >= 0 && label < Float(classes) && label == label.rounded()) {
                    if label == label.rounded(), abs(label) < 1e9 {
                        throw EngineError.labelOutOfRange(label: Int(label), classes: classes)
                    }
                    throw EngineError.invalidArgument(EngineMessages.notClassIndex(label))
                }
            }
        } else if Array(y.shape.dropFirst()) != output {
            throw EngineError.outputDoesNotMatchLabels(output: batchShape, labels: labelShape, loss: loss.readableName,
                                                       hint: EngineMessages.sameShapeLabelsHint)
        }
    }

    /// The weight penalties of the regularized weights (added to every reported loss).
    func regularizationPenalty() -> Double {
        var total = 0.0
        for parameter in trainableParameters {
            if let regularizer = parameter.regularizer { total += regularizer.penalty(parameter.value) }
        }
        return total
    }
}
