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

    /// A damaged architecture is named, without Swift's DecodingError dump.
    @Test func aDamagedArchitectureIsNamedPlainly() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SafeTensors.write([("w", try Tensor([1]))], metadata: ["format": Sequential.fileFormat, "architecture": "{}"], to: path)
        let error = #expect(throws: EngineError.self) { try Sequential.load(path) }
        #expect(error?.description == "\(path): the model's 'architecture' cannot be read (it is damaged or was not written by labbook)")
    }

    /// A FIFO or a device is refused at once: loading never waits for a writer or reads forever.
    @Test func aFIFOOrADeviceIsNotAModelFile() throws {
        let fifo = temporaryPath()
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: fifo) }
        for path in [fifo, "/dev/zero"] {
            let error = #expect(throws: EngineError.self) { try Sequential.load(path) }
            #expect(error?.description == "cannot read \(path): it is not a regular file")
        }
    }

    /// Every optimizer made again from its spec updates bit for bit as the original: settings
    /// such as Adam's β₁ are kept as given, not rounded through Float (`1 − β₁` would differ).
    @Test(arguments: ["sgd", "adam", "adamw", "adamax", "nadam", "rm_sprop", "adagrad", "adadelta", "lion"])
    func anOptimizerMadeFromItsSpecUpdatesBitForBit(_ name: String) throws {
        let (x, y) = try Self.data()
        let original = try Self.model(seed: 5)
        original.compile(optimizer: try OptimizerSpec(name: name, learningRate: .constant(0.01), config: [:], iterations: 0)
                            .makeOptimizer(), loss: .sparseCategoricalCrossentropy())
        _ = try original.fit(x, y, epochs: 1, batchSize: 16)
        let copy = try Self.model(seed: 5)
        try copy.setWeights(original.getWeights())
        let optimizer = try #require(original.optimizer)
        let remade = try optimizer.spec.makeOptimizer()
        try remade.restoreSlots(optimizer.slots)
        copy.compile(optimizer: remade, loss: .sparseCategoricalCrossentropy())
        copy.epochsTrained = original.epochsTrained
        _ = try original.fit(x, y, epochs: 1, batchSize: 16)
        _ = try copy.fit(x, y, epochs: 1, batchSize: 16)
        #expect(copy.getWeights().map { $0.scalars.map(\.bitPattern) } == original.getWeights().map { $0.scalars.map(\.bitPattern) })
    }
}
