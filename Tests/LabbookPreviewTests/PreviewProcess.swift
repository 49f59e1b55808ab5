import Foundation
import LabbookTestSupport

/// A `labbook preview` child process, its standard error collected line by line.
final class PreviewProcess: @unchecked Sendable {
    /// The executable `swift test` built beside the tests, or `LABBOOK_EXECUTABLE` (a release
    /// build, to time the coursework).
    static let labbook = ProcessInfo.processInfo.environment["LABBOOK_EXECUTABLE"]
        ?? repositoryDirectory.appendingPathComponent(".build/debug/labbook").path

    let process = Process()
    let port: Int
    private let lock = NSLock()
    private var text = ""
    /// Signalled when standard error reaches its end (the process and its children closed it).
    private let ended = DispatchSemaphore(value: 0)

    /// Starts `labbook preview notebook --port port` with `arguments`, in `folder`.
    init(notebook: String, port: Int, in folder: URL, arguments: [String] = []) throws {
        self.port = port
        process.executableURL = URL(fileURLWithPath: PreviewProcess.labbook)
        process.arguments = ["preview", notebook, "--port", String(port)] + arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        let ended = self.ended
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                ended.signal()
                return
            }
            guard let self else { return }
            self.lock.withLock { self.text += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// Everything it wrote to standard error so far.
    var standardError: String { lock.withLock { text } }

    /// Waits until standard error holds `needle` `count` times; false after `seconds`.
    func waitFor(_ needle: String, count: Int = 1, seconds: Double = 120) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if standardError.components(separatedBy: needle).count - 1 >= count { return true }
            if !process.isRunning { return standardError.components(separatedBy: needle).count - 1 >= count }
            usleep(10_000)
        }
        return false
    }

    /// Sends Ctrl-C's signal and waits for the exit; its status, or nil when it did not end in `seconds`.
    func interrupt(seconds: Double = 30) -> Int32? {
        Foundation.kill(process.processIdentifier, SIGINT)
        return waitForExit(seconds: seconds)
    }

    /// The exit status once it ended; nil when it did not within `seconds`.
    func waitForExit(seconds: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { return nil }
        // Everything it wrote is read before the caller looks at it.
        if ended.wait(timeout: .now() + max(1, deadline.timeIntervalSinceNow)) == .success { ended.signal() }
        return process.terminationStatus
    }

    /// Ends it whatever it is doing (a test that failed midway).
    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    /// A port no one listens on now.
    static func freePort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
