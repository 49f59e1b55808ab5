import Foundation

/// What a file looks like from outside: when it was last changed, its size and its inode (an
/// editor that saves by writing a new file and renaming it over the old one changes the inode).
/// nil fields: the file does not exist (while an editor replaces it, for a moment).
struct FileSignature: Equatable, Sendable {
    var seconds: Int
    var nanoseconds: Int
    var size: Int64
    var inode: UInt64

    /// The file's signature now; nil when it cannot be read.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        seconds = Int(status.st_mtim.tv_sec)
        nanoseconds = Int(status.st_mtim.tv_nsec)
        size = Int64(status.st_size)
        inode = UInt64(status.st_ino)
    }

    init(seconds: Int, nanoseconds: Int = 0, size: Int64, inode: UInt64 = 1) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.size = size
        self.inode = inode
    }
}

/// Saves told apart from the moments of one save: files are looked at every few milliseconds,
/// and a render is due once what they look like has changed since the last render and then
/// stayed the same for `settle` nanoseconds (an editor's save in several writes, or several
/// saves in quick succession, give one render).
struct SaveDetector {
    let settle: UInt64
    private var rendered: [String: FileSignature?]
    private var seen: [String: FileSignature?]
    private var changedAt: UInt64 = 0

    /// - Parameter initial: the files as the first render sees them.
    init(initial: [String: FileSignature?], settle: UInt64 = 60_000_000) {
        self.settle = settle
        rendered = initial
        seen = initial
    }

    /// The files as they look `now` (nanoseconds of a monotonic clock); true when a render is due.
    mutating func observe(_ files: [String: FileSignature?], now: UInt64) -> Bool {
        if files != seen {
            seen = files
            changedAt = now
        }
        // A file watched for the first time (a data file a run read) is no change of its own.
        let changed = seen.contains { path, signature in rendered[path].map { $0 != signature } ?? false }
        guard changed, now - changedAt >= settle else {
            if !changed { rendered = seen }
            return false
        }
        rendered = seen
        return true
    }

    /// The signatures of `paths` now.
    static func look(at paths: [String]) -> [String: FileSignature?] {
        Dictionary(paths.map { ($0, FileSignature(path: $0)) }, uniquingKeysWith: { first, _ in first })
    }
}
