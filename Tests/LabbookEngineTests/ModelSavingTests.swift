import Foundation
import Testing
@testable import LabbookEngine

/// `save`/`load`: safetensors weights plus architecture, compile settings, optimizer state and
/// stream positions, so that a loaded model trains on exactly as the original would have.
@Suite struct ModelSavingTests {
    static func model(seed: UInt64) throws -> Sequential {
        let model = try Sequential([Flatten(inputShape: [2, 2]),
                                    Dense(6, activation: .relu, kernelRegularizer: .l2(0.01)),
                                    BatchNormalization(), Dropout(0.25),
                                    Dense(3, activation: .softmax)], random: RandomContext(seed: seed))
        model.compile(optimizer: Nadam(learningRate: .exponentialDecay(initial: 0.01, decaySteps: 10, decayRate: 0.9)),
                      loss: .sparseCategoricalCrossentropy(), metrics: [.accuracy])
        return model
    }

    static func data() throws -> (Tensor, Tensor) {
        let (x, y) = TrainingTests.blobs(120)
        return (try x.reshaped(to: [120, 2, 2]), y)
    }

    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("labbook-\(UUID().uuidString).safetensors").path
    }

    @Test func aLoadedModelContinuesTrainingBitForBit() throws {
        let (x, y) = try Self.data()
        let original = try Self.model(seed: 3)
        _ = try original.fit(x, y, epochs: 2, batchSize: 16)
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try original.save(path)

        let loaded = try Sequential.load(path)
        #expect(loaded.getWeights() == original.getWeights())
        #expect(try loaded.summary() == original.summary())
        #expect(loaded.optimizer?.iterations == original.optimizer?.iterations)

        let continued = try original.fit(x, y, epochs: 2, batchSize: 16)
        let resumed = try loaded.fit(x, y, epochs: 2, batchSize: 16)
        #expect(loaded.getWeights() == original.getWeights())
        #expect(resumed == continued)
    }

    /// Optimizers whose update uses `1 − β` rounded from the Double hyper-parameter: a reloaded
    /// one must round the same Double, not the Float it kept.
    @Test(arguments: ["adam", "adamax", "adadelta", "rmsprop", "sgd", "adagrad", "lion", "adamw"])
    func everyOptimizerResumesBitForBit(_ name: String) throws {
        let (x, y) = try Self.data()
        let optimizers: [String: Optimizer] = [
            "adam": Adam(), "adamax": Adamax(), "adadelta": Adadelta(learningRate: .constant(0.5)),
            "rmsprop": RMSprop(momentum: 0.5, centered: true), "sgd": SGD(momentum: 0.9, nesterov: true),
            "adagrad": Adagrad(), "lion": Lion(), "adamw": AdamW(),
        ]
        let original = try Sequential([Flatten(inputShape: [2, 2]), Dense(5, activation: .tanh), Dense(3, activation: .softmax)],
                                      random: RandomContext(seed: 4))
        original.compile(optimizer: optimizers[name]!, loss: .sparseCategoricalCrossentropy(), metrics: [.accuracy])
        _ = try original.fit(x, y, epochs: 1, batchSize: 32)
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try original.save(path)
        let loaded = try Sequential.load(path)
        #expect(try loaded.fit(x, y, epochs: 2, batchSize: 32) == original.fit(x, y, epochs: 2, batchSize: 32))
        #expect(loaded.getWeights() == original.getWeights())
    }

    @Test func weightsAreNamedAsKerasNamesThem() throws {
        let model = try Self.model(seed: 1)
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.save(path)
        let names = try SafeTensors.read(path).tensors.map(\.name)
        #expect(names == ["dense/kernel", "dense/bias", "batch_normalization/gamma", "batch_normalization/beta",
                          "batch_normalization/moving_mean", "batch_normalization/moving_variance",
                          "dense_1/kernel", "dense_1/bias"])
    }

    @Test func anUnbuiltModelOrAForeignFileIsAnError() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: EngineError.self) { try Sequential([Dense(2)]).save(path) }
        try SafeTensors.write([("w", try Tensor([1, 2]))], to: path)
        let error = #expect(throws: EngineError.self) { try Sequential.load(path) }
        #expect(error?.description.contains("is not a labbook model file") == true)
        #expect(throws: EngineError.self) { try Sequential.load(path + ".missing") }
    }
}
