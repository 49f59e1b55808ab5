import Testing
@testable import LabbookEngine

/// The thread count changes speed, never a bit: the same models trained on 1, 2, 3 and 4
/// threads end with the same weights and the same history.
@Suite(.serialized) struct ThreadCountTests {
    /// Dense with odd sizes, batch normalization and dropout, trained with RMSprop.
    static func dense() throws -> Sequential {
        let model = try Sequential([
            Dense(67, activation: .relu, inputShape: [20]), BatchNormalization(), Dropout(0.3),
            Dense(33, activation: .tanh), Dense(5, activation: .softmax),
        ], random: RandomContext(seed: 3))
        model.compile(optimizer: RMSprop(), loss: .sparseCategoricalCrossentropy(), metrics: [.accuracy])
        return model
    }

    /// Wide layers, as the coursework's final network has: batch normalization over 1024
    /// features, whose per-part sums are large buffers.
    static func wide() throws -> Sequential {
        let model = try Sequential([
            Dense(1024, activation: .relu, inputShape: [20]), BatchNormalization(), Dropout(0.3),
            Dense(512, activation: .relu), BatchNormalization(), Dense(5, activation: .softmax),
        ], random: RandomContext(seed: 5))
        model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy(), metrics: [.accuracy])
        return model
    }

    /// A small CNN trained with Adam.
    static func cnn() throws -> Sequential {
        let model = try Sequential([
            Conv2D(8, kernelSize: [3, 3], activation: .relu, inputShape: [12, 12, 1]), MaxPooling2D(poolSize: [2, 2]),
            Conv2D(16, kernelSize: [3, 3], padding: .same, activation: .relu), Flatten(), Dropout(0.2),
            Dense(5, activation: .softmax),
        ], random: RandomContext(seed: 4))
        model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy(), metrics: [.accuracy])
        return model
    }

    static func data(_ shape: [Int], count: Int) -> (Tensor, Tensor) {
        var stream = RandomStream(seed: 9, name: "thread-count")
        let x = try! Tensor(shape: [count] + shape) { b in for i in b.indices { b[i] = Float(stream.normal()) } }
        let y = try! Tensor((0..<count).map { Float($0 % 5) }, shape: [count], dtype: .uint8)
        return (x, y)
    }

    static func train(_ make: () throws -> Sequential, _ x: Tensor, _ y: Tensor, threads: Int) throws -> ([Tensor], History, Tensor) {
        let saved = EngineSettings.threads
        EngineSettings.threads = threads
        defer { EngineSettings.threads = saved }
        // These models' products are small: split them all, as a large model's would be.
        return try Parallel.splittingEverything {
            let model = try make()
            let history = try model.fit(x, y, epochs: 2, batchSize: 50, validationSplit: 0.2)
            return (model.getWeights(), history, try model.predict(x, batchSize: 37))
        }
    }

    @Test(arguments: ["dense", "wide", "cnn"])
    func modelsTrainTheSameOnAnyThreadCount(_ name: String) throws {
        let (x, y) = name == "cnn" ? Self.data([12, 12, 1], count: 300) : Self.data([20], count: 400)
        let make = name == "dense" ? Self.dense : name == "wide" ? Self.wide : Self.cnn
        let (weights, history, predictions) = try Self.train(make, x, y, threads: 1)
        for threads in [2, 3, 4] {
            let (w, h, p) = try Self.train(make, x, y, threads: threads)
            #expect(w.count == weights.count)
            for (index, (a, b)) in zip(w, weights).enumerated() {
                #expect(BitIdentity.difference(a.scalars, b.scalars) == nil, "\(name), weight \(index), \(threads) threads")
            }
            #expect(h == history, "\(name), \(threads) threads")
            #expect(BitIdentity.difference(p.scalars, predictions.scalars) == nil)
        }
    }

    @Test func predictAndEvaluateGiveTheSameBitsInBatchesOfAnySize() throws {
        let (x, y) = Self.data([20], count: 203)
        let model = try Self.dense()
        _ = try model.fit(x, y, epochs: 1, batchSize: 32)
        let whole = try model.predict(x, batchSize: 203)
        let wholeLogs = try model.evaluate(x, y, batchSize: 203)
        for batch in [1, 7, 32, 64, 200] {
            #expect(BitIdentity.difference(try model.predict(x, batchSize: batch).scalars, whole.scalars) == nil, "batch \(batch)")
            let logs = try model.evaluate(x, y, batchSize: batch)
            #expect(logs.map { $0.value.bitPattern } == wholeLogs.map { $0.value.bitPattern }, "batch \(batch): \(logs) vs \(wholeLogs)")
        }
    }
}
