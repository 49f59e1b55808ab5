import Foundation

/// Standard error, where every command's diagnostics and progress go (standard output is
/// kept for what a command produces: a diff, a benchmark table).
public enum StandardError {
    /// Writes `line` and a newline.
    public static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
