import Foundation
import Hummingbird
import LabbookNotebook
import LabbookReport
import LabbookRun

/// `labbook preview NOTEBOOK`: renders the notebook, serves its report folder, and renders again
/// through the cache each time the notebook (or a data file it read) is saved, telling every
/// open page over a WebSocket. A render that fails leaves the pages as they are with its
/// diagnostics over them; nothing but Ctrl-C (or SIGTERM) ends the server, and it stops the
/// render in progress too.
public enum Preview {
    /// Where the preview listens.
    public struct Address: Sendable {
        public var host: String
        public var port: Int

        /// The loopback interface, port 4848.
        public init(host: String = "127.0.0.1", port: Int = 4848) {
            self.host = host
            self.port = port
        }

        /// The page's address, as the author opens it.
        public var url: String { "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/" }
    }

    /// How long the orderly stop after Ctrl-C may take, in seconds, before labbook ends anyway.
    static let stopDeadline = 10.0

    /// How often the watched files are looked at, in nanoseconds.
    static let pollInterval: UInt64 = 20_000_000

    /// Runs the preview until Ctrl-C; returns the exit status: 0 after Ctrl-C, 2 when the
    /// notebook cannot be read at the start, its report's place is refused, or the address
    /// cannot be listened on.
    public static func run(_ path: String, options: NotebookRender.Options, address: Address) -> Int32 {
        guard FileManager.default.isReadableFile(atPath: path) else {
            let reading = NotebookReader.read(path: path)
            for diagnostic in reading.diagnostics { StandardError.write(reading.diagnosticFormatter().format(diagnostic)) }
            return 2
        }
        let folder: ReportFolder
        do {
            folder = try ReportFolder(notebook: path, outputDirectory: options.outputDirectory)
            try folder.claim(force: options.force)
        } catch {
            StandardError.write("\(error)")
            return 2
        }
        switch ListeningCheck.check(host: address.host, port: address.port) {
        case .free: break
        case .inUse:
            StandardError.write(PreviewMessages.portInUse(host: address.host, port: address.port))
            return 2
        case .unknownHost:
            StandardError.write(PreviewMessages.unknownHost(address.host))
            return 2
        case .refused(let reason):
            StandardError.write(PreviewMessages.cannotListen(host: address.host, port: address.port, reason))
            return 2
        }
        let hub = PreviewHub()
        let renderer = PreviewRenderer(path: path, options: options, hub: hub)
        let application = PreviewServer.application(host: address.host, port: address.port,
                                                     files: ReportFiles(folder: folder.path), hub: hub) {
            StandardError.write(PreviewMessages.serving(address.url, notebook: path))
        }
        let initial = SaveDetector.look(at: renderer.watchedFiles)
        renderer.start()
        let watcher = Task.detached {
            var detector = SaveDetector(initial: initial)
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: pollInterval)
                if detector.observe(SaveDetector.look(at: renderer.watchedFiles), now: DispatchTime.now().uptimeNanoseconds) {
                    renderer.requestRender()
                }
            }
        }
        let status = StatusBox()
        let ended = DispatchSemaphore(value: 0)
        let server = Task.detached {
            do {
                try await application.runService(gracefulShutdownSignals: [])
            } catch is CancellationError {
            } catch {
                StandardError.write(PreviewMessages.cannotListen(host: address.host, port: address.port, "\(error)"))
                status.value = 2
            }
            ended.signal()
        }
        let stop = StopSignals {
            StandardError.write(PreviewMessages.stopping)
            // The orderly stop is bounded: a report is written atomically, so ending labbook
            // at any point loses nothing written before.
            DispatchQueue.global().asyncAfter(deadline: .now() + stopDeadline) {
                StandardError.write(PreviewMessages.stoppedAfterDeadline(seconds: stopDeadline))
                exit(0)
            }
            watcher.cancel()
            renderer.stop()
            hub.close()
            server.cancel()
        }
        ended.wait()
        stop.cancel()
        watcher.cancel()
        if status.value != 0 { renderer.stop() }
        return status.value
    }
}

/// The exit status, set from the server's task.
private final class StatusBox: @unchecked Sendable {
    var value: Int32 = 0
}

/// Ctrl-C and SIGTERM stop the preview (once: a second Ctrl-C ends labbook at once).
private final class StopSignals {
    private var sources: [DispatchSourceSignal] = []
    private var count = 0

    init(_ stop: @escaping () -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [unowned self] in
                count += 1
                if count > 1 { exit(130) }
                stop()
            }
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
