import Foundation
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
        guard stat(path, &info) == 0 else { throw problem(path, errno) }
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

    /// The bytes of the regular file at `path`, opened without blocking (a FIFO without a
    /// writer would block `open` forever).
    private static func read(_ path: String) throws(DiffInputError) -> Data {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw problem(path, errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw problem(path, errno) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadable(path, reason: "is a directory")
        default: throw .unreadable(path, reason: "not a regular file")
        }
        guard Int(info.st_size) <= sizeLimit else { throw .tooLarge(path, bytes: Int(info.st_size)) }
        // At most the size fstat gave: bounded even if the file grows while it is read.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw problem(path, errno) }
            if n == 0 { break }
            filled += n
        }
        return Data(bytes[..<filled])
    }

    /// A system error in plain words.
    private static func problem(_ path: String, _ code: Int32) -> DiffInputError {
        code == ENOENT ? .missing(path) : .unreadable(path, reason: SystemErrorText.describe(errno: code))
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
