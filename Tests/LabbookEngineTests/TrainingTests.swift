import Testing
@testable import LabbookEngine

/// `fit` and its callbacks on a small synthetic problem (three Gaussian blobs in 4-D).
@Suite struct TrainingTests {
    static func blobs(_ n: Int = 240, seed: String = "blobs") -> (Tensor, Tensor) {
        var stream = RandomStream(seed: 11, name: seed)
        var x: [Float] = [], y: [Float] = []
        for i in 0..<n {
            let label = i % 3
            for d in 0..<4 { x.append(Float(stream.normal()) * 0.7 + (d == label ? 2 : 0)) }
            y.append(Float(label))
        }
        return (try! Tensor(x, shape: [n, 4]), try! Tensor(y, shape: [n], dtype: .uint8))
    }

    static func model(seed: UInt64 = 1, optimizer: Optimizer = Adam(learningRate: .constant(0.01))) throws -> Sequential {
        let model = try Sequential([Dense(8, activation: .relu, inputShape: [4]), Dense(3, activation: .softmax)],
                                   random: RandomContext(seed: seed))
        model.compile(optimizer: optimizer, loss: .sparseCategoricalCrossentropy(), metrics: [.accuracy])
        return model
    }

    @Test func learnsAndReportsKerasMetricNames() throws {
        let (x, y) = Self.blobs()
        let history = try Self.model().fit(x, y, epochs: 15, batchSize: 16, validationSplit: 0.25)
        #expect(history.metrics.map(\.name) == ["accuracy", "loss", "val_accuracy", "val_loss"])
        #expect(history.epochs == 15)
        #expect(history["loss"]!.last! < history["loss"]!.first!)
        #expect(history["val_accuracy"]!.last! > 0.9)
    }

    @Test func sameSeedGivesBitIdenticalWeightsAndDifferentSeedDoesNot() throws {
        let (x, y) = Self.blobs()
        func train(_ seed: UInt64) throws -> ([Tensor], History) {
            let model = try Self.model(seed: seed)
            let history = try model.fit(x, y, epochs: 3, batchSize: 16)
            return (model.getWeights(), history)
        }
        let (a, ha) = try train(5), (b, hb) = try train(5), (c, _) = try train(6)
        #expect(a == b)
        #expect(ha == hb)
        #expect(a != c)
    }

    @Test func validationSplitTakesTheLastFractionBeforeShuffling() throws {
        // Keras: split_at = ceil(n · (1 − split)); validating on the last 60 of 240 examples must
        // equal validating on them explicitly, with the same seed.
        let (x, y) = Self.blobs()
        let split = try Self.model(seed: 3).fit(x, y, epochs: 2, batchSize: 16, validationSplit: 0.25)
        let explicit = try Self.model(seed: 3).fit(try x.slice(0..<180), try y.slice(0..<180), epochs: 2, batchSize: 16,
                                                   validationData: (try x.slice(180..<240), try y.slice(180..<240)))
        #expect(split == explicit)
    }

    @Test func shuffleOffVisitsExamplesInOrderAndOnChangesTheResult() throws {
        let (x, y) = Self.blobs()
        let plain = try Self.model(seed: 4)
        _ = try plain.fit(x, y, epochs: 1, batchSize: 240, shuffle: false)
        let shuffledFullBatch = try Self.model(seed: 4)
        _ = try shuffledFullBatch.fit(x, y, epochs: 1, batchSize: 240, shuffle: true)
        // One full batch: the order does not change the mean gradient beyond float rounding.
        for (a, b) in zip(plain.getWeights(), shuffledFullBatch.getWeights()) {
            for (u, v) in zip(a.scalars, b.scalars) { #expect(abs(u - v) < 1e-5) }
        }
        let ordered = try Self.model(seed: 4), shuffled = try Self.model(seed: 4)
        _ = try ordered.fit(x, y, epochs: 1, batchSize: 8, shuffle: false)
        _ = try shuffled.fit(x, y, epochs: 1, batchSize: 8, shuffle: true)
        #expect(ordered.getWeights() != shuffled.getWeights())
    }

    @Test func continuingFitEqualsOneLongerFit() throws {
        let (x, y) = Self.blobs()
        let once = try Self.model(seed: 9)
        let long = try once.fit(x, y, epochs: 4, batchSize: 16)
        let twice = try Self.model(seed: 9)
        let first = try twice.fit(x, y, epochs: 2, batchSize: 16)
        let second = try twice.fit(x, y, epochs: 2, batchSize: 16)
        #expect(once.getWeights() == twice.getWeights())
        #expect(long["loss"]! == first["loss"]! + second["loss"]!)
        #expect(twice.optimizer!.iterations == 4 * 15)
    }

    @Test func userCallbackStopsTraining() throws {
        let (x, y) = Self.blobs()
        var seen: [Int] = []
        let stopAfterTwo = LambdaCallback(onEpochEnd: { epoch, _ in
            seen.append(epoch)
            return epoch == 1 ? .stop : .continue
        })
        let history = try Self.model().fit(x, y, epochs: 10, batchSize: 16, callbacks: [stopAfterTwo])
        #expect(seen == [0, 1])
        #expect(history.epochs == 2)
        #expect(history.stopReason == .callback)
    }

    @Test func earlyStoppingFollowsKerasPatienceAndMinDelta() throws {
        // Feed the callback a scripted val_loss: improvements at epochs 0, 1, 3 (by > minDelta),
        // none after. With patience 2 it stops at epoch 5 (two epochs without improvement).
        let stopper = EarlyStopping(monitor: "val_loss", minDelta: 0.01, patience: 2)
        let model = try Self.model()
        try stopper.trainingBegan(model: model, epochs: 10, stepsPerEpoch: 1)
        let losses = [1.0, 0.9, 0.895, 0.8, 0.795, 0.794, 0.5]
        var stoppedAt: Int?
        for (epoch, loss) in losses.enumerated() where stoppedAt == nil {
            if try stopper.epochEnded(epoch, logs: [("val_loss", loss)]) == .stop { stoppedAt = epoch }
        }
        #expect(stoppedAt == 5)
        #expect(stopper.bestEpoch == 3)
    }

    @Test func earlyStoppingRestoresTheBestWeights() throws {
        let (x, y) = Self.blobs()
        let model = try Self.model(optimizer: SGD(learningRate: .constant(0.5)))
        // Monitoring training loss with a huge min delta: no epoch after the first counts as an
        // improvement, so training stops at epoch 1 and the weights of epoch 0 come back.
        let stopper = EarlyStopping(monitor: "loss", minDelta: 100, patience: 1, restoreBestWeights: true)
        var afterFirst: [Tensor] = []
        let recorder = LambdaCallback(onEpochEnd: { epoch, _ in
            if epoch == 0 { afterFirst = model.getWeights() }
            return .continue
        })
        let history = try model.fit(x, y, epochs: 10, batchSize: 16, callbacks: [recorder, stopper])
        #expect(history.epochs == 2)
        #expect(history.stopReason == .earlyStopping)
        #expect(model.getWeights() == afterFirst)
    }

    @Test func evaluateDoesNotDependOnTheBatchSize() throws {
        let (x, y) = Self.blobs()
        let model = try Self.model()
        _ = try model.fit(x, y, epochs: 2, batchSize: 16)
        let a = try model.evaluate(x, y, batchSize: 7), b = try model.evaluate(x, y, batchSize: 240)
        #expect(abs(a[metric: "loss"]! - b[metric: "loss"]!) < 1e-5)
        #expect(a[metric: "accuracy"] == b[metric: "accuracy"])
        let p = try model.predict(x, batchSize: 13)
        #expect(p.shape == [240, 3])
        let rowSums = try p.reduce(.sum, axis: 1).scalars
        #expect(rowSums.allSatisfy { abs($0 - 1) < 1e-5 })
    }

    @Test func regularizationPenaltiesAreAddedToTheReportedLoss() throws {
        let (x, y) = Self.blobs()
        let model = try Sequential([Dense(3, activation: .softmax, kernelRegularizer: .l2(0.5), inputShape: [4])],
                                   random: RandomContext(seed: 2))
        model.compile(optimizer: SGD(), loss: .sparseCategoricalCrossentropy())
        let withPenalty = try model.evaluate(x, y)[metric: "loss"]!
        let kernel = model.getWeights()[0]
        let penalty = 0.5 * kernel.scalars.reduce(0.0) { $0 + Double($1 * $1) }
        let plain = try Sequential([Dense(3, activation: .softmax, inputShape: [4])], random: RandomContext(seed: 2))
        plain.compile(optimizer: SGD(), loss: .sparseCategoricalCrossentropy())
        try plain.setWeights(model.getWeights())
        #expect(abs(withPenalty - (try plain.evaluate(x, y)[metric: "loss"]! + penalty)) < 1e-5)
    }
}
