/// Every message the safetensors reader and writer throw. A damaged file is
/// "FILE is not a valid safetensors file: WHAT", so that every message names the file first.
enum SafeTensorsMessage {
    private static func invalid(_ file: String, _ what: String) -> EngineError {
        .data("\(file) is not a valid safetensors file: \(what)")
    }

    // MARK: Reading

    static func tooShort(_ file: String, bytes: Int) -> EngineError {
        invalid(file, "it has \(bytes) bytes, fewer than the 8 that give the header's length")
    }

    static func headerPastEnd(_ file: String, length: UInt64, fileSize: Int) -> EngineError {
        invalid(file, "its header length (\(length) bytes) runs past the end of the file (\(fileSize) bytes)")
    }

    static func headerTooLarge(_ file: String, length: Int, limit: Int) -> EngineError {
        invalid(file, "its header is \(length) bytes long, more than the limit of \(limit)")
    }

    static func headerNotObject(_ file: String) -> EngineError {
        invalid(file, "its header is not a JSON object")
    }

    static func invalidJSON(_ file: String, _ problem: String, at offset: Int) -> EngineError {
        invalid(file, "its header is not valid JSON: \(problem) (at byte \(offset))")
    }

    static func badMetadata(_ file: String, _ problem: String) -> EngineError {
        invalid(file, "its \"__metadata__\" must map names to strings, but \(problem)")
    }

    static func badEntry(_ file: String, _ name: String, _ problem: String) -> EngineError {
        invalid(file, "the entry for tensor \"\(name)\" is malformed: \(problem)")
    }

    static func unsupportedDType(_ file: String, _ name: String, _ dtype: String, known: Bool) -> EngineError {
        let supported = SafeTensors.ElementType.allCases.map(\.rawValue).joined(separator: ", ")
        if known {
            return .data("\(file): tensor \"\(name)\" has dtype \(dtype), which labbook does not read "
                + "(it reads \(supported))")
        }
        return invalid(file, "tensor \"\(name)\" has the unknown dtype \"\(dtype)\"")
    }

    static func offsetsPastEnd(_ file: String, _ name: String, begin: Int, end: Int, dataSize: Int) -> EngineError {
        invalid(file, "tensor \"\(name)\" has data_offsets [\(begin), \(end)], past the end of "
            + "the data section (\(dataSize) bytes)")
    }

    static func sizeMismatch(_ file: String, _ name: String, dtype: String, shape: [Int],
                             needed: Int, found: Int) -> EngineError {
        invalid(file, "tensor \"\(name)\" is \(dtype) of shape \(shapeText(shape)), which takes \(needed) "
            + "bytes, but its data_offsets span \(found)")
    }

    static func overlap(_ file: String, _ name: String, _ other: String) -> EngineError {
        invalid(file, "the data of tensors \"\(other)\" and \"\(name)\" overlap")
    }

    static func gap(_ file: String, before name: String, from: Int, to: Int) -> EngineError {
        invalid(file, "bytes \(from)..<\(to) of the data section, before tensor \"\(name)\", belong to no tensor")
    }

    static func int32OutOfRange(_ file: String, _ name: String, value: Int32) -> EngineError {
        .data("\(file): tensor \"\(name)\" holds the int32 value \(value), which labbook's int32 tensors cannot hold "
            + "exactly (\(DType.int32.rangeText))")
    }

    static func unusedData(_ file: String, bytes: Int) -> EngineError {
        invalid(file, "the last \(bytes) bytes of the data section belong to no tensor")
    }

    // MARK: Writing

    static func reservedName(_ name: String) -> EngineError {
        .invalidArgument("cannot save a tensor named \"\(name)\": a name must be non-empty and not \"__metadata__\"")
    }

    static func repeatedName(_ name: String) -> EngineError {
        .invalidArgument("cannot save two tensors named \"\(name)\" in one file")
    }

    static func unrepresentable(_ name: String, value: Float, dtype: DType) -> EngineError {
        .invalidArgument("cannot save tensor \"\(name)\": it has dtype \(dtype.rawValue) but holds \(value), "
            + "which that dtype cannot store")
    }
}
