import Foundation
import LabbookBindings
import LabbookEngine
import LabbookInterpreter
import Testing
import LabbookTestSupport

/// The engine's values in a saved session state: each comes back equal, objects shared by a
/// model and a variable come back shared, and a model restored from a state trains on bit for
/// bit as the one that never left memory.
@Suite struct StateCodecTests {
    static let program = """
        let x = Tensor.random(normal: [96, 4], seed: 1)
        var labels: [Int] = []
        for i in 0..<96 { labels.append(i % 3) }
        let y = Tensor(labels)
        let small = y.asType(.uint8)
        let whole = y.asType(.int32)
        let hidden = Dense(8, activation: .relu, inputShape: [4])
        let model = Sequential([hidden, BatchNormalization(), Dropout(0.25), Dense(3, activation: .softmax)])
        model.compile(optimizer: Adam(learningRate: ExponentialDecay(initialLearningRate: 0.01, decaySteps: 4, decayRate: 0.9)),
                      loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        let stop = EarlyStopping(monitor: .loss, patience: 2)
        let plateau = ReduceLROnPlateau(monitor: .loss, factor: 0.5, patience: 1)
        let history = model.fit(x, y, epochs: 3, batchSize: 16, validationSplit: 0.25, callbacks: [stop, plateau], verbose: 0)
        let unbuilt = Sequential([Dense(2), Dense(1)])
        let lone = Flatten()
        let spare = SGD(learningRate: 0.1, momentum: 0.9)
        let settings = (Activation.relu, Initializer.heNormal(), Loss.meanSquaredError, Metric.accuracy, MetricName.valLoss)
        var seen: [Int] = []
        let watcher = Callback(onEpochEnd: { epoch, logs in
            seen.append(epoch)
            if epoch >= 1 { return .stop }
            return nil
        })
        """

    /// A session that ran `program`, and one restored from its saved state.
    func sessions(_ program: String = program) throws -> (original: NotebookSession, restored: NotebookSession) {
        let original = NotebookSession()
        let result = original.run(program).result
        #expect(result.status == .completed, "\(result.diagnostics)")
        let blobs = MemoryBlobStore()
        let bytes = try original.session.saveState(blobs: blobs)
        let restored = NotebookSession(seed: 7)
        try restored.session.restoreState(bytes, blobs: blobs)
        return (original, restored)
    }

    func payload<T>(_ session: NotebookSession, _ name: String, as type: T.Type) -> T? {
        guard case .native(let native)? = session.session.value(of: name) else { return nil }
        return native.payload as? T
    }

    func bits(_ tensors: [Tensor]) -> [[UInt32]] { tensors.map { $0.scalars.map(\.bitPattern) } }

    @Test func everyEngineValueComesBackEqual() throws {
        let (original, restored) = try sessions()
        for name in original.session.definedNames {
            #expect(restored.session.value(of: name)?.description == original.session.value(of: name)?.description, "\(name)")
        }
        for name in ["x", "y", "small", "whole"] {
            let a = try #require(payload(original, name, as: Tensor.self)), b = try #require(payload(restored, name, as: Tensor.self))
            #expect(a.shape == b.shape && a.dtype == b.dtype && bits([a]) == bits([b]), "\(name)")
        }
        #expect(payload(restored, "small", as: Tensor.self)?.dtype == .uint8)
        let model = try #require(payload(original, "model", as: Sequential.self))
        let copy = try #require(payload(restored, "model", as: Sequential.self))
        #expect(copy.state == model.state)
        #expect(bits(copy.getWeights()) == bits(model.getWeights()))
        #expect(copy.optimizer?.spec == model.optimizer?.spec)
        #expect(bits(copy.optimizer?.slots.flatMap { $0 } ?? []) == bits(model.optimizer?.slots.flatMap { $0 } ?? []))
        #expect(copy.layers.map(\.name) == model.layers.map(\.name))
        #expect(payload(restored, "hidden", as: (any Layer).self) === copy.layers[0])
        #expect(payload(restored, "unbuilt", as: Sequential.self)?.state == payload(original, "unbuilt", as: Sequential.self)?.state)
        #expect(payload(restored, "stop", as: EarlyStopping.self)?.state == payload(original, "stop", as: EarlyStopping.self)?.state)
        #expect(payload(restored, "plateau", as: ReduceLROnPlateau.self)?.state
                == payload(original, "plateau", as: ReduceLROnPlateau.self)?.state)
        #expect(payload(restored, "history", as: History.self) == payload(original, "history", as: History.self))
        #expect(payload(restored, "history", as: History.self)?.seconds == payload(original, "history", as: History.self)?.seconds)
        #expect(restored.context.random.seed == original.context.random.seed)
        #expect(restored.context.random.modelsCreated == original.context.random.modelsCreated)
    }

    @Test func aRestoredModelTrainsOnBitForBit() throws {
        let (original, restored) = try sessions()
        let more = """
            let again = model.fit(x, y, epochs: 4, batchSize: 16, validationSplit: 0.25, callbacks: [stop, plateau, watcher],
                                  verbose: 0, initialEpoch: 3)
            print(again.loss, again.epochs, seen)
            let next = Sequential([Dense(3, inputShape: [4])])
            spare.learningRate
            """
        let continued = original.run(more), resumed = restored.run(more)
        #expect(resumed.result.status == .completed, "\(resumed.result.diagnostics)")
        #expect(resumed.text == continued.text)
        let a = try #require(payload(original, "model", as: Sequential.self)), b = try #require(payload(restored, "model", as: Sequential.self))
        #expect(bits(b.getWeights()) == bits(a.getWeights()))
        // A model made after the restart takes the same ordinal, hence the same weights.
        let c = try #require(payload(original, "next", as: Sequential.self)), d = try #require(payload(restored, "next", as: Sequential.self))
        #expect(bits(d.getWeights()) == bits(c.getWeights()))
    }

    @Test func aLayerBuiltOutsideEverySavedModelIsRefusedOnRestore() throws {
        let original = NotebookSession()
        _ = original.run("let d = Dense(2, inputShape: [3])\nvar m = Sequential([d])\nm = Sequential()")
        let blobs = MemoryBlobStore()
        let bytes = try original.session.saveState(blobs: blobs)
        #expect(throws: StateError.self) { try NotebookSession().session.restoreState(bytes, blobs: blobs) }
    }
}
