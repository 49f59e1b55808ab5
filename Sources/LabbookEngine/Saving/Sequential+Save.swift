import Foundation

/// A model file: the weights as safetensors (so that Python's `safetensors` reads them, named
/// `LAYER/WEIGHT` as Keras names them), the optimizer's state as `optimizer/INDEX/SLOT`
/// tensors, and in the metadata the architecture, the compile settings and where the random
/// streams stand, each as JSON.
extension Sequential {
    /// The metadata format this engine writes and reads.
    static let fileFormat = "labbook-model-1"

    struct Architecture: Codable {
        var name: String
        var inputShape: [Int]?
        var layers: [LayerSpec]
    }

    struct Compilation: Codable {
        var loss: Loss
        var metrics: [Metric]
        var optimizer: OptimizerSpec
    }

    struct Streams: Codable {
        var seed: UInt64
        var ordinal: Int
        var epochsTrained: Int
    }

    /// Writes the model to `path` (atomically).
    public func save(_ path: String) throws {
        guard isBuilt else {
            throw EngineError.invalidModel(EngineMessages.notBuiltForSave)
        }
        var tensors: [(name: String, tensor: Tensor)] = []
        for layer in layers {
            for parameter in layer.parameters { tensors.append(("\(layer.name)/\(parameter.name)", parameter.value)) }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        var metadata = [
            "format": Sequential.fileFormat,
            "engine": EngineInfo.version,
            "architecture": try json(Architecture(name: name, inputShape: inputShape, layers: layers.map(\.spec))),
            "streams": try json(Streams(seed: seed, ordinal: ordinal, epochsTrained: epochsTrained)),
        ]
        if let optimizer, let loss {
            metadata["compile"] = try json(Compilation(loss: loss, metrics: metrics, optimizer: optimizer.spec))
            for (index, slots) in optimizer.slots.enumerated() {
                for (slot, name) in optimizer.slotNames.enumerated() where slot < slots.count {
                    tensors.append(("optimizer/\(index)/\(name)", slots[slot]))
                }
            }
        }
        try SafeTensors.write(tensors, metadata: metadata, to: path)
    }

    /// Reads a model written by `save`: the same architecture, weights, compile settings,
    /// optimizer state and stream positions, so that training continues exactly where it was.
    public static func load(_ path: String) throws -> Sequential {
        let file = try SafeTensors.read(path)
        guard file.metadata["format"] == fileFormat else {
            throw EngineError.data(EngineMessages.notAModelFile(path, format: fileFormat))
        }
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ key: String) throws -> T {
            guard let text = file.metadata[key] else { throw EngineError.data(EngineMessages.modelEntryMissing(path, key)) }
            do {
                return try decoder.decode(type, from: Data(text.utf8))
            } catch {
                // Not Swift's DecodingError dump: the student can only re-save the model.
                throw EngineError.data(EngineMessages.modelEntryUnreadable(path, key))
            }
        }
        let architecture = try decode(Architecture.self, "architecture")
        let streams = try decode(Streams.self, "streams")
        let model = try Sequential(try architecture.layers.map { try $0.makeLayer() }, seed: streams.seed,
                                   ordinal: streams.ordinal)
        model.name = architecture.name
        model.epochsTrained = streams.epochsTrained
        if let inputShape = architecture.inputShape { try model.build(inputShape: inputShape) }
        for layer in model.layers {
            for parameter in layer.parameters {
                let key = "\(layer.name)/\(parameter.name)"
                guard let tensor = file[key], tensor.shape == parameter.value.shape else {
                    throw EngineError.data(EngineMessages.savedWeightMissing(path, key))
                }
                parameter.value = try tensor.asType(.float32).copied()
            }
        }
        if file.metadata["compile"] != nil {
            let compilation = try decode(Compilation.self, "compile")
            let optimizer = try compilation.optimizer.makeOptimizer()
            model.compile(optimizer: optimizer, loss: compilation.loss, metrics: compilation.metrics)
            if file.tensors.contains(where: { $0.name.hasPrefix("optimizer/") }) {
                try optimizer.build(model.trainableParameters)
                for index in optimizer.slots.indices {
                    for (slot, name) in optimizer.slotNames.enumerated() {
                        let key = "optimizer/\(index)/\(name)"
                        guard let tensor = file[key], tensor.shape == optimizer.slots[index][slot].shape else {
                            throw EngineError.data(EngineMessages.savedOptimizerStateMissing(path, key))
                        }
                        optimizer.slots[index][slot] = tensor.copied()
                    }
                }
            }
        }
        return model
    }
}
