import LabbookReport
import Foundation
import LabbookNotebook
#if canImport(Glibc)
import Glibc
#endif

extension DiffInput {
    /// The largest results.json `labbook diff` reads (the coursework's is under 1 MB): a larger
    /// file is refused before it is read.
    public static let sizeLimit = 64 << 20

    /// Reads `path`: a report folder (its `results.json`) or a results.json file. Only a regular
    /// file is read, and at most `sizeLimit` bytes of it, so a FIFO or a device such as
    /// /dev/zero is an error at once instead of a hang.
    public static func load(path: String) throws(DiffInputError) -> DiffInput {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw errno == ENOENT ? .missing(path) : .unreadable(path, reason: SystemErrorText.describe(errno: errno))
        }
        let file = resultsFile(at: path)
        return try decode(try read(file), path: file)
    }

    /// Decodes the bytes of a results.json in one pass; `path` names it in messages.
    public static func decode(_ data: Data, path: String) throws(DiffInputError) -> DiffInput {
        do {
            return try JSONDecoder().decode(DiffInput.self, from: data)
        } catch let error as NotAReport {
            throw .notAReport(path, reason: error.reason)
        } catch let error as OtherFormat {
            throw .formatVersion(path, found: error.found)
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw .malformed(path, reason: "the bytes do not parse as JSON")
        } catch {
            throw .notAReport(path, reason: describe(error))
        }
    }

    /// The bytes of the regular file at `path`, at most ``sizeLimit`` of them.
    private static func read(_ path: String) throws(DiffInputError) -> Data {
        do {
            return try BoundedFile.read(path, limit: sizeLimit)
        } catch {
            switch error {
            case .missing: throw .missing(path)
            case .unreadable(let reason): throw .unreadable(path, reason: reason)
            case .tooLarge(let bytes, _): throw .tooLarge(path, bytes: bytes)
            }
        }
    }

    /// The results.json that `load(path:)` reads for `path`: the file in a report folder, or
    /// the path itself.
    public static func resultsFile(at path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return path }
        return (path as NSString).appendingPathComponent("results.json")
    }

    /// Whether `a` and `b` name the same existing file, however they are spelled (`..`,
    /// symbolic or hard links).
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    /// What is wrong in a results.json that parses but does not decode: `missing
    /// "blocks[2].label"`, `"blocks[0].line" is not a number`.
    private static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "it does not decode" }
        func at(_ path: [CodingKey]) -> String {
            "\"" + path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." } + "\""
        }
        func kind(_ type: Any.Type) -> String {
            switch type {
            case is Int.Type: "a whole number"
            case is Double.Type: "a number"
            case is String.Type: "a string"
            case is Bool.Type: "true or false"
            default: "an object or an array of the right kind"
            }
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \(at(context.codingPath + [key]))"
        case .typeMismatch(let type, let context): return "\(at(context.codingPath)) is not \(kind(type))"
        case .valueNotFound(let type, let context): return "\(at(context.codingPath)) is null, not \(kind(type))"
        case .dataCorrupted(let context): return "\(at(context.codingPath)) is not a valid value"
        @unknown default: return "it does not decode"
        }
    }
}

/// Thrown from `DiffInput.init(from:)` for JSON that is not a labbook report.
struct NotAReport: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// Thrown from `DiffInput.init(from:)` for a results.json of another format version.
struct OtherFormat: Error {
    var found: Int
}
