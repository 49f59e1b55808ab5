/// The safetensors file format (Hugging Face), in which `model.save` stores weights so that
/// Python's `safetensors` package can read them:
///
///     8 bytes   N, the header's length, a little-endian UInt64
///     N bytes   the header, UTF-8 JSON, padded with spaces to a multiple of 8:
///               {"__metadata__": {"key": "string value", ...},
///                "NAME": {"dtype": "F32", "shape": [2, 3], "data_offsets": [BEGIN, END]}, ...}
///     the rest  the data section: each tensor's elements, row-major and little-endian, packed
///               in order without gaps; offsets count from the start of the data section
///
/// labbook writes and reads `F32`, `I32` and `U8` tensors (our `float32`, `int32` and `uint8`).
public enum SafeTensors {
    /// The largest header accepted, as in the reference implementation (100 MB).
    static let maximumHeaderLength = 100_000_000
    /// The largest file `read` accepts (16 GiB, four times the largest tensor).
    static let maximumFileSize = 1 << 34

    /// The bytes of a safetensors file holding `tensors` in the given order, and `metadata`
    /// (written with sorted keys, omitted when empty). The same input always gives the same
    /// bytes. Throws for an empty, repeated or reserved name, and for an integer tensor holding
    /// a value its dtype cannot store.
    public static func encode(_ tensors: [(name: String, tensor: Tensor)],
                              metadata: [String: String] = [:]) throws -> [UInt8] {
        var names = Set<String>()
        for (name, _) in tensors {
            guard !name.isEmpty, name != "__metadata__" else {
                throw EngineError.invalidArgument(EngineMessages.reservedTensorName(name))
            }
            guard names.insert(name).inserted else { throw EngineError.invalidArgument(EngineMessages.repeatedTensorName(name)) }
        }

        var entries: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.sorted { $0.key < $1.key }.map { jsonString($0.key) + ":" + jsonString($0.value) }
            entries.append(#""__metadata__":{"# + pairs.joined(separator: ",") + "}")
        }
        var offset = 0
        for (name, tensor) in tensors {
            let type = ElementType(tensor.dtype)
            let end = offset + tensor.count * type.size
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append(jsonString(name) + #":{"dtype":""# + type.rawValue + #"","shape":["# + shape
                + #"],"data_offsets":["# + "\(offset),\(end)]}")
            offset = end
        }
        var header = Array(("{" + entries.joined(separator: ",") + "}").utf8)
        // Spaces up to a multiple of 8, so that the data section starts 8-byte aligned.
        header += repeatElement(UInt8(ascii: " "), count: (8 - header.count % 8) % 8)

        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + header.count + offset)
        bytes += withUnsafeBytes(of: UInt64(header.count).littleEndian, Array.init)
        bytes += header
        for (name, tensor) in tensors {
            try appendData(of: tensor, named: name, to: &bytes)
        }
        return bytes
    }

    /// The tensors (in the order of their data in the file) and the metadata of the safetensors
    /// file `bytes`. Every inconsistency is an `EngineError.data` naming `file`: a header that
    /// does not fit in the file or is not the expected JSON, an unsupported dtype, offsets that
    /// overlap, leave gaps, run past the data or do not match dtype × shape.
    public static func decode(_ bytes: [UInt8], file: String) throws -> SafeTensorsFile {
        try Reader(bytes: bytes, file: file).read()
    }

    /// Writes `tensors` and `metadata` to `path` atomically: a crash or a full disk leaves either
    /// the old file or the new one, never a half-written one.
    public static func write(_ tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:],
                             to path: String) throws {
        try FileBytes.writeAtomically(encode(tensors, metadata: metadata), to: path)
    }

    /// Reads the safetensors file at `path`.
    public static func read(_ path: String) throws -> SafeTensorsFile {
        try decode(FileBytes.read(path, limit: maximumFileSize), file: path)
    }
}

/// The contents of a safetensors file.
public struct SafeTensorsFile {
    /// The tensors, in the order of their data in the file (for files labbook writes, the order
    /// they were given in).
    public var tensors: [(name: String, tensor: Tensor)]
    /// The `__metadata__` strings.
    public var metadata: [String: String]

    /// The tensor called `name`, if there is one.
    public subscript(name: String) -> Tensor? {
        tensors.first { $0.name == name }?.tensor
    }
}

extension SafeTensors {
    /// The element types labbook reads and writes, with their safetensors names.
    enum ElementType: String, CaseIterable {
        case F32, I32, U8

        init(_ dtype: DType) {
            switch dtype {
            case .float32: self = .F32
            case .int32: self = .I32
            case .uint8: self = .U8
            }
        }

        var dtype: DType {
            switch self {
            case .F32: return .float32
            case .I32: return .int32
            case .U8: return .uint8
            }
        }

        /// Bytes per element.
        var size: Int {
            switch self {
            case .F32, .I32: return 4
            case .U8: return 1
            }
        }
    }

    /// The other dtypes of the format, so that a message can tell "not supported" from "unknown".
    static let otherDTypes: Set<String> = ["BOOL", "F4", "F6_E2M3", "F6_E3M2", "F8_E4M3", "F8_E5M2", "F8_E8M0",
                                           "I8", "U16", "I16", "F16", "BF16", "U32", "I64", "U64", "F64", "C64"]

    /// Appends the elements of `tensor`, little-endian, as its dtype's element type.
    private static func appendData(of tensor: Tensor, named name: String, to bytes: inout [UInt8]) throws {
        try tensor.withUnsafeBufferPointer { values in
            switch ElementType(tensor.dtype) {
            case .F32:
                // Float32 in memory is already little-endian on every platform Swift runs on here.
                bytes += UnsafeRawBufferPointer(values)
            case .I32:
                for value in values {
                    guard let integer = Int32(exactly: value) else {
                        throw EngineError.invalidArgument(EngineMessages.unrepresentable(name, value: value, dtype: tensor.dtype))
                    }
                    let bits = UInt32(bitPattern: integer)
                    bytes += [UInt8(truncatingIfNeeded: bits), UInt8(truncatingIfNeeded: bits >> 8),
                              UInt8(truncatingIfNeeded: bits >> 16), UInt8(truncatingIfNeeded: bits >> 24)]
                }
            case .U8:
                for value in values {
                    guard let byte = UInt8(exactly: value) else {
                        throw EngineError.invalidArgument(EngineMessages.unrepresentable(name, value: value, dtype: tensor.dtype))
                    }
                    bytes.append(byte)
                }
            }
        }
    }
}

#if !_endian(little)
#error("SafeTensors copies Float32 memory as little-endian bytes; add byte swapping for this platform")
#endif
