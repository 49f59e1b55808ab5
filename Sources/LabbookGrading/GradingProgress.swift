import Foundation

/// What a submission's run has recorded so far, one JSON line per event, written as each check
/// ends: the parent reads it whatever happened to the run, so the points of every test that ran
/// are kept after a timeout, a crash or an out-of-memory kill.
public enum GradingEvent: Codable, Equatable, Sendable {
    case test(TestResult)
    case failure(CheckFailure)
    /// The run reached its end: every block ran (`outOfMemory` when one went past the memory
    /// budget), and the library names the submission redefined.
    case finished(outOfMemory: Bool, shadowed: [String])
}

/// The progress file of one submission's run: appended to by the child, read by the parent.
public struct GradingProgress: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Starts an empty file.
    public func reset() throws {
        try Data().write(to: URL(fileURLWithPath: path))
    }

    /// Appends one event and flushes it to the file.
    public func append(_ event: GradingEvent) {
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let line = try? encoder.encode(event) else { return }
        handle.seekToEndOfFile()
        handle.write(line + Data("\n".utf8))
        try? handle.synchronize()
    }

    /// Every event recorded, in order; a line cut short by a kill is left out.
    public func events() -> [GradingEvent] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(GradingEvent.self, from: Data($0)) }
    }
}
