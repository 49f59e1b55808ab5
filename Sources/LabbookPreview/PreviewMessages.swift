/// What `labbook preview` says, in one place.
enum PreviewMessages {
    static let renderFailed = "the render failed"

    static func serving(_ url: String, notebook: String) -> String {
        "previewing \(notebook) at \(url) (Ctrl-C to stop)"
    }

    static func updated(seconds: Double, replayed: Bool) -> String {
        "preview: updated in " + String(format: "%.2f s", seconds) + (replayed ? " (every block replayed from the cache)" : "")
    }

    static func failedRender(seconds: Double) -> String {
        "preview: the render failed after " + String(format: "%.2f s", seconds)
            + "; the pages keep the last good report with the diagnostics over it"
    }

    static func portInUse(host: String, port: Int) -> String {
        "error: port \(port) on \(host) is in use (another preview?); choose another with --port, e.g. --port \(port + 1)"
    }

    static func cannotListen(host: String, port: Int, _ reason: String) -> String {
        "error: cannot listen on \(host) port \(port): \(reason)"
    }

    static func unknownHost(_ host: String) -> String {
        "error: --host \(host) is not an address of this machine (give an IP address such as 127.0.0.1, or localhost)"
    }

    static func wrongHost(_ host: String?) -> String {
        "refused: the Host header \(host.map { "'\($0)'" } ?? "(none)") is not this preview's address\n"
    }

    static let stopping = "preview: stopping"

    static func stoppedAfterDeadline(seconds: Double) -> String {
        "preview: stopped (the server had not closed its connections after " + String(format: "%.0f s", seconds) + ")"
    }
}
