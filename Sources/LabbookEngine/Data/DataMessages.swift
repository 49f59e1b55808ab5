/// Every message the data loaders throw, in one place and one voice: the file, what was expected,
/// what was found, and where it helps, what to do about it.
enum DataMessage {
    // MARK: Reading files

    static func unreadable(_ path: String, reason: String) -> EngineError {
        .data("cannot read \(path): \(reason)")
    }

    static func notARegularFile(_ path: String) -> EngineError {
        .data("cannot read \(path): it is not a regular file")
    }

    static func fileTooLarge(_ path: String, bytes: Int, limit: Int) -> EngineError {
        .data("cannot read \(path): it is \(bytes) bytes, more than the limit of \(limit) bytes for a data file")
    }

    static func unwritable(_ path: String, reason: String) -> EngineError {
        .data("cannot write \(path): \(reason)")
    }

    // MARK: Gzip

    /// `declaredBytes`: the size of the IDX file the stream's header declares, once known.
    static func gzip(_ failure: Gzip.Failure, _ path: String, declaredBytes: Int?) -> EngineError {
        switch failure {
        case let .damaged(reason):
            return .data("\(path) is damaged: its gzip stream cannot be inflated (\(reason)); "
                + "delete it and copy or download it again")
        case .truncated:
            return .data("\(path) is truncated: its gzip stream ends before its end marker "
                + "(the file was cut short, perhaps by an interrupted download)")
        case let .tooLarge(limit):
            if let declaredBytes, declaredBytes < limit {
                return .data("\(path) is damaged: it inflates to far more than the \(declaredBytes) bytes "
                    + "its IDX header describes")
            }
            return .data("\(path) inflates to more than \(limit) bytes, the limit for a data file")
        case let .trailingData(bytes):
            return .data("\(path) is damaged: \(bytes) unexpected bytes follow the end of its gzip stream")
        }
    }

    // MARK: IDX

    static func emptyFile(_ path: String) -> EngineError {
        .data("\(path) is empty: an IDX file holds at least a header")
    }

    static func notIDX(_ path: String, firstBytes: [UInt8]) -> EngineError {
        let found = firstBytes.prefix(4).map { hex($0) }.joined(separator: " ")
        return .data("\(path) is not an IDX file: it starts with \(found), "
            + "but IDX files start with 00 00 08 01 (labels) or 00 00 08 03 (images)")
    }

    static func unsupportedIDXType(_ path: String, typeCode: UInt8, typeName: String) -> EngineError {
        .data("\(path) holds \(typeName) (IDX type code 0x\(hex(typeCode))); "
            + "labbook reads IDX files of unsigned bytes (type code 0x08) only")
    }

    static func unsupportedIDXRank(_ path: String, dimensions: Int) -> EngineError {
        .data("\(path) declares \(dimensions) dimensions; labbook reads IDX files with 1 to 4 dimensions")
    }

    static func idxHeaderTruncated(_ path: String, bytes: Int, needed: Int) -> EngineError {
        .data("\(path) is truncated: it has \(bytes) bytes, fewer than the \(needed) of its IDX header")
    }

    static func idxTooLarge(_ path: String, shape: [Int]) -> EngineError {
        .data("\(path) is damaged: its IDX header declares the shape \(shapeText(shape)), "
            + "more than the limit of \(Tensor.elementLimit) values")
    }

    static func idxTruncated(_ path: String, shape: [Int], found: Int, needed: Int) -> EngineError {
        .data("\(path) is truncated: its IDX header declares \(shapeText(shape)), which needs \(needed) "
            + "bytes of data, but only \(found) follow the header")
    }

    static func idxTrailingData(_ path: String, shape: [Int], extra: Int) -> EngineError {
        .data("\(path) is damaged: \(extra) unexpected bytes follow the \(shapeText(shape)) values "
            + "its IDX header declares")
    }

    // MARK: Data sets

    static func checksumMismatch(_ path: String, dataset: String, found: String, expected: String,
                                 installHint: String?) -> EngineError {
        var message = "\(path) is not the published \(dataset) file: its SHA-256 is \(found), "
            + "but the published file's is \(expected); it is damaged or was changed. "
            + "Delete it and copy or download it again"
        if let installHint { message += " (or: \(installHint))" }
        return .data(message)
    }

    static func unexpectedShape(_ path: String, dataset: String, found: [Int], expected: [Int]) -> EngineError {
        .data("\(path) holds a tensor of shape \(shapeText(found)), "
            + "but \(dataset)'s file of that name holds \(shapeText(expected))")
    }

    static func incompleteFolder(_ folder: String, dataset: String, missing: [String]) -> EngineError {
        .data("\(folder) has some of the \(dataset) files but not "
            + missing.joined(separator: ", ") + "; copy the missing files there or remove the others")
    }

    static func notFound(dataset: String, files: [String], folders: [String], installHint: String?) -> EngineError {
        var message = "cannot find the \(dataset) files (\(files.joined(separator: ", ")), "
            + "each .gz or not) in any of these folders:\n"
            + folders.map { "  \($0)" }.joined(separator: "\n")
        if let installHint {
            message += "\nInstall them with: \(installHint)"
        }
        message += "\nor put them in one of these folders (--data DIR or LABBOOK_DATA=DIR chooses another)."
        return .data(message)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
