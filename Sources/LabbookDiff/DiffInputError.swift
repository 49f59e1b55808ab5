import LabbookReport

/// Why a side of the diff could not be read: exit status 2, with a one-line message in plain
/// words (no system error dumps).
public enum DiffInputError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    /// The file exists but cannot be read: `reason` is "permission denied", "is a directory",
    /// "not a regular file" (a FIFO, a device such as /dev/zero), ...
    case unreadable(String, reason: String)
    /// Larger than `DiffInput.sizeLimit`.
    case tooLarge(String, bytes: Int)
    /// The bytes do not parse as JSON.
    case malformed(String, reason: String)
    /// Valid JSON, but not a labbook results.json: `reason` says what is missing or wrong.
    case notAReport(String, reason: String)
    case formatVersion(String, found: Int)

    public var description: String {
        switch self {
        case .missing(let path): "\(visible(path)): no such file or folder"
        case .unreadable(let path, let reason): "\(visible(path)): cannot be read (\(reason))"
        case .tooLarge(let path, let bytes):
            "\(visible(path)): too large (\(megabytes(bytes)); labbook diff reads results.json files of up to "
                + "\(megabytes(DiffInput.sizeLimit)))"
        case .malformed(let path, let reason): "\(visible(path)): not valid JSON (\(reason))"
        case .notAReport(let path, let reason): "\(visible(path)): not a labbook report (\(visible(reason)))"
        case .formatVersion(let path, let found):
            "\(visible(path)): results.json format \(found), but this labbook reads format \(ResultsJSON.format); re-render it with this version"
        }
    }

    private func visible(_ text: String) -> String { TerminalText.visible(text) }

    /// `64 MB`, `70.3 MB`.
    private func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / Double(1 << 20)
        return value == value.rounded() ? "\(Int(value)) MB" : String(format: "%.1f MB", value)
    }
}
