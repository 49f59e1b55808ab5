import Foundation

/// Reads a file a user named, refusing what is not a regular file (a folder, `/dev/zero`, a
/// FIFO, which would never end or block) and what is larger than a limit, with plain messages.
enum BoundedFile {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func read(_ path: String, limit: Int) throws -> Data {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw Failure(description: FileErrorText.describe(error))
        }
        switch attributes[.type] as? FileAttributeType {
        case .typeRegular?: break
        case .typeDirectory?: throw Failure(description: "it is a folder, not a file")
        default: throw Failure(description: "it is not a regular file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limit else {
            throw Failure(description: "it is \(size / (1 << 20)) MB, larger than the \(limit / (1 << 20)) MB accepted")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Failure(description: FileErrorText.describe(error))
        }
    }
}
