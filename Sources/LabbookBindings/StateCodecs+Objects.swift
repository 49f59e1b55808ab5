import LabbookEngine
import LabbookInterpreter

/// The engine's objects in a saved state. A model writes its layers and its optimizer as
/// objects, so that a layer also held in a variable, or one optimizer given to two models,
/// comes back as one object. A layer keeps only its constructor and name: its weights are
/// the model's, which builds it again and puts them back.
extension EngineTypes {
    func registerObjectCodecs() {
        layer.stateCodec(encode: { l, writer in try writer.write(layer: l) }, decode: { reader in try reader.readLayer() })
        optimizer.stateCodec(encode: { o, writer in try writer.write(optimizer: o) }, decode: { reader in try reader.readOptimizer() })
        model.stateCodec(encode: { m, writer in
            try writer.writeJSON(m.state)
            writer.write(m.layers.count)
            for l in m.layers { try writer.writeObject(l) { try $0.write(layer: l) } }
            let weights = m.layers.flatMap(\.parameters).map(\.value)
            writer.write(weights.count)
            for weight in weights { try writer.write(weight) }
            writer.write(m.optimizer != nil)
            if let o = m.optimizer { try writer.writeObject(o) { try $0.write(optimizer: o) } }
        }, decode: { reader in
            let state = try reader.readJSON(Sequential.State.self)
            let layers = try (0..<reader.readCount()).map { _ in try reader.readObject((any Layer).self) { try $0.readLayer() } }
            let weights = try (0..<reader.readCount()).map { _ in try reader.readTensor() }
            let o = try reader.readBool() ? try reader.readObject(Optimizer.self) { try $0.readOptimizer() } : nil
            return try Sequential.restore(state, layers: layers, weights: weights, optimizer: o)
        })
        callback.stateCodec(encode: { c, writer in
            switch c {
            case let c as EarlyStopping: writer.write(UInt8(0)); try writer.writeJSON(c.state)
            case let c as ReduceLROnPlateau: writer.write(UInt8(1)); try writer.writeJSON(c.state)
            case let c as FunctionCallback:
                writer.write(UInt8(2))
                for function in [c.onEpochBegin, c.onEpochEnd, c.onBatchEnd, c.onTrainEnd] {
                    try writer.write(function.map(Value.function) ?? .nil)
                }
            default: throw writer.unsaveable(BindingMessages.unsaveableCallback(type(of: c)))
            }
        }, decode: { [logs, action] reader in
            switch try reader.readByte() {
            case 0: return EarlyStopping(restoring: try reader.readJSON(EarlyStopping.State.self))
            case 1: return try ReduceLROnPlateau(restoring: try reader.readJSON(ReduceLROnPlateau.State.self))
            case 2:
                let functions = try (0..<4).map { _ -> Function? in
                    switch try reader.readValue() {
                    case .function(let f): return f
                    case .nil: return nil
                    default: throw reader.damaged(BindingMessages.closureNotFunction)
                    }
                }
                return FunctionCallback(onEpochBegin: functions[0], onEpochEnd: functions[1], onBatchEnd: functions[2],
                                        onTrainEnd: functions[3], logs: logs, action: action)
            case let kind: throw reader.damaged(BindingMessages.unknownCallbackKind(kind))
            }
        })
    }
}

extension StateWriter {
    mutating func write(layer: any Layer) throws {
        try writeJSON(layer.spec)
        write(layer.name)
        write(!layer.parameters.isEmpty)
    }

    mutating func write(optimizer: Optimizer) throws {
        try writeJSON(optimizer.spec)
        write(optimizer.slots.count)
        for weightSlots in optimizer.slots {
            write(weightSlots.count)
            for slot in weightSlots { try write(slot) }
        }
    }
}

extension StateReader {
    mutating func readLayer() throws -> any Layer {
        let layer = try readJSON(LayerSpec.self).makeLayer()
        let name = try readString()
        let isBuilt = try readBool()
        // After every model is restored: a model renames the layers it adds, and a built
        // layer must have been built again by its model (one outside every model cannot be).
        afterReading { [damaged = damaged(BindingMessages.layerOutsideModels(name))] in
            layer.name = name
            if isBuilt && layer.parameters.isEmpty { throw damaged }
        }
        return layer
    }

    mutating func readOptimizer() throws -> Optimizer {
        let optimizer = try readJSON(OptimizerSpec.self).makeOptimizer()
        let slots = try (0..<readCount()).map { _ in try (0..<readCount()).map { _ in try readTensor() } }
        try optimizer.restoreSlots(slots)
        return optimizer
    }
}
