import Foundation
import LabbookEngine
import LabbookInterpreter

/// How the engine's values are written in a saved notebook state (see `Session+State.swift`):
/// tensors as shape, dtype and their elements' bytes (kept once in the blob store, however
/// many blocks hold them); settings that are already `Codable` (activations, losses, layer
/// specs) as JSON; histories field by field. Objects are in `StateCodecs+Objects.swift`.
extension EngineTypes {
    func registerStateCodecs(context: BindingContext) {
        tensor.stateCodec(encode: { t, writer in try writer.write(t) }, decode: { reader in try reader.readTensor() })
        dtype.stateCodec(encode: { d, writer in writer.write(d.rawValue) }, decode: { reader in
            let name = try reader.readString()
            guard let d = DType(rawValue: name) else { throw reader.damaged(BindingMessages.notADType(name)) }
            return d
        })
        schedule.codableStateCodec()
        activation.codableStateCodec()
        initializer.codableStateCodec()
        regularizer.codableStateCodec()
        loss.codableStateCodec()
        metric.codableStateCodec()
        metricName.stateCodec(encode: { m, writer in writer.write(m.keras) }, decode: { MetricName(keras: try $0.readString()) })
        action.stateCodec(encode: { a, writer in writer.write(a == .stop) }, decode: { try $0.readBool() ? .stop : .continue })
        logs.stateCodec(encode: { l, writer in writer.write(l.values) }, decode: { LogValues(values: try $0.readLogs()) })
        history.stateCodec(encode: { h, writer in
            writer.write(h.metrics.map { (name: $0.name, values: $0.values) })
            writer.write(h.seconds)
            writer.write(h.epochNumbers)
            writer.write(h.stopReason.rawValue)
            writer.write(h.parameterCount)
            writer.write(h.batchSize)
        }, decode: { reader in
            let metrics = try reader.readSeries(), seconds = try reader.readDoubles(), epochs = try reader.readInts()
            let reasonName = try reader.readString()
            guard let reason = History.StopReason(rawValue: reasonName) else { throw reader.damaged(BindingMessages.notAStopReason(reasonName)) }
            return History(metrics: metrics, seconds: seconds, epochNumbers: epochs, stopReason: reason,
                           parameterCount: try reader.readInt(), batchSize: try reader.readInt())
        })
        registerObjectCodecs()
        library.state("bindings", save: { writer in
            writer.write(context.random.seed)
            writer.write(context.random.modelsCreated)
            writer.write(context.dataFiles.count)
            for file in context.dataFiles {
                writer.write(file.name)
                writer.write(file.path)
                writer.write(file.sha256)
                writer.write(file.verified)
            }
        }, restore: { reader in
            context.random.restore(seed: try reader.readUInt64(), modelsCreated: try reader.readInt())
            let files = try (0..<reader.readCount()).map { _ in
                CheckedFile(name: try reader.readString(), path: try reader.readString(), sha256: try reader.readString(),
                            verified: try reader.readBool())
            }
            context.restore(dataFiles: files)
        })
    }
}

extension NativeType where T: Codable {
    /// Values kept as their JSON (sorted keys, so the same value gives the same bytes).
    func codableStateCodec() {
        stateCodec(encode: { value, writer in try writer.writeJSON(value) }, decode: { reader in try reader.readJSON(T.self) })
    }
}

extension StateWriter {
    mutating func write(_ t: Tensor) throws {
        write(t.shape)
        write(t.dtype.rawValue)
        try t.withUnsafeBufferPointer { try writeBlob(UnsafeRawBufferPointer($0)) }
    }

    mutating func writeJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Bit for bit: infinities and NaN as strings rather than an encoding error.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        write(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    mutating func write(_ values: [Double]) {
        write(values.count)
        for value in values { write(value) }
    }

    mutating func write(_ series: [(name: String, values: [Double])]) {
        write(series.count)
        for (name, values) in series {
            write(name)
            write(values)
        }
    }

    mutating func write(_ logs: Logs) {
        write(logs.map { (name: $0.name, values: [$0.value]) })
    }
}

extension StateReader {
    mutating func readTensor() throws -> Tensor {
        let shape = try readInts()
        let dtypeName = try readString()
        guard let dtype = DType(rawValue: dtypeName) else { throw damaged(BindingMessages.notADType(dtypeName)) }
        let bytes = try readBlob()
        return try Tensor(shape: shape, dtype: dtype) { elements in
            guard bytes.count == elements.count * MemoryLayout<Float>.size else {
                throw damaged(BindingMessages.tensorBytes(shape, bytes: bytes.count))
            }
            bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(elements).copyMemory(from: $0) }
        }
    }

    mutating func readJSON<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(type, from: Data(try readString().utf8))
        } catch let error as StateError {
            throw error
        } catch {
            throw damaged(BindingMessages.unreadableJSON(T.self, error))
        }
    }

    mutating func readDoubles() throws -> [Double] {
        try (0..<readCount(elementSize: 8)).map { _ in try readDouble() }
    }

    mutating func readSeries() throws -> [(name: String, values: [Double])] {
        try (0..<readCount()).map { _ in (name: try readString(), values: try readDoubles()) }
    }

    mutating func readLogs() throws -> Logs {
        try readSeries().map { series in
            guard series.values.count == 1 else { throw damaged(BindingMessages.logEntryValues(series.values.count)) }
            return (name: series.name, value: series.values[0])
        }
    }
}
