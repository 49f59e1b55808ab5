import Foundation

/// How much memory a session may hold: the process's resident memory, read from the system,
/// checked by the interpreter as a block runs. No limit on single collections can bound their
/// sum (a thousand arrays of nine million elements each), so the budget looks at what the
/// process really holds. A block over the budget ends with a diagnostic; the report is written.
public enum MemoryBudget {
    /// The default budget: three quarters of the memory the machine (or the control group the
    /// process runs in) has.
    public static var defaultLimit: Int {
        var total = Int(clamping: ProcessInfo.processInfo.physicalMemory)
        if let text = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8),
           let cgroup = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), cgroup > 0 {
            total = min(total, cgroup)
        }
        return total / 4 * 3
    }

    /// The resident memory of this process in bytes (nil where the system does not say).
    public static func residentBytes() -> Int? {
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = read(fd, &buffer, buffer.count)
        guard count > 0 else { return nil }
        // "size resident shared ...", in pages.
        let fields = buffer[..<count].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Bytes of native values made since the budget was last checked (a tensor's storage):
    /// the interpreter checks again once they add up to ``checkEvery``.
    static var madeSinceCheck: Int {
        lock.lock()
        defer { lock.unlock() }
        return made
    }

    nonisolated(unsafe) private static var made = 0
    private static let lock = NSLock()

    /// How many bytes may be made between two checks.
    static let checkEvery = 64 << 20

    /// Counts a native value of `bytes` bytes just made.
    public static func noteMade(_ bytes: Int) {
        lock.lock()
        made &+= bytes
        lock.unlock()
    }

    /// Whether `extra` more bytes fit in `limit` beside what the process holds.
    static func fits(_ extra: Int, limit: Int) -> (fits: Bool, resident: Int) {
        lock.lock()
        made = 0
        lock.unlock()
        guard let resident = residentBytes() else { return (true, 0) }
        return (resident &+ extra <= limit, resident)
    }
}
