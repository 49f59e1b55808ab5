import Foundation
import LabbookNotebook
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file a user named, refusing what is not a regular file (a folder, `/dev/zero`, a
/// FIFO, which would never end or block) and what is larger than a limit, with plain messages.
public enum BoundedFile {
    public enum Failure: Error, CustomStringConvertible {
        case missing
        case unreadable(reason: String)
        case tooLarge(bytes: Int, limit: Int)

        public var description: String {
            switch self {
            case .missing: "no such file or folder"
            case .unreadable(let reason): reason
            case .tooLarge(let bytes, let limit): "it is \(bytes / (1 << 20)) MB, larger than the \(limit / (1 << 20)) MB accepted"
            }
        }
    }

    /// The bytes of the regular file at `path`, opened without blocking (a FIFO without a
    /// writer would block `open` forever), at most `limit` of them.
    public static func read(_ path: String, limit: Int) throws(Failure) -> Data {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw problem(errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw problem(errno) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadable(reason: "is a directory")
        default: throw .unreadable(reason: "not a regular file")
        }
        guard Int(info.st_size) <= limit else { throw .tooLarge(bytes: Int(info.st_size), limit: limit) }
        // At most the size fstat gave: bounded even if the file grows while it is read.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw problem(errno) }
            if n == 0 { break }
            filled += n
        }
        return Data(bytes[..<filled])
    }

    private static func problem(_ code: Int32) -> Failure {
        code == ENOENT ? .missing : .unreadable(reason: SystemErrorText.describe(errno: code))
    }
}
