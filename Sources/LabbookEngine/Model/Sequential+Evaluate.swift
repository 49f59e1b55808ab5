extension Sequential {
    /// Keras's `evaluate`: the loss (with weight penalties) and each metric over `x`/`y`, in
    /// inference mode, in batches of `batchSize` (32 when nil, the whole data when larger); the
    /// values do not depend on the batch size, bit for bit (each example's output is computed
    /// the same in any batch, and the loss is one sum over the examples in order).
    public func evaluate(_ x: Tensor, _ y: Tensor, batchSize: Int? = nil) throws -> Logs {
        guard loss != nil else {
            throw EngineError.invalidModel(EngineMessages.notCompiled(before: "evaluate"))
        }
        try checkSameLength(x, y)
        try prepare(for: x)
        let batchSize = try Sequential.batchSize(batchSize, examples: x.shape[0])
        try checkTargets(y, batch: batchSize)
        return try evaluateLogs(x, y, batchSize: batchSize)
    }

    /// The loss and metrics over already checked data.
    func evaluateLogs(_ x: Tensor, _ y: Tensor, batchSize: Int) throws -> Logs {
        guard let loss else { return [] }
        let fused = fusedOutputLayer
        var lossSum = 0.0
        var correct = [Double](repeating: 0, count: metrics.count)
        let samples = x.shape[0]
        var start = 0
        while start < samples {
            let end = min(samples, start + batchSize)
            var activations = try x.slice(start..<end)
            for layer in layers { activations = try layer.forward(activations, training: false) }
            let columns = activations.shape.last ?? 1
            let rows = activations.count / max(1, columns)
            let labels = try y.slice(start..<end)
            let values = fused?.logits ?? activations
            let input = LossInput(values: values.pointer, isLogits: fused != nil || loss.fromLogits, rows: rows, columns: columns)
            if rows == end - start {
                lossSum = loss.evaluate(input, labels: labels.pointer, gradient: nil, continuing: lossSum)
            } else {
                // Several rows per example (a Dense on a sequence): the mean over the rows of each example.
                lossSum += loss.evaluate(input, labels: labels.pointer, gradient: nil) * Double(end - start) / Double(max(1, rows))
            }
            for (i, metric) in metrics.enumerated() {
                correct[i] += metric.correct(activations.pointer, rows: rows, columns: columns, labels: labels.pointer,
                                             loss: loss, valuesAreLogits: loss.fromLogits)
            }
            start = end
        }
        let n = Double(max(1, samples))
        var logs: Logs = metrics.enumerated().map { ($1.kerasName, correct[$0] / n) }
        logs.append(("loss", lossSum / n + regularizationPenalty()))
        return logs.sorted { $0.name < $1.name }
    }

    /// Keras's `predict`: the model's outputs for `x`, in inference mode, in batches of
    /// `batchSize` (32 when nil, the whole data when larger).
    public func predict(_ x: Tensor, batchSize: Int? = nil) throws -> Tensor {
        guard x.rank > 0 else { throw EngineError.invalidArgument(EngineMessages.scalarPredict) }
        try prepare(for: x)
        let batchSize = try Sequential.batchSize(batchSize, examples: x.shape[0])
        let samples = x.shape[0]
        let result = try Tensor(zeros: [samples] + (outputShapes.last ?? inputShape ?? []))
        let rowSize = result.rowSize
        var start = 0
        while start < samples {
            let end = min(samples, start + batchSize)
            var activations = try x.slice(start..<end)
            for layer in layers { activations = try layer.forward(activations, training: false) }
            activations.withUnsafeBufferPointer { out in
                (result.pointer + start * rowSize).update(from: out.baseAddress!, count: out.count)
            }
            start = end
        }
        return result
    }
}
