import Foundation

extension Sequential {
    /// Keras's `fit`: trains for epochs `initialEpoch..<epochs` on `x`/`y` in batches of
    /// `batchSize` (32 when nil), shuffling every epoch unless `shuffle` is false, with
    /// validation on `validationData` or on the last `validationSplit` of the data (taken
    /// before shuffling). A batch size larger than the data is the whole data, as in Keras.
    /// Reported training metrics are the running means over the epoch's
    /// batches, as Keras reports them; a second call continues from the current weights and
    /// optimizer state.
    public func fit(_ x: Tensor, _ y: Tensor, epochs: Int = 1, batchSize: Int? = nil,
                    validationData: (Tensor, Tensor)? = nil, validationSplit: Double = 0, shuffle: Bool = true,
                    callbacks: [Callback] = [], initialEpoch: Int = 0) throws -> History {
        guard let optimizer, let loss else {
            throw EngineError.invalidModel(EngineMessages.notCompiled(before: "fit"))
        }
        guard epochs >= 0, initialEpoch >= 0 else { throw EngineError.invalidArgument(EngineMessages.negativeEpochs) }
        guard validationSplit >= 0, validationSplit < 1 else {
            throw EngineError.invalidArgument(EngineMessages.validationSplitRange(validationSplit))
        }
        try checkSameLength(x, y)
        let batchSize = try Sequential.batchSize(batchSize, examples: x.shape[0])
        var trainX = x, trainY = y
        var validation = validationData
        if validationSplit > 0 && validation == nil {
            let splitAt = Int((Double(x.shape[0]) * (1 - validationSplit)).rounded(.up))
            guard splitAt < x.shape[0] else {
                // Keras's train_validation_split refuses a split that leaves no validation data.
                throw EngineError.invalidArgument(EngineMessages.validationSplitEmpty(validationSplit, examples: x.shape[0]))
            }
            validation = (try x.slice(splitAt..<x.shape[0]), try y.slice(splitAt..<y.shape[0]))
            trainX = try x.slice(0..<splitAt)
            trainY = try y.slice(0..<splitAt)
        }
        try prepare(for: x)
        try checkTargets(trainY, batch: min(batchSize, max(1, trainX.shape[0])))
        if let (vx, vy) = validation {
            try checkSameLength(vx, vy)
            try checkInputShape(vx)
            try checkTargets(vy, batch: min(batchSize, max(1, vx.shape[0])))
        }
        guard trainX.shape[0] > 0 else { throw EngineError.invalidArgument(EngineMessages.noTrainingExamples) }

        var history = History()
        history.parameterCount = trainableParameters.reduce(0) { $0 + $1.count }
        history.batchSize = batchSize
        let samples = trainX.shape[0]
        let steps = (samples + batchSize - 1) / batchSize
        for callback in callbacks { try callback.trainingBegan(model: self, epochs: epochs, stepsPerEpoch: steps) }
        let fused = fusedOutputLayer
        for layer in layers { (layer as? LogitsProducing)?.receivesLogitGradient = false }
        fused?.receivesLogitGradient = true
        for layer in layers {
            (layer as? Conv2D)?.receivesPreActivationGradient = false
            (layer as? MaxPooling2D)?.appliesReLUDerivative = false
        }
        for (convolution, pooling) in reluPoolingPairs {
            convolution.receivesPreActivationGradient = true
            pooling.appliesReLUDerivative = true
        }
        let batchObservers = callbacks.filter(\.observesBatches)
        var lastLogs: Logs = []
        var step = TrainingStep(model: self, loss: loss, fused: fused, batchSize: batchSize, x: trainX, y: trainY)

        epochLoop: for epoch in initialEpoch..<max(initialEpoch, epochs) {
            let start = DispatchTime.now().uptimeNanoseconds
            for callback in callbacks { try callback.epochBegan(epoch) }
            var shuffler = RandomStream(seed: seed, name: "model\(ordinal)/shuffle/\(epochsTrained)")
            let order = shuffle ? shuffler.permutation(samples) : Array(0..<samples)
            for layer in layers {
                layer.epochBegan(seed: seed) { purpose, seed in
                    RandomStream(seed: seed, name: "model\(ordinal)/\(layer.name)/\(purpose)/\(epochsTrained)")
                }
            }
            step.resetTotals()
            for batch in 0..<steps {
                let rows = order[(batch * batchSize)..<min(samples, (batch + 1) * batchSize)]
                let batchLoss = try step.run(rows)
                guard batchLoss.isFinite else { throw EngineError.nonFiniteLoss(epoch: epoch, batch: batch) }
                try optimizer.apply(trainableParameters)
                if !batchObservers.isEmpty {
                    // The running logs are built only when an observer reads them (a progress
                    // bar redraws ten times a second, not once per batch).
                    var stop = false
                    for callback in batchObservers
                    where try callback.batchEnded(batch, logs: { step.runningLogs(metrics: metrics) }) == .stop {
                        stop = true
                    }
                    if stop {
                        let logs = step.runningLogs(metrics: metrics)
                        history.stopReason = .callback
                        epochsTrained += 1
                        lastLogs = logs
                        history.append(epoch: epoch, logs: logs, seconds: seconds(since: start))
                        break epochLoop
                    }
                }
            }
            epochsTrained += 1
            var logs = step.runningLogs(metrics: metrics)
            if let (vx, vy) = validation {
                for (name, value) in try evaluateLogs(vx, vy, batchSize: batchSize) {
                    logs.append((MetricName(keras: name).validation.keras, value))
                }
            }
            history.append(epoch: epoch, logs: logs, seconds: seconds(since: start))
            lastLogs = logs
            var stopper: Callback?
            for callback in callbacks where try callback.epochEnded(epoch, logs: logs) == .stop { stopper = stopper ?? callback }
            if let stopper {
                history.stopReason = stopper.stopReason
                break
            }
        }
        for callback in callbacks { try callback.trainingEnded(logs: lastLogs) }
        return history
    }

    /// The batch size to use: `requested` (32 when nil), positive, and at most the number of
    /// examples (a larger one is the whole data, as Keras takes it), so that batch arithmetic
    /// never overflows.
    static func batchSize(_ requested: Int?, examples: Int) throws -> Int {
        let batchSize = requested ?? 32
        guard batchSize > 0 else { throw EngineError.invalidArgument(EngineMessages.batchSize(batchSize)) }
        return min(batchSize, max(1, examples))
    }

    func checkSameLength(_ x: Tensor, _ y: Tensor) throws {
        guard x.rank > 0, y.rank > 0, x.shape[0] == y.shape[0] else {
            throw EngineError.invalidArgument(EngineMessages.lengthMismatch(inputs: x.shape.first ?? 0,
                                                                            labels: y.shape.first ?? 0))
        }
    }

    func checkInputShape(_ x: Tensor) throws {
        guard let inputShape, Array(x.shape.dropFirst()) == inputShape else {
            throw EngineError.layerInputShape(layer: layers.first?.name ?? name,
                                              expected: EngineMessages.batch(of: inputShape),
                                              found: x.shape)
        }
    }

    private func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
