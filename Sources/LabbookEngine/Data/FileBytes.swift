#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and atomic whole-file writes, with errors that name the file and give the
/// system's reason.
enum FileBytes {
    /// The largest file `read` accepts (data files and saved models are far smaller).
    static let readLimit = 1 << 30

    /// The contents of the regular file at `path`. It is opened without blocking, so that a
    /// FIFO (whose `open` would wait for a writer forever) is refused at once like a device.
    static func read(_ path: String, limit: Int = readLimit) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw EngineError.data(EngineMessages.unreadable(path, reason: systemError())) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw EngineError.data(EngineMessages.unreadable(path, reason: systemError())) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw EngineError.data(EngineMessages.notARegularFile(path)) }
        let size = Int(info.st_size)
        guard size <= limit else { throw EngineError.data(EngineMessages.fileTooLarge(path, bytes: size, limit: limit)) }

        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        try bytes.withUnsafeMutableBytes { buffer in
            while filled < size {
                let n = systemRead(fd, buffer.baseAddress! + filled, min(size - filled, 1 << 26))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw EngineError.data(EngineMessages.unreadable(path, reason: systemError()))
                }
                if n == 0 { break }
                filled += n
            }
        }
        // The file shrank while being read: keep what was there; the format checks will object.
        if filled < size { bytes.removeLast(size - filled) }
        return bytes
    }

    /// Replaces the file at `path` by `bytes` atomically: writes a temporary file in the same
    /// folder, flushes it to disk, then renames it over `path`, so a crash or a full disk never
    /// leaves a half-written file under the real name.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw EngineError.data(EngineMessages.unwritable(path, reason: EngineMessages.pathNamesFolder)) }
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw EngineError.data(EngineMessages.unwritable(path, reason: systemError())) }
        var closed = false
        do {
            try bytes.withUnsafeBytes { buffer in
                var written = 0
                while written < buffer.count {
                    let n = systemWrite(fd, buffer.baseAddress! + written, min(buffer.count - written, 1 << 26))
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw EngineError.data(EngineMessages.unwritable(path, reason: systemError()))
                    }
                    written += n
                }
            }
            guard fsync(fd) == 0 else { throw EngineError.data(EngineMessages.unwritable(path, reason: systemError())) }
            closed = true
            guard close(fd) == 0 else { throw EngineError.data(EngineMessages.unwritable(path, reason: systemError())) }
            guard rename(temporary, path) == 0 else { throw EngineError.data(EngineMessages.unwritable(path, reason: systemError())) }
        } catch {
            if !closed { close(fd) }
            unlink(temporary)
            throw error
        }
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}

// `read` and `write` are shadowed inside `FileBytes` by its own methods.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
