import Foundation

/// A child process run to its end or killed at its deadline.
enum ChildProcess {
    enum Ending: Equatable {
        case exited(Int32)
        case signaled(Int32)
        case timedOut
        case notStarted(String)
    }

    /// Runs `executable` with `arguments`, its standard error into the file `stderr`; kills it
    /// (SIGKILL) when it runs past `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], timeout: Double, stderr: String) -> Ending {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        FileManager.default.createFile(atPath: stderr, contents: nil)
        let errorFile = FileHandle(forWritingAtPath: stderr)
        process.standardError = errorFile ?? FileHandle.nullDevice
        defer { try? errorFile?.close() }
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        do {
            try process.run()
        } catch {
            return .notStarted("\(error)")
        }
        if ended.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            ended.wait()
            return .timedOut
        }
        return process.terminationReason == .uncaughtSignal ? .signaled(process.terminationStatus) : .exited(process.terminationStatus)
    }
}
