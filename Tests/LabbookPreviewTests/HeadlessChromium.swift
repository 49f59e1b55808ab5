import Foundation
import LabbookTestSupport

/// Headless Chromium (Debian's `chromium`) opened on one page and driven over the DevTools
/// protocol: JavaScript evaluated in the page, screenshots taken. Each instance has a profile of
/// its own in a temporary folder, removed by `close`.
final class HeadlessChromium {
    /// The browser: `LABBOOK_CHROMIUM`, or `chromium` (Debian's), `chromium-browser` or
    /// `google-chrome` on the `PATH`; nil when there is none.
    static let executable: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment["LABBOOK_CHROMIUM"] { return given }
        let folders = (environment["PATH"] ?? "/usr/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }()

    enum Failure: Error, CustomStringConvertible {
        case notStarted(String)
        case protocolError(String)

        var description: String {
            switch self {
            case .notStarted(let why): return "Chromium did not start: \(why)"
            case .protocolError(let why): return "DevTools: \(why)"
            }
        }
    }

    private let process = Process()
    private let profile: URL
    private let socket: RawHTTP.Socket
    private var lastID = 0

    /// Starts the browser on `url` in a window of `width`×`height` and connects to that page.
    init(url: String, width: Int = 1200, height: Int = 900) throws {
        guard let executable = HeadlessChromium.executable else { throw Failure.notStarted("no chromium on the PATH") }
        profile = try temporaryDirectory()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--no-default-browser-check", "--hide-scrollbars", "--remote-debugging-port=0",
                             "--user-data-dir=\(profile.path)", "--window-size=\(width),\(height)", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Chromium writes the port it chose, then the browser's path, into the profile.
        let portFile = profile.appendingPathComponent("DevToolsActivePort")
        let deadline = Date().addingTimeInterval(60)
        var port: Int?
        while port == nil && Date() < deadline && process.isRunning {
            port = (try? String(contentsOf: portFile, encoding: .utf8))?.split(separator: "\n").first.flatMap { Int($0) }
            if port == nil { usleep(20_000) }
        }
        guard let port else {
            process.terminate()
            throw Failure.notStarted(process.isRunning ? "no DevToolsActivePort after 60 s" : "it exited (\(process.terminationStatus))")
        }
        // The page's own endpoint: the first target of type "page".
        var page: String?
        while page == nil && Date() < deadline {
            let list = try RawHTTP(port: port).get("/json/list", host: "127.0.0.1:\(port)")
            let targets = (try? JSONSerialization.jsonObject(with: list.body) as? [[String: Any]]) ?? []
            page = targets.first { $0["type"] as? String == "page" }?["webSocketDebuggerUrl"] as? String
            if page == nil { usleep(20_000) }
        }
        guard let page, let path = URL(string: page)?.path else { throw Failure.notStarted("no page target") }
        socket = try RawHTTP.Socket(port: port, path: path)
    }

    /// Sends a DevTools command and returns its result, skipping the events that come before it.
    @discardableResult
    func call(_ method: String, _ parameters: [String: Any] = [:], seconds: Double = 60) throws -> [String: Any] {
        lastID += 1
        let id = lastID
        let message = try JSONSerialization.data(withJSONObject: ["id": id, "method": method, "params": parameters])
        try socket.send(String(decoding: message, as: UTF8.self))
        let deadline = Date().addingTimeInterval(seconds)
        while let text = socket.next(seconds: max(0.1, deadline.timeIntervalSinceNow)) {
            guard let reply = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                  reply["id"] as? Int == id else { continue }
            if let error = reply["error"] as? [String: Any] { throw Failure.protocolError("\(method): \(error)") }
            return reply["result"] as? [String: Any] ?? [:]
        }
        throw Failure.protocolError("no answer to \(method) in \(seconds) s")
    }

    /// The value of the JavaScript `expression` in the page (a promise is awaited).
    func evaluate(_ expression: String) throws -> Any? {
        let result = try call("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let exception = result["exceptionDetails"] as? [String: Any] {
            throw Failure.protocolError("\(expression.prefix(80)): \(exception["text"] ?? exception)")
        }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Evaluates `expression` every 10 ms until it is true; false when `seconds` pass first.
    func waitUntil(_ expression: String, seconds: Double) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if try evaluate(expression) as? Bool == true { return true }
            usleep(10_000)
        } while Date() < deadline
        return false
    }

    /// A PNG of what the page shows, written to `file`.
    func screenshot(to file: URL) throws {
        let result = try call("Page.captureScreenshot", ["format": "png"])
        guard let encoded = result["data"] as? String, let png = Data(base64Encoded: encoded) else {
            throw Failure.protocolError("Page.captureScreenshot gave no image")
        }
        try png.write(to: file)
    }

    /// Ends the browser and removes its profile.
    func close() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: profile)
    }
}
